package dev.guardrails.detectors.pii;

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
  }

  /** A cue list of lower-case words or phrases (ASCII, or in a script without case such as Thai). */
  static Context of(String... phrases) {
    return new Context(phrases);
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
