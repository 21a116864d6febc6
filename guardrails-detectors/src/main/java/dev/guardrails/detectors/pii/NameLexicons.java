package dev.guardrails.detectors.pii;

/**
 * The word lists behind {@link PersonDetector}, loaded once per JVM on first use (lazy holder) and
 * shared: given names and surnames derived from the datafaker name lists, the subset that are also
 * common English words, capitalized non-names (places, months, titles, nationalities), blockers
 * (organization, place and street words), titles and name particles.
 *
 * <p>Thread-safe: every list is an immutable {@link Gazetteer}.
 */
final class NameLexicons {

  private NameLexicons() {}

  private static final String DIR = "/dev/guardrails/detectors/pii/";

  static final Gazetteer FIRST = Gazetteer.load(DIR + "names-first.txt");
  static final Gazetteer LAST = Gazetteer.load(DIR + "names-last.txt");
  static final Gazetteer COMMON = Gazetteer.load(DIR + "names-common.txt");
  static final Gazetteer NON_NAMES = Gazetteer.load(DIR + "person-nonnames.txt");
  static final Gazetteer BLOCKERS = Gazetteer.load(DIR + "person-blockers.txt");

  /** Titles that precede a name; they are a cue and stay outside the span. */
  static final Gazetteer TITLES = Gazetteer.of(java.util.List.of(
      "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "dame", "mister",
      "rev", "reverend", "sen", "senator", "rep", "gov", "governor", "capt", "captain", "sgt",
      "lt", "col", "gen", "judge", "president", "pres", "herr", "frau", "sr", "sra", "mme", "mlle"));

  /** Capitalized words that announce a name right after them and stay outside the span. */
  static final Gazetteer CUE_WORDS = Gazetteer.of(java.util.List.of(
      "dear", "attn", "attention", "signed", "contact", "hello", "hi", "hey", "thanks", "regards",
      "sincerely", "cc", "ask", "call", "email", "meet", "patient", "customer", "client", "name"));

  /** Function words that only a Title Case heading capitalizes inside a run. */
  static final Gazetteer FUNCTION_WORDS = Gazetteer.of(java.util.List.of(
      "the", "of", "to", "and", "or", "in", "on", "at", "for", "with", "me", "my", "you", "your",
      "we", "our", "it", "is", "are", "be", "a", "an", "from", "by", "not", "no", "but", "all",
      "this", "that", "what", "who", "how", "why", "when", "new"));

  /** Lower-case particles inside names: Ludwig van Beethoven, Maria de la Cruz. */
  static final Gazetteer PARTICLES = Gazetteer.of(java.util.List.of(
      "van", "von", "de", "der", "den", "da", "di", "del", "della", "le", "la", "du", "dos", "das",
      "ten", "ter", "bin", "ibn", "al", "el", "af", "zu", "y"));

  private static final String[] SURNAME_ENDINGS = {
      "ová", "ova", "ovа", "ovich", "evich", "ovič", "ović", "ević", "vić", "ski", "ska", "sky", "skaya",
      "skiy", "cki", "cka", "dze", "shvili", "enko", "chuk", "yan", "sson", "dóttir", "dottir", "sdóttir",
      "poulos", "opoulos", "escu", "oglu", "oğlu", "ović", "nen", "kainen", "ainen", "inen", "berg",
      "ström", "strom", "qvist", "quist", "mann", "stein", "baum", "witz", "ovsky", "evsky", "ek",
      "ák", "ík", "čík", "ich", "ics", "ényi", "elli", "etti", "ucci", "acci", "otti", "ini", "ez",
      "ov", "ev", "ova", "eva", "ina", "uk", "iuk", "ko"};

  private static final Gazetteer ENDINGS_LONG = Gazetteer.of(java.util.List.of(SURNAME_ENDINGS));

  /**
   * Whether a capitalized word of at least six letters ends like a surname in many European
   * languages (-ová, -ović, -sson, -dóttir, -shvili, -enko...).
   */
  static boolean surnameEnding(String s, int a, int b) {
    int len = b - a;
    if (len < 6) {
      return false;
    }
    for (int e = 2; e <= 7 && e < len - 2; e++) {
      if (ENDINGS_LONG.contains(s, b - e, b)) {
        return true;
      }
    }
    return false;
  }
}
