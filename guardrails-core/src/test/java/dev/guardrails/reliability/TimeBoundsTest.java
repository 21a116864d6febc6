package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Action;
import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.DetectorError;
import dev.guardrails.FailMode;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.GuardListener;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Time bounds: a detector past {@code detectorTimeout} or past the context's deadline, and a
 * throwing detector, are abandoned with their fail mode applied (CLOSED blocks, OPEN flags with the
 * error recorded), while the healthy detectors' findings are kept.
 */
class TimeBoundsTest {

  private static final FindingType WORD = FindingType.of(Category.OTHER, "WORD");
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "time-bounds-test");
    t.setDaemon(true);
    return t;
  });

  @AfterAll
  static void shutdown() {
    POOL.shutdownNow();
  }

  /** Reports "hello" wherever it occurs; fast. */
  private static final Detector FAST = new Detector() {
    @Override
    public String id() {
      return "test.fast";
    }

    @Override
    public void detect(dev.guardrails.text.AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
      int i = text.original().indexOf("hello");
      if (i >= 0) {
        out.accept(Finding.of(id(), WORD, i, i + 5, 0.5, "greeting"));
      }
    }
  };

  /** Sleeps far longer than any budget (interruptible). */
  private static Detector sleeping(String id) {
    return new Detector() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public void detect(dev.guardrails.text.AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        out.accept(Finding.of(id, WORD, 0, 1, 1.0, "late"));
      }
    };
  }

  /** Spins ignoring interrupts for a few seconds: cannot be stopped, only abandoned. */
  private static final Detector SPINNING = new Detector() {
    @Override
    public String id() {
      return "test.spinning";
    }

    @Override
    public void detect(dev.guardrails.text.AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
      long end = System.nanoTime() + 3_000_000_000L;
      long x = 0;
      while (System.nanoTime() < end) {
        x += text.length();
      }
      if (x == 42) {
        out.accept(Finding.of(id(), WORD, 0, 1, 1.0, "never"));
      }
    }
  };

  private static final Detector THROWING = new Detector() {
    @Override
    public String id() {
      return "test.throwing";
    }

    @Override
    public void detect(dev.guardrails.text.AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
      throw new IllegalStateException("boom");
    }
  };

  private static final Detector OVERFLOWING = new Detector() {
    @Override
    public String id() {
      return "test.overflowing";
    }

    @Override
    public void detect(dev.guardrails.text.AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
      recurse(1);
    }

    private int recurse(int n) {
      return recurse(n + 1) + 1;
    }
  };

  private static Action expected(FailMode mode) {
    return mode == FailMode.CLOSED ? Action.BLOCK : Action.FLAG;
  }

  private static void assertAbandoned(GuardResult r, FailMode mode, String id, String kind) {
    assertEquals(1, r.errors().size(), "one error: " + r.errors());
    DetectorError e = r.errors().get(0);
    assertEquals(id, e.detector());
    assertEquals(kind, e.kind());
    assertEquals(expected(mode), e.action());
    assertEquals(mode == FailMode.CLOSED ? Verdict.BLOCK : Verdict.FLAG, r.verdict());
    if (mode == FailMode.OPEN) {
      assertEquals(1, r.findings().size(), "the healthy detector's finding is kept");
      assertEquals("test.fast", r.findings().get(0).detector());
      assertEquals("say hello", r.safeText());
    } else {
      assertEquals("[blocked]", r.safeText());
    }
  }

  @ParameterizedTest
  @EnumSource(FailMode.class)
  void slowDetectorIsAbandonedAtItsTimeout(FailMode mode) {
    List<DetectorError> heard = new CopyOnWriteArrayList<>();
    Guardrail g = Guardrail.builder()
        .detector(FAST)
        .detector(sleeping("test.sleeping"), mode)
        .detectorTimeout(Duration.ofMillis(200))
        .executor(POOL)
        .blockMessage("[blocked]")
        .listener(new GuardListener() {
          @Override
          public void detectorFailed(DetectorError error) {
            heard.add(error);
          }
        })
        .build();
    GuardResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> g.check("say hello"));
    assertAbandoned(r, mode, "test.sleeping", "TIMEOUT");
    assertEquals(r.errors(), heard, "the listener hears the failure");
  }

  @ParameterizedTest
  @EnumSource(FailMode.class)
  void detectorIgnoringInterruptsIsAbandonedToo(FailMode mode) {
    Guardrail g = Guardrail.builder()
        .detector(FAST)
        .detector(SPINNING, mode)
        .detectorTimeout(Duration.ofMillis(200))
        .executor(POOL)
        .blockMessage("[blocked]")
        .build();
    long t0 = System.nanoTime();
    GuardResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> g.check("say hello"));
    assertTrue(System.nanoTime() - t0 < 2_500_000_000L, "check returned before the spinning detector ended");
    assertAbandoned(r, mode, "test.spinning", "TIMEOUT");
  }

  @ParameterizedTest
  @EnumSource(FailMode.class)
  void contextDeadlineAbandonsSlowDetectors(FailMode mode) {
    Guardrail g = Guardrail.builder()
        .detector(FAST)
        .detector(sleeping("test.sleeping"), mode)
        .executor(POOL)
        .blockMessage("[blocked]")
        .build();
    CheckContext ctx = CheckContext.builder().deadline(Instant.now().plusMillis(300)).build();
    GuardResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> g.check("say hello", ctx));
    assertAbandoned(r, mode, "test.sleeping", "TIMEOUT");
  }

  @Test
  void deadlineAlreadyPassedStillReturnsAResult() {
    Guardrail g = Guardrail.builder().detector(sleeping("test.sleeping")).executor(POOL).build();
    CheckContext ctx = CheckContext.builder().deadline(Instant.now().minusSeconds(1)).build();
    GuardResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> g.check("x", ctx));
    assertEquals(Verdict.BLOCK, r.verdict());
    assertEquals("TIMEOUT", r.errors().get(0).kind());
  }

  @ParameterizedTest
  @EnumSource(FailMode.class)
  void throwingDetectorAppliesItsFailModeWithAndWithoutTimeouts(FailMode mode) {
    for (boolean async : new boolean[] {false, true}) {
      for (Detector bad : new Detector[] {THROWING, OVERFLOWING}) {
        Guardrail.Builder b = Guardrail.builder().detector(FAST).detector(bad, mode).blockMessage("[blocked]");
        if (async) {
          b.detectorTimeout(Duration.ofSeconds(20)).executor(POOL);
        }
        GuardResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> b.build().check("say hello"));
        assertAbandoned(r, mode, bad.id(), "EXCEPTION");
        assertTrue(r.errors().get(0).errorClass().endsWith(bad == THROWING ? "IllegalStateException" : "StackOverflowError"));
      }
    }
  }

  @Test
  void fastDetectorsFinishWellWithinTheirBudget() {
    Guardrail g = Guardrail.builder().detector(FAST).detectorTimeout(Duration.ofSeconds(5)).executor(POOL).build();
    for (int i = 0; i < 200; i++) {
      GuardResult r = g.check("say hello " + i);
      assertTrue(r.errors().isEmpty());
      assertEquals(1, r.findings().size());
    }
  }
}
