package dev.guardrails.detectors.secrets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether every match of an RE2 regex starts with one of a rule's keywords: read from the source,
 * the literal texts every match must start with ({@code \b((?:A3T[A-Z0-9]|AKIA|ASIA)...)} starts
 * with {@code A3T}, {@code AKIA} or {@code ASIA}), each of which must begin with a keyword (case
 * aside). Such a rule's match starts at a keyword hit, so its window needs one char before the hit
 * (for {@code \b}), not the longest match's length.
 *
 * <p>Conservative: a class of ranges or escapes, the dot, a quantified atom or syntax this reader
 * does not know ends a literal text; a class of up to four plain chars is one literal text per
 * char ({@code [Aa]} is {@code a}, {@code xox[os]} spells {@code xoxo} or {@code xoxs}). An empty
 * literal text, or more than 64 of them, gives false.
 *
 * <p>Stateless and thread-safe.
 */
final class KeywordLed {

  private final String re;
  private int pos;

  private KeywordLed(String re) {
    this.re = re;
  }

  /** Literal texts that every match of a node starts with; {@code complete} when they are its whole matches. */
  private record Lead(Set<String> texts, boolean complete) {
    static final Lead ZERO = new Lead(Set.of(""), true);
  }

  /**
   * Returns true only if every match of {@code regex} starts with one of {@code keywords}.
   *
   * @param regex the regex source (RE2 syntax)
   * @param keywords the rule's keywords, lower case
   * @return true only if every match starts with a keyword
   */
  static boolean test(String regex, List<String> keywords) {
    KeywordLed r = new KeywordLed(regex);
    try {
      Lead l = r.alternation();
      if (r.pos != regex.length()) {
        return false;
      }
      for (String t : l.texts) {
        String low = t.toLowerCase(Locale.ROOT);
        if (keywords.stream().noneMatch(k -> !k.isEmpty() && low.startsWith(k))) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Lead alternation() {
    Lead a = sequence();
    while (pos < re.length() && re.charAt(pos) == '|') {
      pos++;
      Lead b = sequence();
      Set<String> u = new LinkedHashSet<>(a.texts);
      u.addAll(b.texts);
      a = new Lead(u, a.complete && b.complete);
    }
    return a;
  }

  private Lead sequence() {
    Set<String> texts = new LinkedHashSet<>(Set.of(""));
    boolean complete = true;
    while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
      Lead a = atom();
      int q = quantifier();
      if (!complete || (a == Lead.ZERO && q != MANY)) {
        continue;
      }
      if (a == null || q == MANY || (q == MAYBE && !a.complete)) {
        complete = false;
        continue;
      }
      Set<String> next = new LinkedHashSet<>();
      for (String t : texts) {
        if (q == MAYBE) {
          next.add(t); // passw(?:or)?d: without the group, or with it
        }
        for (String u : a.texts) {
          next.add(t + u);
        }
      }
      if (next.size() > 64) {
        throw new IllegalArgumentException("too many literal texts");
      }
      texts = next;
      complete = a.complete;
    }
    return new Lead(texts, complete);
  }

  private static final int ONCE = 0;
  private static final int MAYBE = 1;
  private static final int MANY = 2;

  /** Reads a quantifier if one follows: {@link #ONCE} (none), {@link #MAYBE} ({@code ?}) or {@link #MANY} (any other). */
  private int quantifier() {
    RegexSyntax.Quantifier q = RegexSyntax.quantifier(re, pos);
    if (q == null) {
      return ONCE;
    }
    pos = q.end();
    return q.min() == 0 && q.max() == 1 ? MAYBE : MANY;
  }

  /** One atom: its literal texts, {@link Lead#ZERO} for a zero-width one, null for a class or any char. */
  private Lead atom() {
    char c = re.charAt(pos++);
    switch (c) {
      case '(':
        return group();
      case '[':
        return charClass();
      case '\\':
        return escape();
      case '^':
      case '$':
        return Lead.ZERO;
      case '.':
        return null;
      case '*':
      case '+':
      case '?':
      case ')':
        throw new IllegalArgumentException("unexpected char at " + (pos - 1));
      default:
        if (Character.isSurrogate(c)) {
          throw new IllegalArgumentException("supplementary literal");
        }
        return new Lead(Set.of(String.valueOf(c)), true);
    }
  }

  private Lead group() {
    int body = RegexSyntax.groupBody(re, pos);
    if (body < 0) {
      pos = ~body;
      return Lead.ZERO; // flags only, (?i)
    }
    pos = body;
    Lead l = alternation();
    if (pos >= re.length() || re.charAt(pos) != ')') {
      throw new IllegalArgumentException("unclosed group");
    }
    pos++;
    return l;
  }

  /** Skips a class; {@code [Aa]} (one ASCII letter in both cases) reads as that letter. */
  private Lead charClass() {
    int start = pos;
    boolean first = true;
    List<Character> plain = new ArrayList<>();
    boolean other = re.startsWith("^", pos);
    if (other) {
      pos++;
    }
    while (true) {
      char c = re.charAt(pos);
      if (c == ']' && !first) {
        pos++;
        break;
      }
      first = false;
      if (re.startsWith("[:", pos)) {
        int close = re.indexOf(":]", pos + 2);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed class name");
        }
        pos = close + 2;
        other = true;
        continue;
      }
      if (c == '\\') {
        pos++;
        escape();
        other = true;
        continue;
      }
      if (c == '-' && pos > start && re.charAt(pos + 1) != ']') {
        other = true; // a range
      }
      plain.add(c);
      pos++;
    }
    if (other) {
      return null;
    }
    // a few plain chars: one literal text each ([os] starts "o" or "s"; [Aa] is "a")
    Set<String> texts = new LinkedHashSet<>();
    for (char c : plain) {
      if (c >= 128) {
        return null;
      }
      texts.add(String.valueOf(Character.toLowerCase(c)));
    }
    return texts.size() <= 4 ? new Lead(texts, true) : null;
  }

  /** After a backslash: a zero-width assertion, an escaped punctuation literal, or a class (null). */
  private Lead escape() {
    char e = re.charAt(pos++);
    switch (e) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        return Lead.ZERO;
      case 'p':
      case 'P':
      case 'x':
        pos = RegexSyntax.afterArgument(re, pos, e == 'x' ? 2 : 1);
        return null;
      case 'Q':
        throw new IllegalArgumentException("\\Q not read here");
      default:
        if (Character.isLetterOrDigit(e)) {
          return null; // \d, \w, \s, \n...: not a literal read here
        }
        return new Lead(Set.of(String.valueOf(e)), true);
    }
  }
}
