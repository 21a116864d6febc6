package dev.guardrails;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one check: the verdict, every finding with the action taken for it, the safe text
 * to show, time spent per detector, and detector errors.
 *
 * <p>Built only by the engine (no public constructor). Immutable and thread-safe.
 * {@link #toString()} prints counts and types, never text.
 */
public final class GuardResult {

  private final Verdict verdict;
  private final List<Decision> decisions;
  private final String safeText;
  private final int textLength;
  private volatile Map<String, Duration> timings; // built on first use from the arrays below
  private final String[] timingIds;
  private final long[] timingNanos;
  private final List<DetectorError> errors;

  /**
   * Creates a result with timings as a map: the stream engine's constructor. Results are built only
   * by the engine; callers receive them from {@link Guardrail#check(String)} or a stream's
   * completion.
   *
   * @param verdict the verdict
   * @param decisions findings with their actions, in span order
   * @param safeText the text as it may be shown
   * @param textLength the length of the checked text
   * @param timings time spent per detector id, in pipeline order
   * @param errors detector failures
   */
  GuardResult(
      Verdict verdict,
      List<Decision> decisions,
      String safeText,
      int textLength,
      Map<String, Duration> timings,
      List<DetectorError> errors) {
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.decisions = List.copyOf(decisions);
    this.safeText = Objects.requireNonNull(safeText, "safeText");
    this.textLength = textLength;
    this.timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    this.timingIds = null;
    this.timingNanos = null;
    this.errors = List.copyOf(errors);
  }

  /** Engine constructor: timings as parallel arrays (nanos < 0 = did not run), mapped on demand. */
  GuardResult(
      Verdict verdict,
      List<Decision> decisions,
      String safeText,
      int textLength,
      String[] timingIds,
      long[] timingNanos,
      List<DetectorError> errors) {
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.decisions = decisions.isEmpty() ? List.of() : List.copyOf(decisions); // a clean check's are List.of() already
    this.safeText = Objects.requireNonNull(safeText, "safeText");
    this.textLength = textLength;
    this.timingIds = timingIds;
    this.timingNanos = timingNanos;
    this.errors = errors.isEmpty() ? List.of() : List.copyOf(errors);
  }

  /** Returns the verdict: the strongest action taken, ALLOW reported as PASS. */
  public Verdict verdict() {
    return verdict;
  }

  /** Returns every finding with the action taken for it, ordered by span. */
  public List<Decision> decisions() {
    return decisions;
  }

  /** Returns every finding, ordered by span, including ALLOWed ones. */
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>(decisions.size());
    for (Decision d : decisions) {
      out.add(d.finding());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the text that may be shown: the input with REDACT spans replaced, or the configured
   * block message when the verdict is BLOCK.
   */
  public String safeText() {
    return safeText;
  }

  /** Returns the length of the checked text. */
  public int textLength() {
    return textLength;
  }

  /**
   * Adds this check's detector times to {@code sums}, a stream's running totals for the same
   * pipeline (index = detector order): a detector that reported a time adds it to its slot (-1
   * until the first one); slots of detectors with no time stay as they are.
   *
   * @param sums the totals, one slot per detector of the pipeline that produced this result
   */
  void addTimings(long[] sums) {
    if (timingNanos == null) {
      throw new IllegalStateException("a stream's result has no per-scan timings");
    }
    for (int i = 0; i < timingNanos.length && i < sums.length; i++) {
      long t = timingNanos[i];
      if (t >= 0) {
        sums[i] = Math.max(sums[i], 0) + t;
      }
    }
  }

  /** Returns time spent per detector id, in pipeline order. */
  public Map<String, Duration> timings() {
    Map<String, Duration> t = timings;
    if (t == null) {
      Map<String, Duration> m = new LinkedHashMap<>();
      for (int i = 0; i < timingIds.length; i++) {
        if (timingNanos[i] >= 0) {
          m.put(timingIds[i], Duration.ofNanos(timingNanos[i]));
        }
      }
      t = Collections.unmodifiableMap(m);
      timings = t;
    }
    return t;
  }

  /** Returns the detector failures of this check; empty when all detectors ran cleanly. */
  public List<DetectorError> errors() {
    return errors;
  }

  /** Returns true when the verdict is BLOCK. */
  public boolean blocked() {
    return verdict == Verdict.BLOCK;
  }

  /** Returns true when the verdict is PASS. */
  public boolean passed() {
    return verdict == Verdict.PASS;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("GuardResult[verdict=").append(verdict)
        .append(", textLength=").append(textLength)
        .append(", findings=[");
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      if (i > 0) {
        b.append(", ");
      }
      b.append(d.finding().type()).append(d.finding().span()).append("->").append(d.action());
    }
    return b.append("], errors=").append(errors.size()).append(']').toString();
  }
}
