package dev.guardrails.text;

/**
 * Builds the normalized view of a text in one linear pass. See {@link AnalyzedText} for what it
 * folds. Stateless.
 */
final class Normalizer {

  private Normalizer() {}

  /** Latin letters for common Cyrillic and Greek look-alikes, indexed by code point. */
  private static final char[] CONFUSABLE = new char[0x0500];

  static {
    String pairs =
        // Cyrillic lower / upper
        "а a е e о o р p с c у y х x і i ј j ѕ s ԁ d ɡ g ո n "
            + "А A В B Е E К K М M Н H О O Р P С C Т T Х X У Y І I Ј J Ѕ S "
            // Greek
            + "ο o α a ν v ι i κ k ρ p τ t υ u χ x "
            + "Α A Β B Ε E Ζ Z Η H Ι I Κ K Μ M Ν N Ο O Ρ P Τ T Υ Y Χ X";
    String[] parts = pairs.split(" ");
    for (int i = 0; i + 1 < parts.length; i += 2) {
      int cp = parts[i].codePointAt(0);
      if (cp < CONFUSABLE.length) {
        CONFUSABLE[cp] = parts[i + 1].charAt(0);
      }
    }
  }

  /**
   * ASCII chars where {@link Markup} may apply: entities, brackets, emphasis markers, JSON
   * {@code \\u} escapes and URL {@code %XX} escapes. A table, so the plain-text check costs one
   * load per char however many triggers there are.
   */
  private static final boolean[] MARKUP_TRIGGER = new boolean[0x80];

  static {
    for (char c : "&[({*`~_\\%".toCharArray()) {
      MARKUP_TRIGGER[c] = true;
    }
  }

  /**
   * Analyzes {@code s}: one pass ({@link #scan}) classifies every char; then the text either shares
   * the original string (no rule applies), or only has runs of spaces and line breaks to collapse
   * ({@link RunCollapse#collapseRuns}: a copy, no rule chain), or only those and no-break spaces and
   * ellipses ({@link RunCollapse#substitute}: a char by char copy, no rule chain), or goes through the rule
   * chain from the first char a rule applies to ({@link #applyRules}). The char classes of the
   * original and the normalized view ({@link CharClass}) come out of the same pass.
   */
  static AnalyzedText analyze(String s) {
    long scan = scan(s);
    int verdict = verdict(s, scan);
    if (verdict == PLAIN_TEXT) {
      return AnalyzedText.create(s, s, OffsetMap.identity(s.length()), classes(scan));
    }
    if (verdict == RUNS_ONLY) {
      return RunCollapse.collapseRuns(s, scan); // removing whitespace adds and removes no class
    }
    if (verdict == SUBSTITUTIONS) {
      return RunCollapse.substitute(s, classes(scan)); // the scan counted '\u2026' as the '.' it becomes
    }
    // the rare path (about 1 text in 75): applyRules finds the first rule itself, so C2 never
    // inlines the run-by-run check into analyze and its callers (it took 8 KB of their budget)
    return applyRules(s, FIND_FIRST_RULE); // classes from both views, on first use
  }

  /** {@link #applyRules}'s {@code firstRule} that asks it to find the place with {@link #firstRuleAt} first. */
  static final int FIND_FIRST_RULE = -1;

  /** {@link #verdict}: no rule applies, the original is its own normalized view. */
  static final int PLAIN_TEXT = 0;
  /** {@link #verdict}: only runs of ' ' and '\n' to collapse; every other char comes out as itself. */
  static final int RUNS_ONLY = 1;
  /** {@link #verdict}: the rule chain must run. */
  static final int RULES = 2;
  /**
   * {@link #verdict}: the rule chain would only collapse whitespace runs (no-break spaces U+00A0 and
   * U+202F among the whitespace), write each no-break space as ' ' and each '\u2026' as "..."; every
   * other char comes out as itself.
   */
  static final int SUBSTITUTIONS = 3;

  /**
   * Which path {@code s} takes, from its {@link #scan}: the same answer as the run-by-run check
   * {@link #firstRuleAt} for {@link #PLAIN_TEXT}. A whitespace run, or a line break in a text that
   * holds an '@', means a rule applies; the few chars that need a closer look (non-ASCII, controls,
   * markup triggers) get it in the scan ({@link #keptAt}); and a letter-spaced value can only occur in a
   * text of at least {@value #SPACED_MIN} digits, where {@link #hasSpacedValue} looks at the few
   * places one may start. {@link #RUNS_ONLY} when the whitespace runs are all there is: every char
   * that needs a closer look comes out as itself, and no '@' shares the text with a line break (the
   * rule chain then only collapses runs; {@code NormalizerFastPathTest} compares the two).
   * {@link #SUBSTITUTIONS} likewise, when the text also holds a no-break space or an ellipsis.
   */
  static int verdict(String s, long scan) {
    int any = (int) scan;
    boolean atAndLine = (any & (S_AT | S_NL)) == (S_AT | S_NL);
    // a letter-spaced value holds at least SPACED_MIN digits, all but its last one followed by its
    // separator (ASCII digits are all the digits here: a non-ASCII digit folds, so keptAt fails)
    boolean spacedPossible = digitsBeforeSeparator(scan) >= SPACED_MIN - 1;
    if ((any & S_SUBST) != 0) {
      // no-break spaces and ellipses only read as whitespace and dots in the output, so as below
      return (any & S_CHANGED) == 0 && !(atAndLine && atNextToWhitespace(s)) && !(spacedPossible && hasSpacedValue(s))
          ? SUBSTITUTIONS : RULES;
    }
    if ((any & S_RUN) != 0) {
      // markup that does not fold and chars kept as they are come out one to one whatever the
      // whitespace around them does, so the runs are all the chain would change; but for a
      // line-break run right after or before an '@' (a wrapped address, which it joins)
      return (any & S_CHANGED) == 0 && !(atAndLine && atNextToWhitespace(s)) && !(spacedPossible && hasSpacedValue(s))
          ? RUNS_ONLY : RULES;
    }
    if (atAndLine && atNextToLineBreak(s)) {
      return RULES;
    }
    if ((any & S_CHANGED) != 0) {
      return RULES;
    }
    return spacedPossible && hasSpacedValue(s) ? RULES : PLAIN_TEXT;
  }

  /** The {@link CharClass} bits in a {@link #scan} result. */
  static int classes(long scan) {
    return ((int) scan >>> S_CLASS_SHIFT) & CharClass.ALL;
  }

  /** Whether a {@link #scan} result says the text holds a '\n'. */
  static boolean hasLineBreak(long scan) {
    return ((int) scan & S_NL) != 0;
  }

  /**
   * The number of neighbouring whitespace pairs (' ' and '\n') a {@link #scan} result counted, of a
   * text the scan went through to the end; {@link Long#MAX_VALUE} (unknown) past the count it keeps.
   */
  static long whitespacePairs(long scan) {
    long pairs = scan >>> 40;
    return pairs == MAX_WS_PAIRS ? Long.MAX_VALUE : pairs;
  }

  /**
   * The run-by-run check: where the first rule of the chain applies in {@code s} (everything before
   * it is copied as is), or -1 when none does. {@link #needsNoRule} gives the same verdict faster;
   * this one finds the place, for {@link #applyRules}.
   */
  static int firstRuleAt(String s) {
    int n = s.length();
    // Fast path: printable ASCII (plus \n, \t) without runs of whitespace or tabs needs nothing.
    // Runs of chars that no rule can touch are skipped with the table-driven plainRunEnd (the
    // common case: words and single spaces); the char after each run gets the checks below.
    boolean plain = true;
    char prev = 'x';
    int firstRule = n; // where the first rule applies: everything before it is copied as is
    for (int i = 0; i < n; i++) {
      if (prev != ' ' && prev != '\n') { // a run may start with a space: never right after whitespace
        int j = plainRunEnd(s, i);
        if (j > i) {
          if (j == n) {
            break;
          }
          prev = s.charAt(j - 1);
          i = j;
        }
      }
      char c = s.charAt(i);
      firstRule = i;
      if (c >= 0x80 && !keptAsIs(s, i, c)) {
        plain = false;
        break;
      }
      if ((c < 0x20 && c != '\n') || c == 0x7f) {
        plain = false;
        break;
      }
      if (isMarkupTrigger(c) && Markup.foldsAt(s, i)) {
        plain = false;
        break;
      }
      if (mayStartSpacedRun(s, i, c) && spacedDigitsEnd(s, i) > 0) {
        plain = false;
        break;
      }
      if (c == '\n' && ((i > 0 && s.charAt(i - 1) == '@') || (i + 1 < n && s.charAt(i + 1) == '@'))) {
        plain = false;
        break;
      }
      boolean ws = c == ' ' || c == '\n';
      if (ws && (prev == ' ' || prev == '\n')) {
        plain = false;
        break;
      }
      prev = c;
    }
    return plain ? -1 : firstRule;
  }

  /** {@link #scan} result flag: an '@'; a rule applies when a line break is next to it. */
  private static final int S_AT = 1 << 1;
  /** {@link #scan} result flag: a line break. */
  private static final int S_NL = 1 << 2;
  /** {@link CharClass} bits sit this far up in a {@link #scan} result. */
  private static final int S_CLASS_SHIFT = 8;
  /** {@link #scan} result flag: a no-break space (U+00A0, U+202F) or an ellipsis (U+2026). */
  private static final int S_SUBST = 1 << 3;
  /** {@link #scan} result flag: two neighbouring chars are both whitespace. */
  private static final int S_RUN = 1 << 28;
  /** {@link #scan} result flag: a char that needs a closer look does not come out as itself. */
  private static final int S_CHANGED = 1 << 29;
  /** The result flags a {@link #SCAN} entry carries, {@link #FLAG_SHIFT} bits up. */
  private static final int S_FLAGS = S_AT | S_NL | S_SUBST | CharClass.ALL << S_CLASS_SHIFT;

  /*
   * SCAN entries are longs laid out so that one AND of an entry with the previous entry shifted
   * down by PAIR_SHIFT finds the two kinds of neighbour pairs the verdict needs, and one ADD counts
   * them:
   *   bit 0       a separator of letter-spaced values (space, '.', '-') as the second char;
   *   bit 30      a space or line break as the second char;
   *   bit 32      an ASCII digit as the first char (lands on bit 0);
   *   bits 33-61  the result flags (S_FLAGS << FLAG_SHIFT; land on bits 1-29, where no entry has a bit);
   *   bit 62      a space or line break as the first char (lands on bit 30);
   *   bit 63      a char that needs a closer look (the sign: one test; lands on bit 31, empty too).
   * So the pair sum holds the digit-before-separator count in bits 0-29 (at most length / 2 < 2^30,
   * it never carries into bit 30) and the whitespace-pair count from bit 30 up.
   */
  private static final long P_SEP = 1L;
  private static final long P_WS = 1L << 30;
  private static final int PAIR_SHIFT = 32;
  private static final int FLAG_SHIFT = 32;
  private static final long P_DIGIT_BEFORE = P_SEP << PAIR_SHIFT;
  private static final long P_WS_BEFORE = P_WS << PAIR_SHIFT;
  /** A char that needs a closer look: non-ASCII (slot 0x80), a control other than '\n', DEL, a markup trigger. */
  private static final long P_LOOK = 1L << 63;

  /**
   * Scan entries of every BMP char (layout above), indexed by the char itself: a char is a valid
   * index, so the per-char load needs no clamp and no bounds check (the clamp of a 129-entry table,
   * {@code Math.min(c, 0x80)}, cost the pass about a third of its time on plain ASCII answers).
   * Every non-ASCII char has the same entry but for the no-break spaces and the ellipsis
   * ({@link #NO_BREAK_SPACE}, {@link #ELLIPSIS}). 512 KB, once per class loader.
   */
  private static final long[] SCAN = new long[0x10000];

  static {
    for (char c = 0; c < 0x80; c++) {
      long k = 0;
      int flags = CharClass.of(c) << S_CLASS_SHIFT;
      if (c >= '0' && c <= '9') {
        k |= P_DIGIT_BEFORE;
      }
      if (c == ' ' || c == '\n') {
        k |= P_WS | P_WS_BEFORE;
      }
      if (c == '@') {
        flags |= S_AT;
      }
      if (c == '\n') {
        flags |= S_NL;
      }
      if ((c < 0x20 && c != '\n') || c == 0x7f || MARKUP_TRIGGER[c]) {
        k |= P_LOOK;
      }
      if (isDigitSeparator(c)) {
        k |= P_SEP;
      }
      SCAN[c] = k | (long) flags << FLAG_SHIFT;
    }
    java.util.Arrays.fill(SCAN, 0x80, SCAN.length, P_LOOK | (long) (CharClass.NON_ASCII.bit() << S_CLASS_SHIFT) << FLAG_SHIFT);
  }

  /**
   * The scan entry of a no-break space (U+00A0, U+202F): whitespace to the pair tests, like ' ',
   * so it makes a run with its neighbours as in the chain.
   */
  private static final long NO_BREAK_SPACE = P_WS | P_WS_BEFORE
      | (long) (S_SUBST | CharClass.NON_ASCII.bit() << S_CLASS_SHIFT) << FLAG_SHIFT;
  /** The scan entry of '\u2026', which the chain writes as "...": its classes are those of both. */
  private static final long ELLIPSIS =
      (long) (S_SUBST | (CharClass.NON_ASCII.bit() | CharClass.DOT.bit()) << S_CLASS_SHIFT) << FLAG_SHIFT;

  static { // not looked at closer: the scan counts them as what the chain writes
    SCAN[0xA0] = NO_BREAK_SPACE;
    SCAN[0x202F] = NO_BREAK_SPACE;
    SCAN[0x2026] = ELLIPSIS;
  }

  /** {@link #hasSpacedValue}'s classes of the ASCII chars: a separator (bit 0), a letter or digit ({@link #S_LD}). */
  private static final int[] SPACED = new int[0x80];
  /** An ASCII letter or digit, in {@link #SPACED}. */
  private static final int S_LD = 32;

  static {
    for (char c = 0; c < 0x80; c++) {
      SPACED[c] = (isDigitSeparator(c) ? 1 : 0) | (Character.isLetterOrDigit(c) ? S_LD : 0);
    }
  }

  /**
   * True when no rule of the chain can apply to {@code s}: the same answer as the run-by-run check
   * of {@link #firstRuleAt}, reached without a branch per char on the common short answer.
   */
  static boolean needsNoRule(String s) {
    return verdict(s, scan(s)) == PLAIN_TEXT;
  }

  /**
   * The one pass over {@code s}: classifies every char with a table load, an OR and an ADD. Returns
   * the result flags of all chars ORed ({@link #S_AT}, {@link #S_NL}, the {@link CharClass} bits),
   * {@link #S_CHANGED} when a char that needs a closer look does not come out of the chain as itself
   * ({@link #keptAt}), {@link #S_RUN} when two neighbouring chars are whitespace, in bits 32-39 the
   * number of ASCII digits followed by a separator of letter-spaced values (space, '.', '-'; at most
   * 255), and from bit 40 the number of neighbouring whitespace pairs (at most
   * {@link #MAX_WS_PAIRS}, which {@link #whitespacePairs} reads as unknown). Once {@link #S_CHANGED}
   * is set the text takes the rule chain whatever else it holds, so the scan stops there and the
   * other bits are partial.
   *
   * <p>The loop has no call in it and one branch, on the entry's sign (the JIT unrolls it): it
   * stops at a char that needs a closer look (three quarters of short answers have none), and
   * {@link #scanFrom} goes on from there, looking at each such char outside its loop
   * ({@link #keptAt}). The entry is loaded by the char itself ({@link #SCAN}: no clamp). Both
   * pair tests (a whitespace run, a digit before a separator) are one AND of the char's entry with
   * the previous entry shifted down, and one ADD counts both ({@link #SCAN}'s layout): four
   * operations per char after the load (OR, AND, ADD, shift).
   */
  static long scan(String s) {
    int n = s.length();
    long any = 0;
    long pairs = 0; // the pair sum (see SCAN)
    long before = 0; // the previous char's entry >>> PAIR_SHIFT
    for (int i = 0; i < n; i++) {
      long k = SCAN[s.charAt(i)];
      if (k < 0) { // P_LOOK, rare: non-ASCII, a control, a markup trigger
        return scanFrom(s, i, any, pairs, before);
      }
      any |= k;
      pairs += before & k;
      before = k >>> PAIR_SHIFT;
    }
    return scanResult(any, pairs);
  }

  /**
   * The rest of {@link #scan} from the first char that needs a closer look, at {@code i}, with the
   * sums of the chars before it. Apart from the loop above so that loop stays a plain counted loop
   * with one exit, which the JIT compiles to about two thirds of the time of the same loop nested
   * in this one (the exit back into it, and the closer look, make that loop's code slower even for
   * a text that never leaves it).
   */
  private static long scanFrom(String s, int i, long any, long pairs, long before) {
    int n = s.length();
    while (true) {
      for (; i < n; i++) {
        long k = SCAN[s.charAt(i)];
        if (k < 0) { // P_LOOK, rare: non-ASCII, a control, a markup trigger
          break;
        }
        any |= k;
        pairs += before & k;
        before = k >>> PAIR_SHIFT;
      }
      if (i == n) {
        return scanResult(any, pairs);
      }
      char c = s.charAt(i);
      long k = SCAN[c]; // P_LOOK: the loop stopped here
      if (!keptAt(s, i, c)) {
        return flags(any | k) | S_CHANGED; // the rule chain runs: nothing else the scan finds matters
      }
      any |= k;
      pairs += before & k;
      before = k >>> PAIR_SHIFT;
      i++; // and back to the loop without a call
    }
  }

  private static int flags(long any) {
    return (int) (any >>> FLAG_SHIFT) & S_FLAGS;
  }

  private static long scanResult(long any, long pairs) {
    long digits = Math.min(pairs & (P_WS - 1), MAX_DIGITS);
    long wsPairs = Math.min(pairs >>> 30, MAX_WS_PAIRS); // the whitespace-pair count, from bit 30 up
    int run = wsPairs != 0 ? S_RUN : 0;
    return digits << 32 | wsPairs << 40 | (flags(any) | run) & 0xFFFFFFFFL;
  }

  /** Most digits before a separator a {@link #scan} result counts: enough for {@link #SPACED_MIN}. */
  private static final long MAX_DIGITS = 0xFF;
  /** Most whitespace pairs a {@link #scan} result counts; a text with more is searched to its end. */
  private static final long MAX_WS_PAIRS = 0xFFFFFF;

  /** The number of ASCII digits followed by a separator in a {@link #scan} result, at most 255. */
  private static int digitsBeforeSeparator(long scan) {
    return (int) (scan >>> 32) & (int) MAX_DIGITS;
  }

  /**
   * Whether an '@' has whitespace (a space, line break or no-break space) right before or after it:
   * where the chain may join a wrapped address, dropping the run of whitespace next to it.
   */
  private static boolean atNextToWhitespace(String s) {
    for (int i = s.indexOf('@'); i >= 0; i = s.indexOf('@', i + 1)) {
      if ((i > 0 && RunCollapse.isRunChar(s.charAt(i - 1))) || (i + 1 < s.length() && RunCollapse.isRunChar(s.charAt(i + 1)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether an '@' has a line break right before or after it. */
  private static boolean atNextToLineBreak(String s) {
    for (int i = s.indexOf('@'); i >= 0; i = s.indexOf('@', i + 1)) {
      if ((i > 0 && s.charAt(i - 1) == '\n') || (i + 1 < s.length() && s.charAt(i + 1) == '\n')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the char {@code c} at {@code i}, which {@link #SCAN} marks {@link #P_LOOK}, comes out of
   * the rule chain as itself: a non-ASCII char that {@link #keptAsIs}, a markup trigger where no
   * markup {@linkplain Markup#foldsAt folds}; never a control char other than '\n'.
   */
  private static boolean keptAt(String s, int i, char c) {
    return c >= 0x80 ? keptAsIs(s, i, c) : c >= 0x20 && c != 0x7f && !Markup.foldsAt(s, i);
  }


  /**
   * Whether a letter-spaced value ({@link #spacedDigitsEnd}) starts somewhere in {@code s}. One can
   * start only at a letter or digit that starts a token and stands before a separator ({@link
   * #mayStartSpacedRun}); the loop finds those with table bits, and branches on them only.
   */
  private static boolean hasSpacedValue(String s) {
    int n = s.length();
    int p1 = 0; // class of the char before i
    int p2 = 0; // and of the one before that (0 before the text: not a letter or digit)
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      int k = c < 0x80 ? SPACED[c] : Character.isLetterOrDigit(c) ? S_LD : 0;
      // a separator at i after a letter or digit at i - 1 that starts a token (separator bit 0 << 5 == S_LD)
      if (((k << 5) & p1 & ~p2 & S_LD) != 0 && spacedDigitsEnd(s, i - 1) > 0) {
        return true;
      }
      p2 = p1;
      p1 = k;
    }
    return false;
  }

  /**
   * Runs the rule chain over {@code s}, whose chars before {@code firstRule} passed the plain check
   * of {@link #analyze}; {@code applyRules(s, 0)} is the whole chain without that shortcut, which
   * tests compare {@code analyze} against; {@link #FIND_FIRST_RULE} finds the place first, and
   * returns the text as its own view when no rule applies.
   *
   * <p>Over {@code FreqInlineSize} (325 bytes of bytecode) on purpose: C2 never inlines it, so
   * {@link #analyze} calls it, and with it {@link #firstRuleAt}, instead of inlining that check's 8 KB
   * into every caller (where it spent {@code Pipeline.run}'s inlining budget on a rare path).
   *
   * <p>Hot loop (exempt from the 80-line method limit, see ArchitectureTest): one pass over every
   * char of every checked text that needs normalizing; the rule state (pending whitespace run,
   * spaced-digit run) lives in locals of this one method rather than in fields of a helper object.
   */
  static AnalyzedText applyRules(String s, int firstRule) {
    if (firstRule == FIND_FIRST_RULE) {
      firstRule = firstRuleAt(s);
      if (firstRule < 0) {
        return AnalyzedText.create(s, s, OffsetMap.identity(s.length()), CharClass.scan(s));
      }
    }
    int n = s.length();
    Scratch out = Scratch.get(n); // per-thread: the text allocates only the string and map it keeps
    OffsetMap.Recorder map = out.map;
    int wsStart = -1; // start of a pending whitespace run
    int spacedEnd = -1; // end of a letter-spaced digit run ("4 1 1 1 ..."), whose separators are dropped
    boolean wsNewline = false;
    // The prefix the check above passed maps to itself; resume the rules before the whitespace run
    // (if any) that leads to the first char a rule applies to, so that run is judged whole.
    int i = firstRule;
    while (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\n')) {
      i--;
    }
    if (i > 0) {
      out.append(s, 0, i);
      map.addRun(0, i);
    }
    while (i < n) {
      char ch = s.charAt(i);
      if (ch < 0x80 && wsStart < 0 && i >= spacedEnd) {
        int j = plainRunEnd(s, i);
        if (j > i) {
          out.append(s, i, j); // printable ASCII outside any rule below: kept as is (the common case)
          map.addRun(i, j);
          i = j;
          continue;
        }
      }
      int cp = s.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (i < spacedEnd) {
        if (!Character.isLetterOrDigit(cp)) {
          i = next; // a separator between spaced digits: dropped
          continue;
        }
      } else if (mayStartSpacedRun(s, i, cp)) {
        spacedEnd = spacedDigitsEnd(s, i);
      }
      if (isMarkupTrigger(cp)) {
        long m = Markup.match(s, i);
        if (m != 0) {
          int kind = (int) (m >>> 32);
          int end = (int) m;
          if (kind == Markup.DROP) {
            i = end; // markup: dropped like an ignorable char
            continue;
          }
          if (kind == Markup.ENTITY) {
            cp = Markup.entityCodePoint(s, i, end);
            next = end; // the decoded char then goes through the normal steps below
          } else { // an obfuscated '@' or '.': absorbs the whitespace around it
            int start = wsStart >= 0 ? wsStart : i;
            wsStart = -1;
            while (end < n && isWhitespace(s.charAt(end))) {
              end++;
            }
            out.append(kind == Markup.AT ? '@' : '.');
            map.add(start, end);
            i = end;
            continue;
          }
        }
      }
      if (isWhitespace(cp)) {
        if (wsStart < 0) {
          wsStart = i;
          wsNewline = false;
        }
        if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x0B || cp == 0x0C || cp == 0x85) {
          wsNewline = true;
        }
        i = next;
        continue;
      }
      if (isIgnorable(cp)) {
        i = next;
        continue; // dropped; a whitespace run around it stays one run
      }
      if (wsStart >= 0 && wsNewline && out.length() > 0 && wrapsAddress(out.last(), cp, s, next)) {
        wsStart = -1; // a line break inside an address ("jane@\nexample.com") is dropped
      }
      if (wsStart >= 0) {
        out.append(wsNewline ? '\n' : ' ');
        map.add(wsStart, i);
        wsStart = -1;
      }
      String folded = isDash(cp) && out.length() > 0 && isAsciiDigit(out.last()) && next < n
          && isAsciiDigit(s.charAt(next)) ? "-" : fold(cp); // "4111‒1111": a dash inside a number

      for (int k = 0; k < folded.length(); k++) {
        out.append(folded.charAt(k));
        map.add(i, next);
      }
      i = next;
    }
    if (wsStart >= 0) {
      out.append(wsNewline ? '\n' : ' ');
      map.add(wsStart, n);
    }
    OffsetMap offsets = map.build(n);
    String normalized = offsets.isIdentity() && out.length() == n && out.contentEquals(s)
        ? s // the rules ran but changed nothing: share the original
        : out.text();
    out.release();
    return AnalyzedText.create(s, normalized, offsets);
  }

  /**
   * True if the non-ASCII char {@code c} at {@code i} comes out of the rule chain as itself, one to
   * one: a BMP char that is not whitespace, ignorable or a surrogate, that folds to itself (an
   * accented letter, a curly quote, an em or en dash) and is not a dash between two ASCII digits
   * (which the chain writes as '-'). Lets already-normalized text skip the copy. Callers ask only
   * about a char every char before which is kept as is, so the char before it in the chain's output
   * is {@code s.charAt(i - 1)}.
   */
  private static boolean keptAsIs(String s, int i, char c) {
    int kind = KEPT[c];
    if (kind == KEPT_UNKNOWN) {
      kind = keptKind(c);
      KEPT[c] = (byte) kind; // a racy fill is benign: every thread computes the same value
    }
    if (kind == KEPT_DASH) { // "4111‒1111": a dash inside a number becomes '-'
      return !(i > 0 && isAsciiDigit(s.charAt(i - 1)) && i + 1 < s.length() && isAsciiDigit(s.charAt(i + 1)));
    }
    return kind == KEPT_YES;
  }

  /**
   * {@link #keptAsIs}'s answer for each BMP char, memoized (0 until first asked): whether it comes
   * out of the chain as itself wherever it stands ({@link #KEPT_YES}, {@link #KEPT_NO}), or unless it
   * is a dash between two ASCII digits ({@link #KEPT_DASH}). The checks behind it (whitespace,
   * ignorable, the fold's table) cost tens of compares per char; prose with curly quotes and dashes
   * asks about the same few chars again and again.
   */
  private static final byte[] KEPT = new byte[0x10000];
  private static final int KEPT_UNKNOWN = 0;
  private static final int KEPT_YES = 1;
  private static final int KEPT_NO = 2;
  private static final int KEPT_DASH = 3;

  private static int keptKind(char c) {
    if (Character.isSurrogate(c) || isWhitespace(c) || isIgnorable(c)) {
      return KEPT_NO;
    }
    String f = fold(c);
    if (f.length() != 1 || f.charAt(0) != c) {
      return KEPT_NO;
    }
    return isDash(c) ? KEPT_DASH : KEPT_YES;
  }

  /**
   * Returns the end of the run starting at {@code i} that the rule chain would copy unchanged, one
   * char to one char: printable ASCII that is not whitespace, markup or '@' and cannot start a
   * letter-spaced value, and single spaces before such a char (a lone space between two words maps
   * to itself). Returns {@code i} when the char at {@code i} needs the rules. Holds an unrolled
   * copy of {@link #mayStartSpacedRun}; {@code PlainRunTest} checks the two agree.
   */
  static int plainRunEnd(String s, int i) {
    int n = s.length();
    int j = i;
    // mayStartSpacedRun, unrolled: a letter or digit that starts a token, before a separator
    boolean afterLetterOrDigit = i > 0 && isLetterOrDigit(s.charAt(i - 1));
    while (j < n) {
      char c = s.charAt(j);
      int k = c < 0x80 ? ASCII_CLASS[c] : 0;
      if ((k & C_PLAIN) != 0) {
        boolean ld = (k & C_LETTER_OR_DIGIT) != 0;
        if (ld && !afterLetterOrDigit && j + 1 < n && isDigitSeparator(s.charAt(j + 1))) {
          break;
        }
        afterLetterOrDigit = ld;
        j++;
      } else if (c == ' ' && j + 1 < n && s.charAt(j + 1) < 0x80 && (ASCII_CLASS[s.charAt(j + 1)] & C_PLAIN) != 0) {
        afterLetterOrDigit = false;
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  private static final int C_PLAIN = 1;
  private static final int C_LETTER_OR_DIGIT = 2;

  /** {@link #PLAIN} and letter-or-digit flags of ASCII chars, for the copy loop. */
  private static final int[] ASCII_CLASS = new int[128];

  /**
   * True when a line-break run sits between {@code before} and {@code cp} inside an email-like
   * token: right after an '@' followed by a letter or digit, or right before an '@' that follows a
   * letter, digit or dot.
   */
  private static boolean wrapsAddress(char before, int cp, String s, int next) {
    if (before == '@') {
      return Character.isLetterOrDigit(cp);
    }
    return cp == '@' && (Character.isLetterOrDigit(before) || before == '.')
        && next < s.length() && Character.isLetterOrDigit(s.charAt(next));
  }

  /** Fewest digits and most characters a letter-spaced value has: an SSN has 9, an IBAN up to 34. */
  private static final int SPACED_MIN = 9;
  private static final int SPACED_MAX = 40;

  /**
   * Returns the end of a letter-spaced value starting at {@code i}: single letters or digits joined
   * by one repeated separator (space, dot or dash), such as {@code "4 1 1 1 1 1 1 1 1"} or
   * {@code "D E 8 9 3 7 ..."}, holding at least {@value #SPACED_MIN} digits and at most
   * {@value #SPACED_MAX} characters, that starts a token; -1 otherwise. A value starting with a
   * letter starts with two (a country or series prefix), so a lone "a" or "I" before spaced digits
   * stays a word. Bounded scan: the normalizer stays linear.
   */
  static int spacedDigitsEnd(String s, int i) {
    int n = s.length();
    if (i + 2 >= n || !isDigitSeparator(s.charAt(i + 1)) || !Character.isLetterOrDigit(s.charAt(i))) {
      return -1;
    }
    if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
      return -1; // not the start of a token
    }
    if (i > 1 && isDigitSeparator(s.charAt(i - 1)) && (Character.isDigit(s.charAt(i - 2))
        || (singleBefore(s, i - 2) && i > 3 && isDigitSeparator(s.charAt(i - 3)) && singleBefore(s, i - 4)))) {
      return -1; // mid-run: the value started earlier
    }
    char sep = s.charAt(i + 1);
    if (!Character.isDigit(s.charAt(i)) && !Character.isLetter(s.charAt(i + 2))) {
      return -1; // "a 4 1 5 ...": a one-letter word, then the value
    }
    int digits = 0;
    int chars = 0;
    int j = i;
    while (j < n && Character.isLetterOrDigit(s.charAt(j))) {
      if (Character.isDigit(s.charAt(j))) {
        digits++;
      }
      chars++;
      if (chars > SPACED_MAX) {
        return -1;
      }
      if (j + 2 < n && s.charAt(j + 1) == sep && (Character.isDigit(s.charAt(j + 2))
          || (Character.isLetter(s.charAt(j + 2)) && (j + 3 >= n || !Character.isLetterOrDigit(s.charAt(j + 3)))))) {
        // the next single digit, or a single letter (a word after the value ends the run)
        j += 2;
      } else {
        j++;
        break;
      }
    }
    if (j < n && Character.isLetterOrDigit(s.charAt(j))) {
      return -1; // "1 2 3 ... 9x": the last digit is part of a longer token
    }
    return digits >= SPACED_MIN ? j : -1;
  }

  /** True if {@code s[k]} is a letter or digit standing alone (no letter or digit just before it). */
  private static boolean singleBefore(String s, int k) {
    return k >= 0 && Character.isLetterOrDigit(s.charAt(k)) && (k == 0 || !Character.isLetterOrDigit(s.charAt(k - 1)));
  }

  /**
   * Whether the code point {@code cp} at {@code i} starts a token (no letter or digit just before
   * it) and is a letter or digit followed by a digit separator: the only place a letter-spaced run
   * ({@link #spacedDigitsEnd}) can start.
   */
  static boolean mayStartSpacedRun(String s, int i, int cp) {
    int next = i + Character.charCount(cp);
    return next < s.length() && isDigitSeparator(s.charAt(next)) && isLetterOrDigit(cp)
        && (i == 0 || !isLetterOrDigit(s.charAt(i - 1)));
  }

  /** {@link Character#isLetterOrDigit(int)} with a table for ASCII. */
  private static boolean isLetterOrDigit(int cp) {
    return cp < 0x80 ? ASCII_LETTER_OR_DIGIT[cp] : Character.isLetterOrDigit(cp);
  }

  private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
    }
  }

  private static boolean isDigitSeparator(char c) {
    return c == ' ' || c == '.' || c == '-';
  }

  /** Printable ASCII that no rule of the slow path changes: not whitespace, markup or '@'. */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (char c = 0x21; c < 0x7f; c++) {
      PLAIN[c] = !isMarkupTrigger(c) && c != '@';
    }
    for (char c = 0; c < 0x80; c++) {
      ASCII_CLASS[c] = (PLAIN[c] ? C_PLAIN : 0) | (Character.isLetterOrDigit(c) ? C_LETTER_OR_DIGIT : 0);
    }
  }

  private static boolean isMarkupTrigger(int c) {
    return c < 0x80 && MARKUP_TRIGGER[c];
  }


  /** Unicode dashes and minus signs that stand for '-' inside a number run. */
  private static boolean isDash(int cp) {
    return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isWhitespace(int cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C
        || cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
  }

  /** Zero-width characters, bidi controls, soft hyphen, BOM, other C0/C1 controls. */
  static boolean isIgnorable(int cp) {
    return (cp >= 0x200B && cp <= 0x200F)
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2060 && cp <= 0x2069)
        || cp == 0xFEFF || cp == 0x00AD || cp == 0x180E || cp == 0x034F
        || (cp < 0x20) || (cp >= 0x7F && cp < 0xA0)
        || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
        || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE); // lone surrogate: the chars of type SURROGATE
  }

  /**
   * Memoized folds of BMP code points: NFKC per code point is costly (9 ms/KB on runs of combining
   * marks before this table). Filled lazily; a racy fill is benign since Strings are immutable and
   * every thread computes the same value.
   */
  private static final String[] BMP_FOLD = new String[0x10000];

  private static String fold(int cp) {
    if (cp < 0x80) {
      return ASCII[cp];
    }
    if (cp < 0x10000) {
      String f = BMP_FOLD[cp];
      if (f == null) {
        f = computeFold(cp);
        BMP_FOLD[cp] = f;
      }
      return f;
    }
    return computeFold(cp);
  }

  private static String computeFold(int cp) {
    if (cp < CONFUSABLE.length && CONFUSABLE[cp] != 0) {
      return ASCII[CONFUSABLE[cp]];
    }
    if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
      int d = Character.digit(cp, 10);
      if (d >= 0) {
        return ASCII['0' + d];
      }
    }
    String one = new String(Character.toChars(cp));
    String nfkc = java.text.Normalizer.normalize(one, java.text.Normalizer.Form.NFKC);
    if (nfkc.length() == 1 && nfkc.charAt(0) < 0x80) {
      return ASCII[nfkc.charAt(0)];
    }
    if (nfkc.isEmpty()) {
      return one;
    }
    // Fold digits and confusables that NFKC produced (e.g. full-width forms).
    StringBuilder b = null;
    for (int k = 0; k < nfkc.length(); k++) {
      char c = nfkc.charAt(k);
      char r = c < CONFUSABLE.length && CONFUSABLE[c] != 0 ? CONFUSABLE[c] : c;
      if (r != c) {
        if (b == null) {
          b = new StringBuilder(nfkc);
        }
        b.setCharAt(k, r);
      }
    }
    return b == null ? nfkc : b.toString();
  }

  private static final String[] ASCII = new String[0x80];

  static {
    for (int c = 0; c < 0x80; c++) {
      ASCII[c] = String.valueOf((char) c);
    }
  }
}
