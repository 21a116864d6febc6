package dev.guardrails.reliability;

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
 * per KB. The stream API is not fuzzed yet: {@code Guardrail.stream} does not exist on this branch.
 *
 * <p>In the normal build Jazzer replays {@code PipelineFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see docs/reliability.md).
 */
class PipelineFuzzTest {

  private static final Guardrail GUARD = Guardrail.builder().discoverDetectors().build();

  static {
    GUARD.check("warm-up: jane@example.com said the chairman, 4111 1111 1111 1111."); // loads models once
  }

  @FuzzTest(maxDuration = "10m")
  void check(byte[] data) {
    String input = FuzzInput.text(data);
    String text = FuzzInput.answer(input);
    CheckContext ctx = FuzzInput.context(input);
    long t0 = System.nanoTime();
    GuardResult r = GUARD.check(text, ctx);
    long took = System.nanoTime() - t0;
    if (took > FuzzInput.boundNanos(text.length())) {
      throw new AssertionError("check of " + text.length() + " chars took " + took / 1_000_000 + " ms");
    }
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
    AnalyzedText at = AnalyzedText.of(text);
    for (Detector d : GUARD.detectors()) {
      long t0 = System.nanoTime();
      List<Finding> found = run(d, at, ctx);
      long took = System.nanoTime() - t0;
      if (took > FuzzInput.boundNanos(text.length())) {
        throw new AssertionError(d.id() + " took " + took / 1_000_000 + " ms on " + text.length() + " chars");
      }
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
