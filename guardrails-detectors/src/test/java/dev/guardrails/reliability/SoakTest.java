package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.testing.FuzzInput;
import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Soak: 8 threads share one default-pipeline {@link Guardrail} (with and without a small result
 * cache) and check a mixed pool of texts; every result must equal the single-threaded one, with
 * zero errors, and the heap must not grow after warm-up. Checks per thread come from the system
 * property {@code guardrails.soak.checks} (default 2,000 to keep the build fast; the figure
 * is 50,000: {@code -Dguardrails.soak.checks=50000}).
 */
class SoakTest {

  private static final int THREADS = 8;
  private static final int CHECKS = Integer.getInteger("guardrails.soak.checks", 2_000);

  static List<String> pool() throws IOException {
    List<String> texts = new ArrayList<>();
    for (EvasionCorpusTest.Case c : EvasionCorpusTest.load()) {
      texts.add(c.text());
    }
    texts.add("");
    texts.add("Plain answer with nothing sensitive in it at all.");
    texts.add("Write to jane.doe@example.com or bob@example.org; the chairman agreed. ".repeat(40));
    texts.add("x".repeat(20_000) + "@example.com");
    texts.add("\uD800 lone \uDC00 surrogates \u0000 and NUL");
    return texts;
  }

  private static void assertSameResult(GuardResult expected, GuardResult actual) {
    FuzzInput.assertSame(expected, actual);
  }

  private static long usedHeapAfterGc(MemoryMXBean mem) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return mem.getHeapMemoryUsage().getUsed();
  }

  @Test
  void eightThreadsShareOneGuardrail() throws Exception {
    List<String> texts = pool();
    CheckContext ctx = CheckContext.builder().source("kb", "Jane's address is jane.doe@example.com.").build();
    List<Guardrail> guards = List.of(Guardrail.builder().discoverDetectors().build(),
        Guardrail.builder().discoverDetectors().cache(64).build());
    for (int gi = 0; gi < guards.size(); gi++) {
      Guardrail g = guards.get(gi);
      String label = (gi == 0 ? "no cache" : "cache(64)") + ", " + g.detectors().size() + " detectors";
      List<GuardResult> expected = new ArrayList<>();
      for (String t : texts) {
        GuardResult r = g.check(t, ctx);
        assertTrue(r.errors().isEmpty(), "single-threaded run has errors: " + r.errors());
        expected.add(r);
      }
      MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
      AtomicLong mismatches = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      long heapAfterWarmup = 0;
      long t0 = 0;
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        for (int phase = 0; phase < 2; phase++) { // phase 0: warm-up (1/10 of the checks)
          int checks = phase == 0 ? Math.max(1, CHECKS / 10) : CHECKS;
          if (phase == 1) {
            heapAfterWarmup = usedHeapAfterGc(mem);
            t0 = System.nanoTime();
          }
          List<Future<?>> futures = new ArrayList<>();
          for (int th = 0; th < THREADS; th++) {
            int offset = th * 7919;
            futures.add(pool.submit(() -> {
              for (int i = 0; i < checks; i++) {
                int k = Math.floorMod(offset + i * 31, texts.size());
                try {
                  GuardResult r = g.check(texts.get(k), ctx);
                  if (!r.errors().isEmpty()) {
                    errors.incrementAndGet();
                  }
                  assertSameResult(expected.get(k), r);
                } catch (Throwable t) {
                  mismatches.incrementAndGet();
                }
              }
            }));
          }
          assertTimeoutPreemptively(Duration.ofMinutes(30), () -> {
            for (Future<?> f : futures) {
              f.get();
            }
          });
        }
      } finally {
        pool.shutdownNow();
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long heapEnd = usedHeapAfterGc(mem);
      System.out.printf("[soak] %s: %d threads x %d checks in %d ms (%.0f checks/s), mismatches %d, errors %d, "
              + "heap after warm-up %d MB, at end %d MB%n", label, THREADS, CHECKS, ms, THREADS * (double) CHECKS * 1000 / Math.max(1, ms),
          mismatches.get(), errors.get(), heapAfterWarmup >> 20, heapEnd >> 20);
      assertEquals(0, mismatches.get(), "results differ from the single-threaded run");
      assertEquals(0, errors.get(), "detector errors under load");
      assertTrue(heapEnd < heapAfterWarmup + (256L << 20), "heap grew by more than 256 MB after warm-up");
    }
  }
}
