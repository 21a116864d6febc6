package dev.guardrails.detectors.secrets;

/**
 * Where a match of an RE2 regex with one unbounded run can end: read from the regex source, the
 * shape "at most {@code pre} chars, then a run of chars of one class, then at most {@code post}
 * chars" that every match fits. A rule whose value is an unbounded run ({@code generic-api-key}'s
 * {@code [a-z0-9][a-z0-9+/]{11,}}) then needs a window only to where that run stops in the text,
 * not the fixed 6,000 chars after its keyword.
 *
 * <p>If every match holds a keyword hit at {@code hit}, a match starts at or before {@code hit}, so
 * its run starts at or before {@code hit + pre}; the run is all chars of its class, so it ends at
 * or before the first char at or after {@code hit + pre} outside the class; the match ends at most
 * {@code post} chars later ({@link #end}).
 *
 * <p>Conservative like {@link RegexReach}: an unbounded repeat of anything but a single-char atom,
 * two unbounded runs in one branch, or syntax this reader does not know give no shape ({@link
 * #of} returns null); a class is read as a superset when unsure ({@code \p{..}}, POSIX classes and
 * negated classes hold every char above U+00FF; a regex with a case-insensitive flag anywhere folds
 * every class). Chars above U+00FF are one entry: in the class or not.
 *
 * <p>Immutable and thread-safe.
 */
final class RunTail {

  /** Chars before the run, at most. */
  final int pre;
  /** Chars after the run, at most. */
  final int post;
  /** The run's class: index {@code c} for chars up to U+00FF, index 256 for every char above. */
  private final boolean[] cls;

  private RunTail(int pre, boolean[] cls, int post) {
    this.pre = pre;
    this.cls = cls;
    this.post = post;
  }

  /** Whether {@code c} may be in the run. */
  boolean inRun(char c) {
    return cls[Math.min(c, 256)];
  }

  /**
   * The end (exclusive) past which no match holding the hit at {@code hit} reaches in {@code s},
   * plus one char of context for {@code \b} and {@code $}; at most {@code limit}.
   */
  int end(CharSequence s, int hit, int limit) {
    int p = hit + pre;
    if (p >= limit) {
      return limit;
    }
    while (p < limit && inRun(s.charAt(p))) {
      p++;
    }
    return (int) Math.min(limit, (long) p + post + 1);
  }

  /**
   * Reads the shape of {@code regex}, or returns null when it has no unbounded run, more than one
   * in a branch, or syntax not read here.
   *
   * @param regex the regex source (RE2 syntax)
   * @return the shape, or null
   */
  static RunTail of(String regex) {
    RegexTree t = RegexTree.of(regex);
    if (t.root == null) {
      return null;
    }
    try {
      Shape s = new Reader(t.fold).alternation(t.root);
      if (!s.unbounded || s.pre >= RegexReach.UNBOUNDED || s.post >= RegexReach.UNBOUNDED) {
        return null;
      }
      return new RunTail((int) s.pre, s.cls, (int) s.post);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A node's shape: bounded ({@code max} chars) or {@code pre} + run of {@code cls} + {@code post}. */
  private static final class Shape {
    long max;
    boolean unbounded;
    long pre;
    long post;
    /** For a bounded one-char atom, the chars it matches; for an unbounded shape, the run's class. */
    boolean[] cls;
    /** A single-char atom (literal, class, dot, escape): the only thing an unbounded repeat may repeat. */
    boolean oneChar;

    static Shape bounded(long max) {
      Shape s = new Shape();
      s.max = max;
      return s;
    }

    static Shape atom(long max, boolean[] cls) {
      Shape s = bounded(max);
      s.cls = cls;
      s.oneChar = true;
      return s;
    }

    /** As the prefix length a bounded node adds before a run. */
    long asPre() {
      return unbounded ? pre : max;
    }
  }

  /** The walk over a {@link RegexTree}. */
  private static final class Reader {
    private final boolean fold;

    Reader(boolean fold) {
      this.fold = fold;
    }

    Shape alternation(RegexTree.Alt alt) {
      return alt.reduce(this::sequence, Reader::either);
    }

    private static Shape either(Shape a, Shape b) {
      if (!a.unbounded && !b.unbounded) {
        return Shape.bounded(Math.max(a.max, b.max));
      }
      Shape s = new Shape();
      s.unbounded = true;
      s.pre = Math.max(a.asPre(), b.asPre());
      s.post = Math.max(a.unbounded ? a.post : 0, b.unbounded ? b.post : 0);
      s.cls = new boolean[257];
      for (Shape x : new Shape[] {a, b}) {
        if (x.unbounded) {
          for (int c = 0; c < 257; c++) {
            s.cls[c] |= x.cls[c];
          }
        }
      }
      return s;
    }

    private static Shape then(Shape a, Shape b) {
      if (a.unbounded && b.unbounded) {
        throw new IllegalArgumentException("two runs");
      }
      if (!a.unbounded && !b.unbounded) {
        return Shape.bounded(add(a.max, b.max));
      }
      Shape s = new Shape();
      s.unbounded = true;
      if (b.unbounded) {
        s.pre = add(a.max, b.pre);
        s.cls = b.cls;
        s.post = b.post;
      } else {
        s.pre = a.pre;
        s.cls = a.cls;
        s.post = add(a.post, b.max);
      }
      return s;
    }

    private Shape sequence(java.util.List<RegexTree.Piece> pieces) {
      Shape sum = Shape.bounded(0);
      for (RegexTree.Piece p : pieces) {
        sum = then(sum, repeat(atom(p.atom()), p.quants()));
      }
      return sum;
    }

    private Shape repeat(Shape a, java.util.List<RegexTree.Quant> quants) {
      for (RegexTree.Quant q : quants) {
        if (q.unbounded()) {
          if (a.unbounded || !a.oneChar) {
            if (a.max == 0 && !a.unbounded) {
              continue; // a zero-width atom repeated
            }
            throw new IllegalArgumentException("unbounded repeat of a group");
          }
          Shape s = new Shape();
          s.unbounded = true;
          s.cls = a.cls;
          a = s;
        } else if (a.unbounded) {
          if (q.max() > 1) {
            throw new IllegalArgumentException("repeated run");
          } // ? and {0,1}, {1}: the run itself, which fits the empty match too
        } else {
          a = Shape.bounded(a.max >= RegexReach.UNBOUNDED ? RegexReach.UNBOUNDED
              : Math.min(RegexReach.UNBOUNDED, a.max * q.max()));
        }
      }
      return a;
    }

    private Shape atom(RegexTree.Node n) {
      if (n instanceof RegexTree.Group g) {
        Shape s = alternation(g.alt());
        s.oneChar = false;
        return s;
      }
      if (n instanceof RegexTree.Cls c) {
        return charClass(c);
      }
      if (n instanceof RegexTree.Esc e) {
        boolean[] cls = new boolean[257];
        long w = escape(e, cls);
        return w == 0 ? Shape.bounded(0) : Shape.atom(w, folded(cls));
      }
      if (n instanceof RegexTree.Dot) {
        return Shape.atom(2, all());
      }
      if (n instanceof RegexTree.Lit l) {
        char c = l.c();
        if (Character.isSurrogate(c)) {
          throw new IllegalArgumentException("supplementary literal");
        }
        boolean[] cls = new boolean[257];
        cls[Math.min(c, 256)] = true;
        return Shape.atom(1, folded(cls));
      }
      return Shape.bounded(0); // ^ $ and flags only, (?i)
    }

    private Shape charClass(RegexTree.Cls c) {
      boolean[] cls = new boolean[257];
      java.util.List<RegexTree.Node> items = c.items();
      for (int i = 0; i < items.size(); i++) {
        RegexTree.Node item = items.get(i);
        if (item instanceof RegexTree.Posix) {
          java.util.Arrays.fill(cls, true); // any POSIX class: read as every char
          continue;
        }
        int lo = charOf(item);
        if (lo < 0) {
          escape((RegexTree.Esc) item, cls); // \w, \s, \d...: no range can start here
          continue;
        }
        if (item instanceof RegexTree.Lit l && Character.isSurrogate(l.c())) {
          throw new IllegalArgumentException("supplementary char in a class");
        }
        int hi = lo;
        int end = c.rangeEnd(i);
        if (end >= 0) {
          hi = charOf(items.get(end));
          if (hi < 0) {
            throw new IllegalArgumentException("range to a class");
          }
          i = end;
        }
        for (int x = lo; x <= hi; x++) {
          cls[Math.min(x, 256)] = true;
        }
      }
      if (c.negated()) {
        for (int x = 0; x < 257; x++) {
          cls[x] = !cls[x];
        }
        cls[256] = true;
      }
      return Shape.atom(cls[256] ? 2 : 1, folded(cls));
    }

    /** The one char a class item stands for (a plain char, or an escape of one char), or -1. */
    private int charOf(RegexTree.Node item) {
      if (item instanceof RegexTree.Lit l) {
        return l.c();
      }
      if (item instanceof RegexTree.Esc e) {
        boolean[] one = new boolean[257];
        escape(e, one);
        return single(one);
      }
      return -1; // a class name
    }

    /** The one char a class holds, or -1. */
    private static int single(boolean[] cls) {
      int found = -1;
      for (int x = 0; x < 257; x++) {
        if (cls[x]) {
          if (found >= 0) {
            return -1;
          }
          found = x;
        }
      }
      return found == 256 ? -1 : found;
    }

    /** Reads an escape into {@code cls}; returns its width (0 for an assertion). */
    private long escape(RegexTree.Esc esc, boolean[] cls) {
      if (esc.zeroWidth()) {
        return 0;
      }
      if (esc.wide()) {
        java.util.Arrays.fill(cls, true);
        return 2;
      }
      char e = esc.letter();
      switch (e) {
        case 'd':
          range(cls, '0', '9');
          return 1;
        case 'w':
          range(cls, '0', '9');
          range(cls, 'a', 'z');
          range(cls, 'A', 'Z');
          cls['_'] = true;
          return 1;
        case 's':
          for (char c : "\t\n\u000B\f\r ".toCharArray()) {
            cls[c] = true;
          }
          return 1;
        case 'n':
          cls['\n'] = true;
          return 1;
        case 'r':
          cls['\r'] = true;
          return 1;
        case 't':
          cls['\t'] = true;
          return 1;
        case 'f':
          cls['\f'] = true;
          return 1;
        case 'v':
          cls[0x0B] = true;
          return 1;
        case 'x': {
          if (!esc.hexOk()) {
            throw new IllegalArgumentException("unreadable \\x");
          }
          int cp = esc.cp();
          cls[Math.min(cp, 256)] = true;
          return cp > 0xFFFF ? 2 : 1;
        }
        default:
          if (Character.isLetterOrDigit(e)) {
            throw new IllegalArgumentException("escape not read here");
          }
          cls[Math.min(e, 256)] = true; // \. \- \/ \\: the char itself
          return 1;
      }
    }

    /**
     * Under a case-insensitive flag, the class with both cases of its letters; a class holding any
     * letter also holds every char above U+00FF (RE2 folds k to the Kelvin sign, s to the long s),
     * and any char from U+0080 up brings all of them.
     */
    private boolean[] folded(boolean[] cls) {
      if (!fold) {
        return cls;
      }
      if (cls[256]) {
        return all(); // a char above U+00FF may fold to an ASCII letter (the Kelvin sign to k)
      }
      boolean letter = false;
      boolean high = false;
      for (int c = 0; c < 257; c++) {
        if (cls[c]) {
          letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
          high |= c >= 0x80;
        }
      }
      boolean[] out = cls.clone();
      for (int c = 'a'; c <= 'z'; c++) {
        boolean either = cls[c] || cls[c - 32];
        out[c] = either;
        out[c - 32] = either;
      }
      if (letter || high) {
        out[256] = true;
      }
      if (high) {
        for (int c = 0x80; c < 256; c++) {
          out[c] = true;
        }
      }
      return out;
    }

    private static void range(boolean[] cls, char lo, char hi) {
      for (char c = lo; c <= hi; c++) {
        cls[c] = true;
      }
    }

    private static boolean[] all() {
      boolean[] cls = new boolean[257];
      java.util.Arrays.fill(cls, true);
      return cls;
    }

    private static long add(long a, long b) {
      return a >= RegexReach.UNBOUNDED || b >= RegexReach.UNBOUNDED ? RegexReach.UNBOUNDED
          : Math.min(RegexReach.UNBOUNDED, a + b);
    }
  }
}
