package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.FailMode;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Verdict;
import dev.guardrails.text.AnalyzedText;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Regression tests for engine bugs found while hardening (one test per fix). */
class EngineFailureTest {

  /** Fails on its first call, then works: a transient failure. */
  private static final class FlakyDetector implements Detector {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String id() {
      return "test.flaky";
    }

    @Override
    public void detect(AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("transient");
      }
    }
  }

  /** Bug: a failed (blocked) result was cached, so one transient failure blocked that text forever. */
  @Test
  void transientFailuresAreNotCached() {
    FlakyDetector flaky = new FlakyDetector();
    Guardrail g = Guardrail.builder().detector(flaky).cache(16).build();
    assertEquals(Verdict.BLOCK, g.check("hello").verdict());
    assertEquals(Verdict.PASS, g.check("hello").verdict(), "the failure must be retried, not served from cache");
    assertEquals(Verdict.PASS, g.check("hello").verdict());
    assertEquals(2, flaky.calls.get(), "the clean result is cached");
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  /** Bug: a checked exception thrown sneakily by a detector escaped check() in the synchronous path. */
  @Test
  void sneakyCheckedExceptionsAreContained() {
    Detector sneaky = new Detector() {
      @Override
      public String id() {
        return "test.sneaky";
      }

      @Override
      public void detect(AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
        EngineFailureTest.<RuntimeException>sneakyThrow(new java.io.IOException("checked"));
      }
    };
    GuardResult r = Guardrail.builder().detector(sneaky, FailMode.OPEN).build().check("x");
    assertEquals(Verdict.FLAG, r.verdict());
    assertEquals("java.io.IOException", r.errors().get(0).errorClass());
  }

  /** Bug: a shut-down executor made check() throw RejectedExecutionException. */
  @Test
  void shutDownExecutorAppliesTheFailModeInsteadOfThrowing() {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    pool.shutdown();
    Detector quiet = (text, ctx, out) -> { };
    Guardrail g = Guardrail.builder().detector(quiet).executor(pool).detectorTimeout(Duration.ofSeconds(1)).build();
    GuardResult r = g.check("x");
    assertEquals(Verdict.BLOCK, r.verdict());
    assertEquals("EXCEPTION", r.errors().get(0).kind());
    assertTrue(r.errors().get(0).errorClass().endsWith("RejectedExecutionException"));
  }

  /** The result cache stays within its configured size under many distinct texts. */
  @Test
  void cacheStaysBounded() throws Exception {
    Detector quiet = (text, ctx, out) -> { };
    Guardrail g = Guardrail.builder().detector(quiet).cache(100).build();
    for (int i = 0; i < 20_000; i++) {
      g.check("text number " + i);
    }
    Field f = Guardrail.class.getDeclaredField("cache");
    f.setAccessible(true);
    Cache<?, ?> cache = (Cache<?, ?>) f.get(g);
    cache.cleanUp();
    assertTrue(cache.estimatedSize() <= 100, "cache size " + cache.estimatedSize());
  }
}
