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

  /** Phrases by their first (lower-case ASCII) character; null where none starts. */
  private final String[][] byFirst = new String[128][];
  /** Per phrase in {@link #byFirst}, the length of its first word (the whole phrase when one word). */
  private final int[][] firstWordLength = new int[128][];

  private Context(String... phrases) {
    for (String p : phrases) {
      for (int k = 0; k < p.length(); k++) {
        char c = p.charAt(k);
        if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ' && k > 0 && k < p.length() - 1)) {
          throw new IllegalArgumentException("cue phrases are lower-case ASCII words and single spaces: " + p);
        }
      }
      char f = p.charAt(0);
      String[] old = byFirst[f];
      String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = p;
      byFirst[f] = grown;
      int[] lengths = firstWordLength[f] == null ? new int[1] : java.util.Arrays.copyOf(firstWordLength[f], grown.length);
      int space = p.indexOf(' ');
      lengths[grown.length - 1] = space < 0 ? p.length() : space;
      firstWordLength[f] = lengths;
    }
  }

  /** A cue list of lower-case words or phrases (ASCII). */
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

  /** Whether a cue occurs as a whole word inside {@code s[from, to)}. */
  boolean in(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (i > 0 && isWordChar(s.charAt(i - 1))) {
        continue;
      }
      char c = lower(s.charAt(i));
      String[] starting = c < 128 ? byFirst[c] : null;
      if (starting == null) {
        continue;
      }
      // a phrase's first word matches only a word of its length: most words are ruled out here
      int we = i + 1;
      while (we < to && isLetterOrDigit(s.charAt(we))) {
        we++;
      }
      int[] firstLength = firstWordLength[c];
      for (int k = 0; k < starting.length; k++) {
        String p = starting[k];
        int len = p.length();
        if (firstLength[k] == we - i && i + len <= to && matchesAt(s, i, p)
            && (i + len == s.length() || !isWordChar(s.charAt(i + len)))) {
          return true;
        }
      }
      i = we - 1; // no word starts inside this one
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

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
