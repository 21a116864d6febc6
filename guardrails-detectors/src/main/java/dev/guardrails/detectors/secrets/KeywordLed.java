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
 * <p>A walk over the rule's {@link RegexTree}. Stateless and thread-safe.
 */
final class KeywordLed {

  private KeywordLed() {}

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
    RegexTree t = RegexTree.of(regex);
    if (t.root == null) {
      return false;
    }
    try {
      Lead l = alternation(t.root, t.source);
      for (String s : l.texts) {
        String low = s.toLowerCase(Locale.ROOT);
        if (keywords.stream().noneMatch(k -> !k.isEmpty() && low.startsWith(k))) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Lead alternation(RegexTree.Alt alt, String source) {
    return alt.reduce(b -> sequence(b, source), (a, b) -> {
      Set<String> u = new LinkedHashSet<>(a.texts);
      u.addAll(b.texts);
      return new Lead(u, a.complete && b.complete);
    });
  }

  private static Lead sequence(List<RegexTree.Piece> pieces, String source) {
    Texts t = new Texts();
    for (RegexTree.Piece p : pieces) {
      List<RegexTree.Quant> qs = p.quants();
      RegexTree.Quant q = qs.isEmpty() ? null : qs.get(0);
      if (qs.size() > 1) {
        // a second quantifier (a+*, a{2}{3}) is not RE2: such a rule never compiles, so no answer
        throw new IllegalArgumentException("second quantifier at " + qs.get(1).at());
      }
      t.then(atom(p.atom(), source), q == null ? ONCE : q.min() == 0 && q.max() == 1 ? MAYBE : MANY);
    }
    return new Lead(t.texts, t.complete);
  }

  /** The literal texts a sequence read so far starts with. */
  private static final class Texts {
    Set<String> texts = new LinkedHashSet<>(Set.of(""));
    boolean complete = true;

    /** Appends atom {@code a} under quantifier {@code q}. */
    void then(Lead a, int q) {
      if (!complete || (a == Lead.ZERO && q != MANY)) {
        return;
      }
      if (a == null || q == MANY || (q == MAYBE && !a.complete)) {
        complete = false;
        return;
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
  }

  private static final int ONCE = 0;
  private static final int MAYBE = 1;
  private static final int MANY = 2;

  /** One atom: its literal texts, {@link Lead#ZERO} for a zero-width one, null for a class or any char. */
  private static Lead atom(RegexTree.Node n, String source) {
    if (n instanceof RegexTree.Group g) {
      return alternation(g.alt(), source);
    }
    if (n instanceof RegexTree.Cls c) {
      return charClass(c);
    }
    if (n instanceof RegexTree.Esc e) {
      return escape(e);
    }
    if (n instanceof RegexTree.Dot) {
      return null;
    }
    if (n instanceof RegexTree.Lit l) {
      if (Character.isSurrogate(l.c())) {
        throw new IllegalArgumentException("supplementary literal");
      }
      return new Lead(Set.of(String.valueOf(l.c())), true);
    }
    return Lead.ZERO; // ^ $ and flags only, (?i)
  }

  /**
   * A class of a few plain chars is one literal text per char ({@code [os]} starts "o" or "s";
   * {@code [Aa]} is "a"); a range, an escape, a class name or a negation makes it no literal (null).
   */
  private static Lead charClass(RegexTree.Cls c) {
    boolean other = c.negated();
    List<Character> plain = new ArrayList<>();
    List<RegexTree.Node> items = c.items();
    for (int i = 0; i < items.size(); i++) {
      RegexTree.Node item = items.get(i);
      if (item instanceof RegexTree.Lit l) {
        if (l.c() == '-' && i > 0 && i < items.size() - 1) {
          other = true; // a range
        }
        plain.add(l.c());
      } else {
        if (item instanceof RegexTree.Esc e) {
          escape(e);
        }
        other = true;
      }
    }
    if (other) {
      return null;
    }
    Set<String> texts = new LinkedHashSet<>();
    for (char ch : plain) {
      if (ch >= 128) {
        return null;
      }
      texts.add(String.valueOf(Character.toLowerCase(ch)));
    }
    return texts.size() <= 4 ? new Lead(texts, true) : null;
  }

  /** An escape: a zero-width assertion, an escaped punctuation literal, or a class (null). */
  private static Lead escape(RegexTree.Esc esc) {
    if (esc.zeroWidth()) {
      return Lead.ZERO;
    }
    char e = esc.letter();
    switch (e) {
      case 'p':
      case 'P':
      case 'x':
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
