package dev.guardrails;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The optional result cache of one {@link Guardrail} (Caffeine), bounded by what it holds: each
 * entry weighs the chars it keeps alive (the text, the safe text when it differs, the context's
 * prompt, sources and user values, plus a fixed overhead per entry and per decision), the total
 * weight stays within a char budget, and each entry weighs at least {@code budget / maxEntries}
 * (rounded down), so the entry count also stays within about {@code maxEntries}. An entry heavier than the whole budget is
 * not cached at all: one 16 Mi-char text cannot push out a thousand small entries.
 *
 * <p>The key is what changes the answer: the text and the context without its deadline (a deadline
 * only decides whether a detector times out, and results with errors are never cached), so callers
 * with per-request deadlines share entries.
 *
 * <p>Thread-safe; owned by one guardrail instance, never static.
 */
final class ResultCache {

  /** Default char budget: 16 Mi chars (at most 32 MB of UTF-16 text). */
  static final long DEFAULT_BUDGET_CHARS = 1L << 24;

  /** Chars charged per entry for the key, the result and Caffeine's node. */
  private static final int ENTRY_OVERHEAD = 64;
  /** Chars charged per decision (finding, action, replacement). */
  private static final int PER_DECISION = 32;

  private final Cache<Key, GuardResult> cache;
  private final long maxEntries;
  private final long budgetChars;
  private final int minWeight;

  /**
   * The cache key: the text and every part of the context that can change the result, without the
   * deadline. {@code toString} prints sizes only.
   */
  private record Key(String text, String prompt, List<Source> sources, Set<String> userValues, Locale locale) {
    @SuppressWarnings("deprecation") // the locale stays in the key while custom detectors may read it
    static Key of(String text, CheckContext ctx) {
      return new Key(text, ctx.prompt().orElse(null), ctx.sources(), ctx.userValues(), ctx.locale());
    }

    long chars() {
      long n = text.length() + (prompt == null ? 0 : prompt.length());
      for (Source s : sources) {
        n += s.id().length() + s.text().length();
      }
      for (String u : userValues) {
        n += u.length();
      }
      return n;
    }

    @Override
    public String toString() {
      return "Key[text=" + text.length() + " chars, sources=" + sources.size() + "]";
    }
  }

  private ResultCache(long maxEntries, long budgetChars) {
    this.maxEntries = maxEntries;
    this.budgetChars = budgetChars;
    this.minWeight = (int) Math.min(Integer.MAX_VALUE, Math.max(1, budgetChars / maxEntries));
    this.cache = Caffeine.newBuilder()
        .maximumWeight(budgetChars)
        .<Key, GuardResult>weigher((k, r) -> weight(k, r))
        .build();
  }

  /**
   * Returns a cache, or null when {@code maxEntries} is 0 (no cache).
   *
   * @param maxEntries the most entries, 0 for none
   * @param budgetChars the most chars the entries may hold together, {@code >= 1}
   */
  static ResultCache create(long maxEntries, long budgetChars) {
    return maxEntries > 0 ? new ResultCache(maxEntries, budgetChars) : null;
  }

  /** Returns a new, empty cache with the same bounds (for a guardrail's copies). */
  ResultCache copy() {
    return new ResultCache(maxEntries, budgetChars);
  }

  long maxEntries() {
    return maxEntries;
  }

  long budgetChars() {
    return budgetChars;
  }

  /** Returns the cached result of this text and context, or null. */
  GuardResult get(String text, CheckContext ctx) {
    return cache.getIfPresent(Key.of(text, ctx));
  }

  /** Caches a result, unless it carries errors or outweighs the whole budget. */
  void put(String text, CheckContext ctx, GuardResult r) {
    if (!r.errors().isEmpty()) { // a timeout or crash may be transient: never make it sticky
      return;
    }
    Key k = Key.of(text, ctx);
    if (rawWeight(k, r) > budgetChars) {
      return;
    }
    cache.put(k, r);
  }

  private int weight(Key k, GuardResult r) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(minWeight, rawWeight(k, r)));
  }

  private static long rawWeight(Key k, GuardResult r) {
    String safe = r.safeText();
    return ENTRY_OVERHEAD + k.chars() + (safe == k.text() ? 0 : safe.length())
        + (long) PER_DECISION * r.decisions().size();
  }

  /** For tests: the number of entries after pending maintenance. */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** For tests: the total weight in chars after pending maintenance. */
  long weightedChars() {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }
}
