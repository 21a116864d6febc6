package dev.guardrails.detectors.pii;

/**
 * The word lists behind {@link PersonDetector}, loaded once per JVM on first use (lazy holder) and
 * shared: given names and surnames derived from the datafaker name lists plus the US Social
 * Security given names and US Census surnames that those lists lack ({@code *-us.txt}, built by
 * {@code tools/pii/gen_name_lexicons.py}), the subset that are also common English words, lower-case
 * English words, capitalized non-names (places, months, titles, nationalities), blockers
 * (organization, place and street words), titles and name particles.
 *
 * <p>Thread-safe: every list is an immutable {@link Gazetteer}.
 */
final class NameLexicons {

  private NameLexicons() {}

  private static final String DIR = "/dev/guardrails/detectors/pii/";

  /** Tag bits of {@link #tags}: which lists hold a word. */
  static final int T_FIRST = 1;
  static final int T_LAST = 1 << 1;
  static final int T_FIRST_US = 1 << 2;
  static final int T_LAST_US = 1 << 3;
  static final int T_COMMON = 1 << 4;
  static final int T_FREQUENT = 1 << 5;
  static final int T_ENGLISH = 1 << 6;
  static final int T_NON_NAME = 1 << 7;
  static final int T_BLOCKER = 1 << 8;
  static final int T_TITLE = 1 << 9;
  static final int T_CUE_WORD = 1 << 10;
  static final int T_FUNCTION = 1 << 11;
  static final int T_PARTICLE = 1 << 12;
  /** An article, possessive or pronoun of de/fr/es/it/nl/pt ({@code person-determiners.txt}): no name evidence. */
  static final int T_DETERMINER = 1 << 13;
  /** A label of an ID, number or contact field ({@code person-labels.txt}): a run holding one is no name. */
  static final int T_LABEL = 1 << 14;

  /**
   * The last word of some public figure's name ({@link #FIGURES}, {@link PersonRisk#LIST}): a
   * necessary condition for a name to be on that list, which the risk annotation reads from the
   * tags the judge already has instead of looking every name up.
   */
  static final int T_FIGURE_LAST = 1 << 15;

  /** Given name or surname in either source. */
  static final int T_NAME = T_FIRST | T_LAST | T_FIRST_US | T_LAST_US;

  private static final java.util.List<String> TITLE_WORDS = titles(
      "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "dame", "mister",
      "rev", "reverend", "sen", "senator", "rep", "gov", "governor", "capt", "captain", "sgt",
      "lt", "col", "gen", "judge", "president", "pres", "herr", "frau", "sr", "sra", "mme", "mlle");

  /** The English titles above plus the titles and role nouns of other languages ({@code person-titles.txt}). */
  private static java.util.List<String> titles(String... english) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(english));
    all.addAll(Gazetteer.words(DIR + "person-titles.txt"));
    return java.util.List.copyOf(all);
  }
  private static final java.util.List<String> CUE_WORD_LIST = java.util.List.of(
      "dear", "attn", "attention", "signed", "contact", "hello", "hi", "hey", "thanks", "regards",
      "sincerely", "cc", "ask", "call", "email", "meet", "patient", "customer", "client", "name");
  private static final java.util.List<String> FUNCTION_WORD_LIST = java.util.List.of(
      "the", "of", "to", "and", "or", "in", "on", "at", "for", "with", "me", "my", "you", "your",
      "we", "our", "it", "is", "are", "be", "a", "an", "from", "by", "not", "no", "but", "all",
      "this", "that", "what", "who", "how", "why", "when", "new");
  private static final java.util.List<String> PARTICLE_WORDS = java.util.List.of(
      "van", "von", "de", "der", "den", "da", "di", "del", "della", "le", "la", "du", "dos", "das",
      "ten", "ter", "bin", "ibn", "al", "el", "af", "zu", "y");

  /** Well-known people: 2 to 5 word names from Pantheon 1.0 (tools/pii/gen_public_figures.py), read once for {@link PersonRisk#LIST}. */
  static final java.util.List<String> FIGURES = Gazetteer.words(DIR + "public-figures.txt");

  /** The last space-separated word of each entry (the whole entry when it has no space). */
  private static java.util.List<String> lastWords(java.util.List<String> entries) {
    java.util.List<String> out = new java.util.ArrayList<>(entries.size());
    for (String e : entries) {
      out.add(e.substring(e.lastIndexOf(' ') + 1));
    }
    return out;
  }

  /**
   * Every list below in one table (in the order of the tag bits), so that a scanner can ask once per
   * word which lists hold it ({@link #tags}); each list still answers {@code contains} alone. The
   * four short lists also have tables of their own (a few hundred bytes that stay in cache) for
   * the lookups that ask only them.
   */
  private static final Gazetteer[] LISTS = Gazetteer.union(java.util.List.of(
      Gazetteer.words(DIR + "names-first.txt"),
      Gazetteer.words(DIR + "names-last.txt"),
      Gazetteer.words(DIR + "names-first-us.txt"),
      Gazetteer.words(DIR + "names-last-us.txt"),
      Gazetteer.words(DIR + "names-common.txt", DIR + "names-common-us.txt"),
      Gazetteer.words(DIR + "names-frequent.txt"),
      Gazetteer.words(DIR + "english-words.txt"),
      Gazetteer.words(DIR + "person-nonnames.txt"),
      Gazetteer.words(DIR + "person-blockers.txt"),
      TITLE_WORDS, CUE_WORD_LIST, FUNCTION_WORD_LIST, PARTICLE_WORDS,
      Gazetteer.words(DIR + "person-determiners.txt"),
      Gazetteer.words(DIR + "person-labels.txt"),
      lastWords(FIGURES)));

  /**
   * Which of the lists of this class hold {@code s[a, b)} (case-insensitive), as {@code T_*} bits;
   * 0 when none. One hash: scanners ask this once per word instead of each list in turn.
   */
  static int tags(CharSequence s, int a, int b) {
    return FIRST.tags(s, a, b);
  }

  /**
   * {@link #tags(CharSequence, int, int)} reading the chars from {@code c}, a copy of the text's (as
   * {@link PersonDetector}'s per-thread one): array reads, no {@code String.charAt}. The char
   * variants below serve {@code PersonDetector.judge}, whose C2 inline budget the String reads used up.
   */
  static int tags(char[] c, int a, int b) {
    return FIRST.tags(c, a, b);
  }

  /**
   * A new memo of {@link #tags(char[], int, int)}'s recent answers ({@link Gazetteer.Recent}), for
   * one thread: same answers, and a word asked again soon after reads 16 KB instead of the
   * megabytes of the shared table.
   */
  static Gazetteer.Recent recent() {
    return new Gazetteer.Recent(FIRST);
  }

  static final Gazetteer FIRST = LISTS[0];
  static final Gazetteer LAST = LISTS[1];
  /**
   * Given names and surnames of the second source (US Social Security and Census lists) that the
   * lists above lack: a word found only here is weak evidence alone (many are also place or brand
   * names), full evidence inside a given name + surname pair.
   */
  static final Gazetteer FIRST_US = LISTS[2];
  static final Gazetteer LAST_US = LISTS[3];
  static final Gazetteer COMMON = LISTS[4];
  /** Frequent names that are also English words ("john", "grace"): names even without a capital. */
  static final Gazetteer FREQUENT = LISTS[5];

  /** Whether {@code s[a, b)} is a given name in either source: one lookup in the shared table for both lists. */
  static boolean isFirst(CharSequence s, int a, int b) {
    return (tags(s, a, b) & (T_FIRST | T_FIRST_US)) != 0;
  }

  /** Whether {@code s[a, b)} is a surname in either source (one lookup). */
  static boolean isLast(CharSequence s, int a, int b) {
    return (tags(s, a, b) & (T_LAST | T_LAST_US)) != 0;
  }

  /** {@link #isFirst(CharSequence, int, int)} reading the chars from {@code c}. */
  static boolean isFirst(char[] c, int a, int b) {
    return (tags(c, a, b) & (T_FIRST | T_FIRST_US)) != 0;
  }

  /** {@link #isLast(CharSequence, int, int)} reading the chars from {@code c}. */
  static boolean isLast(char[] c, int a, int b) {
    return (tags(c, a, b) & (T_LAST | T_LAST_US)) != 0;
  }

  /** Lower-case English words (SCOWL): a capitalized one is no evidence of an unknown name. */
  static final Gazetteer ENGLISH = LISTS[6];
  static final Gazetteer NON_NAMES = LISTS[7];
  static final Gazetteer BLOCKERS = LISTS[8];

  /** Titles that precede a name; they are a cue and stay outside the span. */
  static final Gazetteer TITLES = Gazetteer.of(TITLE_WORDS);

  /** Capitalized words that announce a name right after them and stay outside the span. */
  static final Gazetteer CUE_WORDS = Gazetteer.of(CUE_WORD_LIST);

  /** Function words that only a Title Case heading capitalizes inside a run. */
  static final Gazetteer FUNCTION_WORDS = Gazetteer.of(FUNCTION_WORD_LIST);

  /** Lower-case particles inside names: Ludwig van Beethoven, Maria de la Cruz. */
  static final Gazetteer PARTICLES = Gazetteer.of(PARTICLE_WORDS);

  static final String[] SURNAME_ENDINGS = {
      "ová", "ova", "ovа", "ovich", "evich", "ovič", "ović", "ević", "vić", "ski", "ska", "sky", "skaya",
      "skiy", "cki", "cka", "dze", "shvili", "enko", "chuk", "yan", "sson", "dóttir", "dottir", "sdóttir",
      "poulos", "opoulos", "escu", "oglu", "oğlu", "ović", "nen", "kainen", "ainen", "inen", "berg",
      "ström", "strom", "qvist", "quist", "mann", "stein", "baum", "witz", "ovsky", "evsky", "ek",
      "ák", "ík", "čík", "ich", "ics", "ényi", "elli", "etti", "ucci", "acci", "otti", "ini", "ez",
      "ov", "ev", "ova", "eva", "ina", "uk", "iuk", "ko"};

  /** {@link #SURNAME_ENDINGS} read backwards from a word's end: every suffix length in one pass. */
  private static final SuffixTrie ENDINGS_LONG = new SuffixTrie(java.util.List.of(SURNAME_ENDINGS));

  /**
   * Name-building suffixes of Persian, Turkic, Central Asian and Arabic names, and Slavic endings
   * the list above lacks (Belarusian "-oŭ", Slovene "-ič"): "Hosseinzadeh", "Rahimpour",
   * "Alikhan", "Nurlanuly", "Abdullo", "Ivanoŭ".
   */
  static final java.util.List<String> ORIGIN_ENDING_WORDS = java.util.List.of(
      "zadeh", "zade", "pour", "nejad", "nezhad", "khan", "ullah", "ulla", "ullo", "uddin", "iddin", "bek",
      "ogly", "uly", "kyzy", "qizi", "oŭ", "aŭ", "eŭ", "ič");
  private static final SuffixTrie ORIGIN_ENDINGS = new SuffixTrie(ORIGIN_ENDING_WORDS);
  /** The Arabic "servant of" element that opens many given names and surnames: "Abdullah", "Abdelkader", "Abdurahmon". */
  private static final Gazetteer ORIGIN_PREFIXES = Gazetteer.of(java.util.List.of(
      "abdul", "abdel", "abdol", "abdal", "abdur", "abdu", "abde", "abdo"));
  /** Short Slavic surname endings, read in words of five letters ("Popov", "Isaev"). */
  private static final Gazetteer SLAVIC_SHORT = Gazetteer.of(java.util.List.of("ov", "ev", "ova", "eva"));

  /**
   * Whether a capitalized word has the morphology of a Persian, Turkic, Arabic or Slavic name that no
   * list holds: a name-building suffix or prefix ({@link #ORIGIN_ENDINGS}, {@link #ORIGIN_PREFIXES})
   * on a stem of three letters or more, or a five-letter word in -ov/-ev ("Popov"); never an
   * English word or a place (by {@code tags}, the word's {@link #tags}). ("Al-Hashimi" is left weak: "Al-" also
   * opens organization names.) Reads the word {@code c[a, b)}; allocation-free.
   */
  static boolean originShape(char[] c, int a, int b, int tags) {
    int len = b - a;
    if (len < 5 || (tags & (T_ENGLISH | T_NON_NAME | T_BLOCKER)) != 0) {
      return false;
    }
    for (int p = 4; p <= 5 && p <= len - 3; p++) {
      if (ORIGIN_PREFIXES.contains(c, a, a + p)) {
        return true;
      }
    }
    if (len == 5) {
      return SLAVIC_SHORT.contains(c, b - 2, b) || SLAVIC_SHORT.contains(c, b - 3, b);
    }
    // an ending of 2 to 5 chars that leaves a stem of three: every length in one backward pass
    return (ORIGIN_ENDINGS.lengths(c, b, Math.min(5, len - 3)) & ~3L) != 0;
  }

  /**
   * Whether a capitalized word of at least six letters ends like a surname in many European
   * languages (-ová, -ović, -sson, -dóttir, -shvili, -enko...). Reads the word {@code c[a, b)}.
   */
  static boolean surnameEnding(char[] c, int a, int b) {
    int len = b - a;
    if (len < 6) {
      return false;
    }
    // an ending of 2 to 7 chars that leaves three or more: every length in one backward pass
    return (ENDINGS_LONG.lengths(c, b, Math.min(7, len - 3)) & ~3L) != 0;
  }
}
