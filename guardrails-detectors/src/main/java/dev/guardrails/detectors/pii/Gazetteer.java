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
 * <p>Memory-compact: every entry lives in one shared {@code char[]} pool as a length char followed
 * by its lower-cased chars, and an open-addressing {@code int[]} table holds pool offsets (about
 * 2 bytes per char plus 8 bytes per entry, instead of an array object per entry). Case folding is
 * per char with {@link Character#toLowerCase(char)} and ASCII apostrophe look-alikes fold to
 * {@code '}. Entries load once from UTF-8 resources (one entry per line, {@code #} comments).
 * Thread-safe: immutable after construction.
 */
final class Gazetteer {

  /** Longest entry kept: its length is stored in one char of the pool. */
  private static final int MAX_ENTRY = Character.MAX_VALUE;

  private final char[] pool;
  /** Pool offset + 1 of the entry in each slot; 0 for an empty slot. */
  private final int[] table;
  private final int mask;
  private final int size;
  /**
   * Per folded first char (low six bits): bit L set when an entry of length L (63 for longer) starts
   * with such a char. Most words asked about a small list fail this test before any hashing.
   */
  private final long[] lengths = new long[64];

  private Gazetteer(List<String> words) {
    int cap = Integer.highestOneBit(Math.max(4, words.size() * 2 - 1)) << 1;
    table = new int[cap];
    mask = cap - 1;
    long chars = 0;
    for (String w : words) {
      chars += w.length() <= MAX_ENTRY ? w.length() + 1 : 0;
    }
    char[] p = new char[(int) Math.min(Integer.MAX_VALUE - 8, chars)];
    int used = 0;
    int n = 0;
    for (String w : words) {
      int len = w.length();
      if (len > MAX_ENTRY) {
        continue;
      }
      p[used] = (char) len;
      int h = 0;
      for (int i = 0; i < len; i++) {
        char c = fold(w.charAt(i));
        p[used + 1 + i] = c;
        h = 31 * h + c;
      }
      int slot = mix(h) & mask;
      boolean dup = false;
      for (int t = table[slot]; t != 0; t = table[slot]) {
        if (p[t - 1] == len && java.util.Arrays.equals(p, t, t + len, p, used + 1, used + 1 + len)) {
          dup = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (!dup) {
        table[slot] = used + 1;
        used += len + 1;
        n++;
        if (len > 0) {
          lengths[p[table[slot]] & 63] |= 1L << Math.min(len, 63);
        }
      }
    }
    pool = used == p.length ? p : java.util.Arrays.copyOf(p, used);
    size = n;
  }

  /** Builds a gazetteer from the given words (tests and small built-in lists). */
  static Gazetteer of(List<String> words) {
    return new Gazetteer(words);
  }

  /**
   * Loads one gazetteer from class-path resources next to this class (their union); fails fast if
   * one is missing.
   */
  static Gazetteer load(String... resources) {
    List<String> words = new ArrayList<>();
    for (String resource : resources) {
      read(resource, words);
    }
    return new Gazetteer(words);
  }

  private static void read(String resource, List<String> words) {
    try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("lexicon resource " + resource + " is not on the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean firstLine = true;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = (firstLine && line.startsWith("\uFEFF") ? line.substring(1) : line).strip(); // byte-order mark
        firstLine = false;
        if (!t.isEmpty() && t.charAt(0) != '#') {
          words.add(t);
        }
      }
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
    for (int t = table[slot]; t != 0; t = table[slot]) {
      if (pool[t - 1] == len && same(t, s, start, len)) {
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

  private boolean same(int at, CharSequence s, int start, int len) {
    for (int i = 0; i < len; i++) {
      if (pool[at + i] != fold(s.charAt(start + i))) {
        return false;
      }
    }
    return true;
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
