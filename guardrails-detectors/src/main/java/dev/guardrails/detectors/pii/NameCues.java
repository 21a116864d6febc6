package dev.guardrails.detectors.pii;

/**
 * Context cues shared by the name and address detectors: phrases just before a candidate ("my name
 * is", "dear", "attn"...) and sentence position. Reads the text around an offset, bounded; never
 * allocates. Thread-safe: stateless.
 */
final class NameCues {

  private NameCues() {}

  /** Phrases (lower case, single spaces) that announce a person's name right after them. */
  private static final String[] NAME_PHRASES = {
      "my name is", "name is", "name's", "name:", "names:", "i am", "i'm", "this is", "called", "named",
      "dear", "attn", "attn:", "attention:", "signed", "signed by", "contact", "regards,", "sincerely,",
      "thanks,", "cc:", "from:", "to:", "hi", "hello", "hey", "patient:", "customer:", "client:",
      "recipient:", "beneficiary", "name", "last name", "first name", "full name", "surname", "guardian", "surname", "surname:", "spouse", "husband", "wife",
      "son", "daughter", "mother", "father", "brother", "sister", "friend", "colleague", "manager",
      "call me", "calls me", "named him", "named her", "ceo", "cto", "cfo", "coo", "founder", "co-founder",
      "director", "lawyer", "attorney", "doctor", "nurse", "teacher", "boss", "assistant", "partner", "neighbor",
      "neighbour", "cousin", "uncle", "aunt", "nephew", "niece", "roommate", "landlord", "tenant", "author",
      "professor", "engineer", "supervisor", "coworker", "co-worker", "fiance", "girlfriend",
      "boyfriend", "grandmother", "grandfather", "client", "customer", "patient"};

  private static final int LOOK_BACK = 24;

  /**
   * Whether one of the name phrases ends right before {@code pos} (after optional spaces), reading
   * {@code c}, a copy of {@code s}'s chars (as {@link PersonDetector}'s per-thread one): an array
   * read instead of {@code String.charAt}, whose coder and index tests make this method too big
   * for C2 to inline the judge's other small calls. {@code s} answers only where a char of U+0080
   * or above leaves the comparison to the JDK.
   */
  static boolean phraseBefore(String s, char[] c, int pos) {
    int e = pos;
    while (e > 0 && (c[e - 1] == ' ' || c[e - 1] == '\n' || c[e - 1] == '\t')) {
      e--;
    }
    if (e > 1 && (c[e - 1] == ':' || c[e - 1] == ',' || c[e - 1] == '?')) {
      int e2 = e - 1; // "Signed: ", "Dear Sir, "
      if (matches(s, c, e2, pos)) {
        return true;
      }
    }
    return e > 0 && matches(s, c, e, pos);
  }

  /** {@link #NAME_PHRASES} indexed by their last char (lower case ASCII), so a lookup compares only candidates. */
  private static final String[][] BY_LAST = byLast();

  /** {@link #BY_LAST}'s phrases as char arrays, so a comparison reads no {@code String}. */
  private static final char[][][] BY_LAST_CHARS = byLastChars();

  /**
   * Per last char (as {@link #BY_LAST}): bit {@code c & 63} set when some phrase of that list has
   * {@code c} as its char before the last (a filter, never a verdict). Every phrase has two chars or more.
   */
  private static final long[] SECOND_LAST = secondLast();

  private static char[][][] byLastChars() {
    char[][][] out = new char[128][][];
    for (int c = 0; c < 128; c++) {
      out[c] = new char[BY_LAST[c].length][];
      for (int i = 0; i < out[c].length; i++) {
        out[c][i] = BY_LAST[c][i].toCharArray();
      }
    }
    return out;
  }

  private static long[] secondLast() {
    long[] m = new long[128];
    for (String p : NAME_PHRASES) {
      if (p.length() < 2) {
        throw new AssertionError("cue phrases have two chars or more: " + p);
      }
      m[p.charAt(p.length() - 1)] |= 1L << (p.charAt(p.length() - 2) & 63);
    }
    return m;
  }

  private static String[][] byLast() {
    java.util.List<java.util.List<String>> b = new java.util.ArrayList<>();
    for (int c = 0; c < 128; c++) {
      b.add(new java.util.ArrayList<>());
    }
    for (String p : NAME_PHRASES) {
      char last = Character.toLowerCase(p.charAt(p.length() - 1));
      if (p.chars().anyMatch(c -> c >= 128 || (c >= 'A' && c <= 'Z'))) {
        throw new AssertionError("cue phrases are lower-case ASCII: " + p);
      }
      b.get(last).add(p);
    }
    String[][] out = new String[128][];
    for (int c = 0; c < 128; c++) {
      out[c] = b.get(c).toArray(new String[0]);
    }
    return out;
  }

  private static boolean matches(String s, char[] c, int e, int pos) {
    char last = Character.toLowerCase(c[e - 1]);
    if (last >= 128 || e < 2) {
      return false; // (every phrase has two chars or more)
    }
    // the char before the last: an ASCII char must equal the phrase's (ASCII case ignored, also
    // where WordList.same falls back to regionMatches); a char of U+0080 or above may fold onto one
    char before = c[e - 2];
    if (before < 128 && (SECOND_LAST[last] & (1L << ((before >= 'A' && before <= 'Z' ? before + 32 : before) & 63))) == 0) {
      return false;
    }
    char[][] phrases = BY_LAST_CHARS[last];
    for (int i = 0; i < phrases.length; i++) {
      char[] p = phrases[i];
      int a = e - p.length;
      if (a < 0 || pos - a > LOOK_BACK) {
        continue;
      }
      if (a > 0 && Chars.letter(c[a - 1])) {
        continue; // whole words only
      }
      if (same(s, c, a, p, BY_LAST[last][i])) { // s.regionMatches(true, a, phrase, 0, p.length)
        return true;
      }
    }
    return false;
  }

  /**
   * {@link WordList#same} for a lower-case ASCII {@code w} that fits in the text from {@code at},
   * reading the text's chars from {@code c} (a copy of {@code s}'s): ASCII chars folded A-Z here,
   * the JDK's {@code regionMatches} on {@code s} from the first char of U+0080 or above.
   */
  static boolean same(String s, char[] c, int at, String w) {
    for (int k = 0; k < w.length(); k++) {
      char x = c[at + k];
      if (x >= 128) {
        return s.regionMatches(true, at, w, 0, w.length());
      }
      if ((x >= 'A' && x <= 'Z' ? (char) (x + 32) : x) != w.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link WordList#same} reading {@code c} and {@code w} ({@code phrase}'s chars): ASCII chars
   * folded A-Z here, the JDK's {@code regionMatches} on {@code s} from the first char of U+0080 or above.
   */
  private static boolean same(String s, char[] c, int at, char[] w, String phrase) {
    for (int k = 0; k < w.length; k++) {
      char x = c[at + k];
      if (x >= 128) {
        return s.regionMatches(true, at, phrase, 0, w.length);
      }
      if ((x >= 'A' && x <= 'Z' ? (char) (x + 32) : x) != w[k]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code pos} starts a sentence or a line (only spaces, quotes or brackets before it), reading a copy of the text's chars. */
  static boolean sentenceInitial(char[] s, int pos) {
    int i = pos;
    while (i > 0) {
      char c = s[i - 1];
      if (c == ' ' || c == '"' || c == '\'' || c == '(' || c == '\u201C' || c == '*' || c == '>' || c == '-') {
        i--;
        continue;
      }
      return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':';
    }
    return true;
  }
}
