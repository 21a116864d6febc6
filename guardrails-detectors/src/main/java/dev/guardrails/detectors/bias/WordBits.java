package dev.guardrails.detectors.bias;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Which of up to 64 word sets a token belongs to, as a bit set, from one probe: the sets are joined into one
 * open-addressing table keyed by a word's length and its {@link Tokens#hash(CharSequence)} hash, which the tokenizer
 * already computed for each token, and a hit is confirmed char by char, so the answer is exactly the sets' own
 * ({@code CharArraySet.contains} over the token's canonical chars) without hashing the token again per set. Built
 * once from immutable sets; immutable and thread-safe.
 */
final class WordBits {

  /** Open addressing: {@code length << 32 | hash}, 0 for an empty slot (a word has length >= 1). */
  private final long[] keys;
  /** Per slot, the bit set of its word. */
  private final long[] bits;
  /** Per slot, where its word starts in {@link #chars}. */
  private final int[] starts;
  private final char[] chars;
  private final int mask;

  private WordBits(Map<String, Long> words) {
    int slots = Integer.highestOneBit(Math.max(16, words.size() * 2)) * 2; // load at most 1/2
    keys = new long[slots];
    bits = new long[slots];
    starts = new int[slots];
    mask = slots - 1;
    StringBuilder all = new StringBuilder();
    for (Map.Entry<String, Long> e : words.entrySet()) {
      String w = e.getKey();
      long key = key(Tokens.hash(w), w.length());
      int s = slot(key);
      while (keys[s] != 0) {
        s = (s + 1) & mask; // each word once (a map's key): never already here
      }
      keys[s] = key;
      bits[s] = e.getValue();
      starts[s] = all.length();
      all.append(w);
    }
    chars = all.toString().toCharArray();
  }

  private static long key(int hash, int length) {
    return (long) length << 32 | (hash & 0xffffffffL);
  }

  private int slot(long key) {
    return StereotypeFeatures.mix((int) key ^ (int) (key >>> 32) * 0x9E3779B1) & mask;
  }

  /** The bit set of token {@code k} of {@code t} (its canonical chars, hashed {@code t.hash[k]}), 0 if in no set. */
  long of(Tokens t, int k) {
    int c = t.cStart[k];
    int len = t.cEnd[k] - c;
    long key = key(t.hash[k], len);
    for (int s = slot(key); ; s = (s + 1) & mask) {
      long v = keys[s];
      if (v == 0) {
        return 0;
      }
      if (v == key) {
        int w = starts[s];
        if (java.util.Arrays.equals(t.canon, c, c + len, chars, w, w + len)) {
          return bits[s];
        }
      }
    }
  }

  /** Collects the sets; not thread-safe. */
  static final class Builder {
    private final Map<String, Long> words = new LinkedHashMap<>();

    /** Gives every word of {@code set} the bits {@code bit}. */
    Builder add(CharArraySet set, long bit) {
      for (Object w : set) {
        add(new String((char[]) w), bit);
      }
      return this;
    }

    /** Gives every key of {@code map} whose value is {@code value} the bits {@code bit}. */
    <V> Builder add(CharArrayMap<V> map, V value, long bit) {
      for (Map.Entry<Object, V> e : map.entrySet()) {
        if (value.equals(e.getValue())) {
          add(new String((char[]) e.getKey()), bit);
        }
      }
      return this;
    }

    private void add(String w, long bit) {
      if (w.isEmpty()) {
        throw new IllegalArgumentException("empty word in a word set");
      }
      words.merge(w, bit, (a, b) -> a | b);
    }

    WordBits build() {
      return new WordBits(words);
    }
  }
}
