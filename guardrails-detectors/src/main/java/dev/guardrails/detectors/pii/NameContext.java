package dev.guardrails.detectors.pii;

import java.util.List;

/**
 * Context that tells a person from an organization or a place without the name gazetteers, read
 * around a candidate run of {@link PersonDetector}: what follows it ("said", ", who", "was born",
 * "was a Korean-American philosopher", a speaker label's colon), what lists it sits in ("Silvana,
 * Adam and Caleb" against "Jones, Mitchell &amp; Williams LLP"), and place prepositions ("moved to
 * Liechtenstein"). Every read is bounded ({@link #AFTER} chars after, {@link #LIST_ITEMS} list
 * items either side) and allocation-free. Every method reads the text's chars from {@code cs}, a
 * copy of {@code s}'s (as {@link PersonDetector}'s per-thread one), and {@code s} only for word
 * lookups and the JDK's case-insensitive comparison of chars of U+0080 or above. Thread-safe: stateless.
 */
final class NameContext {

  private NameContext() {}

  /** Chars read after a run for a following cue. */
  static final int AFTER = 64;
  /** List items read on either side of a run. */
  static final int LIST_ITEMS = 6;

  /** No cue after the run. */
  static final int NONE = 0;
  /** A verb that people and organizations share ("said", "announced"): evidence for a name-like run only. */
  static final int REPORTING = 1;
  /** A cue only a person takes (", who", "was born", "was a ... philosopher", a speaker label). */
  static final int PERSON = 2;

  private static final Gazetteer REPORTING_VERBS = Gazetteer.of(List.of(
      "said", "says", "told", "tells", "wrote", "writes", "explained", "explains", "asked", "asks", "replied",
      "replies", "added", "adds", "noted", "notes", "argued", "argues", "recalled", "recalls", "admitted",
      "insisted", "confirmed", "mentioned", "mentions", "suggested", "suggests", "thinks", "thought",
      "believes", "believed", "answered", "responded", "commented", "warned", "agreed", "claimed"));

  /** Verbs after which the subject is a person, not a company ("laughed", "smiled"). */
  private static final Gazetteer PERSON_VERBS = Gazetteer.of(List.of(
      "who", "whose", "laughed", "smiled", "whispered", "shouted", "sighed", "nodded", "cried", "married",
      "died", "retired", "graduated", "himself", "herself", "texted", "emailed", "called", "phoned"));

  /** Nouns that make "X was a/an/the ... NOUN" a person. */
  private static final Gazetteer PERSON_NOUNS = Gazetteer.of(List.of(
      "philosopher", "writer", "author", "poet", "novelist", "playwright", "journalist", "actor", "actress",
      "singer", "songwriter", "musician", "composer", "pianist", "guitarist", "rapper", "painter", "artist",
      "sculptor", "photographer", "architect", "politician", "diplomat", "statesman", "lawyer", "attorney",
      "judge", "scientist", "physicist", "chemist", "biologist", "mathematician", "economist", "historian",
      "sociologist", "psychologist", "linguist", "engineer", "inventor", "entrepreneur", "businessman",
      "businesswoman", "athlete", "footballer", "cricketer", "player", "boxer", "wrestler", "swimmer",
      "runner", "cyclist", "coach", "director", "filmmaker", "screenwriter", "producer", "comedian",
      "dancer", "model", "teacher", "professor", "lecturer", "physician", "surgeon", "doctor", "nurse",
      "soldier", "officer", "priest", "bishop", "monk", "nun", "rabbi", "imam", "activist", "scholar",
      "researcher", "student", "man", "woman", "boy", "girl", "person", "child", "son", "daughter", "wife",
      "husband", "mother", "father", "citizen", "resident", "founder", "chef", "pilot", "astronaut",
      "explorer", "designer", "theologian", "missionary", "philanthropist", "socialite", "illustrator",
      "cartoonist", "broadcaster", "presenter", "editor", "critic", "translator", "educator", "astronomer",
      "geologist", "botanist", "zoologist", "anthropologist", "archaeologist", "neuroscientist", "chess",
      "grandmaster", "jurist", "merchant", "banker", "farmer", "customer", "patient", "employee",
      "volunteer", "candidate", "friend", "colleague", "neighbor", "neighbour", "mentor", "classmate"));

  /** Words after a run that make it an organization or a place ("Jones, Mitchell and Williams law firm"). */
  private static final Gazetteer ORG_AFTER = Gazetteer.of(List.of(
      "law", "firm", "llp", "llc", "inc", "ltd", "plc", "gmbh", "corp", "co", "company", "office", "offices",
      "group", "partners", "associates", "attorneys", "lawyers", "solicitors", "accountants", "architects",
      "consulting", "capital", "holdings", "foundation", "institute", "university", "college", "school",
      "hospital", "clinic", "bank", "store", "stores", "restaurant", "hotel", "brand", "label", "agency",
      "district", "county", "province", "region", "river", "lake", "mountains", "valley", "airport",
      "station", "street", "avenue", "road", "building", "tower", "center", "centre", "headquarters",
      "branch", "team", "club", "ag", "sa", "bv", "nv", "pty", "pvt", "limited", "incorporated", "lp"));

  /** Prepositions of place before a single capitalized word ("moved to Liechtenstein"). */
  private static final Gazetteer PLACE_BEFORE = Gazetteer.of(List.of(
      "in", "to", "from", "near", "across", "throughout", "towards", "toward", "into", "outside", "inside",
      "via", "visit", "visited", "visiting", "born", "based", "capital", "downtown", "around"));

  /** What follows a run ending at {@code end}: {@link #NONE}, {@link #REPORTING} or {@link #PERSON}. */
  static int after(String s, char[] cs, int end) {
    int n = s.length();
    int p = end;
    if (p < n && cs[p] == ':' && (p + 1 >= n || cs[p + 1] == ' ' || cs[p + 1] == '\n')
        && lineStartBefore(cs, end)) {
      return PERSON; // a speaker label at a line start: "Sarah Connor: I'll be back"
    }
    boolean comma = false;
    if (p < n && cs[p] == ',') {
      comma = true;
      p++;
    }
    if (p < n && cs[p] == ' ') {
      p++;
    }
    if (p + 1 < n && cs[p] == '(') {
      int a = p + 1;
      int b = letters(cs, a, n);
      return is(s, cs, a, b, "born") ? PERSON : NONE; // "X (born 1952)"
    }
    int a = p;
    int b = letters(cs, a, n);
    if (b == a || b - a > 14) {
      return NONE;
    }
    if (PERSON_VERBS.contains(cs, a, b)) {
      return PERSON;
    }
    if (!comma && REPORTING_VERBS.contains(cs, a, b)) {
      return REPORTING;
    }
    if (is(s, cs, a, b, "was") || is(s, cs, a, b, "is") || is(s, cs, a, b, "became")) {
      // "was born", "was a Korean-American philosopher", "is an engineer at", "became the first woman"
      int limit = Math.min(n, end + AFTER);
      int q = skipSpace(cs, b, limit);
      int c = letters(cs, q, limit);
      if (is(s, cs, q, c, "born")) {
        return PERSON;
      }
      if (!(is(s, cs, q, c, "a") || is(s, cs, q, c, "an") || is(s, cs, q, c, "the") || is(s, cs, q, c, "our") || is(s, cs, q, c, "my"))) {
        return NONE;
      }
      for (int w = 0; w < 5; w++) {
        q = skipSpace(cs, c, limit);
        c = wordEnd(cs, q, limit);
        if (c == q) {
          return NONE;
        }
        if (PERSON_NOUNS.contains(cs, q, c) || personNounInCompound(s, cs, q, c)) {
          return PERSON;
        }
      }
    }
    return NONE;
  }

  /** "Korean-American": the last part of a hyphenated word may be the noun ("singer-songwriter"). */
  private static boolean personNounInCompound(String s, char[] cs, int a, int b) {
    for (int i = b - 1; i > a; i--) {
      if (cs[i] == '-') {
        return PERSON_NOUNS.contains(cs, i + 1, b);
      }
    }
    return false;
  }

  /** Whether the word before {@code start} is a place preposition ("in", "to", "from"...). */
  static boolean placeBefore(String s, char[] cs, int start) {
    int e = start;
    if (e == 0 || cs[e - 1] != ' ') {
      return false;
    }
    e--;
    int a = e;
    while (a > 0 && a > start - 16 && Chars.letter(cs[a - 1])) {
      a--;
    }
    return a < e && PLACE_BEFORE.contains(cs, a, e);
  }

  /**
   * Whether a run ending at {@code end} is (part of) an organization: an organization word follows it
   * ("Miller LLC", "Williams law firm"), or it is an item of a list of capitalized words joined by
   * "and" or {@code &} that ends in one ("Jones, Mitchell and Williams law firm"), or joined by
   * {@code &} ("Smith &amp; Wesson"). Reads at most {@link #LIST_ITEMS} items forward.
   */
  static boolean listIsOrganization(String s, char[] cs, int end) {
    int n = s.length();
    int p = end;
    boolean joined = false;
    boolean amp = false;
    for (int item = 0; item <= LIST_ITEMS; item++) {
      int q = p;
      boolean sep = false;
      if (q < n && cs[q] == ',') {
        q++;
        sep = true;
      }
      q = skipSpace(cs, q, n);
      if (q < n && cs[q] == '&') {
        amp = joined = sep = true;
        q = skipSpace(cs, q + 1, n);
      } else {
        int c = letters(cs, q, n);
        if (c > q && is(s, cs, q, c, "and")) {
          joined = sep = true;
          q = skipSpace(cs, c, n);
        }
      }
      if (q == p) {
        return amp;
      }
      int c = wordEnd(cs, q, n);
      if (c == q) {
        return amp;
      }
      if (ORG_AFTER.contains(cs, q, c) || NameLexicons.BLOCKERS.contains(cs, q, c)) {
        return item == 0 || joined;
      }
      if (!Chars.upper(cs[q]) || (!sep && item > 0 && !joined)) {
        return amp;
      }
      p = c;
    }
    return amp;
  }

  /**
   * Whether the single word {@code s[a, b)} is the first of three capitalized surnames written like
   * a firm's name, "A, B and C" or "A, B &amp; C", none of them a given name only ("Hawkins,
   * Richardson and Santana"); people listed by surname alone are rarely listed so.
   */
  static boolean surnameFirm(String s, char[] cs, int a, int b) {
    int n = s.length();
    int[] items = {a, b, -1, -1, -1, -1};
    int p = b;
    for (int item = 1; item < 3; item++) {
      int q = p;
      if (item == 1) {
        if (q >= n || cs[q] != ',') {
          return false;
        }
        q = skipSpace(cs, q + 1, n);
      } else {
        q = skipSpace(cs, q, n);
        if (q < n && cs[q] == '&') {
          q = skipSpace(cs, q + 1, n);
        } else {
          int c = letters(cs, q, n);
          if (!is(s, cs, q, c, "and")) {
            return false;
          }
          q = skipSpace(cs, c, n);
        }
      }
      int c = wordEnd(cs, q, n);
      if (c == q || !Chars.upper(cs[q]) || (c < n && (cs[c] == ' ' && c + 1 < n && Chars.upper(cs[c + 1])))) {
        return false;
      }
      items[2 * item] = q;
      items[2 * item + 1] = c;
      p = c;
    }
    for (int i = 0; i < 6; i += 2) {
      if (!NameLexicons.isLast(cs, items[i], items[i + 1])) {
        return false;
      }
    }
    // where a firm stands: "at"/"from" before it, or a line of its own (a letterhead, an address block)
    int q = a;
    while (q > 0 && (cs[q - 1] == ' ' || cs[q - 1] == '>' || cs[q - 1] == '\t')) {
      q--;
    }
    if (q == 0 || cs[q - 1] == '\n' || cs[q - 1] == '|') {
      int e = skipSpace(cs, items[5], n);
      return e >= n || cs[e] == '\n' || cs[e] == '|' || cs[e] == ',';
    }
    if (NameCues.sentenceInitial(cs, a)) {
      return true; // "Lopez, Santos and Coleman is a design agency"
    }
    int w = wordStart(cs, q);
    return is(s, cs, w, q, "at") || is(s, cs, w, q, "from") || is(s, cs, w, q, "of");
  }

  /** Whether the word right before {@code start} is an article ("the Princess Royal", "a Porto Alegre office"). */
  static boolean articleBefore(String s, char[] cs, int start) {
    int e = start;
    if (e < 2 || cs[e - 1] != ' ') {
      return false;
    }
    e--;
    int w = wordStart(cs, e);
    return is(s, cs, w, e, "the") || is(s, cs, w, e, "a") || is(s, cs, w, e, "an");
  }

  /** Whether the word {@code [a, b)} is the second or third item of a {@link #surnameFirm}. */
  static boolean inSurnameFirm(String s, char[] cs, int a, int b) {
    int p = a;
    for (int back = 0; back < 2; back++) {
      int q = p;
      while (q > 0 && cs[q - 1] == ' ') {
        q--;
      }
      if (q > 0 && (cs[q - 1] == ',' || cs[q - 1] == '&')) {
        q--;
      } else {
        int w = wordStart(cs, q);
        if (w < q && is(s, cs, w, q, "and")) {
          q = w;
        } else {
          return false;
        }
      }
      while (q > 0 && cs[q - 1] == ' ') {
        q--;
      }
      int w = wordStart(cs, q);
      if (w == q) {
        return false;
      }
      if (surnameFirm(s, cs, w, q)) {
        return true;
      }
      p = w;
    }
    return false;
  }

  /**
   * How many given names sit next to the word {@code [a, b)} in a list ("Silvana, Adam, Chad and
   * Caleb"): items joined by a comma, "and" or "or", each one word that is a given name and written
   * like this one (capitalized or not), at most {@link #LIST_ITEMS} each side.
   */
  static int givenNameMates(String s, char[] cs, int a, int b, boolean capital) {
    int n = s.length();
    int mates = 0;
    int p = b;
    for (int i = 0; i < LIST_ITEMS; i++) {
      int q = p;
      boolean sep = false;
      if (q < n && cs[q] == ',') {
        q++;
        sep = true;
      }
      q = skipSpace(cs, q, n);
      int c = letters(cs, q, n);
      if (is(s, cs, q, c, "and") || is(s, cs, q, c, "or")) {
        q = skipSpace(cs, c, n);
        c = wordEnd(cs, q, n);
        sep = true;
      } else {
        c = wordEnd(cs, q, n);
      }
      if (!sep || !givenName(s, cs, q, c, capital) || (c < n && Chars.letter(cs[c]))) {
        break;
      }
      mates++;
      p = c;
    }
    p = a;
    for (int i = 0; i < LIST_ITEMS; i++) {
      int q = p;
      while (q > 0 && cs[q - 1] == ' ') {
        q--;
      }
      boolean sep = false;
      if (q > 0 && cs[q - 1] == ',') {
        q--;
        sep = true;
      } else {
        int w = wordStart(cs, q);
        if (w < q && (is(s, cs, w, q, "and") || is(s, cs, w, q, "or"))) {
          q = w;
          while (q > 0 && cs[q - 1] == ' ') {
            q--;
          }
          if (q > 0 && cs[q - 1] == ',') {
            q--;
          }
          sep = true;
        }
      }
      int w = wordStart(cs, q);
      if (!sep || w == q || !givenName(s, cs, w, q, capital)) {
        break;
      }
      mates++;
      p = w;
    }
    return mates;
  }

  private static boolean givenName(String s, char[] cs, int a, int b, boolean capital) {
    if (b - a < 2 || Chars.upper(cs[a]) != capital) {
      return false;
    }
    return NameLexicons.isFirst(cs, a, b) && !NameLexicons.FUNCTION_WORDS.contains(cs, a, b);
  }

  /** Whether only spaces or tabs separate the line start (or the text start) from the run's first word. */
  private static boolean lineStartBefore(char[] cs, int end) {
    int i = end;
    while (i > 0 && cs[i - 1] != '\n') {
      char c = cs[i - 1];
      if (!(Chars.letter(c) || c == ' ' || c == '.' || c == '-' || c == '\'' || c == '\u2019')) {
        return false;
      }
      i--;
      if (end - i > 240) {
        return false;
      }
    }
    return true;
  }

  private static boolean is(String s, char[] cs, int a, int b, String w) {
    return b - a == w.length() && NameCues.same(s, cs, a, w);
  }

  private static int skipSpace(char[] cs, int p, int limit) {
    while (p < limit && cs[p] == ' ') {
      p++;
    }
    return p;
  }

  private static int letters(char[] cs, int p, int limit) {
    while (p < limit && Chars.letter(cs[p])) {
      p++;
    }
    return p;
  }

  /** Letters with inner hyphens or apostrophes ("Korean-American", "O'Brien"). */
  private static int wordEnd(char[] cs, int p, int limit) {
    int b = letters(cs, p, limit);
    while (b + 1 < limit && b > p && (cs[b] == '-' || cs[b] == '\'') && Chars.letter(cs[b + 1])) {
      b = letters(cs, b + 1, limit);
    }
    return b;
  }

  private static int wordStart(char[] cs, int e) {
    int a = e;
    while (a > 0 && e - a < 40 && (Chars.letter(cs[a - 1]) || ((cs[a - 1] == '-' || cs[a - 1] == '\'')
        && a - 1 > 0 && Chars.letter(cs[a - 2])))) {
      a--;
    }
    return a;
  }
}
