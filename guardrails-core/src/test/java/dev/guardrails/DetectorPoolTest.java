package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Abandoned detectors (past their budget, ignoring interrupts) keep running on the executor; the
 * default pool must be made of daemon threads and bounded so such work cannot exhaust it.
 */
class DetectorPoolTest {

  /** Blocks until released, swallowing interrupts: abandoned work that will not stop. */
  private static final class Stuck implements Detector {
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger running = new AtomicInteger();
    final AtomicBoolean sawNonDaemon = new AtomicBoolean();

    @Override
    public String id() {
      return "test.stuck";
    }

    @Override
    public void detect(dev.guardrails.text.AnalyzedText text, CheckContext ctx, FindingSink out) {
      running.incrementAndGet();
      if (!Thread.currentThread().isDaemon()) {
        sawNonDaemon.set(true);
      }
      try {
        while (true) {
          try {
            release.await();
            return;
          } catch (InterruptedException ignored) {
            // ignores the engine's interrupt, as a badly written detector would
          }
        }
      } finally {
        running.decrementAndGet();
      }
    }
  }

  @Test
  void sharedPoolIsBoundedAndMadeOfDaemonThreads() throws Exception {
    ThreadPoolExecutor pool = DetectorPool.shared();
    assertEquals(DetectorPool.THREADS, pool.getMaximumPoolSize());
    assertTrue(DetectorPool.THREADS >= 8 && DetectorPool.THREADS < 1024);
    assertTrue(pool.getQueue().remainingCapacity() + pool.getQueue().size() <= DetectorPool.QUEUE, "bounded queue");
    assertTrue(pool.allowsCoreThreadTimeOut(), "idle threads retire");
    Thread t = pool.submit(Thread::currentThread).get();
    assertTrue(t.isDaemon(), "pool threads must not keep the JVM alive");
    assertTrue(t.getName().startsWith("guardrails-detector-"));

    // the builder's default executor is that pool: abandoned work runs on daemon threads
    Stuck stuck = new Stuck();
    try {
      GuardResult r = Guardrail.builder().detector(stuck).detectorTimeout(Duration.ofMillis(100)).build().check("x");
      assertEquals("TIMEOUT", r.errors().get(0).kind());
    } finally {
      stuck.release.countDown();
    }
    assertTrue(!stuck.sawNonDaemon.get());
  }

  @Test
  void abandonedWorkCannotGrowThePoolAndChecksStayBounded() {
    ThreadPoolExecutor pool = DetectorPool.newPool(2, 4);
    Stuck stuck = new Stuck();
    Guardrail g = Guardrail.builder().detector(stuck).executor(pool).detectorTimeout(Duration.ofMillis(100)).build();
    try {
      int timeouts = 0;
      int rejected = 0;
      for (int i = 0; i < 12; i++) {
        GuardResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> g.check("x"),
            "every check returns at its budget even with the pool exhausted");
        assertEquals(Verdict.BLOCK, r.verdict(), "fail-closed applies");
        DetectorError e = r.errors().get(0);
        if (e.kind().equals("TIMEOUT")) {
          timeouts++;
        } else {
          assertEquals("EXCEPTION", e.kind());
          assertTrue(e.errorClass().endsWith("RejectedExecutionException"));
          rejected++;
        }
        assertTrue(pool.getPoolSize() <= 2, "pool grew to " + pool.getPoolSize());
      }
      assertTrue(pool.getLargestPoolSize() <= 2);
      assertTrue(pool.getQueue().size() <= 4);
      assertTrue(stuck.running.get() <= 2, "at most the pool's threads are stuck: " + stuck.running.get());
      assertTrue(timeouts >= 2 && rejected >= 1, "timeouts " + timeouts + ", rejected " + rejected);
    } finally {
      stuck.release.countDown();
    }
    // once the stuck work returns, the same pool serves checks again
    Detector quiet = (text, ctx, out) -> { };
    Guardrail ok = Guardrail.builder().detector(quiet).executor(pool).detectorTimeout(Duration.ofSeconds(5)).build();
    long t0 = System.nanoTime();
    GuardResult r;
    do {
      r = ok.check("x");
    } while (!r.errors().isEmpty() && System.nanoTime() - t0 < 5_000_000_000L);
    assertEquals(Verdict.PASS, r.verdict());
    pool.shutdownNow();
  }
}
