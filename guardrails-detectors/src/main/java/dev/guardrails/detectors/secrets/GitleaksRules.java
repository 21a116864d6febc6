package dev.guardrails.detectors.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.guardrails.Category;
import dev.guardrails.FindingType;
import java.io.IOException;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gitleaks' maintained secret rules ({@code secrets/gitleaks.toml}, MIT) run as data: each rule's
 * RE2 regex is compiled with RE2/J (linear time on any input), and runs only on a bounded window
 * around a hit of one of its keywords; one pass over the lower-cased text finds the keyword hits of
 * all rules ({@link Keywords}). A match's secret (the rule's {@code secretGroup}, else its first
 * non-empty group) must pass the rule's entropy threshold, the rule's allowlists (regexes on the
 * secret, the match or the line; stopwords) and the global allowlist, as gitleaks applies them; path
 * allowlists and path-only rules do not apply to chat text and are ignored.
 *
 * <p>A malformed rule file (bad TOML, a rule without an id, a regex that no engine accepts) fails
 * at load with a message naming the rule; a rule whose regex is valid but uses syntax RE2/J lacks
 * is logged once by id and skipped ({@link #skipped()}).
 *
 * <p>Immutable and thread-safe once loaded.
 */
final class GitleaksRules {

  private static final Logger LOG = LoggerFactory.getLogger(GitleaksRules.class);

  /** Chars before a keyword hit that a match may start at ({@code [\w.-]{0,50}?} and a few). */
  static final int BEFORE = 64;
  /** Chars after a keyword hit that a match may reach, for rules with bounded values. */
  static final int AFTER = 320;
  /** Chars after a hit for rules with an unbounded or long value (private keys, long tokens). */
  static final int AFTER_LONG = SecretDetector.MAX_PEM;

  /** The generic shape's assignment operators: a rule with them needs one soon after the keyword. */
  private static final String WIDEN = "(?i)[\\w.-]{0,50}?";

  static final String OPERATORS = "(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)";

  final List<Rule> rules;
  final Keywords keywords;
  /** Where keyword hits can lead to a candidate ({@link RunGate}): the keyword search runs only there. */
  final RunGate gate;
  private final Allowlist global;
  private final List<String> skipped;
  private final Set<FindingType> types;

  GitleaksRules(List<Rule> rules, Allowlist global, List<String> skipped) {
    this.rules = List.copyOf(rules);
    this.global = global;
    this.skipped = List.copyOf(skipped);
    List<String> kws = new ArrayList<>();
    List<int[]> owners = new ArrayList<>();
    Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
    for (int r = 0; r < rules.size(); r++) {
      for (String k : rules.get(r).keywords) {
        byKeyword.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<String, List<Integer>> e : byKeyword.entrySet()) {
      kws.add(e.getKey());
      owners.add(e.getValue().stream().mapToInt(Integer::intValue).toArray());
    }
    this.keywords = new Keywords(kws, owners);
    this.gate = new RunGate(this.rules, OPERATORS);
    Set<FindingType> t = new LinkedHashSet<>();
    for (Rule r : rules) {
      t.add(r.type);
    }
    this.types = Collections.unmodifiableSet(t);
  }

  /**
   * The rules shipped with the library, loaded once on first use from {@code gitleaks.rules}: the
   * rules of {@code gitleaks.toml} as {@link #parse(String, String)} reads them, written by
   * {@link RuleFile} (a test keeps the two files in step). Reading that file needs no TOML parser
   * (Jackson's start-up was the larger part of the secrets detector's first call), and each rule's
   * regex is compiled on its first keyword hit rather than here: a check that meets none of a
   * rule's keywords never pays for it.
   */
  static GitleaksRules defaults() {
    return Holder.DEFAULTS;
  }

  private static final class Holder {
    static final GitleaksRules DEFAULTS = RuleFile.load("gitleaks.rules");
  }

  /**
   * Parses a gitleaks configuration.
   *
   * @throws IllegalArgumentException naming the rule (or the line, for a TOML syntax error) when
   *     the file is malformed
   */
  static GitleaksRules parse(String toml, String source) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(toml);
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
          ? j.getLocation().getLineNr() : -1;
      throw new IllegalArgumentException(source + ": malformed TOML at line " + line + " (in rule '"
          + ruleBefore(toml, line) + "'); fix the file or refresh it with tools/secrets/refresh_gitleaks.sh", e);
    }
    Allowlist global = root.has("allowlist") ? allowlist(root.get("allowlist"), source, "global allowlist")
        : Allowlist.NONE;
    List<Rule> rules = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    JsonNode list = root.path("rules");
    Set<String> ids = new LinkedHashSet<>();
    for (int k = 0; k < list.size(); k++) {
      JsonNode r = list.get(k);
      String id = r.path("id").asText("");
      if (id.isEmpty() || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
        throw new IllegalArgumentException(source + ": rule #" + (k + 1) + " has no valid id");
      }
      if (!ids.add(id)) {
        throw new IllegalArgumentException(source + ": rule '" + id + "' is defined twice");
      }
      if (!r.has("regex")) {
        skipped.add(id + " (path-only rule)");
        continue; // a file-name rule (e.g. pkcs12-file): no text to match in a chat answer
      }
      String regex = r.get("regex").asText();
      // The generic shape's leading "[\w.-]{0,50}?" only widens the match to the left, never the
      // secret; an NFA pays for it at every char (50 live threads). It is dropped from the compiled
      // regex and the match start is widened by hand ({@link Rule#matchStart}).
      boolean widen = regex.startsWith(WIDEN);
      String compiled = widen ? "(?i)" + regex.substring(WIDEN.length()) : regex;
      // generic-api-key's value "[\w.=-]{10,150}" costs 150 NFA states; "{10,}" finds the same
      // values (the run must end at a delimiter either way) plus longer ones, which are secrets too
      compiled = compiled.replace("([\\w.=-]{10,150}|", "([\\w.=-]{10,}|");
      Pattern p;
      try {
        p = Pattern.compile(compiled);
      } catch (PatternSyntaxException e) {
        if (!javaAccepts(regex)) {
          throw new IllegalArgumentException(source + ": rule '" + id + "' has a malformed regex: "
              + e.getDescription(), e);
        }
        LOG.warn("secret rule '{}' uses regex syntax RE2/J cannot run; skipped", id);
        skipped.add(id + " (RE2/J cannot compile its regex)");
        continue;
      }
      List<String> kws = new ArrayList<>();
      for (JsonNode kw : r.path("keywords")) {
        String s = kw.asText().toLowerCase(Locale.ROOT);
        if (!s.isEmpty() && !kws.contains(s)) {
          kws.add(s);
        }
      }
      if (kws.isEmpty()) {
        LOG.warn("secret rule '{}' has no keywords; skipped (it would have to run on every text)", id);
        skipped.add(id + " (no keywords)");
        continue;
      }
      int group = r.path("secretGroup").asInt(0);
      if (group < 0 || group > p.groupCount()) {
        throw new IllegalArgumentException(source + ": rule '" + id + "' has secretGroup " + group + " but its regex has "
            + p.groupCount() + " groups");
      }
      List<Allowlist> allow = new ArrayList<>();
      for (JsonNode a : r.path("allowlists")) {
        Allowlist al = allowlist(a, source, "rule '" + id + "'");
        if (al != Allowlist.NONE) {
          allow.add(al);
        }
      }
      // the generic gate reads the key name before the operator: only when every keyword sits there
      // (lob-api-key's keyword "live_" is in the value, after the operator)
      boolean generic = regex.contains(OPERATORS) && keywordsBefore(regex, kws);
      boolean longValue = regex.matches(".*\\{[0-9]{3,},?[0-9]*}.*") || regex.contains("[\\s\\S")
          || regex.contains("(?s") || regex.matches(".*\\{[0-9]+,}.*");
      rules.add(new Rule(id, typeOf(id), compiled, p, group, r.path("entropy").asDouble(0), kws, allow, generic,
          longValue ? AFTER_LONG : AFTER, widen, generic ? minValue(regex) : 0));
    }
    return new GitleaksRules(rules, global, skipped);
  }

  private static final java.util.regex.Pattern VALUE_CLASS =
      java.util.regex.Pattern.compile("^\\[\\\\x60'\"\\\\s=\\]\\{0,5\\}\\(\\[[^\\]]*\\]\\{(\\d+)");

  /**
   * For a generic-shaped rule, how many value chars ({@code [\w.=+/~%-]}) must follow the operator
   * and up to five quotes, spaces or '=': the count of the value group's leading char class when
   * the group starts with one ({@code ([a-z0-9]{32})} needs 32), else 5 (no such rule's value
   * starts with fewer).
   */
  static int minValue(String regex) {
    String tail = regex.substring(regex.indexOf(OPERATORS) + OPERATORS.length());
    java.util.regex.Matcher m = VALUE_CLASS.matcher(tail);
    return m.find() ? Math.max(1, Math.min(64, Integer.parseInt(m.group(1)))) : 5;
  }

  /** A group of plain alternatives, {@code (live|test)} or {@code (?:live|test)}. */
  private static final java.util.regex.Pattern LITERAL_GROUP =
      java.util.regex.Pattern.compile("\\((?:\\?:)?([\\w|-]+)\\)");

  /**
   * True unless a keyword is spelled in the value part, after the operator: literally, or with
   * one group of plain alternatives in its place (lob-api-key's {@code live_}, {@code test_} are
   * spelled {@code (live|test)_}). The gate reads the operator after the keyword hit, which a
   * keyword inside the value has before it.
   */
  static boolean keywordsBefore(String regex, List<String> kws) {
    String tail = regex.substring(regex.indexOf(OPERATORS) + OPERATORS.length()).toLowerCase(Locale.ROOT);
    List<String> variants = new ArrayList<>();
    variants.add(tail);
    java.util.regex.Matcher m = LITERAL_GROUP.matcher(tail);
    while (m.find()) {
      for (String alt : m.group(1).split("\\|")) {
        variants.add(tail.substring(0, m.start()) + alt + tail.substring(m.end()));
      }
    }
    for (String k : kws) {
      for (String v : variants) {
        if (v.contains(k)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean javaAccepts(String regex) {
    try {
      java.util.regex.Pattern.compile(regex);
      return true;
    } catch (java.util.regex.PatternSyntaxException e) {
      return false;
    }
  }

  private static String ruleBefore(String toml, int line) {
    String[] lines = toml.split("\n", -1);
    for (int i = Math.min(lines.length, Math.max(line, 1)) - 1; i >= 0; i--) {
      String l = lines[i].trim();
      if (l.startsWith("id") && l.contains("=")) {
        return l.substring(l.indexOf('=') + 1).trim().replace("\"", "");
      }
    }
    return "?";
  }

  private static Allowlist allowlist(JsonNode a, String source, String who) {
    List<Pattern> res = new ArrayList<>();
    for (JsonNode re : a.path("regexes")) {
      try {
        res.add(Pattern.compile(re.asText()));
      } catch (PatternSyntaxException e) {
        if (!javaAccepts(re.asText())) {
          throw new IllegalArgumentException(source + ": " + who + " has a malformed allowlist regex: "
              + e.getDescription(), e);
        }
        LOG.warn("an allowlist regex of {} uses syntax RE2/J cannot run; that regex is skipped", who);
      }
    }
    List<String> stop = new ArrayList<>();
    for (JsonNode s : a.path("stopwords")) {
      stop.add(s.asText().toLowerCase(Locale.ROOT));
    }
    if (res.isEmpty() && stop.isEmpty()) {
      return Allowlist.NONE; // paths or commits only: nothing that applies to text
    }
    String target = a.path("regexTarget").asText("secret");
    boolean and = "AND".equalsIgnoreCase(a.path("condition").asText("OR"));
    if (and && a.has("paths")) {
      return Allowlist.NONE; // needs a path match too, which chat text never has
    }
    return new Allowlist(res, stop, target, and);
  }

  /** Known kinds keep the types the hand scanners report; others become {@code SECRET/<RULE_ID>}. */
  static FindingType typeOf(String id) {
    if (id.equals("aws-access-token")) {
      return SecretDetector.AWS_ACCESS_KEY;
    } else if (id.startsWith("github-")) {
      return SecretDetector.GITHUB_TOKEN;
    } else if (id.startsWith("gitlab-")) {
      return SecretDetector.GITLAB_TOKEN;
    } else if (id.startsWith("slack-")) {
      return SecretDetector.SLACK_TOKEN;
    } else if (id.startsWith("stripe-")) {
      return SecretDetector.STRIPE_KEY;
    } else if (id.equals("openai-api-key")) {
      return SecretDetector.OPENAI_KEY;
    } else if (id.equals("jwt") || id.equals("jwt-base64")) {
      return SecretDetector.JWT;
    } else if (id.equals("private-key")) {
      return SecretDetector.PRIVATE_KEY;
    } else if (id.equals("generic-api-key")) {
      return SecretDetector.GENERIC_SECRET;
    }
    String name = id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    return FindingType.of(Category.SECRET, name.length() > 64 ? name.substring(0, 64) : name);
  }

  /**
   * Whether gitleaks' global allowlist or its {@code generic-api-key} rule's allowlists (stopwords,
   * known non-secret key names such as {@code csrf-token}, {@code public_key}) spare the value
   * {@code s[ss,se)} assigned in the match {@code s[ms,se)}; the hand key-word scanner asks this.
   */
  boolean genericAllows(String s, int ms, int ss, int se) {
    if (global.allows(s, ss, se, ms, se)) {
      return true;
    }
    for (Rule r : rules) {
      if (r.type == SecretDetector.GENERIC_SECRET) {
        for (Allowlist a : r.allowlists) {
          if (a.allows(s, ss, se, ms, se)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The global allowlist, {@link Allowlist#NONE} when there is none. */
  Allowlist global() {
    return global;
  }

  /** Types the rules report. */
  Set<FindingType> types() {
    return types;
  }

  /** Rules not run, each with the reason. */
  List<String> skipped() {
    return skipped;
  }

  /** A candidate finding in the normalized text. */
  record Candidate(int start, int end, Rule rule) {}

  /**
   * Runs the rules on {@code s} (its one-byte view {@code b}); adds candidates to {@code out}.
   * Windows of one rule that overlap are merged, so each char is matched at most once per rule.
   */
  void scan(String s, byte[] b, List<Candidate> out) {
    scan(s, b, new int[0], 0, out);
  }

  /**
   * As {@link #scan(String, byte[], List)}, skipping keyword hits inside the {@code count} spans
   * (start/end pairs, in order) the hand scanners already reported: their windows could only add
   * a candidate over the same secret, which the merge drops.
   */
  void scan(String s, byte[] b, int[] spans, int count, List<Candidate> out) {
    scan(s, b, spans, count, out, keywords.cursor(b, s.length()));
  }

  /**
   * As {@link #scan(String, byte[], int[], int, List)}, the keyword search only in the 16-char
   * {@code blocks} of hit starts that {@link RunGate#pass} opened on {@code b}: outside them no
   * keyword hit has a window that can hold a match, so the candidates are those of the search over
   * the whole text. Null blocks: no hit anywhere can lead to a candidate.
   */
  void scan(String s, byte[] b, int[] spans, int count, List<Candidate> out, long[] blocks) {
    scan(s, b, spans, count, out, blocks, keywords.cursor());
  }

  /**
   * As {@link #scan(String, byte[], int[], int, List, long[])} with a cursor of {@link #keywords}
   * that the caller keeps ({@link Keywords#cursor()}), reset here; released after the scan.
   */
  void scan(String s, byte[] b, int[] spans, int count, List<Candidate> out, long[] blocks, Keywords.Cursor cursor) {
    if (blocks != null) {
      try {
        scan(s, b, spans, count, out, cursor.reset(b, s.length(), blocks));
      } finally {
        cursor.release();
      }
    }
  }

  private void scan(String s, byte[] b, int[] spans, int count, List<Candidate> out, Keywords.Cursor c) {
    int n = s.length();
    // the open window of each rule with one: (rule, start, end, its one hit or -1 once merged)
    // quads, few per text (a rule array per call would allocate and clear two ints per rule, 221
    // of them, on every short answer)
    int[] open = null;
    int opened = 0;
    int sp = 0;
    while (c.next()) {
      int hit = c.start();
      int kwEnd = c.end();
      while (sp < count && spans[2 * sp + 1] <= hit) {
        sp++;
      }
      if (sp < count && spans[2 * sp] <= hit && kwEnd <= spans[2 * sp + 1]) {
        continue;
      }
      for (int r : keywords.owners[c.keyword()]) {
        Rule rule = rules.get(r);
        if (!rule.gate(b, n, hit, kwEnd)) {
          continue;
        }
        int ws = Math.max(0, hit - rule.lead(kwEnd - hit));
        int we = rule.windowEnd(s, n, hit, kwEnd);
        int k = 0;
        while (k < opened && open[4 * k] != r) {
          k++;
        }
        if (k == opened) {
          if (open == null) {
            open = new int[16];
          } else if (4 * opened == open.length) {
            open = java.util.Arrays.copyOf(open, open.length * 2);
          }
          opened++;
        } else if (ws <= open[4 * k + 2]) {
          open[4 * k + 2] = Math.max(open[4 * k + 2], we);
          open[4 * k + 3] = -1;
          continue;
        } else {
          rule.run(this, s, open[4 * k + 1], open[4 * k + 2], open[4 * k + 3], out);
        }
        open[4 * k] = r;
        open[4 * k + 1] = ws;
        open[4 * k + 2] = we;
        open[4 * k + 3] = hit;
      }
    }
    // the last window of each rule, in rule order
    for (int done = 0; done < opened; done++) {
      int best = -1;
      for (int k = 0; k < opened; k++) {
        if (open[4 * k] >= 0 && (best < 0 || open[4 * k] < open[4 * best])) {
          best = k;
        }
      }
      rules.get(open[4 * best]).run(this, s, open[4 * best + 1], open[4 * best + 2], open[4 * best + 3], out);
      open[4 * best] = -1;
    }
  }

  /** One rule: its compiled regex and what a match must pass. */
  static final class Rule {
    final String id;
    final FindingType type;
    /** The regex as compiled (after the rewrites in {@link GitleaksRules#parse}). */
    final String source;
    /** Compiled on first use when loaded lazily; a racy double compile is benign (Patterns are immutable). */
    private volatile Pattern regex;
    final int group;
    final double entropy;
    final List<String> keywords;
    final List<Allowlist> allowlists;
    /** The generic shape: an assignment operator must follow the keyword closely. */
    final boolean generic;
    final int after;
    /** The regex's leading {@code [\w.-]{0,50}?} was dropped; see {@link #matchStart}. */
    final boolean widen;
    /** For the generic shape, value chars that must follow the operator ({@link GitleaksRules#minValue}). */
    final int minValue;
    /**
     * The longest match of the compiled regex in chars ({@link RegexReach}) when every match holds
     * one of the keywords, else {@link RegexReach#UNBOUNDED} (the window is then the fixed one).
     */
    final int reach;
    /**
     * The secret is the whole match: group 1 spans it ({@link RegexReach#wholeGroup}) and is the
     * secret group (or the first non-empty one); read from the match, with no capturing rerun.
     */
    final boolean whole;
    /**
     * For a rule with one unbounded run ({@code generic-api-key}'s value) whose every match holds a
     * keyword: where a match can end, read from the text ({@link RunTail}); else null.
     */
    final RunTail runTail;
    /**
     * Every match starts with one of the keywords ({@link KeywordLed}): a match starts at a keyword
     * hit, so a window starts one char (of context) before its hit.
     */
    final boolean led;
    /**
     * For a keyword-led rule whose secret is its whole match and whose every match is this many
     * chars long ({@link RegexReach#fixedLength}), that length; else 0. A window opened by one hit
     * of such a rule can hold one match only, the one at the hit: when that text is a placeholder
     * the regex need not run ({@link #run}).
     */
    final int fixed;

    Rule(String id, FindingType type, String source, Pattern regex, int group, double entropy, List<String> keywords,
        List<Allowlist> allowlists, boolean generic, int after, boolean widen, int minValue) {
      this.id = id;
      this.type = type;
      this.source = source;
      this.regex = regex;
      this.group = group;
      this.entropy = entropy;
      this.keywords = List.copyOf(keywords);
      this.allowlists = List.copyOf(allowlists);
      this.generic = generic;
      this.after = after;
      this.widen = widen;
      this.minValue = minValue;
      int max = RegexReach.maxLength(source);
      // the bound places a match around its keyword only when every match holds a keyword
      this.whole = group <= 1 && RegexReach.wholeGroup(source);
      this.reach = max != RegexReach.UNBOUNDED && RegexReach.holdsKeyword(source, this.keywords) ? max
          : RegexReach.UNBOUNDED;
      this.runTail = this.reach == RegexReach.UNBOUNDED && RegexReach.holdsKeyword(source, this.keywords)
          ? RunTail.of(source) : null;
      this.led = KeywordLed.test(source, this.keywords);
      this.fixed = led && whole && reach != RegexReach.UNBOUNDED && RegexReach.fixedLength(source, reach) ? reach : 0;
    }

    /**
     * The end of the window for the keyword hit {@code [hit, kwEnd)} in {@code s} (length {@code
     * n}): {@link #tail} chars after the keyword, or less where the rule's unbounded run must stop
     * ({@link RunTail#end}).
     */
    int windowEnd(String s, int n, int hit, int kwEnd) {
      int limit = Math.min(n, kwEnd + tail(kwEnd - hit));
      return runTail == null ? limit : runTail.end(s, hit, limit);
    }

    /**
     * Chars before a keyword hit of {@code kwLen} chars that its window starts: a match holding
     * the keyword starts at most {@code reach - kwLen} chars before it, plus one char of context
     * for {@code \b} and {@code ^}; never more than {@link GitleaksRules#BEFORE}; one char when
     * every match starts with a keyword ({@link #led}).
     */
    int lead(int kwLen) {
      if (led) {
        return 1;
      }
      return reach == RegexReach.UNBOUNDED ? BEFORE : Math.min(BEFORE, Math.max(0, reach - kwLen) + 1);
    }

    /**
     * Chars after a keyword hit's end that its window reaches: a match holding the keyword ends
     * at most {@code reach - kwLen} chars after it, plus one char of context for {@code \b} and
     * {@code $}; never more than {@link #after}.
     */
    int tail(int kwLen) {
      return reach == RegexReach.UNBOUNDED ? after : Math.min(after, Math.max(0, reach - kwLen) + 1);
    }

    /** Where gitleaks' match would start: widened over up to 50 of [\w.-] when the prefix was dropped. */
    private int matchStart(String s, int ms) {
      if (!widen) {
        return ms;
      }
      int p = ms;
      while (p > 0 && ms - p < 50 && WIDE[s.charAt(p - 1) & 0xFFFF]) {
        p--;
      }
      return p;
    }

    /**
     * A cheap necessary condition for a match around the keyword hit {@code b[hit,kwEnd)}: for
     * the generic shape ({@code key[ \t\w.-]{0,20}[\s'"]{0,3}(=|:|>|,|...)}) an operator char after
     * at most 23 chars of those classes; for a keyword of three chars or fewer (which ordinary words
     * hold: "they", "ask"), that it sits in a run of at least 12 token chars, as every such rule's
     * token does.
     */
    boolean gate(byte[] b, int n, int hit, int kwEnd) {
      if (generic) {
        int p = kwEnd;
        int lim = Math.min(n, kwEnd + 24);
        while (p < lim && GAP[b[p] & 0xFF]) {
          p++;
        }
        if (p >= n || !OP[b[p] & 0xFF]) {
          return false;
        }
        // the operator (":::=", "=>", "||" at most four chars), up to five of [`'"\s=], the value
        for (int k = 0; k < 4 && p < n && OP[b[p] & 0xFF]; k++) {
          p++;
        }
        for (int k = 0; k < 5 && p < n && QUOTE[b[p] & 0xFF]; k++) {
          p++;
        }
        int v = p;
        while (p < n && p - v < minValue && VALUE[b[p] & 0xFF]) {
          p++;
        }
        return p - v >= minValue;
      }
      if (kwEnd - hit <= 3) {
        int st = hit;
        while (st > 0 && st > hit - 12 && RUN[b[st - 1] & 0xFF]) {
          st--;
        }
        int en = kwEnd;
        while (en < n && en - st < 12 && RUN[b[en] & 0xFF]) {
          en++;
        }
        return en - st >= 12;
      }
      return true;
    }

    /** Returns the compiled regex, compiling it on the first call when the rules were loaded lazily. */
    Pattern regex() {
      Pattern p = regex;
      if (p == null) {
        p = Pattern.compile(source);
        regex = p;
      }
      return p;
    }

    /**
     * As {@link #run(GitleaksRules, String, int, int, List)} on a window opened by the one keyword
     * hit {@code hit} ({@code -1}: by several): a {@link #fixed}-length rule's only possible match
     * there starts at the hit (matches start at gated hits, and the window reaches no other), so
     * when those chars are a placeholder, or run past the text, no candidate can come of it and
     * the regex is not run (the documentation key {@code AKIAIOSFODNN7EXAMPLE}).
     */
    void run(GitleaksRules all, String s, int from, int to, int hit, List<Candidate> out) {
      if (fixed > 0 && hit >= 0 && (hit + fixed > s.length() || SecretText.placeholder(s, hit, hit + fixed))) {
        return;
      }
      run(all, s, from, to, out);
    }

    void run(GitleaksRules all, String s, int from, int to, List<Candidate> out) {
      Matcher m = regex().matcher(CharBuffer.wrap(s, from, to));
      boolean pem = id.equals("private-key");
      int next = 0;
      while (next <= to - from && m.find(next)) {
        next = m.end() > m.start() ? m.end() : m.end() + 1;
        if (pem) {
          // gitleaks' lazy body runs to the first "KEY-----", which may be the next block's BEGIN
          // header: such a match spans two headers and is no key. Each BEGIN is judged on its own
          // (search again from the inner header), so what is found does not depend on where the
          // scan started (a stream rescans from a later point than a whole check).
          int inner = innerBegin(s, from + m.start() + 10, from + m.end());
          if (inner >= 0) {
            next = inner - from;
            continue;
          }
        }
        int g = whole ? 0 : group;
        if (g == 0 && !whole) {
          for (int k = 1; k <= m.groupCount(); k++) {
            if (m.start(k) >= 0 && m.end(k) > m.start(k)) {
              g = k;
              break;
            }
          }
        }
        int ss = from + m.start(g);
        int se = from + m.end(g);
        if (se <= ss) {
          continue;
        }
        if ((entropy > 0 && SecretText.entropy(s, ss, se) <= entropy) || SecretText.placeholder(s, ss, se)) {
          continue;
        }
        int ms = matchStart(s, from + m.start());
        int me = from + m.end();
        if (all.global.allows(s, ss, se, ms, me)) {
          continue;
        }
        boolean allowed = false;
        for (Allowlist a : allowlists) {
          if (a.allows(s, ss, se, ms, me)) {
            allowed = true;
            break;
          }
        }
        if (!allowed) {
          out.add(new Candidate(ss, se, this));
        }
      }
    }

    /** The first {@code -----BEGIN} (any case) in {@code s[from, to)}, or -1. */
    private static int innerBegin(String s, int from, int to) {
      // bounded by to: String.indexOf would read on to the end of the text on every call
      for (int p = from; p + 10 <= to; p++) {
        if (s.charAt(p) == '-' && s.startsWith("-----", p) && s.regionMatches(true, p + 5, "BEGIN", 0, 5)) {
          return p;
        }
      }
      return -1;
    }

    @Override
    public String toString() {
      return "Rule[" + id + "]";
    }
  }

  /** Whitespace, quotes and [\w.-]: what may sit between a generic rule's keyword and its operator. */
  private static final boolean[] GAP = new boolean[256];
  /** The operators' first chars. */
  private static final boolean[] OP = new boolean[256];
  /** What may sit between a generic rule's operator and its value: {@code [`'"\s=]}. */
  private static final boolean[] QUOTE = new boolean[256];
  /** Chars a generic rule's value starts with: {@code [\w.=+/~%-]}. */
  private static final boolean[] VALUE = new boolean[256];

  /** {@code [\w.-]} for chars up to U+FFFF (ASCII only: RE2's \w is ASCII). */
  private static final boolean[] WIDE = new boolean[65536];

  /** Token chars of the prefixed rules ({@code [\w.~+/=-]}). */
  private static final boolean[] RUN = new boolean[256];

  static {
    for (int c = 0; c < 128; c++) {
      boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      GAP[c] = word || c == '.' || c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
          || c == 0x0B || c == '\'' || c == '"';
      RUN[c] = word || c == '.' || c == '-' || c == '~' || c == '+' || c == '/' || c == '=';
      WIDE[c] = word || c == '.' || c == '-';
      QUOTE[c] = c == '`' || c == '\'' || c == '"' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
          || c == 0x0B || c == '=';
      VALUE[c] = word || c == '.' || c == '=' || c == '+' || c == '/' || c == '~' || c == '%' || c == '-';
    }
    for (char c : "=>:|?,".toCharArray()) {
      OP[c] = true;
    }
  }
}
