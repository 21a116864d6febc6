package dev.guardrails.detectors.pii;

import dev.guardrails.Finding;
import dev.guardrails.text.Span;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the words around a name say about the person's privacy (docs/pii.md, "Names: the risk
 * model"): a private role near the name ("the customer", "patient", "account holder", "my
 * neighbour") makes a PERSON finding {@link Finding#PRIVATE}; health or financial details in the
 * same sentence ("diagnosed with", "salary", "account balance") make it {@link Finding#LINKED}
 * (unless the person is public); a name on the public-figures list ({@link #LIST}, from Pantheon
 * 1.0) or in a public role ("President", "CEO of", "the author of", "is an American actor")
 * makes it {@link Finding#PUBLIC_FIGURE}.
 *
 * <p>Reads at most {@value #BEFORE} chars before and {@value #AFTER} after the name, within its
 * sentence, so {@link PersonDetector#window()} bounds it. Runs only for a name already found: the
 * scan of a text without names allocates nothing here. Its char tests, phrase passes and list
 * lookups read {@code cs}, the copy of the text's chars {@link PersonDetector} keeps per thread; the
 * string only where a char of U+0080 or above leaves a comparison to the JDK. Stateless and
 * thread-safe.
 */
final class PersonRisk {

  private PersonRisk() {}

  static final int BEFORE = 60;
  static final int AFTER = 120;

  /** Well-known people: 2 to 5 word names from Pantheon 1.0 (tools/pii/gen_public_figures.py). */
  static final Gazetteer LIST;

  /**
   * Whether every entry of {@link #LIST} holds a space (checked at load): then a one-word name,
   * which no entry can equal (only a space folds to a space), is not looked up.
   */
  private static final boolean LIST_SPACED;

  static {
    java.util.List<String> figures = NameLexicons.FIGURES;
    LIST = Gazetteer.of(figures);
    LIST_SPACED = figures.stream().allMatch(w -> w.indexOf(' ') >= 0);
  }

  /**
   * Private roles near a name ("customer", "account holder", "my neighbour"): whole words, ASCII
   * case ignored, in the small pattern language of {@link Phrases}.
   */
  static final String PRIVATE_ROLE = "customers?|clients?|patients?|employees?|"
      + "account (?:holder|owner)s?|card ?holders?|policy ?holders?|user ?(?:id|name)|member id|"
      + "employee (?:id|number)|tenants?|applicants?|claimants?|beneficiar(?:y|ies)|subscribers?|"
      + "(?:my|our|your|his|her|their) (?:neighbou?r|cowork(?:er)?|colleague|friend|boss|landlord|"
      + "roommate|flatmate|ex|partner|cousin|aunt|uncle|classmate|tenant|nanny|babysitter)s?|"
      + "case (?:number|no)|record (?:for|of)|file (?:for|of)|ticket (?:for|from)|"
      + "staff member|student id|the user|our user|contact person";

  /** Health, financial and contact details in the name's sentence ("diagnosed with", "salary", "lives at"). */
  static final String SENSITIVE = "diagnosed|diagnosis|prescri(?:bed|ption)|"
      + "medical (?:record|history|condition)|blood type|hiv|chemotherapy|medication|"
      + "salary|account balance|bank account|credit score|overdue|owes|outstanding balance|"
      + "date of birth|dob|home address|lives at|social security|ssn|passport (?:number|no)|"
      + "sort code|routing number|pin|password|"
      // contact data named next to the person: "lives on Via dei Fiorentini", "her phone number is"
      + "lives (?:at|on)|resides (?:at|on|in)|(?:my|his|her|their|your) (?:address|phone|number|email|e-mail)|"
      + "(?:billing|mailing|postal|postcode|shipping|delivery|email|e-mail|street) address|address:|"
      + "(?:phone|mobile|cell|telephone|fax|account|card|license|licence) number|phone:|mobile:|tel:|e-?mail:";

  /** Public roles ("President", "CEO", "the author of", "starred"). */
  static final String PUBLIC_ROLE = "president|vice president|prime minister|"
      + "senator|congress(?:man|woman)|governor|mayor|minister|chancellor|ambassador|king|queen|"
      + "prince|princess|emperor|empress|pope|ceo|founder|co-founder|chairman|chairwoman|"
      + "actor|actress|singer|songwriter|rapper|musician|guitarist|drummer|composer|conductor|band|"
      + "author|novelist|writer|poet|playwright|screenwriter|journalist|columnist|broadcaster|"
      + "presenter|comedian|filmmaker|film director|director|producer|politician|diplomat|"
      + "businessman|businesswoman|entrepreneur|billionaire|philanthropist|athlete|footballer|"
      + "player|coach|boxer|wrestler|swimmer|cyclist|golfer|olympi(?:c|an)|champion|"
      + "scientist|physicist|chemist|mathematician|economist|philosopher|historian|"
      + "painter|sculptor|artist|architect|photographer|designer|model|dancer|ballerina|"
      + "astronaut|admiral|general|activist|celebrity|nobel|oscar|grammy|emmy|award-winning|"
      + "best known|known for|famous|starred|starring|album|novel|films?|directed|elected|"
      + "won the|inaugurated|reign(?:ed)?|administration|cabinet|campaign";

  private static final int PUB = 1;
  private static final int PRIV = 2;
  private static final int SENS = 4;

  /**
   * The three phrase sets, found in one pass per side of the name: what the case-insensitive
   * regular expressions {@code (?<![\p{L}\p{N}])(?:...)(?![\p{L}\p{N}])} over the region found,
   * without a backtracking alternation of a hundred words tried at every word start.
   */
  private static final Phrases PHRASES = new Phrases(PUBLIC_ROLE, PRIVATE_ROLE, SENSITIVE);

  /**
   * The PERSON finding of the name {@code s[a, b)}, with the attributes its context gives: built
   * once, with its final score and attributes (not a plain finding and then an annotated copy).
   *
   * @param s the normalized text
   * @param cs a copy of {@code s}'s chars (from index 0), which every char test and the phrase
   *     passes read
   * @param a the name's start in {@code s}
   * @param b the name's end in {@code s}
   * @param lastTags the {@link NameLexicons#tags} of the name's last word (which ends at {@code b}):
   *     a name whose last word ends no public figure's name ({@link NameLexicons#T_FIGURE_LAST}) is
   *     not looked up in {@link #LIST}
   * @param detector the reporting detector's id
   * @param span the name's span in the original text
   * @param score the score the rules gave
   * @param message the finding's message
   * @return the finding
   */
  static Finding annotate(String s, char[] cs, int a, int b, int lastTags, String detector, Span span, double score,
      String message) {
    int n = s.length();
    // the name's sentence, at most BEFORE chars before it and AFTER after it, each side read once,
    // from the detector's char copy in place
    int around = PHRASES.findAfterLastBreak(cs, n, Math.max(0, a - BEFORE), a, SENTENCE_END)
        | PHRASES.findBeforeFirstBreak(cs, n, b, Math.min(n, b + AFTER), SENTENCE_END);
    boolean roleCue = (around & PUB) != 0;
    // an entry of LIST equal to s[a, b) ends with the name's last word (only a space folds to a
    // space), so that word's tags tell, with no lookup, most names that are on no entry
    boolean pub = roleCue || ((lastTags & NameLexicons.T_FIGURE_LAST) != 0
        && (!LIST_SPACED || indexOf(cs, ' ', a, b) >= 0) && LIST.contains(cs, a, b));
    // the name's own first word too: "Employee Robert Chen" may reach the detector as one run
    boolean priv = (around & PRIV) != 0 || (PHRASES.startsAt(cs, a, b) & PRIV) != 0;
    boolean sensitive = !pub && (around & SENS) != 0;
    // greeted, signing, introducing oneself, a form's name field: a private person by position
    // ("Dear Barack" is no way to address a public figure; "Dear John is a 2010 film" has a role cue)
    // (each test only reads: one that cannot change the answer is not asked)
    priv = priv || (!roleCue && (addressed(s, cs, a) || signature(s, cs, a, b)));
    sensitive = sensitive || contactBlock(s, cs, a, b, true);
    if (priv) {
      score = Math.max(score, 0.85);
    }
    if (sensitive) {
      score = Math.max(score, 0.9);
    }
    return new Finding(detector, PersonDetector.PERSON, span, score, message, List.of(), Optional.empty(),
        ATTRIBUTES.get((pub ? 1 : 0) | (priv ? 2 : 0) | (sensitive ? 4 : 0)));
  }

  /** The attribute sets of {@link #annotate} by (public figure: 1, private: 2, linked: 4), built once. */
  private static final java.util.List<Set<String>> ATTRIBUTES = attributeSets();

  private static java.util.List<Set<String>> attributeSets() {
    java.util.List<Set<String>> sets = new java.util.ArrayList<>();
    for (int m = 0; m < 8; m++) {
      java.util.List<String> set = new java.util.ArrayList<>();
      if ((m & 1) != 0) {
        set.add(Finding.PUBLIC_FIGURE);
      }
      if ((m & 2) != 0) {
        set.add(Finding.PRIVATE);
      }
      if ((m & 4) != 0) {
        set.add(Finding.LINKED);
      }
      sets.add(Finding.attributeSet(set.toArray(new String[0]))); // kept by the finding as it is, not copied
    }
    return java.util.List.copyOf(sets);
  }

  /**
   * Phrases that put a name in a private position when they end right before it (lower case):
   * greetings and self-introductions. Field labels ({@link #FIELDS}) need a colon as well.
   */
  private static final WordList GREETINGS = WordList.of("my name is", "my name's", "i am", "i'm", "call me", "dear",
      "hi", "hello", "hey", "signed", "signed by", "regards,", "sincerely,", "sincerely", "yours truly,",
      "cheers,", "thanks,", "thank you,", "best,", "attn", "attn:");

  /** Closings that sign a letter with the name after them on the same line. */
  private static final WordList SIGN_OFFS = WordList.of("regards,", "sincerely,", "yours truly,", "yours,", "cheers,",
      "best wishes,", "best,", "warmly,", "respectfully,");

  /** Form and letter fields that hold a person's name: "Name: Aisha Bello", "To: ...". */
  private static final WordList FIELDS = WordList.of("name", "full name", "first name", "last name", "surname",
      "given name", "family name", "from", "to", "cc", "attention", "contact", "recipient", "addressee",
      "sender", "customer", "client", "patient", "bill to", "ship to", "deliver to", "account name",
      "cardholder", "card holder", "account holder", "emergency contact", "next of kin", "applicant");

  /**
   * Whether a greeting, a self-introduction or a name field ends right before {@code a}: "Dear X",
   * "Hi X", "my name is X", "Name: X", "To: X". Reads at most {@value #BEFORE} chars back.
   */
  static boolean addressed(String s, char[] cs, int a) {
    int e = a;
    int lo = Math.max(0, a - BEFORE);
    while (e > lo && (cs[e - 1] == ' ' || cs[e - 1] == '\t')) {
      e--;
    }
    boolean colon = e > lo && cs[e - 1] == ':';
    if (colon) {
      int f = e - 1;
      while (f > lo && cs[f - 1] == ' ') {
        f--;
      }
      if (endsWith(s, cs, lo, f, FIELDS) || endsWith(s, cs, lo, f, GREETINGS)) {
        return true;
      }
    }
    if (e > lo && cs[e - 1] == ',') {
      e--; // "Dear Sir, " is no cue, but "Hi, " before a name is
      while (e > lo && cs[e - 1] == ' ') {
        e--;
      }
    }
    return endsWith(s, cs, lo, e, GREETINGS);
  }

  /**
   * Whether the name closes a letter: a sign-off ("Regards,", "Thanks,", "Sincerely") on the line
   * before it, and nothing but the name on its own line.
   */
  static boolean signature(String s, char[] cs, int a, int b) {
    boolean restBlank = blankToLineEnd(s, cs, b, b); // nothing after the name on its line
    if (restBlank || (b < s.length() && cs[b] == '.' && blankToLineEnd(s, cs, b + 1, b))) { // "Amara Nwosu."
      int e = a; // a sign-off on the name's own line: "Kind regards, Amara Nwosu"
      while (e > 0 && e > a - 3 && cs[e - 1] == ' ') {
        e--;
      }
      if (endsWith(s, cs, Math.max(0, a - BEFORE), e, SIGN_OFFS)) {
        return true;
      }
    }
    if (!restBlank) {
      return false; // most names: words follow on their line (asked first: the line start is farther)
    }
    int lineStart = lineStart(cs, a, PREFIX);
    if (lineStart <= 0 || !blank(cs, lineStart, a)) {
      return false;
    }
    int e = lineStart - 1; // the '\n' before the name's line
    int lo = Math.max(0, a - BEFORE);
    while (e > lo && Character.isWhitespace(cs[e - 1])) {
      e--;
    }
    return endsWith(s, cs, lo, e, GREETINGS);
  }

  /** Most lines looked at after a name for the rest of a contact or address block. */
  private static final int BLOCK_LINES = 4;

  /**
   * Whether the name heads a contact card or an address block: it stands alone on its line (after
   * quote marks such as {@code >}) and one of the next {@value #BLOCK_LINES} lines, within
   * {@value #AFTER} chars, starts with a house number, {@code Apt}/{@code Suite}/{@code Unit}, a
   * street or a contact field ("Phone:", "E-mail:", "Address:").
   *
   * @param given whether up to two words may precede the span on its line (a found surname whose
   *     given name the detector left out: "Alberico Rizzo" reported as "Rizzo")
   */
  static boolean contactBlock(String s, char[] cs, int a, int b, boolean given) {
    // the rest of the line first: a char or two settle it for most names, where the look back for
    // the line start reads up to 40 (all three tests only read, so their order changes no answer)
    if (!blankToLineEnd(s, cs, b, b)) {
      return false;
    }
    int lineStart = lineStart(cs, a, given ? 2 * PREFIX + 24 : PREFIX);
    if (lineStart < 0 || !prefixOnly(cs, lineStart, a, given)) {
      return false;
    }
    int end = lineEnd(s, cs, b);
    int hi = Math.min(s.length(), b + AFTER);
    int line = end + 1;
    for (int k = 0; k < BLOCK_LINES && line < hi; k++) {
      int le = Math.min(lineEnd(s, cs, line), hi);
      int i = line;
      while (i < le && !Chars.letterOrDigit(cs[i])) {
        i++;
      }
      if (i < le && (Chars.digit(cs[i]) || startsWord(s, cs, i, BLOCK_WORDS))) {
        return true;
      }
      line = le + 1;
    }
    return false;
  }

  private static final WordList BLOCK_WORDS = WordList.of("apt", "apartment", "suite", "unit", "flat", "box", "po box",
      "p.o. box", "phone", "mobile", "tel", "fax", "e-mail", "email", "address", "personal info");

  /**
   * Whether a name-shaped run that the detector did not accept sits in a frame that names a
   * person and their personal data: "X lives at", "X had given Y his address", "Name: X", or the
   * first line of a contact or address block ({@link #contactBlock}, two words or more). {@code plain}:
   * every word of the run is a common English word and none a known name; only the verb frames
   * accept such a run.
   *
   * @param s the normalized text
   * @param cs a copy of {@code s}'s chars (from index 0), which every char test reads
   * @param a the run's start
   * @param b the run's end
   * @param plain whether the run is made of English words only
   * @param words the run's words (not initials)
   * @return whether the frame makes it a person
   */
  static boolean frame(String s, char[] cs, int a, int b, boolean plain, int words) {
    int i = b;
    int n = s.length();
    while (i < n && cs[i] == ' ') {
      i++;
    }
    if (startsWord(s, cs, i, SUBJECT_FRAMES)) {
      return true; // "Ciset lives on Rua Mina 50", "Hakuba had given ..."
    }
    int e = a;
    while (e > 0 && cs[e - 1] == ' ') {
      e--;
    }
    if (endsWith(s, cs, Math.max(0, e - 12), e, GIVE) && startsWord(s, cs, i, DATA_AFTER)) {
      return true; // "... had given Belle his address"
    }
    return !plain && (addressed(s, cs, a) || (words >= 2 && contactBlock(s, cs, a, b, false))); // one word heading a block is a firm as often
  }

  private static final WordList SUBJECT_FRAMES = WordList.of("lives at", "lives on", "resides at", "had given", "has given",
      "gave his address", "gave her address");
  private static final WordList GIVE = WordList.of("given", "gave", "sent", "send", "give");
  private static final WordList DATA_AFTER = WordList.of("his address", "her address", "their address", "his phone",
      "her phone", "his number", "her number", "his email", "her email");

  /** Whether {@code [from, to)} ends with one of {@code words} (lower case) after a non-letter, reading the chars from {@code cs}, a copy of {@code s}'s. */
  private static boolean endsWith(String s, char[] cs, int from, int to, WordList words) {
    return words.endsAt(s, cs, from, to);
  }

  /** Whether one of {@code words} (lower case) starts at {@code i}, ending before a non-letter, reading the chars from {@code cs}, a copy of {@code s}'s. */
  private static boolean startsWord(String s, char[] cs, int i, WordList words) {
    return words.startsAt(s, cs, i);
  }


  private static int indexOf(char[] cs, char c, int a, int b) {
    for (int i = a; i < b; i++) {
      if (cs[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** Most chars before a name on its line for it to count as alone there ("> ", "??? "). */
  private static final int PREFIX = 8;

  /** Start of the line of {@code a} if at most {@code max} chars before it, else -1. */
  private static int lineStart(char[] cs, int a, int max) {
    int i = a;
    while (i > 0 && cs[i - 1] != '\n') {
      if (a - i >= max) {
        return -1;
      }
      i--;
    }
    return i;
  }

  /** End of the line of {@code i}, at most {@value #AFTER} chars on. */
  private static int lineEnd(String s, char[] cs, int i) {
    int e = i;
    int hi = Math.min(s.length(), i + AFTER);
    while (e < hi && cs[e] != '\n') {
      e++;
    }
    return e;
  }

  /**
   * {@code blank(cs, from, lineEnd(s, cs, b))} for {@code b <= from <= lineEnd(s, cs, b)} and no line break
   * in {@code [b, from)}, without finding the line end first: stops at the first char that is no
   * white space.
   */
  private static boolean blankToLineEnd(String s, char[] cs, int from, int b) {
    int hi = Math.min(s.length(), b + AFTER);
    for (int i = from; i < hi; i++) {
      char c = cs[i];
      if (c == '\n') {
        return true;
      }
      if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean blank(char[] cs, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(cs[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Only quote marks, bullets and spaces in {@code [from, to)} ("> ", "??? ", "* "), or with
   * {@code words}, up to two words without digits as well.
   */
  private static boolean prefixOnly(char[] cs, int from, int to, boolean words) {
    int count = 0;
    for (int i = from; i < to; i++) {
      char c = cs[i];
      if (Chars.digit(c) || (Chars.letter(c) && !words)) {
        return false;
      }
      if (Chars.letter(c) && (i == from || !Chars.letter(cs[i - 1]))) {
        count++;
      }
    }
    return count <= 2;
  }

  /** {@link #sentenceEnd} for {@link Phrases}, over the detector's char copy. */
  private static final Phrases.Breaks SENTENCE_END = PersonRisk::sentenceEnd;

  /**
   * A '.', '!' or '?' followed by white space, or a line break, at {@code i} of {@code c}, the chars
   * of a text of length {@code n}.
   */
  private static boolean sentenceEnd(char[] c, int n, int i) {
    char x = c[i];
    if (x == '\n') {
      return true;
    }
    if (x != '.' && x != '!' && x != '?') {
      return false;
    }
    if (i + 1 < n && !Character.isWhitespace(c[i + 1])) {
      return false;
    }
    // "Dr. Smith", "J. Smith": a dot right after a title or an initial does not end the sentence
    int k = i;
    while (k > 0 && Chars.letter(c[k - 1])) {
      k--;
    }
    return i - k > 1 && !NameLexicons.TITLES.contains(c, k, i);
  }

}
