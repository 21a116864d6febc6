package dev.guardrails.detectors.secrets;

import dev.guardrails.detectors.internal.Swar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value-first prefilter of {@link GitleaksRules}: where in a text a keyword hit can lead to a
 * candidate, so that the keyword search ({@link Keywords}) runs only there instead of over the
 * whole text. Every match of a rule holds a run of run chars ({@link RunFloor}: letters, digits
 * and most signs) at least as long as its regex demands ({@code \b((?:AKIA|ASIA)[A-Z2-7]{16})\b}
 * a run of 20), and English prose has few runs of ten or more such chars (about 7,000 per MB, most
 * of them long words). One pass eight bytes at
 * a time finds the runs of at least {@link #MIN_RUN} chars; each opens, for the rules it is long
 * enough for, the range of hit starts from which a rule's window could see it:
 *
 * <ul>
 *   <li><b>led</b>: a rule whose matches start with a keyword ({@link KeywordLed}) and hold their
 *       run within their first {@code end} chars: hits from {@code end - run} chars before the
 *       run's start to {@code run} chars before its end;
 *   <li><b>bounded</b>: a rule whose matches hold a keyword and are at most {@code reach} chars
 *       long ({@link RegexReach}): hits within {@code reach - run} chars of the run;
 *   <li><b>operator</b>: a rule of gitleaks' generic shape ({@code key ... = value}) whose value
 *       holds a run of {@code run}: the run must have an operator char ({@code = > : | ,}) at most
 *       as far before it as the value part allows (and, for a rule whose value starts with one char
 *       after the operator's trail, that char after it: {@link #leadLiteral}), and hits lie before
 *       that operator by at most the key part's longest length;
 *   <li><b>window</b>: any other rule, whose regex runs on a fixed window around each hit: hits whose
 *       window, widened by the rule's longest match (chained windows), can reach the run.
 * </ul>
 *
 * <p>A rule's run counts its secret at the length its entropy threshold demands ({@link
 * RunFloor#entropyLength}: {@code generic-api-key}'s 3.5 bits, 12 chars). A rule whose every keyword is itself a run of ten or more ({@code freemius-secret-key}'s
 * {@code secret_key}) is found inside the runs. A rule whose run is shorter than {@link #MIN_RUN},
 * or shorter than {@link #SHORT} with its hits outside the run, is gated by a trigger literal
 * instead ({@link #TRIGGERS}): a literal every match of its regex holds ({@link
 * RegexReach#holdsKeyword}), found by one char rare in prose tested in the same pass ({@code -h}
 * and {@code -u} for the curl rules, {@code kind:} for {@code kubernetes-secret-yaml}), which opens
 * the hit starts whose windows could hold it, twice over for windows that chain. A rule neither
 * gates ({@link #searchAll}) sends the search back over the whole text.
 *
 * <p>The result marks 16-char blocks ({@link #blocks}); a hit outside them has a window that holds
 * no possible match, so the candidates are those of the search over the whole text (tested on
 * random texts of every rule's keys and near-misses, and on gitleaks' rule examples).
 *
 * <p>Immutable and thread-safe.
 */
final class RunGate {

  /** The shortest run that opens a range: shorter runs are every long word. */
  static final int MIN_RUN = 10;
  /**
   * Runs shorter than this are still common in prose (long words): on them only the operator
   * rules' check runs, and the keywords of rules whose hit lies inside the run are compared in
   * place; a rule gated on shorter runs with a range outside the run is looked for everywhere.
   */
  static final int SHORT = 13;
  /** Run lengths from here on share one table entry. */
  private static final int CAP = 512;
  /** The operators' last chars ({@code = > : | ,}); see {@link GitleaksRules}'s generic gate. */
  private static final boolean[] OP = new boolean[256];

  static {
    for (char c : "=>:|,".toCharArray()) {
      OP[c] = true;
    }
  }

  /** Per run length (capped, from {@link #SHORT}), the range of hit starts {@code [a + lo, b + hi]} of the non-operator rules it serves. */
  private final int[] lo = new int[CAP + 1];
  private final int[] hi = new int[CAP + 1];
  /**
   * The operator rules' gates: the rules whose value need not start with a given char first, then
   * one per char ({@link OpGate#lit}) that some rules' values start with ({@code hashicorp-tf-password}'s
   * {@code "}).
   */
  private final OpGate[] ops;

  /**
   * Per run length, for a set of operator rules: an operator char at {@code o} in {@code [a - back, b - run)}
   * (followed by {@link #lit} within {@link #litReach} + 1 chars, when there is one) opens the hit
   * starts {@code [o - key, o + fwd]}.
   */
  private static final class OpGate {
    final int[] back = new int[CAP + 1];
    final int[] run = new int[CAP + 1];
    final int[] key = new int[CAP + 1];
    final int[] fwd = new int[CAP + 1];
    /** The char every value of these rules starts with after the operator, or -1 for none. */
    final int lit;
    /** How many chars (of the operator's trail, {@code [`'"\s=]{0,5}}) may stand between. */
    final int litReach;

    OpGate(int lit, int litReach) {
      this.lit = lit;
      this.litReach = litReach;
      java.util.Arrays.fill(back, Integer.MIN_VALUE);
      java.util.Arrays.fill(run, Integer.MAX_VALUE);
      java.util.Arrays.fill(key, Integer.MIN_VALUE);
      java.util.Arrays.fill(fwd, Integer.MIN_VALUE);
    }

    /** Whether the char at {@code q} may be the operator's last: {@link #lit} follows soon enough. */
    boolean follows(byte[] b, int n, int q) {
      if (lit < 0) {
        return true;
      }
      for (int p = q + 1, to = Math.min(n, q + 2 + litReach); p < to; p++) {
        if (b[p] == lit) {
          return true;
        }
      }
      return false;
    }
  }
  /** Keywords (lower case) of the rules whose hit lies inside a run shorter than {@link #SHORT}: compared in place. */
  private final byte[][] inRun;
  /** The first bytes of {@link #inRun}, both cases. */
  private final boolean[] inRunFirst = new boolean[256];
  /**
   * The trigger literals ({@link #TRIGGERS}) in use, lower case, each with the offset of the char
   * the pass tests ({@link #TRIGGER_AT}) and how far around an occurrence keyword hits are kept
   * ({@link #triggerReach}); empty when no rule needs one.
   */
  private final byte[][] triggers;
  private final int[] triggerAt;
  private final int[] triggerReach;
  /** The tested chars of the triggers in use, by byte. */
  private final boolean[] triggerChar = new boolean[256];
  /** A rule has neither a run nor a trigger to gate it: the keyword search runs over the whole text. */
  final boolean searchAll;
  /**
   * For each rule, how it is gated: "led", "bounded", "operator", "window", "in-run", "trigger"
   * and its literals, or "everywhere".
   */
  final List<String> kinds;
  /** The keywords of rules neither a run nor a trigger gates (then {@link #searchAll}). */
  final List<String> everywhere;

  RunGate(List<GitleaksRules.Rule> rules, String operators) {
    java.util.Arrays.fill(lo, Integer.MAX_VALUE);
    java.util.Arrays.fill(hi, Integer.MIN_VALUE);
    List<OpGate> ops = new ArrayList<>();
    ops.add(new OpGate(-1, 0));
    List<String> kinds = new ArrayList<>();
    List<String> all = new ArrayList<>();
    List<String> direct = new ArrayList<>();
    for (GitleaksRules.Rule r : rules) {
      int[] g = gate(r, operators);
      String kind = KIND[g[0]];
      int k = g[1];
      boolean op = g[0] == OPERATOR;
      boolean inside = g[0] == LED && g[2] >= 0; // every hit inside the run: [a + lo, b - run], lo >= 0
      List<String> to = null;
      if (k < MIN_RUN || (k < SHORT && !op && !inside)) {
        kind = "everywhere";
        to = all;
      } else if (k < SHORT && inside) {
        kind = "in-run";
        to = direct;
      }
      if (to != null) {
        for (String kw : r.keywords) {
          if (!to.contains(kw)) {
            to.add(kw);
          }
        }
      } else if (op) {
        OpGate o = null;
        for (OpGate x : ops) {
          if (x.lit == g[5] && x.litReach == g[6]) {
            o = x;
          }
        }
        if (o == null) {
          o = new OpGate(g[5], g[6]);
          ops.add(o);
        }
        for (int len = k; len <= CAP; len++) {
          o.back[len] = Math.max(o.back[len], g[4]);
          o.run[len] = Math.min(o.run[len], k);
          o.key[len] = Math.max(o.key[len], g[2]);
          o.fwd[len] = Math.max(o.fwd[len], g[3]);
        }
      }
      if (!op && to != all) {
        for (int len = Math.max(k, SHORT); len <= CAP; len++) {
          lo[len] = Math.min(lo[len], g[2]);
          hi[len] = Math.max(hi[len], g[3]);
        }
      }
      kinds.add(kind);
    }
    this.ops = ops.toArray(new OpGate[0]);
    this.inRun = new byte[direct.size()][];
    for (int i = 0; i < inRun.length; i++) {
      inRun[i] = direct.get(i).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      inRunFirst[inRun[i][0] & 0xFF] = true;
      inRunFirst[Character.toUpperCase((char) inRun[i][0]) & 0xFF] = true;
    }
    // the rules no run gates: each needs a trigger literal every match of its regex holds
    Map<String, Integer> reach = new LinkedHashMap<>();
    boolean ungated = false;
    for (int r = 0; r < rules.size(); r++) {
      if (!kinds.get(r).equals("everywhere")) {
        continue;
      }
      GitleaksRules.Rule rule = rules.get(r);
      List<String> lits = triggers(rule);
      if (lits.isEmpty()) {
        ungated = true;
        continue;
      }
      // a hit's window [h - lead, h + kw + tail] holds the match and so the trigger: hits within that of
      // the trigger, twice over for windows that chain (a match found in the union of two windows)
      int r0 = 0;
      for (String kw : rule.keywords) {
        r0 = Math.max(r0, kw.length() + rule.tail(kw.length()) + rule.lead(kw.length()));
      }
      for (String l : lits) {
        reach.merge(l, 2 * r0 + 16, Math::max);
      }
      kinds.set(r, "trigger " + String.join("|", lits));
    }
    List<String> left = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      if (kinds.get(r).equals("everywhere")) {
        left.addAll(rules.get(r).keywords);
      }
    }
    this.kinds = List.copyOf(kinds);
    this.everywhere = List.copyOf(left);
    this.searchAll = ungated;
    this.triggers = new byte[reach.size()][];
    this.triggerAt = new int[reach.size()];
    this.triggerReach = new int[reach.size()];
    int t = 0;
    for (Map.Entry<String, Integer> e : reach.entrySet()) {
      int idx = java.util.Arrays.asList(TRIGGERS).indexOf(e.getKey());
      triggers[t] = e.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      triggerAt[t] = TRIGGER_AT[idx];
      triggerReach[t] = e.getValue();
      int c = triggers[t][triggerAt[t]] & 0xFF;
      if (c != '-' && c != ':') {
        throw new IllegalStateException("the pass tests '-' and ':' only: " + e.getKey());
      }
      triggerChar[c] = true;
      t++;
    }
  }

  /**
   * Literals (lower case) that the regexes of rules with too short a run may require, and the
   * offset in each of the char the pass tests: a char rare in prose ({@code -}, {@code :}).
   */
  static final String[] TRIGGERS = {"-h", "-u", "kind:"};
  static final int[] TRIGGER_AT = {0, 0, 4};

  /**
   * The trigger literals of which every match of {@code r}'s regex holds one ({@link
   * RegexReach#holdsKeyword}): one literal when one suffices, else all of them when together they
   * do, else none.
   */
  static List<String> triggers(GitleaksRules.Rule r) {
    for (String l : TRIGGERS) {
      if (RegexReach.holdsKeyword(r.source, List.of(l))) {
        return List.of(l);
      }
    }
    return RegexReach.holdsKeyword(r.source, List.of(TRIGGERS)) ? List.of(TRIGGERS) : List.of();
  }

  /** The trigger literals in use, for tests and docs. */
  List<String> triggerLiterals() {
    List<String> out = new ArrayList<>();
    for (byte[] w : triggers) {
      out.add(new String(w, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    return out;
  }


  private static final int LED = 0;
  private static final int BOUNDED = 1;
  private static final int OPERATOR = 2;
  private static final int WINDOW = 3;
  private static final String[] KIND = {"led", "bounded", "operator", "window"};

  /**
   * How rule {@code r} is gated: {kind, run, lo, hi}: a hit of {@code r} can lead to a candidate
   * only if some run of at least {@code run} chars {@code [a, b)} has the hit's start in
   * {@code [a + lo, b + hi]}; for the operator kind {kind, run, key, fwd, back}: an operator char
   * {@code o} in {@code [a - back, b - run)} and the hit's start in {@code [o - key, o + fwd]}.
   */
  static int[] gate(GitleaksRules.Rule r, String operators) {
    String src = r.source;
    // a reported secret passes the rule's entropy threshold, so it is at least this long
    int capture = r.group >= 1 ? r.group : 1;
    int minSecret = RunFloor.entropyLength(r.entropy);
    RunFloor.Floor f = RunFloor.of(src, capture, minSecret);
    int k = f.run();
    int maxLen = RegexReach.maxLength(src);
    int klMax = 0;
    for (String kw : r.keywords) {
      klMax = Math.max(klMax, kw.length());
    }
    int kwMin = Integer.MAX_VALUE;
    boolean kwRuns = true;
    for (String kw : r.keywords) {
      kwMin = Math.min(kwMin, kw.length());
      for (int i = 0; i < kw.length(); i++) {
        kwRuns &= RunFloor.isRunChar(kw.charAt(i)) && RunFloor.isRunChar(Character.toUpperCase(kw.charAt(i)));
      }
    }
    if (k < MIN_RUN || (k < SHORT && !r.led)) {
      if (kwRuns && kwMin >= MIN_RUN) {
        // every keyword is a run of its own (freemius-secret-key's "secret_key"): every hit lies inside
        // a run at least that long, so the search inside runs finds them all
        return new int[] {LED, kwMin, 0, -kwMin, 0, -1, 0};
      }
    }
    int lead = r.led ? 1 : GitleaksRules.BEFORE;
    int tail = r.after;
    // every match fits in the window of the hit it holds (bounded reach, a run bound, or a
    // keyword-led match no longer than the window)
    boolean contain = r.reach != RegexReach.UNBOUNDED || r.runTail != null
        || (r.led && maxLen != RegexReach.UNBOUNDED && maxLen <= tail);
    if (r.generic) {
      int[] op = operator(src, operators, contain, klMax, lead, tail, capture, minSecret);
      if (op != null) {
        return op;
      }
    }
    if (r.led && f.end() != RunFloor.UNBOUNDED) {
      // the match starts at its hit (a match longer than its window was never found whole: the
      // regex runs on the window)
      return new int[] {LED, k, k - f.end(), -k, 0, -1, 0};
    }
    if (r.reach != RegexReach.UNBOUNDED) {
      return new int[] {BOUNDED, k, k - r.reach, r.reach - k, 0, -1, 0};
    }
    if (maxLen != RegexReach.UNBOUNDED) {
      // windows that overlap a match: the match lies within maxLen of its run
      return new int[] {WINDOW, k, k - maxLen - klMax - tail, maxLen + lead - k, 0, -1, 0};
    }
    // unbounded matches: a window that reaches the run (a match longer than a window was never
    // found whole: the regex runs on the window)
    return new int[] {WINDOW, k, -klMax - tail, lead, 0, -1, 0};
  }

  /**
   * The operator gate of a generic-shaped regex ({@code key part, operator, value part}), or null
   * when the regex is not one sequence around its one operator group.
   */
  private static int[] operator(String src, String operators, boolean contain, int klMax, int lead, int tail,
      int capture, int minSecret) {
    int at = src.indexOf(operators);
    if (at < 0 || src.indexOf(operators, at + 1) >= 0 || !oneSequence(src)) {
      return null;
    }
    String key = src.substring(0, at);
    String value = src.substring(at + operators.length());
    int keyMax = RegexReach.maxLength(key);
    int before = RunFloor.captures(key); // the secret's capture numbered within the value part
    RunFloor.Floor v = before < 0 ? RunFloor.of(value) : RunFloor.of(value, capture - before, minSecret);
    int valueMax = RegexReach.maxLength(value);
    if (keyMax == RegexReach.UNBOUNDED || v.end() == RunFloor.UNBOUNDED || v.run() == 0
        || (!contain && valueMax == RegexReach.UNBOUNDED)) {
      return null;
    }
    int kv = v.run();
    // the operator's last char o: the value's run [s, s + kv) lies in [o + 1, o + 1 + end), so
    // o >= a + kv - 1 - end and o < b - kv; the match starts at most keyMax + 3 chars before o
    // (":::=" is four chars) and holds the hit before o
    // hits from keyMax + 4 chars before o (the key part and a four-char operator) to o; a rule
    // whose window need not hold its match: windows that reach the match
    int back = v.end() + 1 - kv;
    int keyBack = keyMax + 4 + (contain ? 0 : klMax + tail);
    int fwd = contain ? 0 : valueMax + lead + 1;
    int[] lit = leadLiteral(value);
    return new int[] {OPERATOR, kv, keyBack, fwd, back, lit == null ? -1 : lit[0], lit == null ? 0 : lit[1]};
  }

  /**
   * The char every match of the value part {@code value} (the regex after the operator group)
   * starts with once its optional lead is passed, and that lead's longest length: {@code
   * hashicorp-tf-password}'s {@code [\x60'"\s=]{0,5}("[a-z0-9=_\-]{8,20}")} gives {@code "} and
   * 5; or null when the value may start otherwise. Only ASCII chars that are neither letters nor
   * {@code ?} (which stands for any char above U+00FF in the view) count, so no case folding
   * applies.
   */
  static int[] leadLiteral(String value) {
    RegexTree t = RegexTree.of(value);
    if (t.root == null || t.root.branches().size() != 1) {
      return null;
    }
    long reach = 0;
    for (RegexTree.Piece p : t.root.branches().get(0)) {
      List<RegexTree.Quant> qs = p.quants();
      if (qs.size() == 1 && qs.get(0).min() == 0) {
        // an optional single char class or literal, at most max chars long
        RegexTree.Node a = p.atom();
        boolean single = a instanceof RegexTree.Cls c && !c.negated()
            && c.items().stream().noneMatch(i -> i instanceof RegexTree.Esc e && e.wide()) || a instanceof RegexTree.Lit;
        if (!single || qs.get(0).unbounded() || qs.get(0).max() > 16) {
          return null;
        }
        reach += qs.get(0).max();
        continue;
      }
      if (!qs.isEmpty()) {
        return null;
      }
      RegexTree.Node a = p.atom();
      if (a instanceof RegexTree.Group g && g.alt().branches().size() == 1 && !g.alt().branches().get(0).isEmpty()) {
        RegexTree.Piece first = g.alt().branches().get(0).get(0);
        a = first.quants().isEmpty() ? first.atom() : null;
      }
      if (a instanceof RegexTree.Lit l && l.c() < 0x80 && l.c() != '?' && !Character.isLetter(l.c())) {
        return new int[] {l.c(), (int) reach};
      }
      return null;
    }
    return null;
  }

  /** True if {@code re} has no {@code |} outside groups and classes: one sequence. */
  static boolean oneSequence(String re) {
    int depth = 0;
    for (int p = 0; p < re.length(); p++) {
      char c = re.charAt(p);
      if (c == '\\') {
        p++;
      } else if (c == '[') {
        p = re.indexOf(']', p + 2); // a class; ']' right after '[' or '[^' is a literal
        if (p < 0) {
          return false;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /**
   * The 16-char blocks of {@code b[0, n)} in which a keyword hit may start that can lead to a
   * candidate (bit {@code j}: the hit starts {@code [16j, 16j + 16)}), opened by the runs of
   * {@link #MIN_RUN} or more run chars and by the trigger literals; null when there is none (most
   * prose). A new array of {@code ((n - 1) >> 10) + 1} longs; the detector uses {@link
   * #blocks(byte[], int, Marks)}, which reuses a thread's buffer. Not to be used when {@link #searchAll}.
   */
  long[] blocks(byte[] b, int n) {
    Marks m = new Marks();
    return blocks(b, n, m) == null ? null : java.util.Arrays.copyOf(m.bits, m.words);
  }

  /**
   * As {@link #blocks(byte[], int)}, into {@code m}'s buffer: returns {@code m.bits} (its first
   * {@code ((n - 1) >> 10) + 1} longs are the blocks; it may be longer) or null. One pass eight
   * bytes at a time: a mask of the run chars and one of the trigger literals' tested chars per
   * load; a run of ten or more can only end in a load after the one it started in, so a branch per
   * load that is rarely taken finds them.
   */
  long[] blocks(byte[] b, int n, Marks m) {
    m.reset();
    return blocks(b, n, 0, 0, m);
  }

  /** The block pass from {@code p0} (a multiple of 8) on, {@code carry0} run chars just before it. */
  private long[] blocks(byte[] b, int n, int p0, int carry0, Marks m) {
    int carry = carry0; // run chars just before p
    for (int p = p0; p < n; p += 8) {
      long w = Swar.load(b, p);
      if (p > n - 8) {
        w &= (1L << ((n - p) << 3)) - 1; // bytes past the text (a reused buffer's) are not text
      }
      long x = Swar.low7(w);
      long ascii = Swar.ascii(w);
      long run = ascii & ((Swar.atLeast(x, '+') & ~Swar.is(x, ',')) | Swar.is(x, '"')) & Swar.HIGH;
      long trig = ascii & (Swar.is(x, ':') | Swar.is(x, '-')) & Swar.HIGH;
      long non = ~run & Swar.HIGH;
      int f = Long.numberOfTrailingZeros(non) >>> 3;
      if (carry + f >= MIN_RUN && non != 0) {
        run(b, n, p - carry, p + f, m);
      }
      carry = non == 0 ? carry + 8 : Long.numberOfLeadingZeros(non) >>> 3;
      while (trig != 0) {
        triggered(b, n, p + Swar.first(trig), m);
        trig &= trig - 1;
      }
    }
    if (carry >= MIN_RUN) {
      run(b, n, n - carry, n, m);
    }
    return m.set ? m.bits : null;
  }

  /**
   * The detector's one pass over a text: marks the blocks as {@link #blocks(byte[], int, Marks)} does
   * (into {@code m}) and returns whether the hand scanners ({@link SecretDetector#scan}) may find
   * anything in {@code b[0, n)}. They may not (and are not run) unless the text holds one of:
   *
   * <ul>
   *   <li>a token run of ten or more chars that begins as a typed token, a {@code --flag} or a PEM
   *       line can ({@link SecretDetector#mayHold}), or a run of base64 chars that {@link
   *       Base64Secrets} may decode ({@link Base64Secrets#mayDecode}: fourteen chars or more, mixed,
   *       decoding to printable bytes): both lie inside a run of ten or more run chars, which the
   *       pass finds anyway;
   *   <li>a {@code =}, {@code :} or {@code >} after a key word of {@link GenericSecrets} (an
   *       optional quote and space between; {@link GenericSecrets#keyBefore}).
   * </ul>
   *
   * The same eight-byte loads as the block pass, with {@code =} and {@code >} added to its tested
   * chars; the checks above run only at runs of ten and at those chars, which prose seldom has.
   * Once one holds, the rest of the text takes the block pass's loop. Named for the texts it pays
   * on most: on a short answer with no secret (most of them) nothing else runs.
   */
  boolean shortPass(byte[] b, int n, Marks m) {
    m.reset();
    boolean hand = false; // once true, the rest of the text takes the block pass's cheaper loop
    int carry = 0; // run chars just before p
    for (int p = 0; p < n; p += 8) {
      long w = Swar.load(b, p);
      if (p > n - 8) {
        w &= (1L << ((n - p) << 3)) - 1; // bytes past the text (a reused buffer's) are not text
      }
      long x = Swar.low7(w);
      long ascii = Swar.ascii(w);
      long run = ascii & ((Swar.atLeast(x, '+') & ~Swar.is(x, ',')) | Swar.is(x, '"')) & Swar.HIGH;
      // '-', and ':' to '>' (';' and '<' too: a range costs less than three tests)
      long sig = ascii & (Swar.is(x, '-') | (Swar.atLeast(x, ':') & ~Swar.atLeast(x, '>' + 1))) & Swar.HIGH;
      long non = ~run & Swar.HIGH;
      int f = Long.numberOfTrailingZeros(non) >>> 3;
      if (carry + f >= MIN_RUN && non != 0) {
        run(b, n, p - carry, p + f, m);
        hand = SecretDetector.mayHold(b, p - carry, p + f, n);
      }
      carry = non == 0 ? carry + 8 : Long.numberOfLeadingZeros(non) >>> 3;
      while (sig != 0) {
        int at = p + Swar.first(sig);
        byte c = b[at];
        if (c == '-' || c == ':') {
          triggered(b, n, at, m);
        }
        if (!hand && (c == ':' || c == '=' || c == '>')) {
          hand = GenericSecrets.keyBefore(b, at);
        }
        sig &= sig - 1;
      }
      if (hand) {
        // the rest needs only the blocks: the caller finishes them (rest), out of this loop
        m.resume = p + 8;
        m.carry = carry;
        return true;
      }
    }
    m.resume = n;
    if (carry >= MIN_RUN) {
      run(b, n, n - carry, n, m);
      hand = SecretDetector.mayHold(b, n - carry, n, n);
    }
    return hand;
  }

  /**
   * After {@link #shortPass} returned true, marks the blocks of the rest of the text (the block
   * pass from where it stopped); returns {@code m.bits} or null as {@link #blocks(byte[], int,
   * Marks)} does.
   */
  long[] rest(byte[] b, int n, Marks m) {
    return m.resume < n ? blocks(b, n, m.resume, m.carry, m) : m.set ? m.bits : null;
  }

  /**
   * A thread's block bits, reused from call to call (a new array per call was 8 KB per MB of
   * text); not thread-safe. {@link #set} once a block is marked: then the first {@link #words}
   * longs of {@link #bits} are the blocks.
   */
  static final class Marks {
    /** Buffers longer than this (texts over 4M chars) are not kept after the call. */
    private static final int KEPT = 4096;

    long[] bits = new long[1];
    int words;
    boolean set;
    /** Where {@link #shortPass} stopped, and the run chars just before it ({@link #rest}). */
    int resume;
    int carry;

    void reset() {
      set = false;
      if (bits.length > KEPT) {
        bits = new long[1];
      }
    }
  }

  /**
   * At a tested char {@code b[at]}: marks the hit starts around each trigger literal spelled there
   * ({@link #spellsOrWide}).
   */
  private void triggered(byte[] b, int n, int at, Marks bits) {
    if (!triggerChar[b[at] & 0xFF]) {
      return;
    }
    for (int i = 0; i < triggers.length; i++) {
      byte[] w = triggers[i];
      int st = at - triggerAt[i];
      if (b[at] == w[triggerAt[i]] && st >= 0 && st + w.length <= n && spellsOrWide(b, st, w)) {
        mark(bits, n, st - triggerReach[i], st + triggerReach[i] + 1);
      }
    }
  }

  /**
   * Whether {@code b} spells the lower-case {@code w} at {@code st}, ASCII case aside, a '?' (a char
   * above U+00FF in the view) standing for any letter: a case-insensitive regex matches the Kelvin
   * sign for {@code k} and the long s for {@code s}.
   */
  private static boolean spellsOrWide(byte[] b, int st, byte[] w) {
    for (int k = 0; k < w.length; k++) {
      int c = b[st + k] & 0xFF;
      int l = c >= 'A' && c <= 'Z' ? c + 32 : c;
      if (l != w[k] && !(c == '?' && w[k] >= 'a' && w[k] <= 'z')) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b} spells the lower-case {@code w} at {@code st}, ASCII case aside. */
  private static boolean spells(byte[] b, int st, byte[] w) {
    for (int k = 0; k < w.length; k++) {
      int c = b[st + k] & 0xFF;
      if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != w[k]) {
        return false;
      }
    }
    return true;
  }

  /** Marks the hit starts that the run {@code [a, e)} serves. */
  private void run(byte[] b, int n, int a, int e, Marks bits) {
    int len = Math.min(CAP, e - a);
    if (len >= SHORT) {
      if (lo[len] != Integer.MAX_VALUE) {
        mark(bits, n, a + lo[len], e + hi[len] + 1);
      }
    } else {
      // a long word, mostly: compare the in-run rules' keywords where their first byte stands
      for (int st = a, to = e - MIN_RUN + 1; st < to; st++) {
        if (inRunFirst[b[st] & 0xFF]) {
          for (byte[] w : inRun) {
            if (st + w.length <= n && spells(b, st, w)) {
              mark(bits, n, st, st + 1);
            }
          }
        }
      }
    }
    for (OpGate o : ops) {
      if (o.run[len] != Integer.MAX_VALUE) {
        int first = -1;
        int last = -1;
        for (int q = Math.max(0, a - o.back[len]), to = e - o.run[len]; q < to; q++) {
          if (OP[b[q] & 0xFF] && o.follows(b, n, q)) {
            first = first < 0 ? q : first;
            last = q;
          }
        }
        if (first >= 0) {
          mark(bits, n, first - o.key[len], last + o.fwd[len] + 1);
        }
      }
    }
  }

  /** Sets the blocks of hit starts {@code [from, to)} (clipped to the text); the first mark of a pass clears the words it uses. */
  private static void mark(Marks m, int n, int from, int to) {
    from = Math.max(0, from);
    to = Math.min(n, to);
    if (from >= to) {
      return;
    }
    long[] bits = m.bits;
    if (!m.set) {
      int words = ((n - 1) >>> 10) + 1;
      if (bits.length < words) {
        bits = new long[words];
        m.bits = bits;
      } else {
        java.util.Arrays.fill(bits, 0, words, 0L);
      }
      m.words = words;
      m.set = true;
    }
    int fb = from >>> 4;
    int tb = (to - 1) >>> 4;
    int fw = fb >>> 6;
    int tw = tb >>> 6;
    long last = -1L >>> (63 - (tb & 63)); // blocks up to tb in its long
    if (fw == tw) {
      bits[fw] |= (-1L << fb) & last;
    } else {
      bits[fw] |= -1L << fb;
      for (int k = fw + 1; k < tw; k++) {
        bits[k] = -1L;
      }
      bits[tw] |= last;
    }
  }
}
