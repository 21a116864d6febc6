package dev.guardrails.detectors.claims;

import java.util.Locale;

/**
 * The claims-language detector's pre-filter: one pass over an answer that says which of its rules
 * can fire at all ({@link #scan}: attribution subjects, certainty words, percent and currency words
 * and signs, the words a citation starts with), and where ({@link #triggerOffsets}: the places where
 * a trigger word stands in its rule's phrase), so {@link ClaimLanguageDetector} skips answers and
 * sentences no rule can fire in. ASCII answers are read eight bytes at a time ({@link #scanAscii});
 * others word by word ({@link #scanWords}), with Unicode case folding. Conservative by construction:
 * it may say a rule can fire where it does not, never the reverse ({@code MayFlagTest}).
 *
 * <p>Stateless apart from a per-thread byte buffer; thread-safe.
 */
final class ClaimTriggers {

  private ClaimTriggers() {}

  /** {@link #triggers} bit: an attribution subject ("studies", "experts" ...). */
  static final int ATTRIBUTION_TRIGGER = 1;
  /** {@link #triggers} bit: a distinctive word of a certainty phrase, or a '%' ("100% safe"). */
  static final int CERTAINTY_TRIGGER = 2;
  /** {@link #triggers} bit: a percent or currency word, a '%' or a currency symbol. */
  static final int STATISTIC_TRIGGER = 4;
  static final int ALL = ATTRIBUTION_TRIGGER | CERTAINTY_TRIGGER | STATISTIC_TRIGGER;
  /** {@link #scan} bit: a '[' or a word "http", "https", "www" or "doi" (any case): where {@link Citations} may report. */
  static final int CITATION_CANDIDATE = 8;

  /**
   * Words (lower case) without which no sentence-level rule can fire, each with the rule it can
   * trigger: attribution subjects, a distinctive word of every certainty phrase, and percent/currency
   * words (a '%' or currency symbol also counts). A conservative pre-filter: answers without any
   * skip sentence detection, and a rule whose trigger an answer lacks is not run on its sentences.
   */
  private static final java.util.Map<String, Integer> TRIGGER_KINDS;

  /** {@link #TRIGGER_KINDS} and the words a citation starts with, {@link #CITATION_CANDIDATE}: the scan's table. */
  private static final java.util.Map<String, Integer> TABLE_KINDS;

  /** The words {@link Citations} finds a link or DOI at: "http://", "https://", "www.", "doi:". */
  private static final String[] CITATION_WORDS = {"http", "https", "www", "doi"};

  /** The percent and currency words ({@link #STATISTIC_TRIGGER}), lower case. */
  private static final String[] STATISTIC_WORDS = statisticWords();

  private static String[] statisticWords() {
    java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("percent", "pct", "cent"));
    out.addAll(Terms.CURRENCY_WORDS);
    return out.toArray(new String[0]);
  }

  /** The scan's table words by first letter. */
  private static final String[][] TRIGGERS_BY_LETTER = new String[26][];

  static {
    java.util.Map<String, Integer> kinds = new java.util.LinkedHashMap<>();
    for (String w : ClaimLanguageDetector.SUBJECTS) {
      kinds.merge(w, ATTRIBUTION_TRIGGER, (x, y) -> x | y);
    }
    for (String w : java.util.List.of("guaranteed", "guarantee", "guarantees", "safe", "effective", "accurate", "certain",
        "sure", "always", "never", "fails", "fail", "doubt", "risk", "proven")) {
      kinds.merge(w, CERTAINTY_TRIGGER, (x, y) -> x | y);
    }
    for (String w : STATISTIC_WORDS) {
      kinds.merge(w, STATISTIC_TRIGGER, (x, y) -> x | y);
    }
    for (String w : ClaimLanguageDetector.CERTAINTY) {
      boolean covered = false;
      for (String part : w.split("[ %-]")) {
        covered |= (kinds.getOrDefault(part, 0) & CERTAINTY_TRIGGER) != 0;
      }
      if (!covered && !w.contains("%")) {
        throw new AssertionError("certainty phrase without a trigger word: " + w);
      }
    }
    TRIGGER_KINDS = java.util.Map.copyOf(kinds);
    for (String w : CITATION_WORDS) {
      kinds.merge(w, CITATION_CANDIDATE, (x, y) -> x | y);
    }
    TABLE_KINDS = java.util.Map.copyOf(kinds);
    java.util.List<java.util.List<String>> buckets = new java.util.ArrayList<>();
    for (int i = 0; i < 26; i++) {
      buckets.add(new java.util.ArrayList<>());
    }
    for (String w : kinds.keySet()) {
      buckets.get(w.charAt(0) - 'a').add(w);
    }
    for (int i = 0; i < 26; i++) {
      TRIGGERS_BY_LETTER[i] = buckets.get(i).toArray(new String[0]);
    }
  }

  /** True when {@code s} holds a trigger word (whole word, any case), a '%' or a currency symbol. */
  static boolean mayFlag(String s) {
    return triggers(s) != 0;
  }

  /**
   * The rules {@code s} may trigger, in one pass: {@link #ATTRIBUTION_TRIGGER}, {@link #CERTAINTY_TRIGGER} and
   * {@link #STATISTIC_TRIGGER} bits of its trigger words (whole words, any case), '%' and currency symbols;
   * 0 when it has none.
   */
  static int triggers(String s) {
    return scan(s) & ALL;
  }

  /** The bits {@link #scan} can stop at. */
  private static final int EVERY = ALL | CITATION_CANDIDATE;

  /**
   * The one pass over the text: {@link #triggers}'s bits, plus {@link #CITATION_CANDIDATE}; {@link
   * #scanAscii} when {@code s} is ASCII, else {@link #scanWords}.
   */
  static int scan(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return scanWords(s);
      }
    }
    return scanAscii(s);
  }

  /**
   * Per-thread working memory of one check: the byte copy {@link #scanAscii} reads eight chars at a
   * time, and the places it met a trigger word or sign, which {@link #triggerOffsets(String, Places,
   * boolean, boolean, boolean)} then filters instead of reading the text a second time. Used by one
   * check at a time on its thread; valid until the thread's next scan.
   */
  static final class Places {
    byte[] bytes = new byte[512];
    /** Offsets of the trigger words (kind bits in {@link #ALL}) and '%'/'$' signs met, in scan order. */
    int[] at = new int[16];
    /** For a word, its end; for a sign, -1. */
    int[] end = new int[16];
    /** For a word, its kind bits; for a sign, {@link #SIGN}. */
    int[] kind = new int[16];
    int count;
    /**
     * False when the scan stopped early (every bit seen) or met more than {@link #MAX} places: the
     * places are then not all recorded.
     */
    boolean complete;
    /** Set when a place past {@link #MAX} was not recorded. */
    boolean overflow;

    /**
     * Most places recorded per scan: bounds what a thread keeps after a long text (three int arrays
     * of this length, 48 KB); a text with more is read again by the caller, as before.
     */
    static final int MAX = 4096;

    private Places() {}

    void add(int offset, int wordEnd, int kinds) {
      if (count == MAX) {
        overflow = true;
        return;
      }
      if (count == at.length) {
        at = java.util.Arrays.copyOf(at, count * 2);
        end = java.util.Arrays.copyOf(end, count * 2);
        kind = java.util.Arrays.copyOf(kind, count * 2);
      }
      at[count] = offset;
      end[count] = wordEnd;
      kind[count++] = kinds;
    }
  }

  /** {@link Places#kind} of a '%' or '$'. */
  private static final int SIGN = 1 << 16;

  private static final ThreadLocal<Places> SCRATCH = ThreadLocal.withInitial(Places::new);

  /** This thread's {@link Places}: looked up once per check and passed down. */
  static Places places() {
    return SCRATCH.get();
  }

  /** Longest text copied into {@link Places#bytes}; a longer one is copied into a fresh array. */
  private static final int SCRATCH_MAX = 1 << 15;
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  /** {@link #scanAscii(String, Places)} with this thread's places (for tests). */
  static int scanAscii(String s) {
    return scanAscii(s, places());
  }

  /**
   * {@link #scan} of a text whose chars are all below U+0080, eight chars at a time (SWAR over a
   * byte copy): per 8 bytes, a mask of letters and of the word starts among them (a letter after a
   * non-letter), and a test for '%', '$' and '['; only at a word start are chars read one by one, and
   * only a word whose first three letters may begin a table word ({@link #START}) is hashed and
   * looked up. The same bits as {@link #scanWords} on such a text (MayFlagTest). Records in {@code
   * places} every word with a rule's kind bits and every '%' and '$' it meets.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low byte of each char, exact for ASCII
  static int scanAscii(String s, Places places) {
    int n = s.length();
    int padded = ((n + 7) & ~7) + 8; // whole longs, then at least two zero bytes after the text
    byte[] b;
    if (n < SCRATCH_MAX) {
      b = places.bytes;
      if (b.length < padded) {
        b = new byte[Math.max(padded, b.length * 2)];
        places.bytes = b;
      }
    } else {
      b = new byte[padded];
    }
    places.count = 0;
    places.complete = false;
    places.overflow = false;
    s.getBytes(0, n, b, 0);
    java.util.Arrays.fill(b, n, padded, (byte) 0);
    byte[] start = START;
    int seen = 0;
    long prevLetterTop = 0; // the high bit of byte 0 set when the previous long's last byte was a letter
    for (int at = 0; at < n; at += 8) {
      long x = (long) LONGS.get(b, at);
      long lower = x | 0x2020202020202020L; // ASCII letters to lower case; no other char becomes a letter
      long letters = (lower + 0x1F * ONES) & ~(lower + 0x05 * ONES) & HIGH; // 'a' <= byte < '{' (bytes < 0x80: no carries)
      long starts = letters & ~((letters << 8) | prevLetterTop);
      prevLetterTop = letters >>> 56;
      long percents = zeroBytes(x ^ ('%' * ONES));
      long dollars = zeroBytes(x ^ ('$' * ONES));
      long brackets = zeroBytes(x ^ ('[' * ONES));
      if ((percents | dollars | brackets) != 0) {
        seen |= (percents != 0 ? PERCENT_BITS : 0) | (dollars != 0 ? STATISTIC_TRIGGER : 0)
            | (brackets != 0 ? CITATION_CANDIDATE : 0);
        for (long signs = percents | dollars; signs != 0; signs &= signs - 1) {
          places.add(at + (Long.numberOfTrailingZeros(signs) >>> 3), -1, SIGN);
        }
      }
      while (starts != 0) {
        int i = at + (Long.numberOfTrailingZeros(starts) >>> 3);
        starts &= starts - 1;
        if (start[(b[i] & 31) << 10 | (b[i + 1] & 31) << 5 | (b[i + 2] & 31)] != 0) {
          int h = b[i] | 0x20;
          int e = i + 1;
          int d;
          while (e < n && isAsciiLetter(d = b[e])) {
            h = 31 * h + (d | 0x20);
            e++;
          }
          int k = trigger(s, i, e, h);
          if ((k & ALL) != 0) {
            places.add(i, e, k);
          }
          seen |= k;
        }
      }
      if (seen == EVERY) {
        return seen;
      }
    }
    places.complete = !places.overflow;
    return seen;
  }

  /** The high bit of each zero byte of {@code t}, whose bytes are all below 0x80 (so no carries). */
  private static long zeroBytes(long t) {
    return ~((t + 0x7F * ONES) | t) & HIGH;
  }

  private static boolean isAsciiLetter(int c) {
    return (char) ((c | 0x20) - 'a') < 26;
  }

  /**
   * 1 at {@code (first & 31) << 10 | (second & 31) << 5 | (third & 31)} when a table word begins with
   * those three letters: {@code & 31} maps both cases of an ASCII letter to the same 1-26. Other chars
   * land on a letter's slot too ('.' on 'n'), so a hit is a candidate, settled by the word's
   * look-up; a miss is exact: every table word has three or more letters.
   */
  private static final byte[] START = new byte[1 << 15];

  static {
    for (String w : TABLE_KINDS.keySet()) {
      if (w.length() < 3) {
        throw new AssertionError("table word shorter than the three-letter test: " + w);
      }
      START[(w.charAt(0) & 31) << 10 | (w.charAt(1) & 31) << 5 | (w.charAt(2) & 31)] = 1;
    }
  }

  /**
   * {@link #scan} over any text, word by word, letters and case as Unicode decides them: a word
   * whose first two ASCII letters begin no table word is skipped without hashing, as most words
   * are; the others are hashed as they are read and looked up.
   */
  static int scanWords(String s) {
    int n = s.length();
    byte[] kind = ASCII_KIND;
    boolean[] prefix = TRIGGER_PREFIX;
    int i = 0;
    int seen = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (!Character.isLetter(c)) {
          seen |= Character.getType(c) == Character.CURRENCY_SYMBOL ? STATISTIC_TRIGGER : 0;
          i++;
          continue;
        }
      } else {
        int k = kind[c];
        if (k != LETTER) {
          if (k != 0) { // a sign: as rare as a trigger word, so the per-char path stays one test
            seen |= k == PERCENT_SIGN ? PERCENT_BITS : k == CURRENCY_SIGN ? STATISTIC_TRIGGER : CITATION_CANDIDATE;
            if (seen == EVERY) {
              return seen;
            }
          }
          i++;
          continue;
        }
      }
      int e = i + 1;
      char d;
      if (c < 0x80 && e < n && (d = s.charAt(e)) < 0x80 && kind[d] == LETTER
          && !prefix[((c | 0x20) - 'a') * 26 + ((d | 0x20) - 'a')]) {
        // no table word starts with these two letters (ASCII letters compare ignoring case as
        // c | 0x20): skip the word without hashing it, as most words are
        e++;
        while (e < n && ((d = s.charAt(e)) < 0x80 ? kind[d] == LETTER : Character.isLetter(d))) {
          e++;
        }
        i = e;
        continue;
      }
      // the word's hash, lower-cased as it is read (ASCII letters only: c | 0x20)
      int h = c | 0x20;
      boolean ascii = c < 0x80;
      while (e < n && ((d = s.charAt(e)) < 0x80 ? kind[d] == LETTER : Character.isLetter(d))) {
        h = 31 * h + (d | 0x20);
        ascii &= d < 0x80;
        e++;
      }
      seen |= ascii ? trigger(s, i, e, h) : triggerAnyCase(s, i, e);
      if (seen == EVERY) {
        return seen;
      }
      i = e;
    }
    return seen;
  }

  private static final int PERCENT_BITS = CERTAINTY_TRIGGER | STATISTIC_TRIGGER;

  /**
   * True when {@link #triggerOffsets} without statistics finds a place where a rule can fire (or
   * the text is not ASCII): the test before sentence detection, for tests.
   */
  static boolean phraseAtTrigger(String s, boolean attributions, boolean certainties) {
    int[] at = triggerOffsets(s, attributions, certainties, false);
    return at == null || at.length > 0;
  }

  /**
   * The offsets, ascending, of the trigger words and signs of the ASCII text {@code s} where a
   * rule can fire: with {@code attributions}, a subject with a verb after it (as {@link ClaimLanguageDetector#attribution}
   * reads it) or "according to" at most 20 chars before it; with {@code certainties}, a certainty
   * word inside its phrase (any case); with {@code statistics}, every statistic word and sign. When
   * {@code s} holds a char outside ASCII: null if attributions or certainties are asked ('İ'
   * lower-cases to 'i' in a sentence, to two chars in a word), and the caller then reads every
   * sentence; for statistics alone, {@link #statisticOffsets}. A phrase lies inside one sentence, and a
   * sentence is a substring of the text, so a sentence holding none of these offsets fires no rule
   * (word boundaries, the sentence start and the claim test are left to the rules).
   */
  static int[] triggerOffsets(String s, boolean attributions, boolean certainties, boolean statistics) {
    int n = s.length();
    int[] out = null;
    int count = 0;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return attributions || certainties ? null : statisticOffsets(s);
      }
      if (ASCII_KIND[c] != LETTER) {
        if (statistics && (c == '%' || ASCII_KIND[c] == CURRENCY_SIGN)) {
          out = add(out, count++, i);
        }
        i++;
        continue;
      }
      int e = i + 1;
      int h = c | 0x20;
      char d;
      while (e < n && (d = s.charAt(e)) < 0x80 && ASCII_KIND[d] == LETTER) {
        h = 31 * h + (d | 0x20);
        e++;
      }
      int k = e - i >= 3 && START[(c & 31) << 10 | (s.charAt(i + 1) & 31) << 5 | (s.charAt(i + 2) & 31)] != 0
          ? trigger(s, i, e, h) : 0;
      if (fires(s, i, e, k, attributions, certainties, statistics)) {
        out = add(out, count++, i);
      }
      i = e;
    }
    return out == null ? NO_PLACES : java.util.Arrays.copyOf(out, count);
  }

  /**
   * Whether the trigger word {@code s[i, e)} of kind bits {@code k} is a place where one of the asked
   * rules can fire: an attribution subject with a verb after it or "according to" before it, a
   * certainty word inside its phrase, or any statistic word.
   */
  private static boolean fires(String s, int i, int e, int k, boolean attributions, boolean certainties, boolean statistics) {
    return (k & ATTRIBUTION_TRIGGER) != 0 && attributions && (verbAfter(s, e) || accordingToBefore(s, i))
        || (k & CERTAINTY_TRIGGER) != 0 && certainties && certaintyPhraseAround(s, i, e)
        || (k & STATISTIC_TRIGGER) != 0 && statistics;
  }

  /**
   * {@link #triggerOffsets(String, boolean, boolean, boolean)} of the ASCII text {@code s} just
   * scanned by {@link #scanAscii(String, Places)} into {@code places}: the same offsets, read from the
   * places the scan recorded (each word is tested as that method tests it) instead of reading the
   * text again; reads the text when the scan stopped early.
   */
  static int[] triggerOffsets(String s, Places places, boolean attributions, boolean certainties, boolean statistics) {
    if (!places.complete) {
      return triggerOffsets(s, attributions, certainties, statistics);
    }
    int[] out = null;
    int count = 0;
    for (int p = 0; p < places.count; p++) {
      int i = places.at[p];
      int k = places.kind[p];
      if (k == SIGN ? statistics : fires(s, i, places.end[p], k, attributions, certainties, statistics)) {
        out = add(out, count++, i);
      }
    }
    if (out == null) {
      return NO_PLACES;
    }
    // a sign was recorded before the words of its eight chars: restore ascending order
    java.util.Arrays.sort(out, 0, count);
    return java.util.Arrays.copyOf(out, count);
  }

  /**
   * {@link #triggerOffsets} with statistics alone, over any text: the offsets of every '%', currency
   * symbol (Unicode class Sc) and word (a run of {@link Character#isLetter} chars) that equals a
   * percent or currency word ignoring case as {@code String.regionMatches} does. A sentence can only
   * hold a percent or money term ({@link Terms#tokenize}: a number before a '%', before "percent",
   * "pct" or "per cent", before a currency word, or after '$', '€', '£' or '¥') where it holds one of
   * these chars or words: Terms reads the word after a number as the same run of letters. So a
   * non-ASCII answer whose only rule is the statistics rule is asked about the sentences around these
   * places, not about every sentence (the model over the whole text).
   */
  static int[] statisticOffsets(String s) {
    int n = s.length();
    int[] out = null;
    int count = 0;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (!Character.isLetter(c)) {
        if (c == '%' || Character.getType(c) == Character.CURRENCY_SYMBOL) {
          out = add(out, count++, i);
        }
        i++;
        continue;
      }
      int e = i + 1;
      while (e < n && Character.isLetter(s.charAt(e))) {
        e++;
      }
      for (String w : STATISTIC_WORDS) {
        if (w.length() == e - i && s.regionMatches(true, i, w, 0, w.length())) {
          out = add(out, count++, i);
          break;
        }
      }
      i = e;
    }
    return out == null ? NO_PLACES : java.util.Arrays.copyOf(out, count);
  }

  /** The empty answer of {@link #triggerOffsets}, shared (callers only read its length). */
  private static final int[] NO_PLACES = {};

  private static int[] add(int[] out, int count, int value) {
    if (out == null) {
      out = new int[8];
    } else if (count == out.length) {
      out = java.util.Arrays.copyOf(out, count * 2);
    }
    out[count] = value;
    return out;
  }

  /** {@link ClaimLanguageDetector#attribution}'s verb test on the text: spaces, an optional "have "/"has ", a word in {@link ClaimLanguageDetector#VERBS}. */
  private static boolean verbAfter(String s, int e) {
    int n = s.length();
    int w = e;
    while (w < n && s.charAt(w) == ' ') {
      w++;
    }
    if (s.regionMatches(true, w, "have ", 0, 5) || s.regionMatches(true, w, "has ", 0, 4)) {
      w = s.indexOf(' ', w) + 1;
    }
    int we = w;
    while (we < n && Character.isLetter(s.charAt(we))) {
      we++;
    }
    return we > w && ClaimLanguageDetector.VERBS.contains(s.substring(w, we).toLowerCase(Locale.ROOT));
  }

  /** "according to" (any case) starting at most 20 chars before {@code i}, as {@link ClaimLanguageDetector#attribution} accepts it. */
  private static boolean accordingToBefore(String s, int i) {
    for (int acc = Math.max(0, i - 20); acc <= i; acc++) {
      if (s.regionMatches(true, acc, "according to", 0, 12)) {
        return true;
      }
    }
    return false;
  }

  /** True when a {@link ClaimLanguageDetector#CERTAINTY} phrase holding the word {@code s[from, to)} is written around it (any case). */
  private static boolean certaintyPhraseAround(String s, int from, int to) {
    for (int p = 0; p < ClaimLanguageDetector.CERTAINTY.length; p++) {
      String phrase = ClaimLanguageDetector.CERTAINTY[p];
      for (int at : CERTAINTY_WORD_AT[p]) {
        int start = from - at;
        int len = to - from;
        if (start >= 0 && at + len <= phrase.length() && s.regionMatches(true, from, phrase, at, len)
            && (at + len == phrase.length() || !Character.isLetter(phrase.charAt(at + len)))
            && s.regionMatches(true, start, phrase, 0, phrase.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** For each {@link ClaimLanguageDetector#CERTAINTY} phrase, the offsets of the words in it (runs of letters). */
  private static final int[][] CERTAINTY_WORD_AT = new int[ClaimLanguageDetector.CERTAINTY.length][];

  static {
    for (int p = 0; p < ClaimLanguageDetector.CERTAINTY.length; p++) {
      String phrase = ClaimLanguageDetector.CERTAINTY[p];
      int[] at = new int[phrase.length()];
      int count = 0;
      for (int j = 0; j < phrase.length(); j++) {
        if (Character.isLetter(phrase.charAt(j)) && (j == 0 || !Character.isLetter(phrase.charAt(j - 1)))) {
          at[count++] = j;
        }
      }
      CERTAINTY_WORD_AT[p] = java.util.Arrays.copyOf(at, count);
    }
  }

  /** The first two letters of the trigger words, at {@code (first - 'a') * 26 + (second - 'a')}. */
  private static final boolean[] TRIGGER_PREFIX = new boolean[26 * 26];

  static {
    for (String[] bucket : TRIGGERS_BY_LETTER) {
      for (String w : bucket) {
        if (w.length() < 2 || !w.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
          throw new AssertionError("trigger word is not two or more lower-case ASCII letters: " + w);
        }
        TRIGGER_PREFIX[(w.charAt(0) - 'a') * 26 + (w.charAt(1) - 'a')] = true;
      }
    }
  }

  /** An ASCII word: one probe of the hashed trigger table, then a compare of the one candidate; its kind bits or 0. */
  private static int trigger(String s, int from, int to, int hash) {
    for (int slot = mix(hash) & (TRIGGER_TABLE.length - 1); TRIGGER_TABLE[slot] != null; slot = (slot + 1) & (TRIGGER_TABLE.length - 1)) {
      String w = TRIGGER_TABLE[slot];
      if (w.length() == to - from && s.regionMatches(true, from, w, 0, w.length())) {
        return TRIGGER_TABLE_KINDS[slot];
      }
    }
    return 0;
  }

  /** A word with a non-ASCII letter: {@code regionMatches} ignoring case as Unicode does (the long s, the Kelvin sign). */
  private static int triggerAnyCase(String s, int from, int to) {
    char f = Character.toLowerCase(s.charAt(from));
    if (f >= 'a' && f <= 'z') {
      for (String w : TRIGGERS_BY_LETTER[f - 'a']) {
        if (w.length() == to - from && s.regionMatches(true, from, w, 0, w.length())) {
          return TABLE_KINDS.get(w);
        }
      }
    }
    return 0;
  }

  /** The trigger words, lower case (for tests). */
  static java.util.List<String> triggerWords() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String[] bucket : TRIGGERS_BY_LETTER) {
      for (String w : bucket) {
        if (TRIGGER_KINDS.containsKey(w)) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /** A trigger word's {@link #triggers} bits (for tests); 0 for another word. */
  static int triggerKind(String word) {
    return TRIGGER_KINDS.getOrDefault(word, 0);
  }

  private static int mix(int h) {
    return h ^ (h >>> 7) ^ (h >>> 15);
  }

  /** The trigger words by {@link #mix}ed hash of their chars, open addressing; a quarter full at most. */
  private static final String[] TRIGGER_TABLE;
  /** The kind bits of {@link #TRIGGER_TABLE}'s word in the same slot. */
  private static final int[] TRIGGER_TABLE_KINDS;

  static {
    int count = TABLE_KINDS.size();
    String[] table = new String[Integer.highestOneBit(count * 4) * 2];
    int[] tableKinds = new int[table.length];
    for (String[] bucket : TRIGGERS_BY_LETTER) {
      for (String w : bucket) {
        int slot = mix(w.hashCode()) & (table.length - 1);
        while (table[slot] != null) {
          slot = (slot + 1) & (table.length - 1);
        }
        table[slot] = w;
        tableKinds[slot] = TABLE_KINDS.get(w);
      }
    }
    TRIGGER_TABLE = table;
    TRIGGER_TABLE_KINDS = tableKinds;
  }

  private static final byte LETTER = 1;
  private static final byte PERCENT_SIGN = 2;
  private static final byte CURRENCY_SIGN = 3;
  private static final byte BRACKET = 4;
  /** {@link #scan}'s classes of ASCII chars: a letter, '%', a currency symbol ('$'), '[', other. */
  private static final byte[] ASCII_KIND = new byte[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_KIND[c] = c == '%' ? PERCENT_SIGN : c == '[' ? BRACKET : Character.getType(c) == Character.CURRENCY_SYMBOL ? CURRENCY_SIGN
          : Character.isLetter(c) ? LETTER : 0;
    }
  }
}
