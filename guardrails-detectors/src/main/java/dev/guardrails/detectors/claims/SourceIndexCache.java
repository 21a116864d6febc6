package dev.guardrails.detectors.claims;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.guardrails.Source;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The source indexes of one detector instance (so of one {@code Guardrail}), never JVM-wide:
 * Caffeine, keyed by a SHA-256 of the sources' ids and texts, and bounded by the chars the sources
 * hold: at most {@value #DEFAULT_BUDGET_CHARS} chars (4 Mi) together by default and about
 * {@value #MAX_ENTRIES} indexes (each weighs at least {@code budget / MAX_ENTRIES}). Sources heavier
 * than the whole budget are indexed for each check and never cached. The index of the last
 * immutable source list looked up is kept apart, so one {@code CheckContext} reused across turns
 * needs no hashing.
 *
 * <p>Thread-safe.
 */
final class SourceIndexCache {

  /** Default budget: the sources of all cached indexes hold at most 4 Mi chars together. */
  static final long DEFAULT_BUDGET_CHARS = 1L << 22;

  /** About this many indexes at most. */
  static final int MAX_ENTRIES = 64;

  private static final Class<?> IMMUTABLE_LIST_1 = List.of(1).getClass();
  private static final Class<?> IMMUTABLE_LIST_N = List.of(1, 2, 3).getClass();

  private final Cache<String, SourceIndex> cache;
  private final long budgetChars;
  private final AtomicReference<SourceIndex> last = new AtomicReference<>();

  /**
   * Creates an empty cache.
   *
   * @param budgetChars the most chars the sources of the cached indexes may hold, {@code >= 1}
   */
  SourceIndexCache(long budgetChars) {
    if (budgetChars < 1) {
      throw new IllegalArgumentException("source cache budget must be >= 1 char: " + budgetChars);
    }
    this.budgetChars = budgetChars;
    int minWeight = (int) Math.min(Integer.MAX_VALUE, Math.max(1, budgetChars / MAX_ENTRIES));
    this.cache = Caffeine.newBuilder()
        .maximumWeight(budgetChars)
        .<String, SourceIndex>weigher((k, idx) ->
            (int) Math.min(Integer.MAX_VALUE, Math.max(minWeight, SourceIndex.chars(idx.sources))))
        .build();
  }

  /**
   * Returns the index for these sources, from the cache when the same sources were indexed before.
   *
   * @param sources the grounding sources, non-empty
   * @return the index
   */
  SourceIndex of(List<Source> sources) {
    // Fast path: the same immutable list as last time (one CheckContext reused across turns) needs
    // no hashing. Source is an immutable record, and CheckContext.sources() an immutable copy.
    SourceIndex prev = last.get();
    if (prev != null && prev.origin == sources) {
      return prev;
    }
    if (SourceIndex.chars(sources) > budgetChars) {
      return SourceIndex.build(sources); // too big to keep: never displaces the cached ones
    }
    SourceIndex idx = cache.get(SourceIndex.key(sources), k -> SourceIndex.build(sources));
    if (sources.getClass() == IMMUTABLE_LIST_1 || sources.getClass() == IMMUTABLE_LIST_N) {
      last.set(idx.withOrigin(sources));
    }
    return idx;
  }

  /** For tests: the number of cached indexes after pending maintenance. */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** For tests: the chars the cached indexes hold, after pending maintenance. */
  long weightedChars() {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }
}
