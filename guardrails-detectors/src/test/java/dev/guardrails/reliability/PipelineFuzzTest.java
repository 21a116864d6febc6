package dev.guardrails.reliability;

import dev.guardrails.testing.FuzzInput;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz targets over the default pipeline ({@code discoverDetectors()}): {@link Guardrail#check}
 * with fuzzed answer, source, user value and prompt, and each discovered detector on its own. No
 * exception escapes, no detector error, spans inside the text, deterministic results, bounded time
 * per KB (measured after {@link PipelineWarmUp}; the stream API: {@link StreamFuzzTest}).
 *
 * <p>In the normal build Jazzer replays {@code PipelineFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see docs/reliability.md).
 */
class PipelineFuzzTest {

  private static final Guardrail GUARD = Guardrail.builder().discoverDetectors().build();

  static {
    PipelineWarmUp.warmUp(GUARD); // cold model/lexicon loading must not count against the time bound
  }

  @FuzzTest(maxDuration = "10m")
  void check(byte[] data) {
    String input = FuzzInput.text(data);
    String text = FuzzInput.answer(input);
    CheckContext ctx = FuzzInput.context(input);
    GuardResult r = FuzzInput.timed("check", text.length(), () -> GUARD.check(text, ctx));
    FuzzInput.assertWellFormed(text, r);
    if (!r.errors().isEmpty()) {
      throw new AssertionError("detector errors: " + r.errors());
    }
    FuzzInput.assertSame(r, GUARD.check(new String(text.toCharArray()), ctx));
  }

  @FuzzTest(maxDuration = "10m")
  void eachDetector(byte[] data) {
    String input = FuzzInput.text(data);
    String text = FuzzInput.answer(input);
    CheckContext ctx = FuzzInput.context(input);
    for (Detector d : GUARD.detectors()) {
      List<Finding> found = FuzzInput.timed(d.id(), text.length(), () -> run(d, AnalyzedText.of(text), ctx));
      for (Finding f : found) {
        FuzzInput.assertInside(text, f);
        if (!d.id().equals(f.detector())) {
          throw new AssertionError(d.id() + " reported a finding under " + f.detector());
        }
        if (!d.types().isEmpty() && !d.types().contains(f.type())) {
          throw new AssertionError(d.id() + " reported undeclared type " + f.type());
        }
      }
      FuzzInput.assertSameFindings(found, run(d, AnalyzedText.of(text), ctx));
    }
  }

  private static List<Finding> run(Detector d, AnalyzedText at, CheckContext ctx) {
    List<Finding> out = new ArrayList<>();
    d.detect(at, ctx, out::add);
    return out;
  }
}
