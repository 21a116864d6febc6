package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Action;
import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.Detector;
import dev.guardrails.DetectorError;
import dev.guardrails.FailMode;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.GuardListener;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.Source;
import dev.guardrails.Redactor;
import dev.guardrails.text.AnalyzedText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Privacy of the library itself: sentinel values (an email, a card number, a secret) must never
 * show up in {@code toString()} of any public type, in listener events, in exception messages or in
 * log output, whatever the detectors do. Raw values may only appear in the caller's own text and in
 * the safe text where the policy lets them through.
 */
class PrivacyTest {

  private static final String EMAIL = "zq7.sentinel@example.com";
  private static final String CARD = "4539 1488 0343 6467";
  private static final String SECRET = "AKIAZ3MSJ4QW7RXT5PLN";
  private static final Map<FindingType, String> SENTINELS = Map.of(
      FindingType.of(Category.PII, "EMAIL"), EMAIL,
      FindingType.of(Category.PII, "CREDIT_CARD"), CARD,
      FindingType.of(Category.SECRET, "AWS_ACCESS_KEY"), SECRET);
  private static final String TEXT = "Write to " + EMAIL + ", pay with " + CARD + " and use key " + SECRET
      + ". The chairman agreed.";

  /** Throws with the checked text in its message, as a careless detector might. */
  private static final Detector LEAKY = new Detector() {
    @Override
    public String id() {
      return "test.leaky";
    }

    @Override
    public void detect(AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
      throw new IllegalStateException("could not parse " + text.original(), new RuntimeException(text.normalized()));
    }
  };

  private static void assertNoSentinel(String what, String s) {
    for (String v : SENTINELS.values()) {
      assertFalse(s.contains(v) || s.contains(v.replace(" ", "")), what + " leaks a sentinel value");
    }
  }

  private static Set<FindingType> presentTypes(Guardrail g) {
    Set<FindingType> present = new HashSet<>();
    for (Detector d : g.detectors()) {
      present.addAll(d.types());
    }
    return present;
  }

  private static CheckContext sentinelContext() {
    return CheckContext.builder().prompt("my card is " + CARD).source("kb-1", "mail " + EMAIL)
        .userValue(EMAIL).userValue(SECRET).build();
  }

  @Test
  void noPublicTypeLeaksThroughToString() {
    CapturingLogs.start();
    List<GuardListener.CheckEvent> events = new CopyOnWriteArrayList<>();
    List<DetectorError> failures = new CopyOnWriteArrayList<>();
    GuardListener listener = new GuardListener() {
      @Override
      public void checkCompleted(CheckEvent event) {
        events.add(event);
      }

      @Override
      public void detectorFailed(DetectorError error) {
        failures.add(error);
      }
    };
    List<Guardrail> guards = List.of(
        Guardrail.builder().discoverDetectors().listener(listener).build(),
        Guardrail.builder().discoverDetectors().policy(Policy.strict()).listener(listener).build(),
        Guardrail.builder().discoverDetectors().policy(Policy.reportOnly()).listener(listener).build(),
        Guardrail.builder().discoverDetectors().detector(LEAKY, FailMode.OPEN).listener(listener).build(),
        Guardrail.builder().discoverDetectors().detector(LEAKY, FailMode.OPEN).listener(listener)
            .detectorTimeout(Duration.ofSeconds(30)).build());
    List<String> logs;
    try {
      for (Guardrail g : guards) {
        assertNoSentinel("Guardrail.toString", g.toString());
        assertNoSentinel("Policy.toString", g.policy().toString());
        for (CheckContext ctx : List.of(CheckContext.empty(), sentinelContext())) {
          assertNoSentinel("CheckContext.toString", ctx.toString());
          for (Source s : ctx.sources()) {
            assertNoSentinel("Source.toString", s.toString());
          }
          GuardResult r = g.check(TEXT, ctx);
          assertNoSentinel("GuardResult.toString", r.toString());
          for (Decision d : r.decisions()) {
            assertNoSentinel("Decision.toString", d.toString());
            assertNoSentinel("Finding.toString", d.finding().toString());
            assertNoSentinel("Finding.message", d.finding().message());
            assertNoSentinel("Span.toString", d.finding().span().toString());
            for (String sug : d.finding().suggestions()) {
              assertNoSentinel("Finding.suggestions", sug);
            }
          }
          for (DetectorError e : r.errors()) {
            assertNoSentinel("DetectorError.toString", e.toString());
          }
          assertNoSentinel("timings", r.timings().toString());
        }
      }
      assertNoSentinel("AnalyzedText.toString", AnalyzedText.of(TEXT).toString());
    } finally {
      logs = CapturingLogs.stop();
    }
    assertFalse(events.isEmpty());
    assertFalse(failures.isEmpty(), "the leaky detector's failures are reported");
    for (DetectorError e : failures) {
      assertNoSentinel("DetectorError event", e.toString());
      assertEquals("java.lang.IllegalStateException", e.errorClass());
    }
    Set<FindingType> present = presentTypes(guards.get(0));
    int checked = 0;
    for (GuardListener.CheckEvent e : events) {
      assertNoSentinel("CheckEvent.toString", e.toString());
      for (Map.Entry<FindingType, String> s : SENTINELS.entrySet()) {
        if (present.contains(s.getKey())) { // only detected values can be tagged out of the audit text
          assertFalse(e.redactedText().contains(s.getValue()), "CheckEvent.redactedText leaks a " + s.getKey());
          checked++;
        }
      }
    }
    assertTrue(checked > 0, "at least one sentinel type is detectable");
    System.out.println("[privacy] audit text checked for " + present.stream().filter(SENTINELS::containsKey).count()
        + " of " + SENTINELS.size() + " sentinel types (the rest await their detectors); "
        + logs.size() + " log lines captured");
    assertTrue(CapturingLogs.installed(), CapturingLogs.NOT_INSTALLED);
    assertFalse(logs.isEmpty(), "the leaky detector's failure is logged");
    for (String line : logs) {
      assertNoSentinel("log line", line);
    }
  }

  @Test
  void logsAreActuallyCaptured() {
    assertTrue(CapturingLogs.installed(), CapturingLogs.NOT_INSTALLED);
    CapturingLogs.start();
    Guardrail.builder().detector(LEAKY).build().check(TEXT);
    List<String> lines = CapturingLogs.stop();
    assertTrue(lines.stream().anyMatch(l -> l.contains("test.leaky")), "capture works: " + lines);
  }

  @Test
  void exceptionsForBadInputCarryNoText() {
    List<Throwable> thrown = new ArrayList<>();
    thrown.add(assertThrows(IllegalArgumentException.class,
        () -> CheckContext.builder().source("kb", EMAIL).source("kb", CARD)));
    thrown.add(assertThrows(IndexOutOfBoundsException.class, () -> AnalyzedText.of(TEXT).toOriginal(0, 10_000)));
    thrown.add(assertThrows(IllegalArgumentException.class,
        () -> Finding.of("d", FindingType.of(Category.PII, "EMAIL"), 5, 5, 0.5, "empty")));
    thrown.add(assertThrows(IllegalArgumentException.class,
        () -> Finding.of("d", FindingType.of(Category.PII, "EMAIL"), 0, 5, 2.0, "score")));
    thrown.add(assertThrows(IllegalArgumentException.class, () -> Redactor.hmac(SECRET.substring(0, 8).getBytes())));
    thrown.add(assertThrows(NullPointerException.class, () -> Guardrail.withDefaults().check(null)));
    for (Throwable t : thrown) {
      assertNoSentinel("exception message", String.valueOf(t.getMessage()));
      assertNoSentinel("exception toString", t.toString());
    }
  }

  @Test
  void hashedRedactionHidesTheValue() {
    Guardrail g = Guardrail.builder().discoverDetectors()
        .policy(Policy.builder().rule(Category.PII, Action.REDACT).redactor(Category.PII, Redactor.hmacWithRandomKey()).build())
        .build();
    GuardResult r = g.check("mail " + EMAIL + " now");
    assertTrue(r.safeText().matches("mail <EMAIL:[0-9a-f]{16}> now"), "hashed tag: " + r.safeText().length());
    assertNoSentinel("safe text", r.safeText());
  }
}
