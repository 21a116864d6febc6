package dev.guardrails.detectors.pii;

import dev.guardrails.detectors.internal.Swar;

/**
 * Whole-word context cues around a candidate: a list of lower-case words or phrases is looked up in
 * a bounded window before (and optionally after) the candidate. "card" matches "Card:" but not
 * "discard". Only runs on candidates, never over the whole text.
 *
 * <p>Immutable and thread-safe.
 */
final class Context {

  /** Characters looked at before a candidate. */
  static final int BEFORE = 48;
  /** Characters looked at after a candidate. */
  static final int AFTER = 24;

  /** Phrases by their first (lower-case ASCII) character, those starting above ASCII at 0; null where none starts. */
  private final String[][] byFirst = new String[128][];

  private static final int WORD_BIT = 1;
  private static final int START_BIT = 2;
  /**
   * By view byte: {@link #WORD_BIT} for {@code [A-Za-z0-9_]}, {@link #START_BIT} when a cue may
   * start with that char (either case; every byte above ASCII, and '?', when a cue starts above
   * ASCII).
   */
  private final byte[] cls = new byte[256];
  /**
   * For each {@link #byFirst} list, a 256-bit set of the view bytes that may follow the first char
   * of one of its cues: the second char either case ({@code '-'} and {@code '_'} for a space; '?'
   * for a char above U+00FF), every byte that is not a word char for a one-char cue.
   */
  private final long[][] seconds = new long[128][];
  /** Whether every cue starts with {@code [a-z0-9_]} (the eight-byte word-start walk of {@link #in(byte[], String, int, int)} applies). */
  private final boolean wordInitials;

  private Context(String... phrases) {
    for (String phrase : phrases) {
      // the scan reads the NFKC-normalized view (Thai SARA AM becomes NIKHAHIT + SARA AA there)
      String p = java.text.Normalizer.normalize(phrase, java.text.Normalizer.Form.NFKC);
      char f = p.charAt(0) < 128 ? p.charAt(0) : 0;
      String[] old = byFirst[f];
      String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = p;
      byFirst[f] = grown;
    }
    boolean initials = true;
    for (int f = 0; f < 128; f++) {
      if (byFirst[f] != null && !(f >= 'a' && f <= 'z' || f >= '0' && f <= '9' || f == '_')) {
        initials = false;
      }
    }
    wordInitials = initials;
    for (int f = 0; f < 128; f++) {
      if (byFirst[f] == null) {
        continue;
      }
      long[] m = new long[4];
      for (String p : byFirst[f]) {
        if (p.length() == 1) {
          for (int c = 0; c < 256; c++) {
            if (!(c < 128 && WORD[c])) {
              m[c >>> 6] |= 1L << c;
            }
          }
          continue;
        }
        char q = p.charAt(1);
        for (int c : new int[] {q, Character.toUpperCase(q), q == ' ' ? '-' : q, q == ' ' ? '_' : q, q > 0xFF ? '?' : q}) {
          if (c < 256) {
            m[c >>> 6] |= 1L << c;
          }
        }
      }
      seconds[f] = m;
    }
    for (int c = 0; c < 256; c++) {
      int k = c < 128 && WORD[c] ? WORD_BIT : 0;
      char l = lower((char) c);
      if (byFirst[l < 128 ? l : 0] != null || c == '?' && byFirst[0] != null) {
        k |= START_BIT;
      }
      cls[c] = (byte) k;
    }
  }

  /** A cue list of lower-case words or phrases (ASCII, or in a script without case such as Thai). */
  static Context of(String... phrases) {
    return new Context(phrases);
  }

  /**
   * As {@link #near(String, int, int)} over {@code h}'s text, read from the scan's one-byte view
   * when it has one ({@link Hits#view}).
   */
  boolean near(Hits h, int start, int end) {
    byte[] b = h.view;
    if (b == null) {
      return near(h.s, start, end);
    }
    String s = h.s;
    return in(b, s, Math.max(0, start - BEFORE), start) || in(b, s, end, Math.min(s.length(), end + AFTER));
  }

  /** As {@link #before(String, int, int)} over {@code h}'s text, read from the scan's view when it has one. */
  boolean before(Hits h, int start, int before) {
    byte[] b = h.view;
    return b == null ? before(h.s, start, before) : in(b, h.s, Math.max(0, start - before), start);
  }

  /**
   * As {@link #in(String, int, int)}, reading {@code b}, the one-byte view of {@code s} ({@link
   * ScanScratch#view}: chars up to U+00FF as themselves, others as '?', then zero bytes). When
   * every cue starts with {@code [a-z0-9_]}, only word starts can start one: they are found eight
   * bytes at a time; otherwise one table load per char tells a word char and whether a cue may
   * start with it. A word start's next byte must be in the cue list's second-char set before the
   * phrases are compared. {@code s} is read only at a '?' when some cue starts with a char above
   * U+00FF, and where a cue's char is above ASCII. Same result as the String form.
   */
  boolean in(byte[] b, String s, int from, int to) {
    if (!wordInitials) {
      return inByChar(b, s, from, to);
    }
    // every cue starts with [a-z0-9_]: only word starts can start one; they are found eight
    // bytes at a time (a word byte whose byte before is not one), as PiiPatternDetector.skipPlain does
    long carry = from > 0 && (cls[b[from - 1] & 0xFF] & WORD_BIT) != 0 ? 0x80 : 0;
    for (int p = from; p < to; p += 8) {
      long w = Swar.load(b, p);
      long x = Swar.low7(w);
      long word = (Swar.letter(x) | Swar.digit(x) | Swar.is(x, '_')) & Swar.ascii(w);
      long starts = word & ~((word << 8) | carry);
      if (to - p < 8) {
        starts &= Swar.below(to - p);
      }
      for (long m = starts; m != 0; m &= m - 1) {
        int i = p + Swar.first(m);
        int f = (b[i] | 0x20) & 0x7F; // an ASCII letter folded to lower case, a digit or '_' as itself
        String[] starting = byFirst[b[i] >= 'A' && b[i] <= 'Z' || b[i] >= 'a' && b[i] <= 'z' ? f : b[i]];
        if (starting != null) {
          int d = b[i + 1] & 0xFF;
          long[] sm = seconds[b[i] >= 'A' && b[i] <= 'Z' || b[i] >= 'a' && b[i] <= 'z' ? f : b[i]];
          if ((sm[d >>> 6] & (1L << d)) != 0 && startsCue(starting, b, s, i, to)) {
            return true;
          }
        }
      }
      carry = (word >>> 56) & 0x80;
    }
    return false;
  }

  /** {@link #in(byte[], String, int, int)} one char at a time: for cue lists with a cue that does not start with a word char. */
  private boolean inByChar(byte[] b, String s, int from, int to) {
    byte[] cls = this.cls;
    boolean prevWord = from > 0 && (cls[b[from - 1] & 0xFF] & WORD_BIT) != 0;
    for (int i = from; i < to; i++) {
      int k = cls[b[i] & 0xFF];
      if ((k & START_BIT) != 0 && !prevWord) {
        int c = b[i] & 0xFF;
        int f;
        if (c == '?' && byFirst[0] != null && s.charAt(i) != '?') {
          f = 0; // a char above U+00FF: the cues that start above ASCII
        } else {
          char l = lower((char) c);
          f = l < 128 ? l : 0;
        }
        String[] starting = byFirst[f];
        if (starting != null) {
          // the next char (a zero byte past the text) must be able to continue one of the cues
          int d = b[i + 1] & 0xFF;
          long[] m = seconds[f];
          if ((m[d >>> 6] & (1L << d)) != 0 && startsCue(starting, b, s, i, to)) {
            return true;
          }
        }
      }
      prevWord = (k & WORD_BIT) != 0;
    }
    return false;
  }

  private static boolean startsCue(String[] starting, byte[] b, String s, int i, int to) {
    for (String p : starting) {
      int len = p.length();
      if (i + len <= to && matchesAt(b, s, i, p) && (cls0(b[i + len]) & WORD_BIT) == 0) {
        return true;
      }
    }
    return false;
  }

  /** As {@link #matchesAt(String, int, String)}, reading the view where the cue's char is ASCII. */
  private static boolean matchesAt(byte[] b, String s, int at, String p) {
    for (int k = 1; k < p.length(); k++) {
      char q = p.charAt(k);
      char c = lower(q < 128 ? (char) (b[at + k] & 0xFF) : s.charAt(at + k));
      if (c != q && !(q == ' ' && (c == '-' || c == '_'))) {
        return false;
      }
    }
    return true;
  }

  private static int cls0(byte c) {
    return WORD[c & 0x7F] && c >= 0 ? WORD_BIT : 0;
  }

  /** Whether a cue occurs as a whole word in {@code s[max(0,start-BEFORE), min(n,end+AFTER))} outside the candidate. */
  boolean near(String s, int start, int end) {
    return in(s, Math.max(0, start - BEFORE), start) || in(s, end, Math.min(s.length(), end + AFTER));
  }

  /** Whether a cue occurs before the candidate within {@code before} characters. */
  boolean before(String s, int start, int before) {
    return in(s, Math.max(0, start - before), start);
  }

  /**
   * Whether a cue occurs as a whole word inside {@code s[from, to)}: a cue may start where the char
   * before is not a word char, and must end at the end of the text or before a non-word char. Reads
   * each char of the range once (the char before a position is the one read last).
   */
  boolean in(String s, int from, int to) {
    boolean prevWord = from > 0 && isWordChar(s.charAt(from - 1));
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!prevWord) {
        char l = lower(c);
        String[] starting = byFirst[l < 128 ? l : 0];
        if (starting != null && startsCue(starting, s, i, to)) {
          return true;
        }
      }
      prevWord = isWordChar(c);
    }
    return false;
  }

  private static boolean startsCue(String[] starting, String s, int i, int to) {
    for (String p : starting) {
      int len = p.length();
      if (i + len <= to && matchesAt(s, i, p)
          && (i + len == s.length() || !isWordChar(s.charAt(i + len)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(String s, int at, String p) {
    for (int k = 1; k < p.length(); k++) {
      char c = lower(s.charAt(at + k));
      char q = p.charAt(k);
      if (c != q && !(q == ' ' && (c == '-' || c == '_'))) {
        return false;
      }
    }
    return true;
  }

  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  static boolean isWordChar(char c) {
    return c < 128 && WORD[c];
  }

  /** {@code [A-Za-z0-9_]} by ASCII code. */
  private static final boolean[] WORD = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
  }
}
