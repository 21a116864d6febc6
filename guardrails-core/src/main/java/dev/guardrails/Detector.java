package dev.guardrails;

import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.util.Set;

/**
 * Finds one kind of risk in a text and reports {@link Finding}s. Detectors only find; a
 * {@link Policy} decides what to do and the engine writes the safe text.
 *
 * <p>One abstract method, like OkHttp's {@code Interceptor}: built-in and user detectors run
 * through the same path. Built-in detectors are discovered with {@link java.util.ServiceLoader}
 * (service file {@code META-INF/services/dev.guardrails.Detector}); a provider needs a public
 * no-argument constructor.
 *
 * <pre>{@code
 * Detector ticketIds = (text, ctx, out) -> { ... out.accept(Finding.of(...)); };
 * }</pre>
 *
 * <p><b>Skipping.</b> A detector that can find nothing in a text without, say, a digit or an
 * {@code '@'} says so in {@link #triggers()}; the engine then does not call it on a text that holds
 * none of those chars (one pass over the text classifies it for every detector). The default, no
 * trigger, runs it on every text.
 *
 * <pre>{@code
 * @Override
 * public Set<CharClass> triggers() {
 *   return EnumSet.of(CharClass.DIGIT); // ticket ids always hold a digit
 * }
 * }</pre>
 *
 * <p><b>Thread safety:</b> implementations must be stateless or immutable and safe to call from
 * many threads at once. Heavy resources (models, lexicons) load once per JVM and are shared.
 */
@FunctionalInterface
public interface Detector {

  /**
   * Scans {@code text} and reports findings to {@code out}. Spans are in the ORIGINAL text
   * ({@link AnalyzedText#original()}); detectors that scan {@link AnalyzedText#normalized()} map
   * back with {@link AnalyzedText#toOriginal(int, int)}. Must not keep {@code out} after returning.
   *
   * @param text the text, with its normalized view and shared analyses
   * @param ctx what the check may know (prompt, sources, user-supplied values, deadline)
   * @param out where findings go
   */
  void detect(AnalyzedText text, CheckContext ctx, FindingSink out);

  /**
   * Returns this detector's id, such as {@code pii.email}: lower-case, dot-separated, unique in a
   * pipeline. Defaults to the class name.
   *
   * @return the id
   */
  default String id() {
    return getClass().getName();
  }

  /**
   * Returns the finding types this detector can report; empty when unknown.
   *
   * @return the types
   */
  default Set<FindingType> types() {
    return Set.of();
  }

  /**
   * Returns an upper bound, in chars, on the text that can influence one finding: the finding
   * itself plus the context read on either side. The streaming guard holds back this many chars
   * before emitting. Defaults to 256. Read once per pipeline, when its first stream opens.
   *
   * @return the window, {@code >= 1}
   */
  default int window() {
    return 256;
  }

  /**
   * Returns true when findings depend on whole sentences (or the whole answer), so a streaming guard
   * must hold text back until a sentence ends. Defaults to false. Read once per pipeline, when its
   * first stream opens.
   *
   * @return whether this detector is sentence-scoped
   */
  default boolean sentenceScoped() {
    return false;
  }

  /**
   * Returns the classes of characters one of which a text must hold for this detector to find
   * anything in it; empty (the default) when it may find something in any text. The engine skips
   * the detector on a text whose {@link AnalyzedText#charClasses()} (the chars of the original and
   * of the normalized view) hold none of them, and reports it as having run for no time. Declare
   * only what holds for every finding and every input, context included: a skipped detector
   * reports nothing, so a trigger that is too narrow loses findings. Read once, when the pipeline
   * is built.
   *
   * @return the trigger classes, empty to run on every text
   */
  default Set<CharClass> triggers() {
    return Set.of();
  }
}
