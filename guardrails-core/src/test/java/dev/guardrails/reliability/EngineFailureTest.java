package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import dev.guardrails.Action;
import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.DetectorError;
import dev.guardrails.FailMode;
import dev.guardrails.GuardListener;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.Verdict;
import dev.guardrails.Redactor;
import dev.guardrails.stream.GuardedStream;
import dev.guardrails.text.AnalyzedText;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    Object resultCache = f.get(g); // dev.guardrails.ResultCache, which wraps the Caffeine cache
    Field inner = resultCache.getClass().getDeclaredField("cache");
    inner.setAccessible(true);
    Cache<?, ?> cache = (Cache<?, ?>) inner.get(resultCache);
    cache.cleanUp();
    assertTrue(cache.estimatedSize() <= 100, "cache size " + cache.estimatedSize());
  }

  /** Records every event. */
  private static final class Recorder implements GuardListener {
    final List<CheckEvent> events = new CopyOnWriteArrayList<>();
    final List<DetectorError> failures = new CopyOnWriteArrayList<>();

    @Override
    public void checkCompleted(CheckEvent event) {
      events.add(event);
    }

    @Override
    public void detectorFailed(DetectorError error) {
      failures.add(error);
    }
  }

  /** Gap: results served from the cache emitted no event, so metrics under-counted checks. */
  @Test
  void cacheHitsEmitEventsMarkedAsHits() {
    Recorder rec = new Recorder();
    Guardrail g = Guardrail.builder().detector(EngineBadInputTest.DIGIT_RUNS).cache(16).listener(rec).build();
    GuardResult first = g.check("call 5550100 now");
    GuardResult second = g.check("call 5550100 now");
    assertTrue(first == second, "the second check is served from the cache");
    assertEquals(2, rec.events.size(), "one event per check, cache hits included");
    GuardListener.CheckEvent computed = rec.events.get(0);
    GuardListener.CheckEvent hit = rec.events.get(1);
    assertFalse(computed.cacheHit());
    assertTrue(hit.cacheHit());
    assertEquals(computed.verdict(), hit.verdict());
    assertEquals(computed.textLength(), hit.textLength());
    assertEquals(computed.decisions(), hit.decisions());
    assertEquals(computed.redactedText(), hit.redactedText());
    assertEquals("call <DIGITS> now", hit.redactedText());
    assertTrue(hit.timings().isEmpty(), "no detector ran for a hit");
    assertFalse(computed.timings().isEmpty());
    assertTrue(hit.toString().contains("cacheHit") && !hit.toString().contains("5550100"));
    // the pre-existing six-argument constructor still compiles and means "computed"
    assertFalse(new GuardListener.CheckEvent(Verdict.PASS, 0, List.of(), "", java.util.Map.of(), List.of()).cacheHit());
  }

  /** A redactor that throws, as a buggy custom operator would. */
  private static final Redactor THROWING = (finding, value, scope) -> {
    throw new IllegalStateException("cannot redact " + value); // quotes the value: must not leak
  };

  private static Guardrail redactingWith(Redactor redactor, GuardListener listener) {
    return Guardrail.builder()
        .detector(EngineBadInputTest.DIGIT_RUNS)
        .policy(Policy.builder().rule(Category.PII, Action.REDACT).redactor(Category.PII, redactor).build())
        .blockMessage("[blocked]")
        .listener(listener)
        .cache(16)
        .build();
  }

  /** Gap: a custom Redactor that threw made check() throw; now it fails closed and is recorded. */
  @Test
  void throwingRedactorFailsClosedInsteadOfEscaping() {
    Recorder rec = new Recorder();
    Guardrail g = redactingWith(THROWING, rec);
    GuardResult r = g.check("card 4111111111111111 here");
    assertEquals(Verdict.BLOCK, r.verdict());
    assertEquals("[blocked]", r.safeText());
    assertEquals(1, r.errors().size());
    DetectorError err = r.errors().get(0);
    assertEquals(Guardrail.ENGINE_ID, err.detector());
    assertEquals("REDACTION_FAILED", err.kind());
    assertEquals("java.lang.IllegalStateException", err.errorClass());
    assertEquals(Action.BLOCK, err.action());
    assertEquals(List.of(err), rec.failures, "the listener hears of the failure");
    assertEquals(1, rec.events.size());
    assertFalse(rec.events.get(0).toString().contains("4111111111111111"));
    assertFalse(rec.events.get(0).redactedText().contains("4111111111111111"));
    // never cached: a second check recomputes (and fails again) instead of serving a hit
    g.check("card 4111111111111111 here");
    assertFalse(rec.events.get(1).cacheHit());
    // nothing to redact: the broken redactor is never called and the text passes
    assertEquals(Verdict.PASS, g.check("no digits").verdict());
  }

  /** A redactor returning null would have written "null" into the safe text; it fails closed too. */
  @Test
  void nullReturningRedactorFailsClosed() {
    GuardResult r = redactingWith((finding, value, scope) -> null, GuardListener.NONE).check("pin 1234");
    assertEquals(Verdict.BLOCK, r.verdict());
    assertEquals("[blocked]", r.safeText());
    assertEquals("REDACTION_FAILED", r.errors().get(0).kind());
  }

  /** The stream applies redactors itself: a throwing one blocks the stream, nothing unredacted is shown. */
  @Test
  void throwingRedactorBlocksAStream() {
    Recorder rec = new Recorder();
    Guardrail g = redactingWith(THROWING, rec);
    GuardedStream s = GuardedStream.open(g, CheckContext.empty());
    StringBuilder shown = new StringBuilder();
    String text = "words ".repeat(400) + "card 4111111111111111 and more words. ".repeat(60);
    for (int i = 0; i < text.length(); i += 37) {
      shown.append(s.accept(text.substring(i, Math.min(text.length(), i + 37))));
    }
    GuardedStream.Completion done = s.complete();
    shown.append(done.rest());
    assertTrue(s.isBlocked());
    assertEquals(Verdict.BLOCK, done.result().verdict());
    assertEquals("[blocked]", done.result().safeText());
    assertFalse(shown.toString().contains("4111"), "no unredacted value was emitted");
    assertTrue(done.result().errors().stream().anyMatch(e -> e.kind().equals("REDACTION_FAILED")));
    assertTrue(rec.failures.stream().anyMatch(e -> e.kind().equals("REDACTION_FAILED")));
  }
}
