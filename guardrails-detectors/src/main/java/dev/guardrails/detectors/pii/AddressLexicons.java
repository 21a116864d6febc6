package dev.guardrails.detectors.pii;

import java.util.List;

/**
 * The word lists behind {@link StreetAddressDetector}: street suffixes (US/UK names and their
 * postal abbreviations, plus the datafaker {@code en} street-suffix list), street-type words that
 * precede the name in Romance and Slavic languages ({@code Via}, {@code Rue}, {@code ul.}), compound
 * endings of Germanic and Nordic street names ({@code -straat}, {@code -vej}, {@code -gatan}), unit
 * words, US states and words that disqualify a "word number" pair ({@code Chapter 5},
 * {@code Windows 10}).
 *
 * <p>Built once per JVM (static), immutable, thread-safe.
 */
final class AddressLexicons {

  private AddressLexicons() {}

  /** Suffixes that end a street name written with a lower-case word too ("3911 fourth avenue"). */
  private static final List<String> CORE_SUFFIX_WORDS = (List.of(
      "street", "st", "str", "avenue", "ave", "av", "road", "rd", "boulevard", "blvd", "lane", "ln",
      "drive", "dr", "court", "ct", "way", "place", "pl", "terrace", "ter", "parkway", "pkwy",
      "highway", "hwy", "circle", "cir", "square", "sq", "trail", "trl", "crescent", "cres",
      "close", "grove", "mews", "row", "walk", "alley", "loop", "plaza", "route", "rte", "pike",
      "turnpike", "expressway", "expy", "freeway", "fwy", "motorway", "gardens", "gdns"));

  /** Every suffix accepted after capitalized name words (core + the datafaker en list + abbreviations). */
  private static final List<String> SUFFIX_WORDS = Gazetteer.words("/dev/guardrails/detectors/pii/street-suffixes.txt");

  /** Street-type words written before the name: "Via Roma 131", "ul. Cicha 86", "33 avenue de Provence". */
  private static final List<String> PREFIX_WORDS = (List.of(
      "via", "viale", "vicolo", "piazza", "piazzale", "corso", "largo", "rue", "avenue", "av", "avda",
      "avenida", "boulevard", "bd", "bld", "calle", "carrer", "paseo", "passeig", "plaza", "praça", "praca",
      "rua", "travessa", "estrada", "alameda", "ul", "ulica", "aleja", "al", "strada", "str", "calea",
      "bulevardul", "bulevar", "chemin", "impasse", "allée", "allee", "quai", "place", "cours",
      "rambla", "ronda", "camino", "carretera", "ctra", "via", "viale", "piazzetta", "contrada"));

  /** Street-type words written after the name and before the number: "Rákóczi út 13", "Stensås terrasse 38". */
  private static final List<String> SEPARATE_SUFFIX_WORDS = (List.of(
      "út", "utca", "u", "tér", "körút", "köz", "terrasse", "gate", "vej", "gade", "allé", "alle",
      "straße", "strasse", "weg", "gasse", "platz", "allee", "ring", "ulica", "cesta", "ulice",
      "náměstí", "namesti", "sokak", "sokağı", "caddesi", "cad", "sk", "katu", "tie", "vegen",
      "veien", "gata", "gatan", "vägen", "laan", "straat", "kuja", "polku", "rinne", "plein", "kade"));

  /** Endings of one-word street names: "Parijsstraat 8", "Vesterskovvej 79", "Harjukuja 54". */
  private static final String[] COMPOUND = {
      "straat", "strasse", "straße", "str", "gasse", "weg", "laan", "plein", "gracht", "kade", "dijk",
      "vej", "vejen", "veien", "vegen", "gata", "gatan", "gate", "vägen", "väg", "katu", "kuja", "tie",
      "polku", "gade", "allee", "platz", "markt", "ring", "damm", "ufer", "steig", "pfad", "gässli",
      "brekka", "braut", "gata", "stígur", "vegur", "vegen", "tún", "ská", "ova", "ská", "ego",
      "street", "road", "lane", "ulica"};

  /** Unit words: "Apt. 5", "Suite 104", "Flat 5", "# 12". */
  private static final List<String> UNIT_WORDS = (List.of(
      "apt", "apartment", "suite", "ste", "unit", "flat", "floor", "fl", "room", "rm", "bldg",
      "building", "lot", "box", "po", "dept", "door", "piso", "puerta", "app", "appt", "whg"));

  /** US state and territory postal abbreviations, plus Canadian provinces. */
  private static final List<String> STATE_ABBR_WORDS = (List.of(
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
      "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
      "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
      "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP", "ON", "QC", "BC", "AB",
      "MB", "SK", "NS", "NB", "NL", "PE", "YT", "NT", "NU"));

  /** First words of a "word number" pair that are not streets. */
  private static final List<String> NOT_STREET_WORDS = (List.of(
      "chapter", "version", "page", "pages", "release", "windows", "iphone", "ios", "android", "section",
      "figure", "fig", "table", "level", "season", "episode", "day", "days", "week", "weeks", "year",
      "years", "step", "part", "volume", "vol", "no", "number", "covid", "top", "grade", "class",
      "gen", "series", "model", "type", "room", "gate", "terminal", "flight", "bus", "line", "route",
      "platform", "exit", "item", "question", "rule", "article", "act", "verse", "psalm", "book",
      "python", "java", "jdk", "php", "html", "css", "web", "node", "ubuntu", "debian", "fedora",
      "mac", "macos", "office", "excel", "xbox", "playstation", "ps", "galaxy", "pixel", "apollo",
      "phase", "stage", "round", "game", "match", "team", "player", "score", "hour", "hours",
      "minute", "minutes", "age", "aged", "under", "over", "about", "around", "only", "just",
      "and", "or", "the", "a", "an", "of", "in", "at", "on", "to", "for", "with", "by", "from",
      "is", "are", "was", "were", "be", "i", "we", "you", "he", "she", "they", "it", "my", "our",
      "your", "his", "her", "their", "its", "this", "that", "these", "those", "than", "then",
      "card", "account", "order", "invoice", "ticket", "ref", "id", "code", "pin", "tel", "phone",
      "fax", "ext", "mobile", "call", "dial", "password", "suite", "apt", "unit", "flat", "box",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
      "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "since",
      "until", "till", "before", "after", "during", "by", "up", "down", "out", "off", "into", "per"));

  /**
   * The lists above in one table ({@link Gazetteer#union}): each answers {@code contains} as its own
   * gazetteer would, and {@link #tags} tells with one hash which of them hold a word.
   */
  private static final Gazetteer[] LISTS = Gazetteer.union(List.of(CORE_SUFFIX_WORDS, SUFFIX_WORDS,
      PREFIX_WORDS, SEPARATE_SUFFIX_WORDS, UNIT_WORDS, STATE_ABBR_WORDS, NOT_STREET_WORDS));

  /** {@link #CORE_SUFFIX}'s bit in {@link #tags}; the others follow in the order of the fields. */
  static final int T_CORE_SUFFIX = 1;
  static final int T_SUFFIX = 2;
  static final int T_PREFIX = 4;
  static final int T_SEPARATE_SUFFIX = 8;
  static final int T_UNIT = 16;
  static final int T_STATE_ABBR = 32;
  static final int T_NOT_STREET = 64;

  /** Suffixes that end a street name written with a lower-case word too ("3911 fourth avenue"). */
  static final Gazetteer CORE_SUFFIX = LISTS[0];
  /** Every suffix accepted after capitalized name words (core + the datafaker en list + abbreviations). */
  static final Gazetteer SUFFIX = LISTS[1];
  /** Street-type words written before the name: "Via Roma 131", "ul. Cicha 86", "33 avenue de Provence". */
  static final Gazetteer PREFIX = LISTS[2];
  /** Street-type words written after the name and before the number: "Rákóczi út 13", "Stensås terrasse 38". */
  static final Gazetteer SEPARATE_SUFFIX = LISTS[3];
  /** Unit words: "Apt. 5", "Suite 104", "Flat 5", "# 12". */
  static final Gazetteer UNIT = LISTS[4];
  /** US state and territory postal abbreviations, plus Canadian provinces. */
  static final Gazetteer STATE_ABBR = LISTS[5];
  /** First words of a "word number" pair that are not streets. */
  static final Gazetteer NOT_STREET = LISTS[6];

  /**
   * The first two chars of the {@link #PREFIX} entries, folded as {@link Gazetteer#fold}: bit {@code
   * second & 63} of entry {@code first} (first below 0x80) is set for each entry whose two first
   * chars are those; an entry with a char of U+0080 or above among them sets {@link #PREFIX_ANY}.
   */
  private static final long[] PREFIX_PAIRS = new long[128];
  /**
   * The lengths of the {@link #PREFIX} entries by first char (folded, below 0x80): bit {@code
   * length} (at most 63) of entry {@code first}. A lookup keeps the length (one char folds to one),
   * so "Step" (the entries "str" and "strada" begin with "st") needs no lookup.
   */
  private static final long[] PREFIX_LENGTHS = new long[128];
  private static final boolean PREFIX_ANY;

  static {
    boolean any = false;
    for (String w : PREFIX_WORDS) {
      char a = Gazetteer.fold(w.charAt(0));
      char b = w.length() > 1 ? Gazetteer.fold(w.charAt(1)) : 0;
      if (a >= 128 || b >= 128 || w.length() < 2) {
        any = true;
      } else {
        PREFIX_PAIRS[a] |= 1L << b;
        PREFIX_LENGTHS[a] |= 1L << Math.min(63, w.length());
      }
    }
    PREFIX_ANY = any;
  }

  /**
   * Whether {@code s[a, b)}, of at least two chars, is in {@link #PREFIX}: a word whose two first
   * chars are ASCII and start no entry (with ASCII case folded, as the gazetteer folds them), or
   * whose length no entry with its first char has, is not, with no hash of it (most words before a
   * number: "at", "is", "The", "Step"); others are looked up.
   */
  static boolean prefix(String s, int a, int b) {
    char c = s.charAt(a);
    char d = s.charAt(a + 1);
    if ((c | d) < 128 && !PREFIX_ANY) {
      char f = Gazetteer.fold(c);
      if ((PREFIX_PAIRS[f] & 1L << Gazetteer.fold(d)) == 0 || (PREFIX_LENGTHS[f] & 1L << Math.min(63, b - a)) == 0) {
        return false;
      }
    }
    return PREFIX.contains(s, a, b);
  }

  /** Which of the lists hold {@code s[a, b)} (case ignored): {@link #T_CORE_SUFFIX} and the other bits; one hash. */
  static int tags(String s, int a, int b) {
    return CORE_SUFFIX.tags(s, a, b);
  }

  /**
   * {@link #COMPOUND} grouped by last char, folded to lower case: entry {@code c} holds the endings
   * whose last char is the ASCII char {@code c} (or {@code C}); endings with a non-ASCII last char
   * ("ská") are in no group, as no ASCII char equals one ignoring case.
   */
  private static final String[][] COMPOUND_BY_LAST = new String[128][];

  /** The length of the shortest of {@link #COMPOUND}. */
  private static final int SHORTEST_COMPOUND =
      java.util.Arrays.stream(COMPOUND).mapToInt(String::length).min().orElseThrow();

  static {
    for (char c = 0; c < 128; c++) {
      List<String> g = new java.util.ArrayList<>();
      for (String e : COMPOUND) {
        if (e.charAt(e.length() - 1) == c) {
          g.add(e);
        }
      }
      COMPOUND_BY_LAST[c] = g.toArray(new String[0]);
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      COMPOUND_BY_LAST[c] = COMPOUND_BY_LAST[c + 32];
    }
  }

  /**
   * Whether {@code s[a, b)} ends with a street-name ending and has at least three letters before it.
   * A word whose last char is ASCII is compared with the endings that end in that char only (the
   * comparison, {@link AddressScan#same}, folds ASCII case and no other char equals an ASCII one but
   * the Kelvin sign and the long s, which are not ASCII); others with every ending.
   */
  static boolean compoundStreet(String s, int a, int b) {
    if (b - a < SHORTEST_COMPOUND + 3) {
      return false; // three letters must precede the shortest ending
    }
    char last = s.charAt(b - 1);
    String[] endings = last < 128 ? COMPOUND_BY_LAST[last] : COMPOUND;
    for (String e : endings) {
      int len = e.length();
      if (b - a >= len + 3 && AddressScan.same(s, b - len, e)) {
        return true;
      }
    }
    return false;
  }
}
