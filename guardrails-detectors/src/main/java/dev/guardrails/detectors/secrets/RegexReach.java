package dev.guardrails.detectors.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * The longest text, in UTF-16 chars, that an RE2 regex can match: read from its source, so that a
 * rule's regex runs on a window no wider than a match around a keyword hit can reach (a rule whose
 * match is at most 20 chars long needs 20 chars on either side of its keyword, not 64 before and
 * 320 after).
 *
 * <p>Conservative: an atom that can match a code point outside the Basic Multilingual Plane (the
 * dot, a negated class, {@code \S}, {@code \p{..}}...) counts two chars; an unbounded repeat
 * ({@code *}, {@code +}, {@code {n,}}) makes the regex {@link #UNBOUNDED}; so does syntax this
 * reader does not know, so that a regex it misreads gets the widest window, never a narrower one.
 * Zero-width assertions ({@code ^ $ \b \B \A \z}) and flag groups count nothing.
 *
 * <p>The bound says where a match holding a keyword hit can lie only if every match holds a
 * keyword: {@link #holdsKeyword} tells (airtable's {@code pat...} token has its keyword elsewhere).
 *
 * <p>A walk over the rule's {@link RegexTree}. Stateless and thread-safe.
 */
final class RegexReach {

  /** The result for a regex whose matches have no bound (or that this reader cannot bound). */
  static final int UNBOUNDED = Integer.MAX_VALUE;

  /** Lower-case keywords for {@link #holdsKeyword}; empty for {@link #maxLength}. */
  private final List<String> keywords;
  /** Set by {@link #atom}: the literal char it matched, or -1 when it is no single literal. */
  private int literal;
  /** Set by {@link #atom}: the lower-case text of a group of literal chars only ({@code (?:or)}), else null. */
  private String literalText;
  /** Set by {@link #alternation} and {@link #atom}: every match of what was read holds a keyword. */
  private boolean holds;
  /** Set by {@link #repeat}: whether a quantifier followed the atom, and whether it allows zero. */
  private boolean quantified;
  private boolean optional;

  /** Read the shortest match instead of the longest ({@link #fixedLength}). */
  private final boolean shortest;

  private RegexReach(List<String> keywords, boolean shortest) {
    this.keywords = keywords;
    this.shortest = shortest;
  }

  /**
   * Returns the most chars a match of {@code regex} (RE2 syntax) can span, or {@link #UNBOUNDED}.
   *
   * @param regex the regex source
   * @return the longest match in chars, or {@link #UNBOUNDED}
   */
  static int maxLength(String regex) {
    RegexTree t = RegexTree.of(regex);
    if (t.root == null) {
      return UNBOUNDED; // syntax not understood here: the widest window
    }
    try {
      long m = new RegexReach(List.of(), false).alternation(t.root);
      return m < UNBOUNDED ? (int) m : UNBOUNDED;
    } catch (RuntimeException e) {
      return UNBOUNDED;
    }
  }

  /**
   * Whether every match of {@code regex} is exactly {@code length} chars long: its shortest match
   * (a wide atom counted one char) and its longest (counted two) are both that long.
   *
   * @param regex the regex source
   * @param length the length to test, below {@link #UNBOUNDED}
   * @return true only if every match is {@code length} chars long
   */
  static boolean fixedLength(String regex, int length) {
    if (maxLength(regex) != length) {
      return false;
    }
    try {
      return new RegexReach(List.of(), true).alternation(RegexTree.of(regex).root) == length;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether every match of {@code regex} holds one of {@code keywords} (case-insensitively):
   * some run of literal chars that every match must pass through (not under an optional
   * quantifier or one branch of an alternation; every branch of a group when it is the group)
   * contains a keyword. False when unsure.
   *
   * @param regex the regex source
   * @param keywords the rule's keywords, lower case
   * @return true only if every match holds a keyword
   */
  static boolean holdsKeyword(String regex, List<String> keywords) {
    RegexTree t = RegexTree.of(regex);
    if (t.root == null) {
      return false;
    }
    try {
      RegexReach r = new RegexReach(keywords, false);
      r.alternation(t.root);
      return r.holds;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether group 1 of {@code regex} always spans the whole match: the regex is one capturing
   * group with only zero-width tokens around it ({@code (?i)}, {@code \\b}, {@code ^} before;
   * {@code \\b}, {@code $} after), as in {@code \\b((?:AKIA|ASIA)[A-Z2-7]{16})\\b}. The secret
   * is then the match, and reading it needs no second, capturing run of the regex.
   *
   * @param regex the regex source
   * @return true only if group 1 is the whole match
   */
  static boolean wholeGroup(String regex) {
    int i = 0;
    int j = regex.length();
    while (true) {
      java.util.regex.Matcher m = LEADING_ZERO_WIDTH.matcher(regex).region(i, j);
      if (!m.lookingAt()) {
        break;
      }
      i = m.end();
    }
    while (j > i) {
      if (regex.startsWith("$", j - 1) && !escaped(regex, j - 1)) {
        j--;
      } else if (regex.startsWith("\\b", j - 2) && !escaped(regex, j - 2)) {
        j -= 2;
      } else {
        break;
      }
    }
    if (i >= j || regex.charAt(i) != '(' || (regex.startsWith("(?", i) && !regex.startsWith("(?P<", i))) {
      return false;
    }
    RegexTree t = RegexTree.of(regex);
    if (t.root == null || t.root.branches().size() != 1) {
      return false; // a group before a top-level '|' cannot reach the end
    }
    for (RegexTree.Piece p : t.root.branches().get(0)) {
      if (p.start() == i) {
        try {
          new RegexReach(List.of(), false).atom(p.atom()); // the group reads as this reader reads it
        } catch (RuntimeException e) {
          return false;
        }
        return p.end() == j;
      }
    }
    return false;
  }

  /** A flag group, {@code \\b} or {@code ^} at the start. */
  private static final java.util.regex.Pattern LEADING_ZERO_WIDTH =
      java.util.regex.Pattern.compile("\\(\\?[imsU-]*\\)|\\\\b|\\^");

  /** Whether the char at {@code at} is escaped by an odd run of backslashes before it. */
  private static boolean escaped(String s, int at) {
    int k = 0;
    while (at - k - 1 >= 0 && s.charAt(at - k - 1) == '\\') {
      k++;
    }
    return k % 2 == 1;
  }

  private long alternation(RegexTree.Alt alt) {
    long best = 0;
    boolean all = true;
    boolean firstBranch = true;
    for (List<RegexTree.Piece> branch : alt.branches()) {
      long b = sequence(branch);
      best = firstBranch ? b : shortest ? Math.min(best, b) : Math.max(best, b);
      all &= holds;
      firstBranch = false;
    }
    holds = all;
    return best;
  }

  private long sequence(List<RegexTree.Piece> pieces) {
    long sum = 0;
    boolean any = false;
    // the literal runs a match may pass through here: one, or more after an optional literal group
    // (passw(?:or)?d passes through "passwd" or "password")
    List<StringBuilder> runs = new ArrayList<>(List.of(new StringBuilder()));
    for (RegexTree.Piece p : pieces) {
      long a = atom(p.atom());
      int lit = literal;
      String text = literalText;
      boolean atomHolds = holds;
      long r = repeat(a, p.quants());
      // exactly "?": present or not
      boolean maybe = p.quants().size() == 1 && p.quants().get(0).end() == p.end() + 1 && p.quants().get(0).max() == 1
          && p.quants().get(0).min() == 0;
      sum = add(sum, r);
      if (lit >= 0 && !quantified) {
        for (StringBuilder run : runs) {
          run.append(Character.toLowerCase((char) lit));
        }
      } else if (text != null && (!quantified || (maybe && runs.size() <= 8))) {
        int size = runs.size();
        for (int k = 0; k < size; k++) {
          StringBuilder with = new StringBuilder(runs.get(k)).append(text);
          if (quantified) {
            runs.add(with);
          } else {
            runs.set(k, with);
          }
        }
      } else if (a == 0 && !quantified) {
        continue; // zero-width (\b, ^, (?i)): the literal run goes on
      } else {
        any |= runsHold(runs);
        runs = new ArrayList<>(List.of(new StringBuilder()));
        any |= atomHolds && !optional;
      }
    }
    any |= runsHold(runs);
    holds = any;
    return sum;
  }

  /** Whether every one of the runs holds a keyword. */
  private boolean runsHold(List<StringBuilder> runs) {
    for (StringBuilder run : runs) {
      if (!runHolds(run)) {
        return false;
      }
    }
    return true;
  }

  private boolean runHolds(CharSequence run) {
    String r = run.toString();
    for (String k : keywords) {
      if (r.contains(k)) {
        return true;
      }
    }
    return false;
  }

  /** Applies the quantifiers after an atom of at most {@code a} chars. */
  private long repeat(long a, List<RegexTree.Quant> quants) {
    quantified = false;
    optional = false;
    for (RegexTree.Quant q : quants) {
      optional |= q.min() == 0;
      if (shortest) {
        a = q.min() == 0 ? 0 : mul(a, q.min());
      } else {
        a = q.unbounded() ? (a == 0 ? 0 : UNBOUNDED) : mul(a, q.max());
      }
      quantified = true;
    }
    return a;
  }

  private long atom(RegexTree.Node n) {
    literal = -1;
    literalText = null;
    holds = false;
    if (n instanceof RegexTree.Group g) {
      long m = alternation(g.alt());
      literal = -1;
      literalText = g.body().matches("[A-Za-z0-9_]+") ? g.body().toLowerCase(java.util.Locale.ROOT) : null;
      return m;
    }
    if (n instanceof RegexTree.Cls c) {
      return charClass(c);
    }
    if (n instanceof RegexTree.Esc e) {
      return escape(e);
    }
    if (n instanceof RegexTree.Dot) {
      return shortest ? 1 : 2;
    }
    if (n instanceof RegexTree.Lit l) {
      literal = l.c();
      return 1; // a literal; a supplementary literal is two source chars, counted one each
    }
    return 0; // ^ $ and flags only, (?i)
  }

  private long charClass(RegexTree.Cls cls) {
    boolean wide = cls.negated();
    int lower = -1; // the one char, folded, that every plain char of the class folds to, or -2
    boolean dash = false;
    for (RegexTree.Node item : cls.items()) {
      if (item instanceof RegexTree.Lit l && l.c() != '[') {
        int f = Character.toLowerCase(l.c());
        lower = lower == -1 || lower == f ? f : -2;
        dash |= l.c() == '-';
        wide |= Character.isSurrogate(l.c());
      } else {
        lower = -2;
        if (item instanceof RegexTree.Esc e) {
          wide |= escape(e) > 1;
        }
      }
    }
    // [Aa]: one char in either case is a literal for keyword runs (keywords match in any case)
    literal = !wide && lower >= 0 && !dash ? lower : -1;
    return wide && !shortest ? 2 : 1;
  }

  private long escape(RegexTree.Esc esc) {
    if (esc.zeroWidth()) {
      return 0;
    }
    if (esc.wide()) {
      return shortest ? 1 : 2;
    }
    char e = esc.letter();
    switch (e) {
      case 'x':
        if (!esc.hexOk()) {
          throw new IllegalArgumentException("unreadable \\x");
        }
        return esc.cp() > 0xFFFF && !shortest ? 2 : 1;
      case 'Q':
        throw new IllegalArgumentException("\\Q not read here");
      default:
        if (e >= '0' && e <= '7') {
          throw new IllegalArgumentException("octal escape not read here");
        }
        if (!Character.isLetterOrDigit(e)) {
          literal = e; // \. \- \/: the char itself
        }
        return 1;
    }
  }

  private static long add(long a, long b) {
    return a >= UNBOUNDED || b >= UNBOUNDED ? UNBOUNDED : Math.min(UNBOUNDED, a + b);
  }

  private static long mul(long a, long k) {
    return a >= UNBOUNDED ? UNBOUNDED : Math.min(UNBOUNDED, a * k);
  }
}
