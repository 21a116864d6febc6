package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine skips a detector whose {@link Detector#triggers()} the text does not hold, on the
 * calling thread and on the time-bounded path, and runs it when one trigger class is in the
 * original or the normalized view.
 */
class TriggerSkipTest {

  /** Counts its calls and reports every ASCII digit as PII/WORD. */
  static class Digits implements Detector {
    final AtomicInteger calls = new AtomicInteger();
    private final Set<CharClass> triggers;

    Digits(Set<CharClass> triggers) {
      this.triggers = triggers;
    }

    @Override
    public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
      calls.incrementAndGet();
      String s = text.normalized();
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          var sp = text.toOriginal(i, i + 1);
          out.accept(Finding.of(id(), TestDetectors.WORD, sp.start(), sp.end(), 0.9, "digit"));
        }
      }
    }

    @Override
    public String id() {
      return "digits";
    }

    @Override
    public Set<CharClass> triggers() {
      return triggers;
    }
  }

  @Test
  void skipsADetectorWhoseTriggersAreAbsentAndReportsItWithNoTime() {
    Digits d = new Digits(EnumSet.of(CharClass.DIGIT));
    Guardrail g = Guardrail.builder().detector(d).build();
    GuardResult r = g.check("no numbers here");
    assertEquals(0, d.calls.get());
    assertEquals(Verdict.PASS, r.verdict());
    assertEquals(Duration.ZERO, r.timings().get("digits"));
    r = g.check("room 12");
    assertEquals(1, d.calls.get());
    assertEquals(2, r.findings().size());
  }

  @Test
  void aTriggerInTheNormalizedViewAloneRunsIt() {
    Digits d = new Digits(EnumSet.of(CharClass.DIGIT));
    GuardResult r = Guardrail.builder().detector(d).build().check("room \uff11\uff12"); // full-width digits
    assertEquals(1, d.calls.get());
    assertEquals(2, r.findings().size());
  }

  @Test
  void anyOneTriggerRunsIt() {
    Digits d = new Digits(EnumSet.of(CharClass.AT, CharClass.DIGIT));
    Guardrail g = Guardrail.builder().detector(d).build();
    g.check("mail me @ home");
    assertEquals(1, d.calls.get());
    g.check("plain");
    assertEquals(1, d.calls.get());
  }

  @Test
  void noTriggersRunsOnEveryText() {
    Digits d = new Digits(Set.of());
    Guardrail.builder().detector(d).build().check("plain");
    assertEquals(1, d.calls.get());
  }

  @Test
  void skipsOnTheTimeBoundedPathToo() {
    ExecutorService ex = Executors.newSingleThreadExecutor();
    try {
      Digits d = new Digits(EnumSet.of(CharClass.DIGIT));
      Digits always = new Digits(Set.of()) {
        @Override
        public String id() {
          return "always";
        }
      };
      Guardrail g = Guardrail.builder().detector(d).detector(always).executor(ex)
          .detectorTimeout(Duration.ofSeconds(10)).build();
      GuardResult r = g.check("no numbers");
      assertEquals(0, d.calls.get());
      assertEquals(1, always.calls.get());
      assertTrue(r.errors().isEmpty());
      assertEquals(Duration.ZERO, r.timings().get("digits"));
      r = g.check("7 days");
      assertEquals(1, d.calls.get());
      assertEquals(2, r.findings().size()); // one digit, found by both
    } finally {
      ex.shutdownNow();
    }
  }

  @Test
  void nullTriggersFailAtBuild() {
    Digits d = new Digits(null);
    assertThrows(NullPointerException.class, () -> Guardrail.builder().detector(d).build());
  }
}
