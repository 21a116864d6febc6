package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The result cache: keyed on what changes the answer, bounded by the chars it holds. */
class ResultCacheTest {

  private final AtomicInteger calls = new AtomicInteger();
  private final Detector counting = (text, ctx, out) -> calls.incrementAndGet();

  private static ResultCache cacheOf(Guardrail g) throws ReflectiveOperationException {
    Field f = Guardrail.class.getDeclaredField("cache");
    f.setAccessible(true);
    return (ResultCache) f.get(g);
  }

  /** Issue 18: a per-request deadline used to be part of the key, so such callers never hit. */
  @Test
  void checksWithDifferentDeadlinesShareOneEntry() throws Exception {
    Guardrail g = Guardrail.builder().detector(counting).cache(10).build();
    Instant now = Instant.now();
    CheckContext soon = CheckContext.builder().prompt("p").deadline(now.plus(1, ChronoUnit.MINUTES)).build();
    CheckContext later = CheckContext.builder().prompt("p").deadline(now.plus(2, ChronoUnit.MINUTES)).build();
    CheckContext none = CheckContext.builder().prompt("p").build();
    GuardResult a = g.check("same answer", soon);
    GuardResult b = g.check("same answer", later);
    GuardResult c = g.check("same answer", none);
    assertSame(a, b);
    assertSame(a, c);
    assertEquals(1, calls.get(), "the detector ran once for three checks");
    assertEquals(1, cacheOf(g).size());
  }

  /** What can change the answer (prompt, sources, user values, locale) still separates entries. */
  @Test
  void contextThatChangesTheAnswerSeparatesEntries() throws Exception {
    Guardrail g = Guardrail.builder().detector(counting).cache(10).build();
    g.check("x", CheckContext.empty());
    g.check("x", CheckContext.builder().prompt("p").build());
    g.check("x", CheckContext.builder().source("s", "t").build());
    g.check("x", CheckContext.builder().userValue("jane@example.com").build());
    g.check("x", CheckContext.builder().locale(java.util.Locale.GERMAN).build());
    assertEquals(5, calls.get());
    assertEquals(5, cacheOf(g).size());
  }

  /** Issue 18: one 16 Mi-char text must not push out a thousand small entries. */
  @Test
  void hugeTextDoesNotEvictSmallEntries() throws Exception {
    Guardrail g = Guardrail.builder().detector(counting).cache(1000).build();
    for (int i = 0; i < 1000; i++) {
      g.check("small text " + i);
    }
    ResultCache cache = cacheOf(g);
    assertEquals(1000, cache.size());
    String huge = "a".repeat(Guardrail.DEFAULT_MAX_INPUT_CHARS); // 16 Mi chars: the default input limit
    g.check(huge);
    assertEquals(1001, calls.get());
    assertEquals(1000, cache.size(), "the huge result outweighs the budget and is not cached");
    assertTrue(cache.weightedChars() <= Guardrail.DEFAULT_CACHE_BUDGET_CHARS, "weight " + cache.weightedChars());
    for (int i = 0; i < 1000; i++) {
      g.check("small text " + i);
    }
    assertEquals(1001, calls.get(), "every small entry is still served from the cache");
  }

  /** A large text within the budget may displace small entries, but only down to the budget. */
  @Test
  void weightStaysWithinTheBudget() throws Exception {
    long budget = 1 << 20;
    Guardrail g = Guardrail.builder().detector(counting).cache(1000, budget).build();
    for (int i = 0; i < 1000; i++) {
      g.check("small text " + i);
    }
    ResultCache cache = cacheOf(g);
    assertEquals(1000, cache.size(), "a thousand small entries fit");
    String big = "b".repeat(600_000);
    g.check(big);
    g.check(big); // a second use makes it worth admitting over one-time entries
    assertTrue(cache.weightedChars() <= budget, "weight " + cache.weightedChars() + " > budget " + budget);
    assertTrue(cache.size() <= 1000, "entries " + cache.size());
    g.check("c".repeat((int) budget)); // heavier than the whole budget: computed, never cached
    assertFalse(cache.weightedChars() > budget);
  }

  @Test
  void budgetMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Guardrail.builder().cache(10, 0));
    assertEquals("cache budget must be >= 1 char: 0", e.getMessage());
  }

  /** A copy made by only() has a cache of its own, with the same bounds. */
  @Test
  void onlyCopiesTheBoundsNotTheEntries() throws Exception {
    Guardrail g = Guardrail.builder().detector(counting).cache(7, 12345).build();
    g.check("x");
    Guardrail copy = g.only(d -> true);
    ResultCache c = cacheOf(copy);
    assertEquals(0, c.size());
    assertEquals(7, c.maxEntries());
    assertEquals(12345, c.budgetChars());
  }
}
