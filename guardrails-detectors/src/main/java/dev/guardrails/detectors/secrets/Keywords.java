package dev.guardrails.detectors.secrets;

import dev.guardrails.detectors.internal.Swar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyword prefilter of {@link GitleaksRules}: finds every occurrence of every rule keyword
 * (case-insensitive, ASCII folding) in one pass over a one-byte-per-char view of the text.
 *
 * <p>Each keyword is looked for by its anchor: the three chars in it, followed by a fourth and
 * starting at most {@link #MAX_ANCHOR_AT} chars in, that are rarest in English text ({@link #RARITY}, a published letter-frequency table, and the fifty
 * most frequent trigrams counted a hundred times over; fixed, not fitted to any corpus), so
 * {@code token} is found by {@code tok}, {@code password} by {@code ssw}. The pass keeps the last
 * three bytes, folded to six bits each ({@code (c | 0x20) & 0x3F}: a letter's cases fold together),
 * as an 18-bit index, and tests one byte of a 256 KB table that holds every anchor (a byte per
 * index, not a bit: one load and a compare per position; the bit table's shift and mask made the
 * pass 1.3 to 2 times slower); on a set entry (about 1.4% of positions on English prose, 3% with
 * each keyword's first three chars) a
 * second table (hashed, 128 KB) checks the byte after the anchor, and only then are the keywords
 * with that anchor compared, from the anchor's offset back. A hit is found up to
 * {@link #maxAnchorAt} chars after its start, so the cursor holds hits in a small sorted buffer
 * until no later one can start before them. A two-char keyword ({@code sk}, {@code ey}, {@code s.},
 * {@code q~}: each begins a token in its rule) counts when a token char ({@code [\w.~+/=-]})
 * follows it, which makes it three chars long for the pass.
 *
 * <p>Chosen over an Aho-Corasick automaton ({@code org.ahocorasick:ahocorasick} 0.6.3 took 10 ms on
 * 1 MB of clean text where this pass takes about 1 ms; see docs/secrets.md).
 *
 * <p>Immutable and thread-safe; a {@link Cursor} serves one thread (a new one per call, or one kept per
 * thread and reset per call).
 */
final class Keywords {

  private static final byte[] LOWER = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      LOWER[c] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }

  /** Chars that may follow a two-char keyword: {@code [\w.~+/=-]} (lower case; the table adds capitals). */
  private static final String TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_.~+/=-";

  /** Patterns compared on a hit, lower case, each at least three bytes. */
  private final byte[][] patterns;
  /** For each pattern, the keyword it stands for. */
  private final int[] patternKeyword;
  private final int[] keywordLength;
  /** For each keyword, the rules (indexes) it belongs to. */
  final int[][] owners;
  /** One byte per folded three-byte index: 1 where an anchor has it. */
  private final byte[] anchors3 = new byte[1 << 18];
  /** Three-byte indexes that some three-byte pattern has (no fourth byte to check). */
  private final long[] short3 = new long[1 << 12];
  /** One bit per hashed folded four-byte index of the patterns of four or more bytes. */
  private final long[] bits4 = new long[1 << 14];
  /** Patterns by the folded index of their anchor's three bytes. */
  private final int[][] byIndex = new int[1 << 18][];
  /** For each pattern, its anchor's offset in it. */
  private final int[] anchorAt;
  /** The largest anchor offset: a hit starts at most this far before the window that finds it. */
  private final int maxAnchorAt;
  /**
   * No anchor lies further into its pattern than this: a gated search reads each region of
   * blocks {@code maxAnchorAt + 2} chars past its end, and merges regions closer than that, so the
   * few long keywords whose rarest chars lie deep inside ({@code administrator_login_password} at
   * 18) made every short answer's search read 20 chars more per region (about 9% of the
   * search over the short answers' blocks).
   */
  static final int MAX_ANCHOR_AT = 6;

  /**
   * How common each folded six-bit value is in English text, in tenths of a percent: letters from
   * a published letter-frequency table (Lewand, "Cryptological Mathematics"), plus the chars that
   * fold onto them ({@code '.'} onto {@code n}, {@code '-'} onto {@code m}, digits onto
   * {@code p}..{@code y}) and a floor for everything else. Only the pass's speed depends on it.
   */
  private static final int[] RARITY = new int[64];

  static {
    String letters = "abcdefghijklmnopqrstuvwxyz";
    int[] freq = {82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1};
    java.util.Arrays.fill(RARITY, 2);
    for (int k = 0; k < 26; k++) {
      RARITY[fold((byte) letters.charAt(k))] += freq[k];
    }
    RARITY[fold((byte) ' ')] += 180;
    RARITY[fold((byte) '.')] += 10;
    RARITY[fold((byte) ',')] += 10;
  }

  /**
   * The fifty most frequent English trigrams (Norvig, "English Letter Frequency Counts: Mayzner
   * Revisited", Google Books counts), which a product of letter frequencies undercounts.
   */
  private static final java.util.Set<String> COMMON3 = java.util.Set.of("the", "and", "ing", "ion", "tio", "ent",
      "ati", "for", "her", "ter", "hat", "tha", "ere", "ate", "his", "con", "res", "ver", "all", "ons", "nce", "men",
      "ith", "ted", "ers", "pro", "thi", "wit", "are", "ess", "not", "ive", "was", "ect", "rea", "com", "eve", "per",
      "int", "est", "sta", "cti", "ica", "ist", "ear", "ain", "one", "our", "iti", "rat");

  /**
   * How common the three chars at {@code w[i]} are in English text: the product of their
   * {@link #RARITY}, a hundred times more for one of the {@link #COMMON3} trigrams.
   */
  private static double cost(byte[] w, int i) {
    double c = (double) RARITY[fold(w[i])] * RARITY[fold(w[i + 1])] * RARITY[fold(w[i + 2])];
    return COMMON3.contains(new String(w, i, 3, StandardCharsets.ISO_8859_1)) ? c * 100 : c;
  }

  Keywords(List<String> keywords, List<int[]> owners) {
    this.owners = owners.toArray(new int[0][]);
    this.keywordLength = new int[keywords.size()];
    List<byte[]> pats = new ArrayList<>();
    List<Integer> patKw = new ArrayList<>();
    for (int k = 0; k < keywords.size(); k++) {
      byte[] w = keywords.get(k).getBytes(StandardCharsets.ISO_8859_1);
      if (w.length < 2) {
        throw new IllegalArgumentException("keyword must be at least 2 chars: length " + w.length);
      }
      for (int j = 0; j < w.length; j++) {
        w[j] = LOWER[w[j] & 0xFF];
      }
      keywordLength[k] = w.length;
      if (w.length >= 3) {
        pats.add(w);
        patKw.add(k);
      } else {
        for (int j = 0; j < TOKEN_CHARS.length(); j++) {
          pats.add(new byte[] {w[0], w[1], (byte) TOKEN_CHARS.charAt(j)});
          patKw.add(k);
        }
      }
    }
    this.patterns = pats.toArray(new byte[0][]);
    this.patternKeyword = patKw.stream().mapToInt(Integer::intValue).toArray();
    java.util.Map<Integer, List<Integer>> lists = new java.util.HashMap<>();
    this.anchorAt = new int[patterns.length];
    int maxAt = 0;
    for (int p = 0; p < patterns.length; p++) {
      byte[] w = patterns[p];
      // the anchor: the rarest three chars that have a fourth after them (any three of a
      // three-char pattern)
      int o = 0;
      double best = Double.MAX_VALUE;
      for (int i = 0; i + 4 <= Math.max(4, w.length) && i <= MAX_ANCHOR_AT; i++) {
        double c = cost(w, i);
        if (c < best) {
          best = c;
          o = i;
        }
      }
      anchorAt[p] = o;
      maxAt = Math.max(maxAt, o);
      int idx = fold(w[o]) | (fold(w[o + 1]) << 6) | (fold(w[o + 2]) << 12);
      anchors3[idx] = 1;
      if (w.length == 3) {
        short3[idx >>> 6] |= 1L << idx;
      } else {
        int h = hash4(idx, fold(w[o + 3]));
        bits4[h >>> 6] |= 1L << h;
      }
      lists.computeIfAbsent(idx, x -> new ArrayList<>()).add(p);
    }
    this.maxAnchorAt = maxAt;
    for (java.util.Map.Entry<Integer, List<Integer>> e : lists.entrySet()) {
      byIndex[e.getKey()] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** A 20-bit hash of a three-byte index and a fourth folded byte. */
  private static int hash4(int idx3, int f4) {
    int x = (idx3 << 6) | f4; // 24 bits
    return (x ^ (x >>> 9)) & 0xFFFFF;
  }

  /**
   * Whether the three bytes ending at {@code p} (folded index {@code idx}) may start a keyword:
   * some three-byte pattern has them, or the fourth byte makes a known four-byte start.
   */
  private boolean fourth(byte[] t, int n, int p, int idx) {
    if ((short3[idx >>> 6] & (1L << idx)) != 0) {
      return true;
    }
    if (p + 1 >= n) {
      return false;
    }
    int h = hash4(idx, fold(t[p + 1]));
    return (bits4[h >>> 6] & (1L << h)) != 0;
  }

  /**
   * The hot loop, a static method of its own so the JIT compiles it as a tight counted loop (inlined
   * into the cursor's larger {@code next}, the same loop ran at half the speed): from {@code p}, the
   * last byte of a three-byte window, the first position whose window's entry in {@code table} is
   * set, or {@code n}.
   *
   * <p>Six windows per step: one eight-byte load, its bytes folded to six bits each and packed
   * into 48 bits ({@link #pack}), so that the index of the window starting at byte {@code k} of
   * the load is bits {@code [6k, 6k+18)}. Per window that leaves a shift, a mask and a byte load;
   * the byte-by-byte loop made three loads and three folds per window.
   */
  private static int seek(byte[] table, byte[] t, int n, int p) {
    int q = p - 2; // the window's first byte
    for (; q + 8 <= n; q += 6) {
      long x = pack(Swar.load(t, q));
      if (table[(int) x & 0x3FFFF] != 0) {
        return q + 2;
      }
      if (table[(int) (x >>> 6) & 0x3FFFF] != 0) {
        return q + 3;
      }
      if (table[(int) (x >>> 12) & 0x3FFFF] != 0) {
        return q + 4;
      }
      if (table[(int) (x >>> 18) & 0x3FFFF] != 0) {
        return q + 5;
      }
      if (table[(int) (x >>> 24) & 0x3FFFF] != 0) {
        return q + 6;
      }
      if (table[(int) (x >>> 30) & 0x3FFFF] != 0) {
        return q + 7;
      }
    }
    for (p = q + 2; p < n; p++) {
      if (table[index(t, p)] != 0) {
        return p;
      }
    }
    return n;
  }

  /**
   * Eight bytes (little-endian, byte {@code k} in bits {@code [8k, 8k+8)}) folded to six bits each
   * ({@link #fold}) and packed: byte {@code k}'s six bits in bits {@code [6k, 6k+6)}.
   */
  static long pack(long w) {
    long x = (w | Swar.CASE) & 0x3F3F3F3F3F3F3F3FL;
    x = (x & 0x003F003F003F003FL) | ((x >>> 2) & 0x0FC00FC00FC00FC0L); // 12 bits per 16
    x = (x & 0x00000FFF00000FFFL) | ((x >>> 4) & 0x00FFF00000FFF000L); // 24 bits per 32
    return (x & 0xFFFFFFL) | ((x >>> 8) & 0xFFFFFF000000L); // 48 bits
  }

  /** The folded index of the three bytes ending at {@code p}: the first byte in the low six bits. */
  private static int index(byte[] t, int p) {
    return fold(t[p - 2]) | (fold(t[p - 1]) << 6) | (fold(t[p]) << 12);
  }

  /** Six bits per byte; ASCII letters fold to one value per letter. */
  private static int fold(byte c) {
    return ((c & 0xFF) | 0x20) & 0x3F;
  }

  Cursor cursor(byte[] text) {
    return new Cursor().reset(text, text.length, null);
  }

  /** A cursor over the first {@code n} bytes of {@code text} (a reused buffer may be longer). */
  Cursor cursor(byte[] text, int n) {
    return new Cursor().reset(text, n, null);
  }

  /**
   * A cursor with no text yet, for a caller that keeps one per thread and {@linkplain Cursor#reset
   * resets} it per text (a new cursor, and its region, per call were most of what a short answer
   * with a marked block allocated).
   */
  Cursor cursor() {
    return new Cursor();
  }

  /**
   * Iterates keyword hits in order of their start; not thread-safe. A hit is found at its anchor,
   * up to {@link #maxAnchorAt} chars after its start, so hits wait in a small sorted buffer until
   * the scan is far enough on that no later one can start before them. Reusable: {@link #reset}
   * starts it over on another text.
   */
  final class Cursor {
    private byte[] b;
    /** The text's length: bytes from here on are not text. */
    private int n;
    /** The start of the anchor window being verified, or where the scan goes on. */
    private int pos;
    private int[] cands;
    private int candAt;
    private boolean done;
    /**
     * Hits found but not yet returned, {@code start << 16 | keyword}, sorted, from {@code head};
     * allocated at the first hit (most short answers have none) and kept across {@link #reset}s.
     */
    private long[] pending;
    private int head;
    private int tail;
    private int hitStart;
    private int hitKeyword;
    /** The blocks searched, null for the whole text. */
    private long[] blocks;
    /** The longs of {@link #blocks} that cover the text (a reused buffer may be longer). */
    private int words;
    /** The current region of a gated search: hits starting in {@code [from, to)}, anchors read up to {@code limit}. */
    private int from;
    private int to;
    private int limit;

    Cursor() {}

    /**
     * Starts over on the first {@code n} bytes of {@code text}, over the hits that start in the
     * 16-byte blocks set in {@code blocks} (bit {@code j}: starts {@code [16j, 16j + 16)}; {@link
     * RunGate#blocks}; null: the whole text); returns this cursor.
     */
    Cursor reset(byte[] text, int n, long[] blocks) {
      this.b = text;
      this.n = n;
      this.pos = 0;
      this.cands = null;
      this.candAt = 0;
      this.done = false;
      this.head = 0;
      this.tail = 0;
      this.blocks = blocks;
      if (blocks != null) {
        this.words = Math.min(blocks.length, ((n - 1) >>> 10) + 1);
        if (!region(0)) {
          pos = n;
          done = true;
        }
      }
      return this;
    }

    /** Lets go of the text and the blocks (a kept cursor should not pin a long text's view). */
    void release() {
      this.b = null;
      this.blocks = null;
    }

    /**
     * Moves to the first run of set blocks from block {@code j} on: the hits starting there are
     * found at anchors up to {@link #maxAnchorAt} + 2 bytes after its end; false if none is left.
     */
    private boolean region(int j) {
      long[] bits = blocks;
      int words = this.words;
      int w = j >>> 6;
      if (w >= words) {
        return false;
      }
      long x = bits[w] & (-1L << j);
      while (x == 0) {
        if (++w >= words) {
          return false;
        }
        x = bits[w];
      }
      int first = (w << 6) + Long.numberOfTrailingZeros(x);
      if ((first << 4) >= n) {
        return false;
      }
      // the first clear block after it
      long y = ~bits[w] & (-1L << (first & 63));
      while (y == 0 && ++w < words) {
        y = ~bits[w];
      }
      int end = y == 0 ? words << 6 : (w << 6) + Long.numberOfTrailingZeros(y);
      // a gap no wider than what a region's end reads past it anyway (the anchors after its last hit
      // start) is read with the regions around it: one seek instead of two; the hits found in it are
      // hits of the whole text, which the search may always report
      int gap = (maxAnchorAt + 2 + 15) >>> 4;
      while (end < (words << 6)) {
        int next = nextSet(bits, words, end);
        if (next < 0 || next - end > gap) {
          break;
        }
        end = nextClear(bits, words, next);
      }
      from = first << 4;
      to = (int) Math.min(n, (long) end << 4);
      limit = (int) Math.min(n, (long) to + maxAnchorAt + 2);
      pos = from;
      return true;
    }

    /** The first set bit from {@code j} on, or -1. */
    private int nextSet(long[] bits, int words, int j) {
      int w = j >>> 6;
      if (w >= words) {
        return -1;
      }
      long x = bits[w] & (-1L << j);
      while (x == 0) {
        if (++w >= words) {
          return -1;
        }
        x = bits[w];
      }
      return (w << 6) + Long.numberOfTrailingZeros(x);
    }

    /** The first clear bit from {@code j} on ({@code words * 64} if none). */
    private int nextClear(long[] bits, int words, int j) {
      int w = j >>> 6;
      long y = ~bits[w] & (-1L << j);
      while (y == 0 && ++w < words) {
        y = ~bits[w];
      }
      return y == 0 ? words << 6 : (w << 6) + Long.numberOfTrailingZeros(y);
    }

    /** Advances to the next hit; false at the end. */
    boolean next() {
      while (true) {
        if (head < tail && (done || (int) (pending[head] >>> 16) <= pos - maxAnchorAt)) {
          long h = pending[head++];
          hitStart = (int) (h >>> 16);
          hitKeyword = (int) h & 0xFFFF;
          return true;
        }
        if (done) {
          return false;
        }
        if (!find()) {
          done = true;
        }
      }
    }

    /** Finds the next hit in anchor order into the buffer; false at the end of the text. */
    private boolean find() {
      byte[] t = b;
      while (true) {
        if (cands != null) {
          while (candAt < cands.length) {
            int p = cands[candAt++];
            int start = pos - anchorAt[p];
            if ((blocks == null ? start >= 0 : start >= from && start < to)
                && matches(patterns[p], start)) {
              add((long) start << 16 | patternKeyword[p]);
              return true;
            }
          }
          cands = null;
          pos++;
        }
        int n = this.n;
        int lim = blocks == null ? n : limit;
        int p = pos + 2; // the last byte of the three
        if (p < lim) {
          p = seek(anchors3, t, lim, p);
          while (p < lim && !fourth(t, n, p, index(t, p))) {
            p = seek(anchors3, t, lim, p + 1);
          }
        }
        if (p >= lim) {
          if (blocks != null && region((to >>> 4) + 1)) {
            continue;
          }
          pos = n;
          return false;
        }
        pos = p - 2;
        cands = byIndex[index(t, p)];
        candAt = 0;
      }
    }

    /** Inserts a hit into the sorted buffer. */
    private void add(long h) {
      if (pending == null) {
        pending = new long[8];
      } else if (tail == pending.length) {
        if (head > 0) {
          System.arraycopy(pending, head, pending, 0, tail - head);
          tail -= head;
          head = 0;
        } else {
          pending = java.util.Arrays.copyOf(pending, pending.length * 2);
        }
      }
      int i = tail++;
      while (i > head && pending[i - 1] > h) {
        pending[i] = pending[i - 1];
        i--;
      }
      pending[i] = h;
    }

    private boolean matches(byte[] w, int at) {
      if (at + w.length > n) {
        return false;
      }
      for (int j = 0; j < w.length; j++) {
        if (LOWER[b[at + j] & 0xFF] != w[j]) {
          return false;
        }
      }
      return true;
    }

    int start() {
      return hitStart;
    }

    int end() {
      return hitStart + keywordLength[hitKeyword];
    }

    int keyword() {
      return hitKeyword;
    }
  }
}
