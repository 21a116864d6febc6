package dev.guardrails.detectors.secrets;

import dev.guardrails.detectors.internal.ScratchArray;
import dev.guardrails.detectors.internal.Swar;
import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.FindingSink;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds credentials: cloud and SaaS tokens by their documented prefixes and lengths (AWS, GitHub,
 * GitLab, Slack, Stripe, OpenAI), JSON Web Tokens whose header and payload decode to JSON objects,
 * PEM private key blocks, and high-entropy values assigned to key words ({@code password=},
 * {@code api_key:}, {@code secret=}, {@code token:}). One pass over the normalized text dispatches
 * on the first character of each token; nothing else runs unless a prefix matches. Short tokens
 * with no '=', ':', '+' or '/' after them are skipped eight chars at a time ({@link Swar}). A value after
 * a key word is first tried as a typed token ({@code TOKEN=AKIA...} is an AWS key, not a generic
 * secret). Base64 runs of 16 to 4,096 characters that decode to printable ASCII are scanned once
 * more, decoded; what is found there is reported over the whole encoded run ({@link Base64Secrets}).
 * gitleaks' rules ({@link GitleaksRules}) run behind a keyword search. First, one eight-bytes-at-a-time
 * pass ({@link RunGate#shortPass}) says whether these hand scanners can find anything and where a
 * rule's keyword can lead to a match; on most texts (a short answer with no secret) neither, and
 * nothing else runs.
 *
 * <p>Reports {@code SECRET} types. Stateless and thread-safe.
 */
public final class SecretDetector implements Detector {

  /** AWS access key ids (AKIA/ASIA + 16). */
  public static final FindingType AWS_ACCESS_KEY = secret("AWS_ACCESS_KEY");
  /** GitHub tokens (ghp_, gho_, ghs_, ghu_, ghr_, github_pat_). */
  public static final FindingType GITHUB_TOKEN = secret("GITHUB_TOKEN");
  /** GitLab personal access tokens (glpat-). */
  public static final FindingType GITLAB_TOKEN = secret("GITLAB_TOKEN");
  /** Slack tokens (xoxa-, xoxb-, xoxp-, xoxr-, xoxs-). */
  public static final FindingType SLACK_TOKEN = secret("SLACK_TOKEN");
  /** Stripe live keys (sk_live_, rk_live_, pk_live_). */
  public static final FindingType STRIPE_KEY = secret("STRIPE_KEY");
  /** OpenAI-style keys (sk-, sk-proj-). */
  public static final FindingType OPENAI_KEY = secret("OPENAI_KEY");
  /** JSON Web Tokens. */
  public static final FindingType JWT = secret("JWT");
  /** PEM private key blocks. */
  public static final FindingType PRIVATE_KEY = secret("PRIVATE_KEY");
  /** High-entropy values after a key word. */
  public static final FindingType GENERIC_SECRET = secret("GENERIC_SECRET");

  private static final Set<FindingType> HAND_TYPES = Set.of(AWS_ACCESS_KEY, GITHUB_TOKEN, GITLAB_TOKEN,
      SLACK_TOKEN, STRIPE_KEY, OPENAI_KEY, JWT, PRIVATE_KEY, GENERIC_SECRET);

  static final int MAX_PEM = 6000;

  private static final int[] NO_SPANS = {};

  /** Look-back a finding needs; see {@link #window()}. */
  static final int WINDOW = 1024;

  /** Creates the detector; used by {@link java.util.ServiceLoader}. */
  public SecretDetector() {}

  private static FindingType secret(String name) {
    return FindingType.of(Category.SECRET, name);
  }

  @Override
  public String id() {
    return "secrets";
  }

  @Override
  public Set<FindingType> types() {
    return Types.ALL;
  }

  /** The hand scanners' types and those of the gitleaks rules, built once on first use. */
  private static final class Types {
    static final Set<FindingType> ALL = all();

    private static Set<FindingType> all() {
      Set<FindingType> t = new LinkedHashSet<>(HAND_TYPES);
      t.addAll(GitleaksRules.defaults().types());
      return Collections.unmodifiableSet(t);
    }
  }

  @Override
  public int window() {
    // A finding is decided within this look-back: a JWT's header and payload before its second
    // dot (up to about 1,000 chars), a key word and its value (<= 256), a PEM BEGIN/END line
    // (<= 80). A PEM block that is still open at a stream's cut is held whole, so the block itself
    // (up to MAX_PEM) need not fit.
    return WINDOW;
  }

  @Override
  public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
    detect(text, out, AUTO);
  }

  /** {@link #detect(AnalyzedText, FindingSink, int)}'s paths: the reference, with no gate. */
  static final int WHOLE = 0;
  /**
   * The hand scanners' pass, then the rules' keyword search in the blocks {@link RunGate#blocks}
   * opens (the path of texts from 2,048 chars before the short pass; kept for measurements).
   */
  static final int BLOCKS = 1;
  /**
   * The short pass ({@link RunGate#shortPass}): the hand scanners and the keyword search only where
   * it says; the detector's path for every text (it cost less than {@link #BLOCKS} and {@link
   * #WHOLE} from 256 chars to 1 MB, see docs/secrets.md).
   */
  static final int SHORT = 2;
  /** The detector's own path: {@link #SHORT}. */
  static final int AUTO = SHORT;

  /** As {@link #detect(AnalyzedText, FindingSink, int)}: {@link #AUTO} if {@code gated}, else {@link #WHOLE}. */
  void detect(AnalyzedText text, FindingSink out, boolean gated) {
    detect(text, out, gated ? AUTO : WHOLE);
  }

  /**
   * As {@link #detect(AnalyzedText, CheckContext, FindingSink)} on one of the paths ({@link #WHOLE},
   * {@link #BLOCKS}, {@link #SHORT}); all report the same findings (the gates skip only what cannot
   * match).
   */
  void detect(AnalyzedText text, FindingSink out, int path) {
    Lists lists = Lists.LOCAL.get();
    if (lists.busy) {
      lists = new Lists(); // a call nested in this thread's call (from the sink below): lists of its own
    }
    lists.busy = true;
    try {
      String s = text.normalized();
      int n = s.length();
      // this thread's scratch view: nothing below calls out of the detector before the rules are done
      // with it (findings go to a local list; a decoded base64 payload is scanned on a view of its own)
      byte[] b = SecretText.latin1Scratch(s, !text.contains(CharClass.NON_ASCII), lists.scratch);
      GitleaksRules rules = GitleaksRules.defaults();
      if (rules.gate.searchAll) {
        path = WHOLE;
      }
      boolean hand = true;
      long[] blocks = null;
      if (path == SHORT) {
        hand = rules.gate.shortPass(b, n, lists.marks);
        blocks = hand ? rules.gate.rest(b, n, lists.marks) : lists.marks.set ? lists.marks.bits : null;
        if (!hand && blocks == null) {
          return; // most short answers: no kind of secret can match
        }
      }
      // the hand scanners' findings and their spans (which the rules' search skips); none when
      // they did not run, as on most short answers that reach the rules
      int[] spans = NO_SPANS;
      int spanCount = 0;
      if (hand) {
        Hits h = new Hits(text, id(), lists.sink);
        scan(h, b, true);
        spans = h.spans;
        spanCount = h.spanCount;
      }
      List<GitleaksRules.Candidate> cands = lists.cands;
      if (path == WHOLE) {
        rules.scan(s, b, spans, spanCount, cands);
      } else {
        if (path == BLOCKS) {
          blocks = rules.gate.blocks(b, n, lists.marks);
        }
        rules.scan(s, b, spans, spanCount, cands, blocks, lists.cursor(rules));
      }
      List<Finding> found = lists.found;
      if (!cands.isEmpty()) {
        merge(text, found, cands);
      }
      for (int i = 0; i < found.size(); i++) {
        out.accept(found.get(i));
      }
    } finally {
      lists.clear();
    }
  }

  /**
   * A thread's finding and candidate lists, reused from call to call: with the list's sink they
   * were most of what a call allocated on a text with nothing to report. Not thread-safe: one per
   * thread, and {@code busy} while a call uses them.
   */
  private static final class Lists {
    static final ThreadLocal<Lists> LOCAL = ThreadLocal.withInitial(Lists::new);
    /** Lists that held more than this many elements are dropped, not kept, after the call. */
    static final int KEPT = 256;

    final ArrayList<Finding> found = new ArrayList<>();
    final FindingSink sink = found::add;
    final ArrayList<GitleaksRules.Candidate> cands = new ArrayList<>();
    /** The rules' block bits ({@link RunGate.Marks}). */
    final RunGate.Marks marks = new RunGate.Marks();
    /**
     * The one-byte view's buffer ({@link SecretText#latin1Scratch(String, boolean, ScratchArray)}):
     * here rather than in a thread-local of its own, one lookup per call instead of two.
     */
    final ScratchArray scratch = new ScratchArray();
    /** The keyword cursor of the rules it was made for, reset per call; null until a call needs one. */
    private Keywords.Cursor cursor;
    private GitleaksRules cursorRules;
    boolean busy;

    Keywords.Cursor cursor(GitleaksRules rules) {
      if (cursorRules != rules) {
        cursor = rules.keywords.cursor();
        cursorRules = rules;
      }
      return cursor;
    }

    void clear() {
      boolean big = found.size() > KEPT || cands.size() > KEPT;
      found.clear();
      cands.clear();
      if (big) {
        found.trimToSize();
        cands.trimToSize();
      }
      busy = false;
    }
  }

  /**
   * Adds the rules' candidates that overlap nothing reported yet: the hand scanners' findings
   * first, then specific rules, then the generic rule, each in text order. The result is sorted.
   */
  private void merge(AnalyzedText text, List<Finding> found, List<GitleaksRules.Candidate> cands) {
    cands.sort(Comparator.comparingInt((GitleaksRules.Candidate c) -> c.rule().type == GENERIC_SECRET ? 1 : 0)
        .thenComparingInt(GitleaksRules.Candidate::start).thenComparingInt(c -> -c.end()));
    int hand = found.size();
    String s = text.normalized();
    // reported spans by start; they never overlap, so the one starting last before a candidate's
    // end is the only one that can overlap it (a scan of all findings per candidate is quadratic)
    java.util.TreeMap<Integer, Integer> taken = new java.util.TreeMap<>();
    for (Finding f : found) {
      taken.merge(f.start(), f.end(), Math::max);
    }
    for (GitleaksRules.Candidate c : cands) {
      FindingType t = c.rule().type;
      if (t != GENERIC_SECRET && t != JWT && t != PRIVATE_KEY && HAND_TYPES.contains(t) && glued(s, c.start(), c.end())) {
        continue; // a typed token glued to letters or digits is not that token (as the hand scanners hold)
      }
      Span sp = text.toOriginal(c.start(), c.end());
      if (sp.end() <= sp.start()) {
        continue;
      }
      java.util.Map.Entry<Integer, Integer> before = taken.lowerEntry(sp.end());
      if (before == null || before.getValue() <= sp.start()) {
        taken.put(sp.start(), sp.end());
        double score = c.rule().type == GENERIC_SECRET ? 0.8 : 0.9;
        found.add(Finding.of(id(), c.rule().type, sp.start(), sp.end(), score, "gitleaks rule " + c.rule().id));
      }
    }
    if (found.size() > hand) {
      found.sort(Comparator.comparingInt(Finding::start));
    }
  }

  /**
   * The token pass over {@code h.s}. On a decoded payload ({@link Hits#decoded()}) base64 runs are
   * not decoded again, so the work stays linear.
   */
  static byte[] scan(Hits h) {
    return scan(h, true);
  }

  /** The pass; {@code skip} false visits every token (the reference the skipping is tested against). */
  static byte[] scan(Hits h, boolean skip) {
    byte[] b = SecretText.latin1View(h.s);
    scan(h, b, skip);
    return b;
  }

  /**
   * The pass over {@code h.s} with its one-byte view {@code b} (at least {@code h.s.length()} bytes
   * and {@link SecretText#PAD} zero bytes after them, or exactly the text's length).
   */
  static void scan(Hits h, byte[] b, boolean skip) {
    String s = h.s;
    int n = s.length();
    int base64Seen = 0; // base64 runs starting before this index were already examined
    int i = 0;
    while (i < n) {
      if (skip) {
        i = skipPlain(b, i, n);
      }
      while (i < n && !isToken(b[i])) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int c = b[i] & 0xFF;
      int we = i + 1;
      while (we < n && isToken(b[we])) {
        we++;
      }
      // only a known prefix's first letter or a word before '=' / ':' can start a typed secret
      int next = we - i >= 3 && (PREFIX[c] || assignmentFollows(b, we, n)) ? token(h, i, we) : -1;
      if (next < 0 && !h.decoded() && i >= base64Seen && (we - i >= Base64Secrets.MIN_RUN || continuesRun(b, we, n))
          && Base64Secrets.startsRun(s, i)) {
        int runEnd = Base64Secrets.runEnd(s, i);
        base64Seen = runEnd;
        next = Base64Secrets.scan(h, i, runEnd);
      }
      i = Math.max(we, next);
    }
  }

  /** The longest run between dashes in {@code s[from,to)} (Slack ids are 8+ chars; fillers are not). */
  private static int longestSegment(String s, int from, int to) {
    int best = 0;
    int run = 0;
    for (int p = from; p < to; p++) {
      run = s.charAt(p) == '-' ? 0 : run + 1;
      best = Math.max(best, run);
    }
    return best;
  }

  private static boolean glued(String s, int start, int end) {
    return (start > 0 && SecretText.isLetterOrDigit(s.charAt(start - 1)))
        || (end < s.length() && SecretText.isLetterOrDigit(s.charAt(end)));
  }

  /** True if a base64 run may go on past a token's end ('+' or '/'; '_' and '-' are token chars). */
  private static boolean continuesRun(byte[] b, int we, int n) {
    return we < n && (b[we] == '+' || b[we] == '/');
  }

  private static int token(Hits h, int i, int we) {
    int e = typed(h, i, we);
    return e >= 0 ? e : GenericSecrets.afterKey(h, i, we);
  }

  /**
   * Tries the typed shapes (cloud and SaaS tokens, JWT, PEM) on the token {@code s[i,we)};
   * returns the end of what was reported, or -1.
   */
  static int typed(Hits h, int i, int we) {
    String s = h.s;
    int len = we - i;
    if (len < 3) {
      return -1;
    }
    char c = s.charAt(i);
    switch (c) {
      case 'A':
        if (len == 20 && (s.startsWith("AKIA", i) || s.startsWith("ASIA", i)) && upperAlnum(s, i + 4, we)
            && !SecretText.placeholder(s, i + 4, we)) {
          h.emit(AWS_ACCESS_KEY, i, we, 0.95, "AWS access key id");
          return we;
        }
        break;
      case 'g':
        if (len == 40 && s.charAt(i + 1) == 'h' && "posur".indexOf(s.charAt(i + 2)) >= 0 && s.charAt(i + 3) == '_'
            && alnum(s, i + 4, we) && !SecretText.placeholder(s, i + 4, we)) {
          h.emit(GITHUB_TOKEN, i, we, 0.95, "GitHub token");
          return we;
        }
        if (len >= 50 && s.startsWith("github_pat_", i) && !SecretText.placeholder(s, i + 11, we)) {
          h.emit(GITHUB_TOKEN, i, we, 0.95, "GitHub fine-grained token");
          return we;
        }
        if (len >= 26 && s.startsWith("glpat-", i) && !SecretText.placeholder(s, i + 6, we)) {
          h.emit(GITLAB_TOKEN, i, we, 0.95, "GitLab personal access token");
          return we;
        }
        break;
      case 'x':
        if (len >= 15 && s.startsWith("xox", i) && "abprs".indexOf(s.charAt(i + 3)) >= 0 && s.charAt(i + 4) == '-'
            && digits(s, i, we) >= 6 && s.charAt(we - 1) != '-' && !SecretText.placeholder(s, i + 5, we)
            && longestSegment(s, i + 5, we) >= 8) {
          h.emit(SLACK_TOKEN, i, we, 0.95, "Slack token");
          return we;
        }
        break;
      case 's':
      case 'r':
      case 'p':
        if (len >= 24 && s.startsWith("k_live_", i + 1) && alnum(s, i + 8, we) && !SecretText.placeholder(s, i + 8, we)) {
          h.emit(STRIPE_KEY, i, we, 0.95, "Stripe live key");
          return we;
        }
        if (c == 's' && len >= 32 && s.charAt(i + 1) == 'k' && s.charAt(i + 2) == '-' && digits(s, i, we) >= 3
            && !s.startsWith("sk-ant-", i) // Anthropic's keys: the gitleaks rules report them by name
            && SecretText.entropy(s, i + 3, we) >= 3.5 && !SecretText.placeholder(s, i + 3, we)) {
          h.emit(OPENAI_KEY, i, we, 0.9, "OpenAI-style API key");
          return we;
        }
        break;
      case 'e':
        if (len >= 10 && s.charAt(i + 1) == 'y' && s.charAt(i + 2) == 'J') {
          return jwt(h, i, we);
        }
        break;
      case '-':
        if (s.startsWith("-----BEGIN ", i)) {
          return Pem.block(h, i);
        }
        break;
      default:
        break;
    }
    return -1;
  }

  private static int jwt(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    if (we >= n || s.charAt(we) != '.') {
      return -1;
    }
    int p2 = we + 1;
    int e2 = p2;
    while (e2 < n && s.charAt(e2) < 128 && TOKEN[s.charAt(e2)]) {
      e2++;
    }
    if (e2 - p2 < 4 || e2 >= n || s.charAt(e2) != '.') {
      return -1;
    }
    int p3 = e2 + 1;
    int e3 = p3;
    while (e3 < n && s.charAt(e3) < 128 && TOKEN[s.charAt(e3)]) {
      e3++;
    }
    if (SecretText.base64UrlJsonObject(s, i, we) && SecretText.base64UrlJsonObject(s, p2, e2)) {
      h.emit(JWT, i, e3, e3 - p3 >= 16 ? 0.95 : 0.85, "JSON Web Token");
      return e3;
    }
    return -1;
  }

  private static boolean upperAlnum(String s, int from, int to) {
    for (int p = from; p < to; p++) {
      char c = s.charAt(p);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean alnum(String s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!SecretText.isLetterOrDigit(s.charAt(p))) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String s, int from, int to) {
    int d = 0;
    for (int p = from; p < to; p++) {
      if (s.charAt(p) >= '0' && s.charAt(p) <= '9') {
        d++;
      }
    }
    return d;
  }

  /**
   * Whether '=' or ':' follows {@code s[we]}, after an optional quote and one space (as {@link
   * GenericSecrets#assignment} reads it), on the byte view.
   */
  private static boolean assignmentFollows(byte[] b, int we, int n) {
    int p = we;
    if (p < n && (b[p] == '"' || b[p] == '\'')) {
      p++;
    }
    if (p < n && b[p] == ' ') {
      p++;
    }
    return p < n && (b[p] == '=' || b[p] == ':' || (p == we && b[p] == '>'));
  }

  /**
   * Whether the hand scanners may report something from the run {@code b[a, e)} of run chars (a
   * maximal one, {@link RunGate#shortPass}; {@code n} the text's length): it holds a token run of
   * ten or more chars that begins as a typed token, a PEM line or a {@code --flag} may ({@link
   * #mayBeTyped}; every shape in {@link #typed} is ten chars or more), or a run of base64 chars that
   * {@link Base64Secrets#scan} may decode ({@link Base64Secrets#mayDecode}). Token and base64 chars
   * are run chars, so their runs inside a maximal run of run chars are maximal too.
   */
  static boolean mayHold(byte[] b, int a, int e, int n) {
    if (e - a < Base64Secrets.MIN_RUN - 2) {
      // too short for a base64 run (most such runs are long words): only a typed start, which a
      // token run of ten must begin with, in the first e - a - 9 chars
      for (int p = a, last = e - 9; p < last; p++) {
        if (mayBeTyped(b, p) && (p == a || !isToken(b[p - 1])) && tokens(b, p, p + 10)) {
          return true;
        }
      }
      return false;
    }
    int tok = 0;
    int b64 = 0;
    // over [a, e) and then the end of the run as a non-token char: a loop over the array's own
    // bounds (a loop to e inclusive, reading 0 at e, cost a C2 recompile on a profile predicate)
    for (int p = a; p < e; p++) {
      byte c = b[p];
      if (isToken(c)) {
        tok++;
        b64++;
      } else {
        if (b64 >= Base64Secrets.MIN_RUN - 2 && Base64Secrets.mayDecode(b, p - b64, p, n)) {
          return true;
        }
        tok = 0;
        b64 = c == '+' || c == '/' ? b64 + 1 : 0;
      }
      if (tok == 10 && mayBeTyped(b, p - 9)) {
        return true;
      }
    }
    return b64 >= Base64Secrets.MIN_RUN - 2 && Base64Secrets.mayDecode(b, e - b64, e, n);
  }

  /** Whether {@code b[from, to)} are all token chars. */
  private static boolean tokens(byte[] b, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!isToken(b[p])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a token run starting at {@code b[i]} (ten chars or more) begins as a shape of {@link
   * #typed} ({@code AK}, {@code AS}, {@code gh}, {@code gi}, {@code gl}, {@code xo}, {@code sk},
   * {@code rk}, {@code pk}, {@code ey}, {@code --}) or as a {@code --flag} of {@link
   * GenericSecrets#afterKey}.
   */
  static boolean mayBeTyped(byte[] b, int i) {
    byte c1 = b[i + 1];
    switch (b[i]) {
      case 'A':
        return c1 == 'K' || c1 == 'S';
      case 'g':
        return c1 == 'h' || c1 == 'i' || c1 == 'l';
      case 'x':
        return c1 == 'o';
      case 's':
      case 'r':
      case 'p':
        return c1 == 'k';
      case 'e':
        return c1 == 'y';
      case '-':
        return c1 == '-';
      default:
        return false;
    }
  }

  static boolean isToken(byte c) {
    return c >= 0 && TOKEN[c];
  }

  /**
   * Skips, eight chars at a time, what the word loop in {@link #scan} would pass over without a
   * look: returns a position at or after {@code i} ({@code i} itself, the start of a run of chars
   * from '0' up and '-', which holds the next token run, or {@code n}, the text's length) such that no token
   * run starting in between is 10 or more chars long (every typed shape is) or is followed within
   * three chars by '=', ':', '+', '/' or '>' (a key word's assignment or XML element, a base64 run
   * going on). The scan
   * then goes on one word at a time from there.
   */
  static int skipPlain(byte[] b, int i, int n) {
    int p = i;
    int carry = 0; // token chars just before p, counted from i
    int last = i; // start of the latest token run before p (or i)
    while (p < n) {
      long w = Swar.load(b, p);
      long x = Swar.low7(w);
      long ascii = Swar.ascii(w);
      // chars from '0' up (letters, digits, '_', and a few signs) and '-': a superset of the token
      // chars at a third of the cost; runs of them hold the token runs, so stopping at their
      // starts stops no later than the token runs would
      long tok = ascii & (Swar.atLeast(x, '0') | Swar.is(x, '-'));
      long starts = tok & ~((tok << 8) | (carry > 0 ? 0x80L : 0));
      long non = ~tok & Swar.HIGH;
      if (non == 0) {
        carry += 8;
        if (carry >= 10) {
          return p + 8 - carry;
        }
      } else {
        if (carry + Swar.first(non) >= 10) {
          return p - carry;
        }
        carry = Long.numberOfLeadingZeros(non) >>> 3;
      }
      // '=' and ':' are inside the runs above: a block of run chars only may hold them too
      long trig = ascii & (Swar.is(x, '=') | Swar.is(x, ':') | Swar.is(x, '+') | Swar.is(x, '/') | Swar.is(x, '>'));
      if (trig != 0) {
        long before = starts & Swar.below(Swar.first(trig));
        return before != 0 ? p + Swar.last(before) : last;
      }
      if (starts != 0) {
        last = p + Swar.last(starts);
      }
      p += 8;
    }
    return n;
  }

  /** First characters of the typed token shapes in {@link #typed}. */
  private static final boolean[] PREFIX = new boolean[128];

  static {
    for (char c : "Agxsrpe-".toCharArray()) {
      PREFIX[c] = true;
    }
  }

  /** Token characters: letters, digits, '_' and '-'. */
  static final boolean[] TOKEN = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TOKEN[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TOKEN[c] = true;
      TOKEN[c - 32] = true;
    }
    TOKEN['_'] = true;
    TOKEN['-'] = true;
  }
}
