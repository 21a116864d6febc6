package dev.guardrails.detectors.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable, case-insensitive set of words (names, places, suffixes) looked up by a range of a
 * {@link CharSequence} without allocating, in the spirit of Lucene's {@code CharArraySet}.
 *
 * <p>Open addressing over lower-cased {@code char[]} entries; case folding is per char with
 * {@link Character#toLowerCase(char)} and ASCII apostrophe look-alikes fold to {@code '}. Entries
 * load once from a UTF-8 resource (one entry per line, {@code #} comments). Thread-safe: immutable
 * after construction.
 */
final class Gazetteer {

  private final char[][] table;
  private final int mask;
  private final int size;
  /**
   * Per folded first char (low six bits): bit L set when an entry of length L (63 for longer) starts
   * with such a char. Most words asked about a small list fail this test before any hashing.
   */
  private final long[] lengths = new long[64];

  private Gazetteer(List<String> words) {
    int cap = Integer.highestOneBit(Math.max(4, words.size() * 2 - 1)) << 1;
    table = new char[cap][];
    mask = cap - 1;
    int n = 0;
    for (String w : words) {
      char[] k = new char[w.length()];
      for (int i = 0; i < k.length; i++) {
        k[i] = fold(w.charAt(i));
      }
      int h = hash(k, 0, k.length) & mask;
      boolean dup = false;
      while (table[h] != null) {
        if (java.util.Arrays.equals(table[h], k)) {
          dup = true;
          break;
        }
        h = (h + 1) & mask;
      }
      if (!dup) {
        table[h] = k;
        n++;
        if (k.length > 0) {
          lengths[k[0] & 63] |= 1L << Math.min(k.length, 63);
        }
      }
    }
    size = n;
  }

  /** Builds a gazetteer from the given words (tests and small built-in lists). */
  static Gazetteer of(List<String> words) {
    return new Gazetteer(words);
  }

  /** Loads a gazetteer from a class-path resource next to this class; fails fast if it is missing. */
  static Gazetteer load(String resource) {
    try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("lexicon resource " + resource + " is not on the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> words = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = (words.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line).strip(); // byte-order mark
        if (!t.isEmpty() && t.charAt(0) != '#') {
          words.add(t);
        }
      }
      return new Gazetteer(words);
    } catch (IOException e) {
      throw new UncheckedIOException("lexicon resource " + resource + " could not be read", e);
    }
  }

  /** Number of distinct entries. */
  int size() {
    return size;
  }

  /** Whether {@code s[start, end)} (case-insensitive) is an entry. */
  boolean contains(CharSequence s, int start, int end) {
    int len = end - start;
    if (len <= 0 || (lengths[fold(s.charAt(start)) & 63] & (1L << Math.min(len, 63))) == 0) {
      return false;
    }
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + fold(s.charAt(i));
    }
    int slot = mix(h) & mask;
    for (char[] k = table[slot]; k != null; k = table[slot]) {
      if (k.length == len && same(k, s, start)) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  /** Whether the whole string is an entry. */
  boolean contains(CharSequence s) {
    return contains(s, 0, s.length());
  }

  private static boolean same(char[] k, CharSequence s, int start) {
    for (int i = 0; i < k.length; i++) {
      if (k[i] != fold(s.charAt(start + i))) {
        return false;
      }
    }
    return true;
  }

  private static int hash(char[] k, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + k[i];
    }
    return mix(h);
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  static char fold(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
      return '\'';
    }
    return Character.toLowerCase(c);
  }
}
