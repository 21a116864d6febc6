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
 * <p>Memory-compact: an open-addressing {@code long[]} table holds, per entry, either the entry
 * itself (up to {@value #INLINE} ASCII chars, seven bits each: the common short words need one read
 * of one slot) or hash bits and the offset of the entry in one shared {@code char[]} pool (a length
 * char followed by its lower-cased chars): about 2 bytes per pooled char plus 16-32 bytes per entry,
 * instead of an array object per entry.
 * Several lists can share one table ({@link #union}): a word is then hashed once to learn every list
 * that holds it ({@link #tags}), one cache miss instead of one per list. Case folding is
 * per char with {@link Character#toLowerCase(char)} and ASCII apostrophe look-alikes fold to
 * {@code '}. Entries load once from UTF-8 resources (one entry per line, {@code #} comments).
 * Thread-safe: immutable after construction.
 */
final class Gazetteer {

  /** Longest entry kept: its length is stored in one char of the pool. */
  private static final int MAX_ENTRY = Character.MAX_VALUE;

  /** Longest entry held in its slot rather than the pool (folded chars all ASCII). */
  static final int INLINE = 6;

  /** In a {@link #table} slot: the entry is in the pool. */
  private static final long POOLED = 1L << 63;

  private final char[] pool;
  /**
   * One long per slot, 0 for an empty slot. Bits 0-15: the entry's tags (bit i set when it belongs to
   * list i of a {@link #union}; bit 0 for a single list; never 0 for an entry). An entry of 1 to
   * {@value #INLINE} chars whose folded chars are all ASCII is held in the slot ({@link #inline}:
   * its length in bits 16-18, char i in bits 19 + 7i); any other has {@link #POOLED}, the high 16 bits
   * of its mixed hash in bits 16-31 and its pool offset + 1 in bits 32-62. A probe compares the
   * slot's key bits before it reads the pool, so a short word costs one read of this array, a long
   * word that is no entry mostly one, and a long entry two.
   */
  private final long[] table;
  private final int mask;
  /** The list this instance answers {@link #contains} for (one bit of {@link #tags}). */
  private final int bit;
  private final int size;
  /**
   * Per folded first char (low six bits): bit L set when an entry of length L (63 for longer) starts
   * with such a char. Most words asked about a small list fail this test before any hashing.
   */
  private final long[] lengths;
  /** {@link #lengths} of all the lists of a union together, for {@link #tags}. */
  private final long[] anyLengths;

  private Gazetteer(List<String> words) {
    this(List.of(words), 0);
  }

  /** Builds one table of several lists; this instance answers for list {@code which}. */
  private Gazetteer(List<List<String>> lists, int which) {
    int total = 0;
    long chars = 0;
    for (List<String> words : lists) {
      total += words.size();
      for (String w : words) {
        chars += w.length() <= MAX_ENTRY ? w.length() + 1 : 0;
      }
    }
    int cap = Integer.highestOneBit(Math.max(4, total * 2 - 1)) << 1;
    table = new long[cap];
    mask = cap - 1;
    char[] p = new char[(int) Math.min(Integer.MAX_VALUE - 8, chars)];
    long[][] perList = new long[lists.size()][64];
    int[] sizes = new int[lists.size()];
    anyLengths = new long[64];
    int used = 0;
    for (int l = 0; l < lists.size(); l++) {
      for (String w : lists.get(l)) {
        int len = w.length();
        if (len > MAX_ENTRY) {
          continue;
        }
        p[used] = (char) len;
        int h = 0;
        long key = 0; // the inline key of the folded word, if it has one
        for (int i = 0; i < len; i++) {
          char c = fold(w.charAt(i));
          p[used + 1 + i] = c;
          h = 31 * h + c;
          key = inlineStep(key, i, c);
        }
        key = len >= 1 && len <= INLINE ? inline(key, len) : 0;
        int m = mix(h);
        int slot = m & mask;
        boolean found = false;
        for (long e = table[slot]; e != 0; e = table[slot]) {
          if (key != 0 ? (e & ~0xFFFFL) == key
              : (e & POOLED) != 0 && (e & 0xFFFF0000L) == (m & 0xFFFF0000L)
                  && pooledEquals(p, (int) ((e >>> 32) & 0x7FFFFFFF), len, used + 1)) {
            found = true;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (!found) {
          if (key != 0) {
            table[slot] = key;
          } else {
            table[slot] = POOLED | ((long) (used + 1) << 32) | (m & 0xFFFF0000L);
            used += len + 1;
          }
        }
        if ((table[slot] & (1L << l)) == 0) {
          table[slot] |= 1L << l;
          sizes[l]++;
          if (len > 0) {
            char first = fold(w.charAt(0));
            perList[l][first & 63] |= 1L << Math.min(len, 63);
            anyLengths[first & 63] |= 1L << Math.min(len, 63);
          }
        }
      }
    }
    pool = used == p.length ? p : java.util.Arrays.copyOf(p, used);
    bit = 1 << which;
    size = sizes[which];
    lengths = perList[which];
    views = new Gazetteer[lists.size()];
    views[which] = this;
    for (int l = 0; l < lists.size(); l++) {
      if (l != which) {
        views[l] = new Gazetteer(this, l, perList[l], sizes[l]);
      }
    }
  }

  /** A view of list {@code which} over the table of {@code shared}. */
  private Gazetteer(Gazetteer shared, int which, long[] lengths, int size) {
    pool = shared.pool;
    table = shared.table;
    mask = shared.mask;
    anyLengths = shared.anyLengths;
    bit = 1 << which;
    this.size = size;
    this.lengths = lengths;
    views = null;
  }

  /** The lists of the union this table was built for (the first is this instance); null in a view. */
  private final Gazetteer[] views;

  /** Builds a gazetteer from the given words (tests and small built-in lists). */
  static Gazetteer of(List<String> words) {
    return new Gazetteer(words);
  }

  /**
   * Builds one table for several lists (at most 16): element {@code i} of the result answers
   * {@link #contains} for list {@code i} exactly as {@link #of} of that list would, and {@link #tags}
   * on any of them tells with one hash which lists hold a word (bit {@code i}).
   */
  static Gazetteer[] union(List<List<String>> lists) {
    if (lists.isEmpty() || lists.size() > 16) {
      throw new IllegalArgumentException("lists must number 1 to 16: " + lists.size());
    }
    return new Gazetteer(lists, 0).views.clone();
  }

  /** Reads the words of class-path resources next to this class (their union), for {@link #union}. */
  static List<String> words(String... resources) {
    List<String> words = new ArrayList<>();
    for (String resource : resources) {
      read(resource, words);
    }
    return words;
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
    return (lookup(s, start, end) & bit) != 0;
  }

  /**
   * Which lists of the {@link #union} hold {@code s[start, end)} (case-insensitive): bit {@code i}
   * for list {@code i}; 0 when none. One hash, whatever the number of lists.
   */
  int tags(CharSequence s, int start, int end) {
    int len = end - start;
    if (len <= 0 || (anyLengths[fold(s.charAt(start)) & 63] & (1L << Math.min(len, 63))) == 0) {
      return 0;
    }
    return lookup(s, start, end);
  }

  /**
   * {@link #contains(CharSequence, int, int)} reading the chars from {@code c} (as the name scan's
   * per-thread copy of its text): array reads instead of {@code String.charAt}, whose coder and
   * index tests made these lookups too big for C2 to inline into {@code PersonDetector.judge}.
   * Same folding, same answers.
   */
  boolean contains(char[] c, int start, int end) {
    int len = end - start;
    if (len <= 0 || (lengths[fold(c[start]) & 63] & (1L << Math.min(len, 63))) == 0) {
      return false;
    }
    return (lookup(c, start, end) & bit) != 0;
  }

  /** {@link #tags(CharSequence, int, int)} reading the chars from {@code c}. */
  int tags(char[] c, int start, int end) {
    int len = end - start;
    if (len <= 0 || (anyLengths[fold(c[start]) & 63] & (1L << Math.min(len, 63))) == 0) {
      return 0;
    }
    return lookup(c, start, end);
  }

  /**
   * A thread's memo of one table's most recent answers ({@link #tags(char[], int, int)}), for a
   * scanner that asks about the same words over and over: "The", "Step", "You", "Thanks" and the
   * names of the text at hand. The table of a large {@link #union} is megabytes, far over a core's
   * L2, so a lookup of a word not met lately misses the cache (and the TLB) once or twice; this
   * memo is {@value #RECENT} slots of 16 bytes (16 KB), direct-mapped by the same hash: a hit reads
   * one line of it. Only ASCII words of 1 to {@value #RECENT_CHARS} chars are kept (their folded
   * chars, seven bits each, are the key; no folded char is 0 there), any other is looked up as
   * before. Not thread-safe: one per thread, over the gazetteer it was made for; answers are the
   * table's, so a hit and a miss give the same tags.
   */
  static final class Recent {
    /** Slot {@code i}: the key at {@code 2i} (0 when empty), the tags at {@code 2i + 1}. */
    private final long[] slots = new long[2 * RECENT];
    private final Gazetteer table;

    Recent(Gazetteer table) {
      this.table = table;
    }

    /** {@link Gazetteer#tags(char[], int, int)} of the table this memo was made for. */
    int tags(char[] c, int start, int end) {
      return table.tags(c, start, end, slots);
    }
  }

  /** Slots of a {@link Recent} memo (a power of two). */
  static final int RECENT = 1024;

  /** Longest word a {@link Recent} memo keeps: nine chars of seven bits in a long. */
  static final int RECENT_CHARS = 9;

  /** {@link #tags(char[], int, int)} through the memo {@code slots} of a {@link Recent}. */
  private int tags(char[] c, int start, int end, long[] slots) {
    int len = end - start;
    if (len <= 0 || (anyLengths[fold(c[start]) & 63] & (1L << Math.min(len, 63))) == 0) {
      return 0;
    }
    if (len > RECENT_CHARS) {
      return lookup(c, start, end);
    }
    int h = 0;
    long key = 0;
    for (int i = start; i < end; i++) {
      char f = fold(c[i]);
      if (f == 0 || f >= 0x80) { // 0 or not ASCII: not kept (a 0 adds no bits: "a" and "a\0" would share a key)
        return lookup(c, start, end);
      }
      h = 31 * h + f;
      key |= (long) f << (7 * (i - start));
    }
    int m = mix(h);
    int at = 2 * (m & (RECENT - 1));
    if (slots[at] == key) {
      return (int) slots[at + 1];
    }
    // the memo's key holds the chars as the table's inline key does, from bit 0 instead of CHARS_AT
    int tags = len <= INLINE ? findInline(m, inline(key << CHARS_AT, len)) : findPooled(m, c, start, len);
    slots[at] = key;
    slots[at + 1] = tags;
    return tags;
  }

  /** {@link #lookup(CharSequence, int, int)} reading the chars from {@code c}. */
  private int lookup(char[] c, int start, int end) {
    int len = end - start;
    int h = 0;
    if (len <= INLINE) {
      long key = 0;
      for (int i = start; i < end; i++) {
        char f = fold(c[i]);
        h = 31 * h + f;
        key = inlineStep(key, i - start, f);
      }
      if (key >= 0) {
        return findInline(mix(h), inline(key, len));
      }
    } else {
      for (int i = start; i < end; i++) {
        h = 31 * h + fold(c[i]);
      }
    }
    return findPooled(mix(h), c, start, len);
  }

  /** {@link #findPooled(int, CharSequence, int, int)} reading the chars from {@code c}. */
  private int findPooled(int m, char[] c, int start, int len) {
    long check = POOLED | (m & 0xFFFF0000L);
    int slot = m & mask;
    for (long e = table[slot]; e != 0; e = table[slot]) {
      if ((e & (POOLED | 0xFFFF0000L)) == check) {
        int t = (int) ((e >>> 32) & 0x7FFFFFFF);
        if (pool[t - 1] == len && same(t, c, start, len)) {
          return (int) e & 0xFFFF;
        }
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  private boolean same(int at, char[] c, int start, int len) {
    for (int i = 0; i < len; i++) {
      if (pool[at + i] != fold(c[start + i])) {
        return false;
      }
    }
    return true;
  }

  /** The tags of {@code s[start, end)} (not empty): hashed once, and keyed inline when it is short. */
  private int lookup(CharSequence s, int start, int end) {
    int len = end - start;
    int h = 0;
    if (len <= INLINE) {
      long key = 0;
      for (int i = start; i < end; i++) {
        char c = fold(s.charAt(i));
        h = 31 * h + c;
        key = inlineStep(key, i - start, c);
      }
      if (key >= 0) {
        return findInline(mix(h), inline(key, len));
      }
    } else {
      for (int i = start; i < end; i++) {
        h = 31 * h + fold(s.charAt(i));
      }
    }
    return findPooled(mix(h), s, start, len);
  }

  /** The tags of the entry held in its slot as {@code key} ({@link #inline}), 0 if none. */
  private int findInline(int m, long key) {
    int slot = m & mask;
    for (long e = table[slot]; e != 0; e = table[slot]) {
      if ((e & ~0xFFFFL) == key) {
        return (int) e & 0xFFFF;
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /** The tags of the pooled entry {@code s[start, start + len)} whose mixed hash is {@code m}, 0 if none. */
  private int findPooled(int m, CharSequence s, int start, int len) {
    long check = POOLED | (m & 0xFFFF0000L);
    int slot = m & mask;
    for (long e = table[slot]; e != 0; e = table[slot]) {
      if ((e & (POOLED | 0xFFFF0000L)) == check) {
        int t = (int) ((e >>> 32) & 0x7FFFFFFF);
        if (pool[t - 1] == len && same(t, s, start, len)) {
          return (int) e & 0xFFFF;
        }
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /**
   * Adds the folded char {@code c} at position {@code i} of a word to its inline key being built;
   * the sign bit marks a word with no inline form (a char past {@value #INLINE} or not ASCII).
   */
  private static long inlineStep(long key, int i, char c) {
    if (i >= INLINE || c >= 128) {
      return key | Long.MIN_VALUE;
    }
    return key | ((long) c << (CHARS_AT + 7 * i));
  }

  /** Where an inline key's chars start ({@link #inlineStep}: char i at bits {@code CHARS_AT + 7i}). */
  private static final int CHARS_AT = 19;

  /** The slot key of a word of {@code len} chars from its {@link #inlineStep} key (0: none). */
  private static long inline(long key, int len) {
    return key < 0 ? 0 : key | ((long) len << 16);
  }

  /** Whether the pool entry at {@code t} (length at {@code t - 1}) equals {@code pool[at, at + len)}. */
  private static boolean pooledEquals(char[] pool, int t, int len, int at) {
    return pool[t - 1] == len && java.util.Arrays.equals(pool, t, t + len, pool, at, at + len);
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

  /** Spreads a string hash's bits before it picks a slot (the finalizer of MurmurHash3, first steps); shared with {@link Phrases}. */
  static int mix(int h) {
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
