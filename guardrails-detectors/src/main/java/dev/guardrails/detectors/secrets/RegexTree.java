package dev.guardrails.detectors.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * One read of an RE2 regex source into a small immutable tree, for the analyses that bound a
 * rule's matches ({@link RegexReach}, {@link RunTail}, {@link KeywordLed}, {@link RunFloor}): each
 * is a walk over this tree. The tree keeps what those walks need and nothing more: literal chars,
 * escapes (their letter, and the value of {@code \x}), the dot, the anchors {@code ^ $}, bracketed
 * classes as the list of their items, groups (and flag-only groups such as {@code (?i)}),
 * alternations of sequences, and each atom's quantifiers with their bounds.
 *
 * <p>Lenient where the analyses differ: an escape is kept by its letter (each analysis says which
 * letters it reads and refuses the others), a class keeps its items unranged ({@code a-z} is
 * {@code a}, {@code -}, {@code z}; each analysis pairs them as it reads ranges), a malformed
 * {@code \x} value is kept as unreadable. What no analysis reads fails here: an unclosed group,
 * class, class name or brace, a group header that is not RE2's, a quantifier with nothing to
 * repeat, an unmatched {@code )}, an escape at the end. Such a source parses to a tree with no
 * {@link #root} and the {@link #error} message, and every analysis gives its "unknown" answer.
 *
 * <p>Built at load time, never while scanning. Immutable and thread-safe; {@link #of} keeps the
 * last tree it built, so that the analyses run one after another on one rule's source read it once.
 */
final class RegexTree {

  /** A node of the tree. */
  sealed interface Node permits Lit, Esc, Dot, Anchor, Posix, Cls, Group, Flags, Alt {}

  /** A literal char, as written (a surrogate half of a supplementary literal is one of two). */
  record Lit(char c) implements Node {}

  /**
   * A backslash escape outside or inside a class: its {@code letter} (the char after the
   * backslash); for {@code \x}, the code point {@code cp} when {@code hexOk}.
   */
  record Esc(char letter, int cp, boolean hexOk) implements Node {

    /** The zero-width assertions {@code \b \B \A \z}. */
    boolean zeroWidth() {
      return letter == 'b' || letter == 'B' || letter == 'A' || letter == 'z';
    }

    /**
     * The classes read as "any char, a supplementary code point too": {@code \S \W \D \C} and
     * {@code \p}, {@code \P} with any class name.
     */
    boolean wide() {
      return "SWDCpP".indexOf(letter) >= 0;
    }
  }

  /** The dot. */
  record Dot() implements Node {}

  /** {@code ^} or {@code $}. */
  record Anchor(char c) implements Node {}

  /** A POSIX class name inside a class, {@code [:alpha:]}. */
  record Posix(String name) implements Node {}

  /**
   * A bracketed class: {@code negated} for {@code [^...]}; its items in order: {@link Lit} (a
   * plain char, a range's {@code -} among them), {@link Esc} and {@link Posix}.
   */
  record Cls(boolean negated, List<Node> items) implements Node {

    /**
     * The index of the range end paired with the item at {@code i} when a plain {@code -} follows
     * it and is not the class's last item; else -1. Each analysis asks only for items it reads as
     * a range's start.
     */
    int rangeEnd(int i) {
      return i + 2 < items.size() && items.get(i + 1) instanceof Lit l && l.c() == '-' ? i + 2 : -1;
    }
  }

  /**
   * A group with a body: capturing, named or non-capturing ({@code capturing} for the first two,
   * which RE2 numbers in the order of their opening parentheses); {@code body} is its source text.
   */
  record Group(Alt alt, String body, boolean capturing) implements Node {}

  /** A flag-only group, {@code (?i)}: matches the empty string. */
  record Flags() implements Node {}

  /** An alternation of sequences (one branch for a plain sequence). */
  record Alt(List<List<Piece>> branches) implements Node {

    /** Reads each branch with {@code branch} and joins the results left to right with {@code or}. */
    <T> T reduce(java.util.function.Function<List<Piece>, T> branch, java.util.function.BinaryOperator<T> or) {
      T acc = null;
      for (List<Piece> b : branches) {
        T r = branch.apply(b);
        acc = acc == null ? r : or.apply(acc, r);
      }
      return acc;
    }
  }

  /**
   * A quantifier: at least {@code min}, at most {@code max} ({@link RegexSyntax#UNBOUNDED_MAX} for
   * none) repetitions, written at source positions {@code [at, end)}, a lazy {@code ?} included.
   */
  record Quant(long min, long max, int at, int end) {

    boolean unbounded() {
      return max == RegexSyntax.UNBOUNDED_MAX;
    }
  }

  /**
   * One atom of a sequence and the quantifiers after it, in order; the atom spans source
   * positions {@code [start, end)}.
   */
  record Piece(Node atom, int start, int end, List<Quant> quants) {}

  /** The source read. */
  final String source;
  /** The whole regex, or null when the source could not be read. */
  final Alt root;
  /** Why the source could not be read, or null. */
  final String error;
  /**
   * A case-insensitive flag anywhere in the source ({@code (?i)}, {@code (?-s:i...)}...), as the
   * analyses that fold classes read it: letters match either case, and chars above U+00FF.
   */
  final boolean fold;

  private RegexTree(String source, Alt root, String error) {
    this.source = source;
    this.root = root;
    this.error = error;
    this.fold = source.matches("(?s).*\\(\\?[a-zA-Z]*i.*");
  }

  /** The last tree built, so that analyses of one source in a row share one read. */
  private static volatile RegexTree last;

  /**
   * The tree of {@code regex}: read now, or the one just read for the same source.
   *
   * @param regex the regex source (RE2 syntax)
   * @return its tree; with a null {@link #root} when the source could not be read
   */
  static RegexTree of(String regex) {
    RegexTree t = last;
    if (t != null && t.source.equals(regex)) {
      return t;
    }
    Parser p = new Parser(regex);
    try {
      Alt a = p.alternation();
      if (p.pos != regex.length()) {
        throw new IllegalArgumentException("unmatched ) at " + p.pos);
      }
      t = new RegexTree(regex, a, null);
    } catch (RuntimeException e) {
      t = new RegexTree(regex, null, String.valueOf(e.getMessage()));
    }
    last = t;
    return t;
  }

  /** The recursive-descent reader; positions as {@link RegexSyntax} counts them. */
  private static final class Parser {
    private final String re;
    int pos;

    Parser(String re) {
      this.re = re;
    }

    Alt alternation() {
      List<List<Piece>> branches = new ArrayList<>();
      branches.add(sequence());
      while (pos < re.length() && re.charAt(pos) == '|') {
        pos++;
        branches.add(sequence());
      }
      return new Alt(List.copyOf(branches));
    }

    private List<Piece> sequence() {
      List<Piece> pieces = new ArrayList<>();
      while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
        int start = pos;
        Node a = atom();
        int end = pos;
        List<Quant> qs = List.of();
        for (RegexSyntax.Quantifier q; (q = RegexSyntax.quantifier(re, pos)) != null; ) {
          if (qs.isEmpty()) {
            qs = new ArrayList<>(1);
          }
          qs.add(new Quant(q.min(), q.max(), pos, q.end()));
          pos = q.end();
        }
        pieces.add(new Piece(a, start, end, List.copyOf(qs)));
      }
      return List.copyOf(pieces);
    }

    private Node atom() {
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
          return new Anchor(c);
        case '.':
          return new Dot();
        case '*':
        case '+':
        case '?':
          throw new IllegalArgumentException("unexpected char at " + (pos - 1));
        default:
          return new Lit(c);
      }
    }

    private Node group() {
      boolean capturing = !re.startsWith("?", pos) || re.startsWith("?P<", pos) || re.startsWith("?<", pos);
      int body = RegexSyntax.groupBody(re, pos);
      if (body < 0) {
        pos = ~body;
        return new Flags();
      }
      pos = body;
      Alt a = alternation();
      if (pos >= re.length() || re.charAt(pos) != ')') {
        throw new IllegalArgumentException("unclosed group");
      }
      String text = re.substring(body, pos);
      pos++;
      return new Group(a, text, capturing);
    }

    private Node charClass() {
      boolean negated = re.startsWith("^", pos);
      if (negated) {
        pos++;
      }
      List<Node> items = new ArrayList<>();
      while (true) {
        char c = re.charAt(pos);
        if (c == ']' && !items.isEmpty()) {
          pos++;
          return new Cls(negated, List.copyOf(items));
        }
        if (re.startsWith("[:", pos)) {
          int close = re.indexOf(":]", pos + 2);
          if (close < 0) {
            throw new IllegalArgumentException("unclosed class name");
          }
          items.add(new Posix(re.substring(pos + 2, close)));
          pos = close + 2;
        } else if (c == '\\') {
          pos++;
          items.add(escape());
        } else {
          items.add(new Lit(c));
          pos++;
        }
      }
    }

    /** After a backslash: the escape, with the argument of {@code \p}, {@code \P} or {@code \x}. */
    private Esc escape() {
      char e = re.charAt(pos++);
      int cp = 0;
      boolean hexOk = false;
      if (e == 'x') {
        try {
          cp = RegexSyntax.hexValue(re, pos);
          hexOk = true;
        } catch (NumberFormatException | IndexOutOfBoundsException ex) {
          // unreadable digits: kept, each analysis that needs the value refuses it
        }
      }
      if (e == 'p' || e == 'P' || e == 'x') {
        pos = RegexSyntax.afterArgument(re, pos, e == 'x' ? 2 : 1);
        if (pos > re.length()) {
          throw new IllegalArgumentException("escape argument past the end");
        }
      }
      return new Esc(e, cp, hexOk);
    }
  }
}
