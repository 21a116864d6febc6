package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuardrailTest {

  private static Guardrail guard(Detector... detectors) {
    Guardrail.Builder b = Guardrail.builder();
    for (Detector d : detectors) {
      b.detector(d);
    }
    return b.build();
  }

  @Test
  void cleanTextPasses() {
    GuardResult r = guard(TestDetectors.keyword("kw", "secret", 0.9)).check("nothing to see");
    assertEquals(Verdict.PASS, r.verdict());
    assertEquals("nothing to see", r.safeText());
    assertTrue(r.findings().isEmpty());
    assertTrue(r.timings().containsKey("kw"));
  }

  @Test
  void redactsWithNumberedTagsConsistentWithinOneResult() {
    Guardrail g = guard(TestDetectors.keyword("kw", "bob", 0.9));
    GuardResult r = g.check("bob met bob");
    assertEquals(Verdict.REDACT, r.verdict());
    assertEquals("<WORD_1> met <WORD_1>", r.safeText());
    assertEquals(2, r.findings().size());
  }

  @Test
  void lowScoreIsFlaggedNotRedactedByDefaults() {
    GuardResult r = guard(TestDetectors.keyword("kw", "bob", 0.3)).check("hi bob");
    assertEquals(Verdict.FLAG, r.verdict());
    assertEquals("hi bob", r.safeText());
    assertEquals(Action.FLAG, r.decisions().get(0).action());
  }

  @Test
  void overlappingRedactionsReplaceTheUnionWithTheBestLabel() {
    FindingType other = FindingType.of(Category.PII, "OTHER");
    Guardrail g = Guardrail.builder()
        .detector(TestDetectors.fixed("a", TestDetectors.WORD, 0, 5, 0.6))
        .detector(TestDetectors.fixed("b", other, 3, 9, 0.9))
        .policy(Policy.builder().rule(Category.PII, Action.REDACT).build())
        .build();
    GuardResult r = g.check("abcdefghij");
    assertEquals("<OTHER>j", r.safeText());
  }

  @Test
  void echoOfAUserValueIsAllowed() {
    Guardrail g = guard(TestDetectors.keyword("kw", "bob", 0.9));
    GuardResult r = g.check("hi bob", CheckContext.builder().userValue("BOB").build());
    assertEquals(Verdict.PASS, r.verdict());
    assertEquals(Action.ALLOW, r.decisions().get(0).action());
  }

  @Test
  void throwingDetectorFailClosedBlocks() {
    Guardrail g = Guardrail.builder().detector(TestDetectors.throwing("bad")).blockMessage("[withheld]").build();
    GuardResult r = g.check("sentinel-text");
    assertEquals(Verdict.BLOCK, r.verdict());
    assertEquals("[withheld]", r.safeText());
    assertEquals(1, r.errors().size());
    assertEquals("EXCEPTION", r.errors().get(0).kind());
    assertEquals(IllegalStateException.class.getName(), r.errors().get(0).errorClass());
  }

  @Test
  void throwingDetectorFailOpenFlagsAndKeepsOtherFindings() {
    Guardrail g = Guardrail.builder()
        .detector(TestDetectors.throwing("bad"), FailMode.OPEN)
        .detector(TestDetectors.keyword("kw", "bob", 0.9))
        .build();
    GuardResult r = g.check("hi bob");
    assertEquals(Verdict.REDACT, r.verdict());
    assertEquals("hi <WORD_1>", r.safeText());
    assertEquals(Action.FLAG, r.errors().get(0).action());
  }

  @Test
  void findingOutsideTheTextIsAnErrorNotACrash() {
    Guardrail g = Guardrail.builder()
        .detector(TestDetectors.fixed("oob", TestDetectors.WORD, 2, 50, 0.9), FailMode.OPEN)
        .build();
    GuardResult r = g.check("short");
    assertEquals(Verdict.FLAG, r.verdict());
    assertEquals("INVALID_FINDING", r.errors().get(0).kind());
    assertEquals("short", r.safeText());
  }

  /**
   * A detector past its budget is abandoned with its fail mode, and the others' findings are kept.
   * Robust to a loaded machine: the slow detector would take 60 s, so returning within 20 s proves
   * it was abandoned, not awaited; and the budget beside a fast detector is 1 s, so a keyword scan
   * delayed by other processes still finishes in it (with 50 ms it once timed out too under load).
   */
  @Test
  void slowDetectorIsAbandonedWithItsFailMode() {
    Guardrail closed = Guardrail.builder().detector(TestDetectors.slow("slow", 60_000))
        .detectorTimeout(Duration.ofMillis(50)).build();
    long t0 = System.nanoTime();
    GuardResult r = closed.check("some text");
    assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "check must return long before the slow detector ends");
    assertEquals(Verdict.BLOCK, r.verdict());
    assertEquals(1, r.errors().size());
    assertEquals("TIMEOUT", r.errors().get(0).kind());

    Guardrail open = Guardrail.builder().detector(TestDetectors.slow("slow", 60_000), FailMode.OPEN)
        .detector(TestDetectors.keyword("kw", "text", 0.9))
        .detectorTimeout(Duration.ofSeconds(1)).build();
    t0 = System.nanoTime();
    GuardResult r2 = open.check("some text");
    assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "check must return long before the slow detector ends");
    assertEquals(Verdict.REDACT, r2.verdict());
    assertEquals("some <WORD_1>", r2.safeText());
    assertEquals(1, r2.errors().size(), "only the slow detector fails");
    assertEquals("slow", r2.errors().get(0).detector());
    assertEquals("TIMEOUT", r2.errors().get(0).kind());
    assertEquals(Action.FLAG, r2.errors().get(0).action());
  }

  @Test
  void contextDeadlineBoundsTheCheck() {
    Guardrail g = Guardrail.builder().detector(TestDetectors.slow("slow", 5_000), FailMode.OPEN).build();
    CheckContext ctx = CheckContext.builder().deadline(Instant.now().plusMillis(50)).build();
    long t0 = System.nanoTime();
    GuardResult r = g.check("text", ctx);
    assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
    assertEquals(Verdict.FLAG, r.verdict());
    assertEquals("TIMEOUT", r.errors().get(0).kind());
  }

  @Test
  void fastDetectorWithinTimeoutRunsNormally() {
    Guardrail g = Guardrail.builder().detector(TestDetectors.keyword("kw", "bob", 0.9))
        .detectorTimeout(Duration.ofSeconds(5)).build();
    assertEquals("<WORD_1>", g.check("bob").safeText());
  }

  @Test
  void nullIsRejectedWithANamedArgument() {
    Guardrail g = guard(TestDetectors.keyword("kw", "bob", 0.9));
    NullPointerException e = assertThrows(NullPointerException.class, () -> g.check(null));
    assertEquals("text", e.getMessage());
    assertThrows(NullPointerException.class, () -> g.check("x", null));
  }

  @Test
  void emptyAndOneMegabyteInputsAreHandled() {
    Guardrail g = guard(TestDetectors.keyword("kw", "bob", 0.9));
    assertEquals(Verdict.PASS, g.check("").verdict());
    StringBuilder b = new StringBuilder();
    while (b.length() < 1_048_576) {
      b.append("lorem ipsum dolor bob sit amet\u200B ");
    }
    String big = b.toString();
    GuardResult r = g.check(big);
    assertEquals(Verdict.REDACT, r.verdict());
    assertFalse(r.safeText().contains("bob"));
    assertEquals(big.length(), r.textLength());
  }

  @Test
  void oversizeInputIsRejectedOrTruncatedAsConfigured() {
    Guardrail reject = Guardrail.builder().detector(TestDetectors.keyword("kw", "bob", 0.9))
        .maxInput(10, OversizeMode.REJECT).build();
    GuardResult r = reject.check("this text is far too long");
    assertEquals(Verdict.BLOCK, r.verdict());
    assertEquals("INPUT_TOO_LARGE", r.errors().get(0).kind());

    Guardrail truncate = Guardrail.builder().detector(TestDetectors.keyword("kw", "bob", 0.9))
        .maxInput(10, OversizeMode.TRUNCATE_AND_FLAG).build();
    GuardResult t = truncate.check("hi bob and the rest is unchecked");
    assertEquals(Verdict.REDACT, t.verdict());
    assertEquals("hi <WORD_1> and", t.safeText(), "the unchecked rest is dropped");
    assertEquals("INPUT_TRUNCATED", t.errors().get(0).kind());
  }

  @Test
  void builderRejectsDuplicatesAndEmptyPipelines() {
    IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> Guardrail.builder()
        .detector(TestDetectors.keyword("kw", "a", 1)).detector(TestDetectors.keyword("kw", "b", 1)));
    assertEquals("detector 'kw' was already added", dup.getMessage());
    assertThrows(IllegalStateException.class, () -> Guardrail.builder().build());
    assertThrows(IllegalArgumentException.class, () -> Guardrail.builder().detectorTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Guardrail.builder().maxInput(0, OversizeMode.REJECT));
    assertThrows(IllegalArgumentException.class, () -> Guardrail.builder().cache(0));
  }

  @Test
  void cacheReturnsTheSameResult() {
    AtomicInteger calls = new AtomicInteger();
    Detector counting = (text, ctx, out) -> calls.incrementAndGet();
    Guardrail g = Guardrail.builder().detector(counting).cache(10).build();
    GuardResult a = g.check("same");
    GuardResult b = g.check("same");
    assertSame(a, b);
    assertEquals(1, calls.get());
  }

  @Test
  void listenerSeesRedactedTextAndItsExceptionsAreSwallowed() {
    List<GuardListener.CheckEvent> events = new ArrayList<>();
    GuardListener recording = new GuardListener() {
      @Override
      public void checkCompleted(CheckEvent event) {
        events.add(event);
        throw new IllegalStateException("listener bug");
      }
    };
    Guardrail g = Guardrail.builder()
        .detector(TestDetectors.keyword("kw", "bob", 0.3)) // FLAG only: safe text keeps it
        .listener(recording)
        .build();
    GuardResult r = g.check("hi bob");
    assertEquals("hi bob", r.safeText());
    assertEquals(1, events.size());
    assertEquals("hi <WORD>", events.get(0).redactedText());
  }

  @Test
  void policyRedactorsApplyPerType() {
    Guardrail g = Guardrail.builder()
        .detector(TestDetectors.keyword("kw", "4111111111111111", 0.9))
        .policy(Policy.defaults().toBuilder().redactor(TestDetectors.WORD, Redactor.mask('*', 4)).build())
        .build();
    assertEquals("card ************1111", g.check("card 4111111111111111").safeText());
  }

  @Test
  void findingsAreOrderedBySpan() {
    Guardrail g = Guardrail.builder()
        .detector(TestDetectors.fixed("late", TestDetectors.WORD, 5, 6, 0.1))
        .detector(TestDetectors.fixed("early", TestDetectors.WORD, 0, 1, 0.1))
        .build();
    List<Finding> f = g.check("0123456").findings();
    assertEquals(0, f.get(0).start());
    assertEquals(5, f.get(1).start());
  }

  @Test
  void onlyKeepsTheChosenDetectorsAndTheirSettings() {
    Guardrail g = Guardrail.builder().detector(TestDetectors.keyword("a", "alpha", 0.9))
        .detector(TestDetectors.keyword("b", "beta", 0.9)).blockMessage("[no]").cache(10).build();
    Guardrail onlyB = g.only(d -> d.id().equals("b"));
    assertEquals(List.of("b"), onlyB.detectors().stream().map(Detector::id).toList());
    GuardResult r = onlyB.check("alpha and beta");
    assertEquals(1, r.findings().size());
    assertEquals("b", r.findings().get(0).detector());
    assertEquals("[no]", onlyB.blockMessage());
    assertEquals(2, g.check("alpha and beta").findings().size(), "the original pipeline is unchanged");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.only(d -> false));
    assertTrue(e.getMessage().contains("none of the detectors"));
  }

  @Test
  void checkOfAnAnalyzedTextEqualsCheckOfTheString() {
    Guardrail g = guard(TestDetectors.keyword("kw", "bob", 0.9));
    String text = "ask  bob\u200B, or bob";
    GuardResult a = g.check(text, CheckContext.empty());
    GuardResult b = g.check(dev.guardrails.text.AnalyzedText.of(text), CheckContext.empty());
    assertEquals(a.decisions(), b.decisions());
    assertEquals(a.safeText(), b.safeText());
  }
}
