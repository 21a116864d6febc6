package dev.guardrails.detectors.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyword prefilter of {@link GitleaksRules}: finds every occurrence of every rule keyword
 * (case-insensitive, ASCII folding) in one pass over a one-byte-per-char view of the text. A table
 * indexed by the first two lower-cased bytes says whether any keyword starts so (a 64 Kbit bitset,
 * 8 KB, stays in L1); only then are the keywords with that start compared. Keywords are at least two
 * chars long (gitleaks' shortest). Chosen over an Aho-Corasick automaton: on clean text nearly every
 * position is rejected by one bit test, which no automaton step beats (see docs/secrets.md).
 *
 * <p>Immutable and thread-safe; {@link Cursor} is per call.
 */
final class Keywords {

  private static final byte[] LOWER = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      LOWER[c] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }

  private final byte[][] words;
  /** For each keyword, the rules (indexes) it belongs to. */
  final int[][] owners;
  private final long[] bigrams = new long[1 << 10];
  /** Keyword indexes by their first two lower-cased bytes. */
  private final int[][] byBigram = new int[1 << 16][];

  Keywords(List<String> keywords, List<int[]> owners) {
    this.words = new byte[keywords.size()][];
    this.owners = owners.toArray(new int[0][]);
    List<List<Integer>> lists = new ArrayList<>();
    for (int i = 0; i < (1 << 16); i++) {
      lists.add(null);
    }
    for (int k = 0; k < keywords.size(); k++) {
      byte[] w = keywords.get(k).getBytes(StandardCharsets.ISO_8859_1);
      if (w.length < 2) {
        throw new IllegalArgumentException("keyword must be at least 2 chars: length " + w.length);
      }
      for (int j = 0; j < w.length; j++) {
        w[j] = LOWER[w[j] & 0xFF];
      }
      words[k] = w;
      int bg = ((w[0] & 0xFF) << 8) | (w[1] & 0xFF);
      bigrams[bg >>> 6] |= 1L << bg;
      if (lists.get(bg) == null) {
        lists.set(bg, new ArrayList<>());
      }
      lists.get(bg).add(k);
    }
    for (int bg = 0; bg < (1 << 16); bg++) {
      if (lists.get(bg) != null) {
        byBigram[bg] = lists.get(bg).stream().mapToInt(Integer::intValue).toArray();
      }
    }
  }

  int size() {
    return words.length;
  }

  Cursor cursor(byte[] text) {
    return new Cursor(text);
  }

  /** Iterates keyword hits in order of their start (then keyword order); not thread-safe. */
  final class Cursor {
    private final byte[] b;
    private int pos;
    private int[] pending;
    private int pendingAt;
    private int hitStart;
    private int hitKeyword;

    Cursor(byte[] b) {
      this.b = b;
    }

    /** Advances to the next hit; false at the end. */
    boolean next() {
      byte[] t = b;
      int n = t.length - 1;
      while (true) {
        if (pending != null) {
          while (pendingAt < pending.length) {
            int k = pending[pendingAt++];
            if (matches(words[k], pos)) {
              hitStart = pos;
              hitKeyword = k;
              return true;
            }
          }
          pending = null;
          pos++;
        }
        int p = pos;
        long[] bits = bigrams;
        int prev = LOWER[t.length > 0 && p < t.length ? t[p] & 0xFF : 0] & 0xFF;
        while (p < n) {
          int cur = LOWER[t[p + 1] & 0xFF] & 0xFF;
          int bg = (prev << 8) | cur;
          if ((bits[bg >>> 6] & (1L << bg)) != 0) {
            break;
          }
          prev = cur;
          p++;
        }
        if (p >= n) {
          pos = t.length;
          return false;
        }
        pos = p;
        pending = byBigram[((LOWER[t[p] & 0xFF] & 0xFF) << 8) | (LOWER[t[p + 1] & 0xFF] & 0xFF)];
        pendingAt = 0;
      }
    }

    private boolean matches(byte[] w, int at) {
      if (at + w.length > b.length) {
        return false;
      }
      for (int j = 2; j < w.length; j++) {
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
      return hitStart + words[hitKeyword].length;
    }

    int keyword() {
      return hitKeyword;
    }
  }
}
