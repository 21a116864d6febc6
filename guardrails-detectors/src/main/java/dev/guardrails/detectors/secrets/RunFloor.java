package dev.guardrails.detectors.secrets;

/**
 * How long a run of token chars every match of an RE2 regex must hold: read from the regex
 * source, so that the keyword prefilter looks for a rule's keywords only near runs that long
 * ({@code \b((?:AKIA|ASIA)[A-Z2-7]{16})\b} holds a run of 20, {@code generic-api-key}'s value
 * {@code [\w.=-]{10,}} one of 10). English prose has few runs of ten or more such chars.
 *
 * <p>The run chars ({@link #isRunChar}) are the ASCII chars from {@code '+'} up except
 * {@code ','}, and {@code '"'}: letters, digits, most signs and the double quote (so that a quoted
 * eight-char value, {@code hashicorp-tf-password}'s, is a run of ten), a class a text's one-byte
 * view tests in a few operations per eight bytes ({@link #runMask}). The class holds the hand
 * scanners' token chars ({@link SecretDetector#skipPlain}'s, DEL included), so one pass finds the
 * runs of both. Chars above U+00FF are {@code '?'} in that
 * view and count as run chars, so that a case-insensitive class, which RE2 lets match the Kelvin
 * sign for {@code k} and the long s for {@code s}, stays inside the run class.
 *
 * <p>Conservative: an atom counts as a run char only when every char it can match is one; an
 * optional or repeated part counts its shortest form; an alternation its weakest branch; syntax
 * this reader does not know gives 0 (no floor: the rule's keywords are looked for everywhere).
 *
 * <p>Stateless and thread-safe.
 */
final class RunFloor {

  private RunFloor() {}

  /** Whether byte {@code c} (a char of the one-byte view) is a run char. */
  static boolean isRunChar(int c) {
    return (c >= '+' && c <= 0x7F && c != ',') || c == '"';
  }

  /**
   * Per byte of the little-endian eight-byte load {@code w}, the high bit set where the byte is
   * a run char ({@link #isRunChar}).
   */
  static long runMask(long w) {
    long x = Swar.low7(w);
    return Swar.ascii(w) & ((Swar.atLeast(x, '+') & ~Swar.is(x, ',')) | Swar.is(x, '"')) & Swar.HIGH;
  }

  /** {@link Floor#end} when no bound is known. */
  static final int UNBOUNDED = RegexReach.UNBOUNDED;

  /**
   * A run every match holds: at least {@code run} run chars in a row, ending at most {@code end}
   * chars after the match's start ({@link #UNBOUNDED} when this reader knows no such bound). A
   * {@code run} of 0 says nothing.
   */
  record Floor(int run, int end) {}

  /**
   * The run of run chars that every match of {@code regex} holds (the longest such guarantee read
   * here) and how far into the match it ends; a run of 0 when there is none or the syntax is not
   * read here.
   *
   * @param regex the regex source (RE2 syntax)
   * @return the guaranteed run, {@code run} 0 if none
   */
  static Floor of(String regex) {
    Reader r = new Reader(regex, regex.matches("(?s).*\\(\\?[a-zA-Z]*i.*"));
    try {
      Node n = r.alternation();
      if (r.pos != regex.length()) {
        return new Floor(0, UNBOUNDED);
      }
      return new Floor((int) Math.min(Integer.MAX_VALUE, n.in), (int) Math.min(UNBOUNDED, n.end));
    } catch (RuntimeException e) {
      return new Floor(0, UNBOUNDED);
    }
  }

  /** The longest match of {@code regex} in chars as this reader counts it, or {@link #UNBOUNDED}. */
  static int maxLength(String regex) {
    Reader r = new Reader(regex, regex.matches("(?s).*\\(\\?[a-zA-Z]*i.*"));
    try {
      Node n = r.alternation();
      return r.pos == regex.length() ? (int) Math.min(UNBOUNDED, n.max) : UNBOUNDED;
    } catch (RuntimeException e) {
      return UNBOUNDED;
    }
  }

  private static long add(long a, long b) {
    return Math.min(UNBOUNDED, a + b);
  }

  private static long mul(long a, long k) {
    return a == 0 || k == 0 ? 0 : a >= UNBOUNDED || k >= UNBOUNDED ? UNBOUNDED : Math.min(UNBOUNDED, a * k);
  }

  /**
   * What every match of a piece of regex guarantees: whether it is all run chars ({@code full},
   * then {@code min} is its shortest length); its longest length in chars ({@code max}, a char that
   * may be a supplementary code point counted two); the shortest run of run chars it starts with
   * ({@code pre}) and ends with ({@code suf}); a run of at least {@code in} chars it holds, ending
   * at most {@code end} chars after its start.
   */
  private record Node(boolean full, long min, long max, long pre, long suf, long in, long end) {

    static Node full(long min, long max) {
      return new Node(true, min, max, min, min, min, min);
    }

    static Node broken(long max) {
      return new Node(false, 0, max, 0, 0, 0, 0);
    }

    Node then(Node b) {
      long mx = add(max, b.max);
      if (full && b.full) {
        return full(add(min, b.min), mx);
      }
      long p = full ? add(min, b.pre) : pre;
      long s = b.full ? add(suf, b.min) : b.suf;
      // the longest of: this node's run, the next node's (after at most max chars), the run across the seam
      long bestIn = in;
      long bestEnd = end;
      long[][] cands = {{b.in, add(max, b.end)}, {add(suf, b.pre), add(max, b.pre)}};
      for (long[] c : cands) {
        if (c[0] > bestIn || (c[0] == bestIn && c[1] < bestEnd)) {
          bestIn = c[0];
          bestEnd = c[1];
        }
      }
      return new Node(false, 0, mx, p, s, bestIn, bestEnd);
    }

    Node or(Node b) {
      long mx = Math.max(max, b.max);
      if (full && b.full) {
        return full(Math.min(min, b.min), mx);
      }
      return new Node(false, 0, mx, Math.min(pre, b.pre), Math.min(suf, b.suf), Math.min(in, b.in),
          Math.max(end, b.end));
    }

    Node times(long lo, long hi) {
      long mx = hi == RegexSyntax.UNBOUNDED_MAX ? (max == 0 ? 0 : UNBOUNDED) : mul(max, hi);
      if (lo == 0) {
        return full ? full(0, mx) : broken(mx);
      }
      if (full) {
        return full(mul(min, lo), mx);
      }
      if (lo >= 2 && add(suf, pre) > in) {
        return new Node(false, 0, mx, pre, suf, add(suf, pre), add(max, pre));
      }
      return new Node(false, 0, mx, pre, suf, in, end);
    }
  }

  private static final class Reader {
    private final String re;
    /** A case-insensitive flag anywhere: letters match either case, and chars above U+00FF. */
    private final boolean fold;
    int pos;

    Reader(String re, boolean fold) {
      this.re = re;
      this.fold = fold;
    }

    Node alternation() {
      Node n = sequence();
      while (pos < re.length() && re.charAt(pos) == '|') {
        pos++;
        n = n.or(sequence());
      }
      return n;
    }

    private Node sequence() {
      Node n = Node.full(0, 0);
      while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
        Node a = atom();
        for (RegexSyntax.Quantifier q; (q = RegexSyntax.quantifier(re, pos)) != null; ) {
          pos = q.end();
          a = a.times(q.min(), q.max());
        }
        n = n.then(a);
      }
      return n;
    }

    private Node atom() {
      char c = re.charAt(pos++);
      switch (c) {
        case '(':
          return group();
        case '[':
          return charClass();
        case '\\':
          return escapeAtom();
        case '^':
        case '$':
          return Node.full(0, 0);
        case '.':
          return Node.broken(2);
        case '*':
        case '+':
        case '?':
        case ')':
          throw new IllegalArgumentException("unexpected char at " + (pos - 1));
        default:
          if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("supplementary literal");
          }
          return one(c) ? Node.full(1, 1) : Node.broken(1);
      }
    }

    /** Whether the literal {@code c} (either case under a fold) is a run char. */
    private boolean one(char c) {
      return c <= 0xFF && isRunChar(c) && (!fold || isRunChar(Character.toLowerCase(c)) && isRunChar(Character.toUpperCase(c)));
    }

    private Node group() {
      int body = RegexSyntax.groupBody(re, pos);
      if (body < 0) {
        pos = ~body;
        return Node.full(0, 0); // flags only, (?i)
      }
      pos = body;
      Node n = alternation();
      if (pos >= re.length() || re.charAt(pos) != ')') {
        throw new IllegalArgumentException("unclosed group");
      }
      pos++;
      return n;
    }

    private Node escapeAtom() {
      char e = re.charAt(pos++);
      switch (e) {
        case 'b':
        case 'B':
        case 'A':
        case 'z':
          return Node.full(0, 0);
        case 'd':
        case 'w':
          return Node.full(1, 1);
        case 'S':
        case 'W':
        case 'D':
        case 'C':
          return Node.broken(2);
        case 'p':
        case 'P':
          pos = RegexSyntax.afterArgument(re, pos, 1);
          return Node.broken(2);
        case 'x': {
          int cp = RegexSyntax.hexValue(re, pos);
          pos = RegexSyntax.afterArgument(re, pos, 2);
          return cp <= 0xFF && one((char) cp) ? Node.full(1, 1) : Node.broken(cp > 0xFFFF ? 2 : 1);
        }
        default:
          if (Character.isLetterOrDigit(e)) {
            return Node.broken(1); // \s, \n, \t...: not run chars
          }
          return one(e) ? Node.full(1, 1) : Node.broken(1); // \. \- \/: the char itself
      }
    }

    /** A bracketed class: full when every char it can match is a run char. */
    private Node charClass() {
      boolean negated = re.startsWith("^", pos);
      if (negated) {
        pos++;
      }
      boolean all = !negated; // a negated class matches chars outside any run (a space)
      boolean wide = negated; // a char that may be a supplementary code point counts two
      boolean first = true;
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
          String name = re.substring(pos + 2, close);
          all &= name.equals("alnum") || name.equals("alpha") || name.equals("digit") || name.equals("upper")
              || name.equals("lower") || name.equals("xdigit") || name.equals("word");
          pos = close + 2;
          continue;
        }
        int lo;
        if (c == '\\') {
          pos++;
          char e = re.charAt(pos++);
          if (e == 'd' || e == 'w') {
            continue;
          }
          if (e == 'x') {
            lo = RegexSyntax.hexValue(re, pos);
            pos = RegexSyntax.afterArgument(re, pos, 2);
          } else if (e == 'p' || e == 'P') {
            pos = RegexSyntax.afterArgument(re, pos, 1);
            all = false;
            wide = true;
            continue;
          } else if (Character.isLetterOrDigit(e)) {
            all = false; // \s, \S, \W, \D, \n, \r, \t...
            wide |= e == 'S' || e == 'W' || e == 'D' || e == 'C';
            continue;
          } else {
            lo = e;
          }
        } else {
          if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("supplementary char in a class");
          }
          pos++;
          lo = c;
        }
        int hi = lo;
        if (re.startsWith("-", pos) && !re.startsWith("-]", pos)) {
          pos++;
          char d = re.charAt(pos++);
          if (d == '\\') {
            char e = re.charAt(pos++);
            if (e == 'x') {
              hi = RegexSyntax.hexValue(re, pos);
              pos = RegexSyntax.afterArgument(re, pos, 2);
            } else if (Character.isLetterOrDigit(e)) {
              throw new IllegalArgumentException("range to a class");
            } else {
              hi = e;
            }
          } else {
            hi = d;
          }
        }
        for (int x = lo; x <= hi && all; x++) {
          all = x <= 0xFF && one((char) x);
        }
      }
      return all ? Node.full(1, 1) : Node.broken(wide ? 2 : 1);
    }
  }
}
