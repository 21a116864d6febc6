package dev.guardrails;

import java.util.List;
import java.util.Map;
import java.time.Duration;

/**
 * Observes checks for metrics and audit, apart from processing (like OkHttp's
 * {@code EventListener}). All methods have no-op defaults; {@link #NONE} does nothing.
 *
 * <p>Events carry types, spans, timings and the redacted safe text only, never the raw checked
 * text. Exceptions thrown by a listener are logged and swallowed: a listener can never fail a
 * check. Listeners are called on the checking thread and must be thread-safe.
 */
public interface GuardListener {

  /** A listener that ignores every event. */
  GuardListener NONE = new GuardListener() {};

  /**
   * Called after each completed check, including checks answered from the result cache
   * ({@link CheckEvent#cacheHit()}).
   *
   * @param event what happened, without raw text
   */
  default void checkCompleted(CheckEvent event) {}

  /**
   * Called when a detector throws, times out or reports an invalid finding.
   *
   * @param error the failure, without raw text
   */
  default void detectorFailed(DetectorError error) {}

  /**
   * An audit record of one check: verdict, decisions (types, spans, scores, actions), the text with
   * every finding replaced by a type tag, per-detector timings and errors. Holds no raw finding
   * values.
   *
   * @param verdict the verdict
   * @param textLength the length of the checked text
   * @param decisions the findings with their actions
   * @param redactedText the checked text with EVERY finding's span replaced by its type tag
   *     ({@code <EMAIL>}), whatever the policy's action: safe to log
   * @param timings time spent per detector id
   * @param errors detector failures
   * @param cacheHit true when the result was served from the guardrail's result cache (then no
   *     detector ran and {@code timings} is empty); false for a computed check
   */
  record CheckEvent(
      Verdict verdict,
      int textLength,
      List<Decision> decisions,
      String redactedText,
      Map<String, Duration> timings,
      List<DetectorError> errors,
      boolean cacheHit) {

    /** Creates an event, copying the collections. */
    public CheckEvent {
      decisions = List.copyOf(decisions);
      timings = Map.copyOf(timings);
      errors = List.copyOf(errors);
    }

    /**
     * Creates the event of a computed check ({@code cacheHit} false); kept for callers written
     * before the cache-hit flag existed.
     *
     * @param verdict the verdict
     * @param textLength the length of the checked text
     * @param decisions the findings with their actions
     * @param redactedText the checked text with every finding replaced by its type tag
     * @param timings time spent per detector id
     * @param errors detector failures
     */
    public CheckEvent(
        Verdict verdict,
        int textLength,
        List<Decision> decisions,
        String redactedText,
        Map<String, Duration> timings,
        List<DetectorError> errors) {
      this(verdict, textLength, decisions, redactedText, timings, errors, false);
    }

    @Override
    public String toString() {
      return "CheckEvent[verdict=" + verdict + ", textLength=" + textLength + ", findings="
          + decisions.size() + ", errors=" + errors.size() + (cacheHit ? ", cacheHit" : "") + "]";
    }
  }
}
