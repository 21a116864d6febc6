package dev.guardrails.detectors.secrets;

/**
 * The lexical pieces of RE2 syntax that {@link RegexTree} reads a rule's regex source with: group
 * headers, quantifiers, and the braced or fixed-width arguments of {@code \p}, {@code \P} and
 * {@code \x}. Positions go in and come out. Read once per rule at load time, never while scanning.
 * Errors are {@link IllegalArgumentException}s naming what is malformed.
 */
final class RegexSyntax {

  private RegexSyntax() {}

  /**
   * Where a group's body starts, given the position just after its {@code (}: after a
   * {@code ?P<name>}, {@code ?<name>} or {@code ?flags:} header, or right there for a plain group.
   * A flags-only group such as {@code (?i)} has no body: the result is then {@code ~end}
   * (negative), {@code end} being the position after its {@code )}.
   */
  static int groupBody(String re, int pos) {
    if (!re.startsWith("?", pos)) {
      return pos;
    }
    pos++;
    if (re.startsWith("P<", pos) || re.startsWith("<", pos)) {
      int end = re.indexOf('>', pos) + 1; // a named group
      if (end == 0) {
        throw new IllegalArgumentException("unclosed group name");
      }
      return end;
    }
    while (pos < re.length() && "imsU-".indexOf(re.charAt(pos)) >= 0) {
      pos++;
    }
    char c = re.charAt(pos++);
    if (c == ')') {
      return ~pos; // flags only, (?i)
    }
    if (c != ':') {
      throw new IllegalArgumentException("unknown group at " + pos);
    }
    return pos;
  }

  /**
   * The position after the argument of {@code \p}, {@code \P} or {@code \x} that starts at
   * {@code pos}: a braced one ({@code {Greek}}, {@code {10FFFF}}) or {@code plain} chars
   * (1 for a one-letter class name, 2 for two hex digits).
   */
  static int afterArgument(String re, int pos, int plain) {
    return re.startsWith("{", pos) ? closingBrace(re, pos) + 1 : pos + plain;
  }

  /** The code point of the {@code \x} argument at {@code pos}: two hex digits or a braced value. */
  static int hexValue(String re, int pos) {
    String h = re.startsWith("{", pos) ? re.substring(pos + 1, closingBrace(re, pos)) : re.substring(pos, pos + 2);
    return Integer.parseInt(h, 16);
  }

  /**
   * A quantifier read from the source: at least {@code min} repetitions, at most {@code max}
   * ({@link #UNBOUNDED_MAX} for {@code *}, {@code +} and {@code {n,}}); {@code end} is the position
   * after it, a lazy {@code ?} included (lazy and greedy match the same strings).
   */
  record Quantifier(long min, long max, int end) {

    /** True for {@code *}, {@code +} and {@code {n,}}. */
    boolean unbounded() {
      return max == UNBOUNDED_MAX;
    }
  }

  /** {@link Quantifier#max()} of a quantifier with no upper bound. */
  static final long UNBOUNDED_MAX = -1;

  /**
   * The quantifier at {@code pos} ({@code *}, {@code +}, {@code ?}, {@code {n}}, {@code {n,}},
   * {@code {n,m}}), or null when none starts there: the end of the source, another char, or an
   * opening brace that is a literal because no count follows it.
   */
  static Quantifier quantifier(String re, int pos) {
    if (pos >= re.length()) {
      return null;
    }
    char c = re.charAt(pos);
    long min;
    long max;
    int end;
    if (c == '*' || c == '+' || c == '?') {
      min = c == '+' ? 1 : 0;
      max = c == '?' ? 1 : UNBOUNDED_MAX;
      end = pos + 1;
    } else if (c == '{') {
      int close = re.indexOf('}', pos);
      String spec = close < 0 ? "" : re.substring(pos + 1, close);
      if (!spec.matches("[0-9]+(,[0-9]*)?")) {
        return null; // a literal '{', read as the next atom
      }
      int comma = spec.indexOf(',');
      min = Long.parseLong(comma < 0 ? spec : spec.substring(0, comma));
      max = comma < 0 ? min : comma == spec.length() - 1 ? UNBOUNDED_MAX : Long.parseLong(spec.substring(comma + 1));
      end = close + 1;
    } else {
      return null;
    }
    if (end < re.length() && re.charAt(end) == '?') {
      end++; // lazy: the same matches
    }
    return new Quantifier(min, max, end);
  }

  private static int closingBrace(String re, int pos) {
    int close = re.indexOf('}', pos);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed brace");
    }
    return close;
  }
}
