package dev.guardrails.detectors.secrets;

import dev.guardrails.detectors.internal.Swar;

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
 * <p>A walk over the rule's {@link RegexTree}. Stateless and thread-safe.
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
    return of(regex, 0, 0);
  }

  /**
   * As {@link #of(String)}, for a rule that reports only matches whose capture {@code capture}
   * (numbered as RE2 numbers them, from 1; 0 for none) is at least {@code minLength} chars long:
   * where that capture is all run chars, is neither repeated nor optional (no quantifier on it or
   * around it) and is never empty, it counts as a run of at least {@code minLength}. A rule's
   * entropy threshold sets such a length ({@link #entropyLength}): {@code generic-api-key}'s value
   * {@code [\w.=-]{10,}} must be twelve chars long to pass 3.5 bits.
   *
   * @param regex the regex source (RE2 syntax)
   * @param capture the capture that must be {@code minLength} long, or 0
   * @param minLength its least length in the matches that count
   * @return the guaranteed run, {@code run} 0 if none
   */
  static Floor of(String regex, int capture, int minLength) {
    RegexTree t = RegexTree.of(regex);
    if (t.root == null) {
      return new Floor(0, UNBOUNDED);
    }
    try {
      Node n = new Reader(t.fold, capture, minLength).alternation(t.root);
      return new Floor((int) Math.min(Integer.MAX_VALUE, n.in), (int) Math.min(UNBOUNDED, n.end));
    } catch (RuntimeException e) {
      return new Floor(0, UNBOUNDED); // syntax not read here
    }
  }

  /**
   * The least length of a string whose Shannon entropy (bits per char, {@link
   * SecretText#entropy}) can exceed {@code bits}: a string of {@code L} chars has at most
   * {@code log2(L)} bits per char, so a rule that drops secrets of {@code bits} or less drops every
   * shorter one ({@code 3.5} bits: 12 chars; a margin of 1e-9 bits keeps the bound below the
   * rounding of the computed entropy). 0 for no threshold.
   */
  static int entropyLength(double bits) {
    if (!(bits > 0)) {
      return 0;
    }
    int len = 1;
    while (Math.log(len) / Math.log(2) < bits - 1e-9) {
      len++;
    }
    return len;
  }

  /** The number of capturing groups in {@code regex}, or -1 when it cannot be read. */
  static int captures(String regex) {
    RegexTree t = RegexTree.of(regex);
    if (t.root == null) {
      return -1;
    }
    int[] count = new int[1];
    countCaptures(t.root, count);
    return count[0];
  }

  private static void countCaptures(RegexTree.Alt alt, int[] count) {
    for (java.util.List<RegexTree.Piece> branch : alt.branches()) {
      for (RegexTree.Piece p : branch) {
        if (p.atom() instanceof RegexTree.Group g) {
          count[0] += g.capturing() ? 1 : 0;
          countCaptures(g.alt(), count);
        }
      }
    }
  }

  /** The longest match of {@code regex} in chars as this reader counts it, or {@link #UNBOUNDED}. */
  static int maxLength(String regex) {
    RegexTree t = RegexTree.of(regex);
    if (t.root == null) {
      return UNBOUNDED;
    }
    try {
      return (int) Math.min(UNBOUNDED, new Reader(t.fold, 0, 0).alternation(t.root).max);
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

  /** The walk over a {@link RegexTree}. */
  private static final class Reader {
    /** A case-insensitive flag anywhere: letters match either case, and chars above U+00FF. */
    private final boolean fold;
    /** The capture that must be {@link #minLength} long in a match that counts (0: none), and that length. */
    private final int capture;
    private final long minLength;
    /** Captures opened so far, in source order (RE2's numbering). */
    private int seen;
    /** How many quantified pieces the walk is inside: a capture there may be repeated or absent. */
    private int quantified;

    Reader(boolean fold, int capture, int minLength) {
      this.fold = fold;
      this.capture = capture;
      this.minLength = minLength;
    }

    Node alternation(RegexTree.Alt alt) {
      return alt.reduce(this::sequence, Node::or);
    }

    private Node sequence(java.util.List<RegexTree.Piece> pieces) {
      Node n = Node.full(0, 0);
      for (RegexTree.Piece p : pieces) {
        boolean q0 = !p.quants().isEmpty();
        quantified += q0 ? 1 : 0;
        Node a = atom(p.atom());
        quantified -= q0 ? 1 : 0;
        for (RegexTree.Quant q : p.quants()) {
          a = a.times(q.min(), q.max());
        }
        n = n.then(a);
      }
      return n;
    }

    private Node atom(RegexTree.Node n) {
      if (n instanceof RegexTree.Group g) {
        int id = g.capturing() ? ++seen : 0;
        Node a = alternation(g.alt());
        if (id != 0 && id == capture && quantified == 0 && a.full && a.min >= 1 && a.min < minLength) {
          // the capture is the reported secret (never empty, once per match): no shorter one counts
          return Node.full(minLength, Math.max(a.max, minLength));
        }
        return a;
      }
      if (n instanceof RegexTree.Cls c) {
        return charClass(c);
      }
      if (n instanceof RegexTree.Esc e) {
        return escapeAtom(e);
      }
      if (n instanceof RegexTree.Dot) {
        return Node.broken(2);
      }
      if (n instanceof RegexTree.Lit l) {
        if (Character.isSurrogate(l.c())) {
          throw new IllegalArgumentException("supplementary literal");
        }
        return one(l.c()) ? Node.full(1, 1) : Node.broken(1);
      }
      return Node.full(0, 0); // ^ $ and flags only, (?i)
    }

    /** Whether the literal {@code c} (either case under a fold) is a run char. */
    private boolean one(char c) {
      return c <= 0xFF && isRunChar(c) && (!fold || isRunChar(Character.toLowerCase(c)) && isRunChar(Character.toUpperCase(c)));
    }

    private Node escapeAtom(RegexTree.Esc esc) {
      if (esc.zeroWidth()) {
        return Node.full(0, 0);
      }
      if (esc.wide()) {
        return Node.broken(2);
      }
      char e = esc.letter();
      switch (e) {
        case 'd':
        case 'w':
          return Node.full(1, 1);
        case 'x': {
          int cp = hex(esc);
          return cp <= 0xFF && one((char) cp) ? Node.full(1, 1) : Node.broken(cp > 0xFFFF ? 2 : 1);
        }
        default:
          if (Character.isLetterOrDigit(e)) {
            return Node.broken(1); // \s, \n, \t...: not run chars
          }
          return one(e) ? Node.full(1, 1) : Node.broken(1); // \. \- \/: the char itself
      }
    }

    private static int hex(RegexTree.Esc esc) {
      if (!esc.hexOk()) {
        throw new IllegalArgumentException("unreadable \\x");
      }
      return esc.cp();
    }

    /** A bracketed class: full when every char it can match is a run char. */
    private Node charClass(RegexTree.Cls c) {
      boolean all = !c.negated(); // a negated class matches chars outside any run (a space)
      boolean wide = c.negated(); // a char that may be a supplementary code point counts two
      java.util.List<RegexTree.Node> items = c.items();
      for (int i = 0; i < items.size(); i++) {
        RegexTree.Node item = items.get(i);
        if (item instanceof RegexTree.Posix p) {
          String name = p.name();
          all &= name.equals("alnum") || name.equals("alpha") || name.equals("digit") || name.equals("upper")
              || name.equals("lower") || name.equals("xdigit") || name.equals("word");
          continue;
        }
        int lo;
        if (item instanceof RegexTree.Esc esc) {
          char e = esc.letter();
          if (e == 'd' || e == 'w') {
            continue;
          }
          if (e == 'x') {
            lo = hex(esc);
          } else if (Character.isLetterOrDigit(e)) {
            all = false; // \s, \S, \W, \D, \p{..}, \n, \r, \t...
            wide |= esc.wide();
            continue;
          } else {
            lo = e;
          }
        } else {
          char ch = ((RegexTree.Lit) item).c();
          if (Character.isSurrogate(ch)) {
            throw new IllegalArgumentException("supplementary char in a class");
          }
          lo = ch;
        }
        int hi = lo;
        int end = c.rangeEnd(i);
        if (end >= 0) {
          RegexTree.Node d = items.get(end);
          if (d instanceof RegexTree.Lit l) {
            hi = l.c();
          } else if (d instanceof RegexTree.Esc e && e.letter() == 'x') {
            hi = hex(e);
          } else if (d instanceof RegexTree.Esc e && !Character.isLetterOrDigit(e.letter())) {
            hi = e.letter();
          } else {
            throw new IllegalArgumentException("range to a class");
          }
          i = end;
        }
        for (int x = lo; x <= hi && all; x++) {
          all = x <= 0xFF && one((char) x);
        }
      }
      return all ? Node.full(1, 1) : Node.broken(wide ? 2 : 1);
    }
  }
}
