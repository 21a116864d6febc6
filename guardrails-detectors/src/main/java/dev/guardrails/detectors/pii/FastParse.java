package dev.guardrails.detectors.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Three shortcuts around libphonenumber's slowest steps, each taken only where reading the library's
 * own steps shows it gives the same answer, and checked against the library in {@code PhonesTest}.
 *
 * <p><b>Parsing.</b> {@link PhoneNumberUtil#parse} spends 6-14 us per call in regular expressions
 * (viability, an extension search over the whole string) before it reduces a plain candidate to "the
 * country code and the digits". For a candidate of ASCII digits and the separators the scanner lets
 * into a number ({@code space - . / ( )}, and '+' first for an international one), no extension can
 * match (every extension form needs a label, '#', ',' or ';'), so parse's result depends only on the
 * digits and the region's metadata: {@link #parse} builds that result directly when
 * <ul>
 *   <li>international: the first one to three digits are a known country code (the first that is,
 *       as parse reads them) whose main region is one of ours, and
 *   <li>national: the digits do not start with the region's international prefix (its IDD
 *       pattern); a leading country code is dropped as parse drops it when the number is
 *       valid-shaped (the region's general pattern) only without it,
 * </ul>
 * then the region's national prefix for parsing (a trunk 0, say) is stripped where parse strips it
 * and its length test keeps the rest, and the national number left is 3 to 15 digits (leading
 * zeros that remain are kept as parse keeps them, as Italian leading zeros). A prefix that a
 * transform rule rewrites, and every other candidate, returns null and goes through {@code parse}
 * as before. Candidates with a trunk 0 were most of the time spent in parse on short answers.
 *
 * <p><b>The NANP search.</b> For a +1 number that is valid in neither the US nor Canada,
 * {@link PhoneNumberUtil#isValidNumber} walks the other 23 NANP members, and every one of them is
 * chosen by its leading digits (area codes such as 242 or 8[024]9). {@link #mayBeOtherNanp} is false
 * when no member's leading-digits pattern can match any number starting with the number's first three
 * digits (precomputed for all 1,000 prefixes, using the matcher's {@code hitEnd} so that a pattern
 * needing a fourth digit still counts): then that walk finds no region and the number is not valid.
 * That table is built on first use.
 *
 * <p><b>Validity per region.</b> {@link #validForRegion} rejects most numbers by the library's own
 * first test, the general description's lengths and then its pattern (about 0.2 us), before the
 * number-type patterns (3 to 5 us in the library). {@link #isValidNumber} answers
 * {@code isValidNumber} the same way for a {@code +CC} code with one region of ours, and for a code
 * several regions share when its first region (one of ours) accepts the number.
 *
 * <p>Built once; immutable and thread-safe. If the metadata cannot be read (another libphonenumber
 * layout), the shortcuts switch off and every call takes the library's full path.
 */
final class FastParse {

  private FastParse() {}

  /** The longest national significant number with a per-length type pattern (the library allows 17). */
  private static final int MAX_NSN = 17;

  /** One region's facts for the direct parse. */
  private static final class Plan {
    final int cc;
    final String ccDigits;
    final Re idd;
    final Re npp;
    /** The general description's pattern: every valid national number of the region matches it. */
    final Re general;
    /** Whether the region rewrites its national prefix (a transform rule) instead of dropping it. */
    final boolean transform;
    /**
     * The general description, then the number types {@code getNumberTypeHelper} tries: fixed line
     * and mobile first, then the library's order (the order cannot change whether one matches).
     */
    final Desc generalDesc;
    final Desc[] types;
    /**
     * Per national number length: one pattern, the alternation of the patterns of the types whose
     * length test passes at that length (null: none does). It matches a whole number exactly when
     * one of those types' patterns does (a full match backtracks into the next alternative), so it
     * is the types loop in one matcher call instead of up to ten.
     */
    final Re[] byLength;
    /** Bit L set when the general description lists L as a possible national number length; -1 when it lists none. */
    final int lengths;
    /**
     * Bit L set when parse keeps a number of L digits left after its national prefix is stripped:
     * the library's length test of the general description says neither too short, nor local
     * only, nor an invalid length (too long is kept). 0 when the description has no lengths.
     */
    final int keepsStripped;

    Plan(PhoneMetadata m) {
      cc = m.getCountryCode();
      ccDigits = Integer.toString(cc);
      idd = Re.of(m.getInternationalPrefix());
      String p = m.getNationalPrefixForParsing();
      npp = p == null || p.isEmpty() ? null : Re.of(p);
      String g = m.getGeneralDesc().getNationalNumberPattern();
      general = g == null || g.isEmpty() ? null : Re.of(g);
      String t = m.getNationalPrefixTransformRule();
      transform = t != null && !t.isEmpty();
      int mask = 0;
      for (int len : m.getGeneralDesc().getPossibleLengthList()) {
        mask |= len > 0 && len < 32 ? 1 << len : 0;
      }
      lengths = mask == 0 ? -1 : mask;
      List<Integer> possible = m.getGeneralDesc().getPossibleLengthList();
      List<Integer> local = m.getGeneralDesc().getPossibleLengthLocalOnlyList();
      int keep = 0;
      if (!possible.isEmpty() && possible.get(0) != -1) {
        int min = possible.get(0);
        int max = possible.get(possible.size() - 1);
        for (int len = 0; len < 32; len++) {
          if (!local.contains(len) && len >= min && (len > max || possible.contains(len))) {
            keep |= 1 << len;
          }
        }
      }
      keepsStripped = keep;
      generalDesc = new Desc(m.getGeneralDesc());
      // validity asks whether any type matches, not which one comes first in the library's order, so
      // the two types most valid numbers are of go first: a valid number stops after one or two tests
      // instead of after the eight rarer types' (the invalid ones test all of them either way)
      java.util.List<Desc> kinds = new java.util.ArrayList<>();
      kinds.add(new Desc(m.getFixedLine()));
      if (!m.getSameMobileAndFixedLinePattern()) {
        kinds.add(new Desc(m.getMobile())); // with the same pattern, the fixed-line test already said it
      }
      for (PhoneNumberDesc d : new PhoneNumberDesc[] {m.getPremiumRate(), m.getTollFree(), m.getSharedCost(),
          m.getVoip(), m.getPersonalNumber(), m.getPager(), m.getUan(), m.getVoicemail()}) {
        kinds.add(new Desc(d));
      }
      types = kinds.toArray(new Desc[0]);
      byLength = new Re[MAX_NSN + 1];
      Map<String, Re> shared = new HashMap<>();
      for (int len = 1; len <= MAX_NSN; len++) {
        StringBuilder union = new StringBuilder();
        for (Desc d : types) {
          if (d.pattern != null && d.lengthFits(len)) {
            union.append(union.length() == 0 ? "" : "|").append("(?:").append(d.pattern.regex).append(')');
          }
        }
        byLength[len] = union.length() == 0 ? null : shared.computeIfAbsent(union.toString(), Re::of);
      }
    }

    /**
     * {@code getNumberTypeHelper(nsn, metadata) != UNKNOWN}: the general description matches, and
     * so does one of the types (fixed line, mobile, premium rate, toll free, shared cost, VoIP,
     * personal, pager, UAN, voicemail).
     */
    boolean valid(String nsn) {
      int len = nsn.length();
      if (len > MAX_NSN) {
        if (!generalDesc.matches(nsn)) {
          return false;
        }
        for (Desc d : types) {
          if (d.matches(nsn)) {
            return true;
          }
        }
        return false;
      }
      // the same conjunction in a cheaper order: the general lengths, the leading digits' table, the
      // types, the general pattern (a number gets here mostly after a general-pattern test of its
      // digits, so it fits that pattern and fails the types: one pattern run instead of two)
      if (!generalDesc.lengthFits(len) || !mayStartValid(nsn, 0, len)) {
        return false;
      }
      Re union = byLength[len];
      return union != null && union.on(nsn).matches() && generalDesc.matches(nsn);
    }

    /**
     * Per national number length 3 to {@link #MAX_NSN}: which three leading digits a valid number of
     * that length may have (1,000 bits; {@link #NONE} when no number of that length can be valid),
     * built on first use from the patterns {@link #valid} runs at that length: the bits of the
     * length's type alternation and of the general pattern ({@link Re#starts}). Conservative: a kept
     * prefix may still fail, a dropped one cannot pass.
     */
    private final java.util.concurrent.atomic.AtomicReferenceArray<long[]> starts =
        new java.util.concurrent.atomic.AtomicReferenceArray<>(MAX_NSN + 1);

    /**
     * False only when no valid national number of this region has {@code len} digits and starts
     * with the three digits {@code s[from, from + 3)}: a table lookup instead of the patterns.
     * True for lengths outside 3 to {@link #MAX_NSN} (not tabulated).
     */
    boolean mayStartValid(String s, int from, int len) {
      if (len < 3 || len > MAX_NSN) {
        return true;
      }
      long[] t = starts.get(len);
      if (t == null) {
        t = NONE;
        Re union = byLength[len];
        if (general != null && union != null && generalDesc.lengthFits(len)) {
          long[] u = union.starts();
          long[] g = general.starts();
          t = new long[16];
          for (int w = 0; w < 16; w++) {
            t[w] = u[w] & g[w];
          }
        }
        starts.set(len, t); // two threads may both build it once: equal tables
      }
      int p = (s.charAt(from) - '0') * 100 + (s.charAt(from + 1) - '0') * 10 + (s.charAt(from + 2) - '0');
      return (t[p >>> 6] & (1L << p)) != 0;
    }
  }

  /** The prefix table of a length no number can be valid at. */
  private static final long[] NONE = new long[16];

  /**
   * A pattern compiled once, on first use, with one {@link Matcher} per thread reset for each
   * input instead of a new one per test (a matcher's group and state arrays were most of a phone
   * check's allocation). A matcher from {@link #on} is valid until the calling thread's next
   * {@code on} of the same pattern; none of them is held across calls.
   *
   * <p>Compiling on first use keeps the class's initialization to reading metadata: the 34 regions'
   * descriptions are about 450 patterns, most of which a process never needs (a number type of a
   * region is tested only after the region's general pattern matched). A malformed pattern still
   * fails when first used, with {@link java.util.regex.PatternSyntaxException}, which the callers
   * never see: the library's metadata is the same the library itself compiles.
   */
  private static final class Re {
    private static final java.util.concurrent.atomic.AtomicInteger SLOTS = new java.util.concurrent.atomic.AtomicInteger();
    private static final ThreadLocal<Matcher[][]> MATCHERS = ThreadLocal.withInitial(() -> new Matcher[][] {new Matcher[0]});

    private final String regex;
    /** Compiled on first use; volatile so a thread sees a fully built pattern or none. */
    private volatile Pattern pattern;
    /** {@link #starts}, once computed. */
    private volatile long[] startBits;
    private final int slot;

    private Re(String regex) {
      this.regex = regex;
      this.slot = SLOTS.getAndIncrement();
    }

    static Re of(String regex) {
      return new Re(regex);
    }

    private Pattern pattern() {
      Pattern p = pattern;
      if (p == null) {
        p = Pattern.compile(regex); // two threads may both compile it once: equal patterns
        pattern = p;
      }
      return p;
    }

    /**
     * The three-digit prefixes ({@code 000} to {@code 999}, as bits) that can start a full match:
     * the matcher, run on the prefix alone, matches or reaches its end ({@link Matcher#hitEnd}: more
     * digits could still match; when it stops before the end, no longer input matches). One, two,
     * then three digits, each longer prefix tried only after its shorter one passed. Computed on
     * first use (about 1,100 matches of a few chars).
     */
    long[] starts() {
      long[] bits = startBits;
      if (bits == null) {
        bits = new long[16];
        char[] c = new char[3];
        for (int a = 0; a < 10; a++) {
          c[0] = (char) ('0' + a);
          if (!canStart(new String(c, 0, 1))) {
            continue;
          }
          for (int b = 0; b < 10; b++) {
            c[1] = (char) ('0' + b);
            if (!canStart(new String(c, 0, 2))) {
              continue;
            }
            for (int d = 0; d < 10; d++) {
              c[2] = (char) ('0' + d);
              if (canStart(new String(c, 0, 3))) {
                int p = a * 100 + b * 10 + d;
                bits[p >>> 6] |= 1L << p;
              }
            }
          }
        }
        startBits = bits; // volatile: a thread sees a filled table or none (then builds an equal one)
      }
      return bits;
    }

    private boolean canStart(String prefix) {
      Matcher m = on(prefix);
      return m.matches() || m.hitEnd();
    }

    /** This thread's matcher of the pattern, reset to {@code input} (whole input, no region). */
    Matcher on(CharSequence input) {
      Matcher[][] holder = MATCHERS.get();
      Matcher[] ms = holder[0];
      if (slot >= ms.length) {
        ms = java.util.Arrays.copyOf(ms, Math.max(slot + 1, SLOTS.get()));
        holder[0] = ms;
      }
      Matcher m = ms[slot];
      if (m == null) {
        m = pattern().matcher(input);
        ms[slot] = m;
        return m;
      }
      return m.reset(input);
    }
  }

  /** One number description, compiled once: the library's {@code isNumberMatchingDesc}. */
  private static final class Desc {
    /** Null when the description has no pattern (never matches). */
    final Re pattern;
    /** Bit L set for each listed possible length; ignored when {@link #anyLength}. */
    final long lengths;
    /** The description lists no possible lengths: every length is tried. */
    final boolean anyLength;

    Desc(PhoneNumberDesc d) {
      String p = d.getNationalNumberPattern();
      pattern = p == null || p.isEmpty() ? null : Re.of(p);
      List<Integer> list = d.getPossibleLengthList();
      anyLength = list.isEmpty();
      long mask = 0;
      for (int len : list) {
        mask |= len > 0 && len < 64 ? 1L << len : 0;
      }
      lengths = mask;
    }

    /** The length test, then the whole national number against the pattern. */
    boolean matches(String nsn) {
      return lengthFits(nsn.length()) && pattern != null && pattern.on(nsn).matches();
    }

    /** The length test alone: a national number of {@code len} digits may be of this description. */
    boolean lengthFits(int len) {
      return anyLength || len < 64 && (lengths & (1L << len)) != 0;
    }
  }

  private static final boolean ENABLED;
  private static final Map<String, Plan> BY_REGION = new HashMap<>();
  /** Per country code: its main region's plan when that region is one of ours, else null. */
  private static final Plan[] BY_CC = new Plan[1000];
  /** Per country code: whether parse would accept it (it is in the library's code-to-region map). */
  private static final boolean[] KNOWN_CC = new boolean[1000];
  /** Per country code: its only region when the code has one region and that region is one of ours, else null. */
  private static final String[] ONLY_REGION = new String[1000];
  /**
   * Per country code shared by several regions: the first of them ({@code +44}: GB before GG, IM,
   * JE) when it is one of ours and its metadata has no leading-digits pattern, else null. The
   * library's region search tries that region first and takes it when the number is of a type it
   * has, so a number valid there is valid.
   */
  private static final String[] FIRST_REGION = new String[1000];

  static {
    boolean ok;
    try {
      PhoneNumberUtil util = PhoneNumberUtil.getInstance();
      MetadataSource source = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
      for (String region : Phones.regions()) {
        BY_REGION.put(region, new Plan(source.getMetadataForRegion(region)));
      }
      for (int cc = 1; cc < 1000; cc++) {
        String main = util.getRegionCodeForCountryCode(cc);
        KNOWN_CC[cc] = !"ZZ".equals(main);
        List<String> regions = util.getRegionCodesForCountryCode(cc);
        ONLY_REGION[cc] = regions.size() == 1 && BY_REGION.containsKey(regions.get(0)) ? regions.get(0) : null;
        FIRST_REGION[cc] = regions.size() > 1 && BY_REGION.containsKey(regions.get(0))
            && !source.getMetadataForRegion(regions.get(0)).hasLeadingDigits() ? regions.get(0) : null;
        BY_CC[cc] = BY_REGION.get(main);
      }
      ok = true;
    } catch (RuntimeException | LinkageError e) {
      ok = false;
    }
    ENABLED = ok;
  }

  private static String threeDigits(int p) {
    return new String(new char[] {(char) ('0' + p / 100), (char) ('0' + p / 10 % 10), (char) ('0' + p % 10)});
  }

  /**
   * The ASCII digits of a candidate the direct parse can read, or null: international candidates
   * must start with one '+', national ones have none, and everything else must be a digit or one of
   * {@code space - . / ( )}.
   */
  static String digits(String candidate, boolean international) {
    int n = candidate.length();
    int i = 0;
    if (international) {
      if (n == 0 || candidate.charAt(0) != '+') {
        return null;
      }
      i = 1;
    }
    char[] out = new char[n];
    int k = 0;
    for (; i < n; i++) {
      char c = candidate.charAt(i);
      if (c >= '0' && c <= '9') {
        out[k++] = c;
      } else if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '(' && c != ')') {
        return null;
      }
    }
    return k >= 3 ? new String(out, 0, k) : null;
  }

  /**
   * The number {@code PhoneNumberUtil.parse} would return for a candidate with these {@code digits}
   * (from {@link #digits}) in {@code region} (null: international, the digits after '+'), or null
   * when the shortcut does not apply.
   */
  static PhoneNumber parse(String digits, String region) {
    if (!ENABLED) {
      return null;
    }
    if (region == null) {
      if (digits.charAt(0) == '0') {
        return null;
      }
      for (int len = 1; len <= 3 && len < digits.length(); len++) {
        int cc = Integer.parseInt(digits, 0, len, 10);
        if (KNOWN_CC[cc]) {
          Plan plan = BY_CC[cc];
          return plan == null ? null : national(plan, digits.substring(len));
        }
      }
      return null;
    }
    Plan plan = BY_REGION.get(region);
    if (plan == null || plan.idd.on(digits).lookingAt()) {
      return null;
    }
    if (digits.startsWith(plan.ccDigits)) {
      // parse drops a leading country code when the number is not valid-shaped with it and is
      // without it (its other reason, a number too long for the region, is left to parse)
      String rest = stripNationalPrefix(plan, digits.substring(plan.ccDigits.length()));
      if (rest == null || plan.general == null || plan.general.on(digits).matches()
          || !plan.general.on(rest).matches()) {
        return null;
      }
      // with a country code read, parse goes on with the code's main region (Canada: the US)
      Plan main = BY_CC[plan.cc];
      return main == null ? null : national(main, rest);
    }
    return national(plan, digits);
  }

  /**
   * {@code number} with the region's national prefix for parsing removed where the library's
   * {@code maybeStripNationalPrefixAndCarrierCode} removes it (the prefix matches at the start, and
   * the number is not valid-shaped only with it), or null when it would transform the number instead
   * (a transform rule with a captured group). Used where parse reads a leading country code.
   */
  private static String stripNationalPrefix(Plan plan, String number) {
    if (plan.npp == null || number.isEmpty()) {
      return number;
    }
    Matcher m = plan.npp.on(number);
    if (!m.lookingAt()) {
      return number;
    }
    if (plan.transform && m.group(m.groupCount()) != null) {
      return null;
    }
    String rest = number.substring(m.end());
    if (plan.general == null) {
      return null;
    }
    if (plan.general.on(number).matches() && !plan.general.on(rest).matches()) {
      return number;
    }
    return rest;
  }

  /**
   * The number parse builds from a national {@code number} in {@code plan}'s region, as its
   * {@code parseHelper} does after the country code: the national prefix for parsing is stripped
   * ({@code maybeStripNationalPrefixAndCarrierCode}: it matches at the start, and the number is not
   * valid-shaped only with it) and the stripped number kept when its length passes the library's
   * test ({@link Plan#keepsStripped}); leading zeros that remain are Italian leading zeros. Null
   * where a transform rule rewrites the prefix or the result is not 3 to 15 digits (left to parse).
   */
  private static PhoneNumber national(Plan plan, String number) {
    if (number.length() < 3) {
      return null;
    }
    String nsn = number;
    if (plan.npp != null) {
      Matcher m = plan.npp.on(number);
      if (m.lookingAt()) {
        if (plan.transform && m.group(m.groupCount()) != null || plan.general == null) {
          return null;
        }
        String rest = number.substring(m.end());
        boolean strip = !plan.general.on(number).matches() || plan.general.on(rest).matches();
        if (strip && rest.length() < 32 && (plan.keepsStripped & (1 << rest.length())) != 0) {
          nsn = rest;
        } else if (strip && rest.length() >= 32) {
          return null;
        }
      }
    }
    int len = nsn.length();
    if (len < 3 || len > 15) {
      return null;
    }
    PhoneNumber p = new PhoneNumber().setCountryCode(plan.cc);
    if (nsn.charAt(0) == '0') {
      // the library's setItalianLeadingZerosForPhoneNumber
      p.setItalianLeadingZero(true);
      int zeros = 1;
      while (zeros < len - 1 && nsn.charAt(zeros) == '0') {
        zeros++;
      }
      if (zeros != 1) {
        p.setNumberOfLeadingZeros(zeros);
      }
    }
    return p.setNationalNumber(Long.parseLong(nsn));
  }

  /**
   * False only when no number {@code PhoneNumberUtil.parse} makes of a national candidate with these
   * {@code digits} (from {@link #digits}) can be valid in {@code region}, so the caller may skip the
   * parse (the costly step for a candidate with a trunk 0, which {@link #parse} leaves to the library)
   * where a parse error would only mean "not this region". Parse reduces the digits to a national
   * number by dropping leading digits only (an international prefix, a country code, a national
   * prefix), unless a national prefix transform rule rewrites them; a valid number's national
   * significant number (which keeps Italian leading zeros) has a length the general description
   * lists and matches its pattern (the library's first test in {@code getNumberTypeHelper}). So when
   * neither the region nor its country code's main region has a transform rule and no suffix of the
   * digits of a listed length matches the general pattern, no parse result is valid there. A suffix
   * whose three leading digits start no valid number of its length ({@link Plan#mayStartValid}) is
   * passed over without the pattern.
   */
  static boolean mayHaveValidSuffix(String digits, String region) {
    return suffixTest(digits, region, true);
  }

  /**
   * {@link #mayHaveValidSuffix} without the general pattern: false only when no suffix of the digits
   * of a length the region lists starts like a valid number of that length ({@link
   * Plan#mayStartValid}), table lookups only. Cheaper and weaker; true where the suffix test cannot
   * decide (no plan, a transform rule).
   */
  static boolean mayStartValidSuffix(String digits, String region) {
    return suffixTest(digits, region, false);
  }

  /**
   * The suffix tests: whether some suffix of {@code digits} of a length the region lists starts like a
   * valid number of that length and (when {@code pattern}) matches the general pattern; true where
   * the test cannot decide (no plan, a transform rule).
   */
  private static boolean suffixTest(String digits, String region, boolean pattern) {
    Plan plan = suffixPlan(region);
    if (plan == null) {
      return true;
    }
    int n = digits.length();
    for (int len = Math.min(n, 31); len >= 1; len--) {
      // the table first: building it runs the general pattern's matcher, which on() hands out again
      if ((plan.lengths & (1 << len)) != 0 && plan.mayStartValid(digits, n - len, len)
          && (!pattern || plan.general.on(digits).region(n - len, n).matches())) {
        return true;
      }
    }
    return false;
  }

  /** The region's plan where the suffix tests apply (no transform rule in it or its code's main region), else null. */
  private static Plan suffixPlan(String region) {
    Plan plan = ENABLED ? BY_REGION.get(region) : null;
    Plan main = plan == null ? null : BY_CC[plan.cc];
    if (plan == null || main == null || plan.transform || main.transform || plan.general == null || plan.lengths == -1) {
      return null;
    }
    return plan;
  }

  /**
   * {@code PhoneNumberUtil.isValidNumberForRegion(p, region)}, from this class's compiled copy of
   * the region's descriptions where the region is one of ours (the library's regex cache holds 100
   * patterns, fewer than our regions' descriptions, so its own test recompiled patterns as the
   * regions took turns), else the library's: the country code must be the region's, and the
   * national significant number (with any Italian leading zeros) of a type the region has.
   */
  static boolean validForRegion(PhoneNumber p, String region) {
    Plan plan = ENABLED ? BY_REGION.get(region) : null;
    if (plan == null) {
      return PhoneNumberUtil.getInstance().isValidNumberForRegion(p, region);
    }
    if (p.getCountryCode() != plan.cc) {
      return false;
    }
    return plan.valid(nationalSignificantNumber(p));
  }

  /** The library's {@code getNationalSignificantNumber}: the national number with any Italian leading zeros. */
  private static String nationalSignificantNumber(PhoneNumber p) {
    String nn = Long.toString(p.getNationalNumber());
    if (p.isItalianLeadingZero() && p.getNumberOfLeadingZeros() > 0) {
      nn = "0".repeat(p.getNumberOfLeadingZeros()) + nn;
    }
    return nn;
  }

  /**
   * {@code PhoneNumberUtil.isValidNumber(p)}: for a country code with one region, one of ours
   * ({@code +41}, {@code +46}, {@code +49}...), the library's answer is that region's validity
   * ({@code getRegionCodeForNumber} returns the only region), tested on this class's compiled
   * descriptions ({@link #validForRegion}) instead of patterns the library's regex cache had often
   * dropped. For a code several regions share ({@code +44}: GB, GG, IM, JE), the library's
   * {@code getRegionCodeForNumber} tries the regions in its list's order and takes the first whose
   * leading digits match or, for a region without leading digits, whose number types include the
   * number; so a number valid in the first region ({@link #FIRST_REGION}, one of ours, no leading
   * digits) is valid. The others take that same search over the code's regions ({@link Shared}),
   * on compiled copies of their descriptions (the library's own search cost about 25 us for a
   * {@code +44} number valid nowhere, its regex cache recompiling the patterns of GB, GG, IM and
   * JE), or the library's search where those regions' metadata cannot be read.
   */
  static boolean isValidNumber(PhoneNumber p) {
    int cc = p.getCountryCode();
    boolean known = ENABLED && cc > 0 && cc < 1000;
    String only = known ? ONLY_REGION[cc] : null;
    if (only != null) {
      return validForRegion(p, only);
    }
    String first = known ? FIRST_REGION[cc] : null;
    if (first == null) {
      return PhoneNumberUtil.getInstance().isValidNumber(p);
    }
    if (validForRegion(p, first)) {
      return true;
    }
    Shared.Code code = Shared.BY_CC[cc];
    return code == null ? PhoneNumberUtil.getInstance().isValidNumber(p) : code.validAfterFirst(nationalSignificantNumber(p));
  }

  /**
   * The library's region search for the codes of {@link #FIRST_REGION} (its
   * {@code getRegionCodeForNumberFromRegionList}, then {@code isValidNumberForRegion} in the region
   * found), on plans of every region of the code, built on first use (the first such number that
   * its first region does not take).
   */
  private static final class Shared {
    /** One code's regions after the first, in the library's order. */
    static final class Code {
      final Plan[] plans;
      /** Per region: its leading-digits pattern, or null when it has none (then its types decide). */
      final Re[] leading;

      Code(Plan[] plans, Re[] leading) {
        this.plans = plans;
        this.leading = leading;
      }

      /**
       * {@code isValidNumber} of a number whose national significant number is {@code nsn}, the
       * code's first region having said no: the first region whose leading digits match the number
       * decides by its validity; a region without leading digits is chosen (and so the number is
       * valid) when one of its types matches; when none is chosen the number is not valid.
       */
      boolean validAfterFirst(String nsn) {
        for (int i = 0; i < plans.length; i++) {
          if (leading[i] != null) {
            if (leading[i].on(nsn).lookingAt()) {
              return plans[i].valid(nsn);
            }
          } else if (plans[i].valid(nsn)) {
            return true;
          }
        }
        return false;
      }
    }

    /** Per country code of {@link #FIRST_REGION} but +1: its other regions, or null (the library searches). */
    static final Code[] BY_CC = build();

    private static Code[] build() {
      Code[] byCc = new Code[1000];
      try {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        MetadataSource source = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        // not +1: its 25 regions' metadata would load for nothing, as Phones.validity tests +1
        // numbers on its own path (US, Canada, then the NANP table before the library's search)
        for (int cc = 2; cc < 1000; cc++) {
          if (FIRST_REGION[cc] == null) {
            continue;
          }
          List<String> regions = util.getRegionCodesForCountryCode(cc);
          int n = regions.size() - 1;
          Plan[] plans = new Plan[n];
          Re[] leading = new Re[n];
          for (int i = 0; i < n; i++) {
            PhoneMetadata m = source.getMetadataForRegion(regions.get(i + 1));
            if (m.getCountryCode() != cc) {
              throw new IllegalStateException("region " + regions.get(i + 1) + " is not of +" + cc);
            }
            plans[i] = new Plan(m);
            leading[i] = m.hasLeadingDigits() ? Re.of(m.getLeadingDigits()) : null;
          }
          byCc[cc] = new Code(plans, leading);
        }
      } catch (RuntimeException | LinkageError e) {
        java.util.Arrays.fill(byCc, null); // another metadata layout: the library searches
      }
      return byCc;
    }
  }

  /**
   * False only when {@code PhoneNumberUtil.isValidNumber} of this +1 number, already invalid in the
   * US and Canada, is certainly false: no other NANP member's leading digits can match it.
   */
  static boolean mayBeOtherNanp(PhoneNumber p) {
    if (p.getCountryCode() != 1 || p.isItalianLeadingZero()) {
      return true;
    }
    long nn = p.getNationalNumber();
    if (nn < 100) {
      return true;
    }
    while (nn >= 1000) {
      nn /= 10;
    }
    return Nanp.OTHER[(int) nn];
  }

  /**
   * The NANP table, built on first use (the first +1 number invalid in the US and Canada; the
   * library's own walk would load the same 23 regions' metadata then).
   */
  private static final class Nanp {
    /** Per first three national digits: whether a NANP member other than US/CA may match. */
    static final boolean[] OTHER = build();

    private static boolean[] build() {
      boolean[] other = new boolean[1000];
      try {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        MetadataSource source = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        List<String> nanp = util.getRegionCodesForCountryCode(1);
        if (!ENABLED || !nanp.contains("US") || !nanp.contains("CA")) {
          java.util.Arrays.fill(other, true);
          return other;
        }
        for (String region : nanp) {
          if (region.equals("US") || region.equals("CA")) {
            continue;
          }
          PhoneMetadata m = source.getMetadataForRegion(region);
          if (!m.hasLeadingDigits()) {
            // chosen by full validation: the walk cannot be predicted from a prefix
            java.util.Arrays.fill(other, true);
            return other;
          }
          Pattern lead = Pattern.compile(m.getLeadingDigits());
          for (int p = 0; p < 1000; p++) {
            Matcher x = lead.matcher(threeDigits(p));
            if (x.lookingAt() || x.hitEnd()) {
              other[p] = true;
            }
          }
        }
      } catch (RuntimeException | LinkageError e) {
        java.util.Arrays.fill(other, true);
      }
      return other;
    }
  }
}
