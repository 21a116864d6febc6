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

  /** Whether one of the name phrases ends right before {@code pos} (after optional spaces). */
  static boolean phraseBefore(String s, int pos) {
    int e = pos;
    while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\n' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    if (e > 1 && (s.charAt(e - 1) == ':' || s.charAt(e - 1) == ',' || s.charAt(e - 1) == '?')) {
      int e2 = e - 1; // "Signed: ", "Dear Sir, "
      if (matches(s, e2, pos)) {
        return true;
      }
    }
    return e > 0 && matches(s, e, pos);
  }

  /** {@link #NAME_PHRASES} indexed by their last char (lower case ASCII), so a lookup compares only candidates. */
  private static final String[][] BY_LAST = byLast();

  /**
   * Per last char (as {@link #BY_LAST}): bit {@code c & 63} set when some phrase of that list has
   * {@code c} as its char before the last (a filter, never a verdict). Every phrase has two chars or more.
   */
  private static final long[] SECOND_LAST = secondLast();

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

  private static boolean matches(String s, int e, int pos) {
    char last = Character.toLowerCase(s.charAt(e - 1));
    if (last >= 128 || e < 2) {
      return false; // (every phrase has two chars or more)
    }
    // the char before the last: an ASCII char must equal the phrase's (ASCII case ignored, also
    // where WordList.same falls back to regionMatches); a char of U+0080 or above may fold onto one
    char before = s.charAt(e - 2);
    if (before < 128 && (SECOND_LAST[last] & (1L << ((before >= 'A' && before <= 'Z' ? before + 32 : before) & 63))) == 0) {
      return false;
    }
    for (String p : BY_LAST[last]) {
      int a = e - p.length();
      if (a < 0 || pos - a > LOOK_BACK) {
        continue;
      }
      if (a > 0 && Chars.letter(s.charAt(a - 1))) {
        continue; // whole words only
      }
      if (WordList.same(s, a, p)) { // s.regionMatches(true, a, p, 0, p.length())
        return true;
      }
    }
    return false;
  }

  /** Whether {@code pos} starts a sentence or a line (only spaces, quotes or brackets before it). */
  static boolean sentenceInitial(String s, int pos) {
    int i = pos;
    while (i > 0) {
      char c = s.charAt(i - 1);
      if (c == ' ' || c == '"' || c == '\'' || c == '(' || c == '\u201C' || c == '*' || c == '>' || c == '-') {
        i--;
        continue;
      }
      return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':';
    }
    return true;
  }
}
