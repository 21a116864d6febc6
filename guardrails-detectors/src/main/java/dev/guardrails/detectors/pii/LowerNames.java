package dev.guardrails.detectors.pii;

/**
 * Which lower-case words can be part of a name in a stretch of text written without capitals
 * ("i spoke with john miller"): known given names and surnames, and the titles and cue words that
 * precede a name ("mr", "dear"). A name that is also an English word ("will", "miller") gets a
 * second flag: it may only continue a name, never start one. Allocation-free. Thread-safe: stateless.
 */
final class LowerNames {

  private LowerNames() {}

  /** Words right before a lower-case given name + surname that make it a person ("i spoke with john miller"). */
  private static final Gazetteer CUES = Gazetteer.of(java.util.List.of(
      "with", "to", "by", "from", "and", "call", "called", "ask", "asked", "tell", "told", "met", "meet", "named",
      "thank", "thanks", "dear", "hi", "hello", "hey", "mr", "mrs", "ms", "dr", "about", "for", "email", "emailed",
      "text", "texted", "contact", "contacted", "see", "saw", "visit", "visited", "cc", "is", "am", "was", "me",
      "him", "her", "name", "friend", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister"));

  /** Whether the word after {@code end} (one space apart) is a given name or a surname. */
  static boolean nameFollows(String s, int end, int n) {
    if (end + 1 >= n || s.charAt(end) != ' ') {
      return false;
    }
    int a = end + 1;
    int b = a;
    while (b < n && b - a <= 40 && Chars.letter(s.charAt(b))) {
      b++;
    }
    return b > a + 1 && (NameLexicons.isFirst(s, a, b) || NameLexicons.isLast(s, a, b));
  }

  /** Whether the word right before {@code start} (one space apart) is one of {@link #CUES}. */
  static boolean cueBefore(String s, int start) {
    int e = start - 1;
    if (e < 1 || s.charAt(e) != ' ') {
      return false;
    }
    int a = e;
    while (a > 0 && e - a < 10 && Chars.letter(s.charAt(a - 1))) {
      a--;
    }
    return a < e && CUES.contains(s, a, e);
  }

  /**
   * Flags of the lower-case word {@code cs[a, b)} ({@code cs}: a copy of the text's chars, as the
   * name scan's): {@code lower} for a possible name part, plus {@code english} when it is also an
   * English word; 0 when it is neither. {@code recent}: a memo of {@link NameLexicons#tags}' answers
   * ({@link NameLexicons#recent}), the thread's.
   */
  static int flags(char[] cs, int a, int b, int lower, int english, Gazetteer.Recent recent) {
    int w = recent.tags(cs, a, b); // one lookup for every list below (NameLexicons.tags)
    if ((w & (NameLexicons.T_TITLE | NameLexicons.T_CUE_WORD)) != 0) {
      return lower;
    }
    if ((w & (NameLexicons.T_FUNCTION | NameLexicons.T_NON_NAME | NameLexicons.T_BLOCKER)) != 0) {
      return 0;
    }
    boolean core = (w & (NameLexicons.T_FIRST | NameLexicons.T_LAST)) != 0;
    if (!core && (w & (NameLexicons.T_FIRST_US | NameLexicons.T_LAST_US)) == 0) {
      return 0;
    }
    if ((w & (NameLexicons.T_ENGLISH | NameLexicons.T_COMMON)) != 0) {
      return (w & NameLexicons.T_FREQUENT) != 0 ? lower | english : 0; // "john" yes, "take" no
    }
    return core ? lower : lower | english;
  }

}
