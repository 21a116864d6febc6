package dev.guardrails.detectors.secrets;

import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped gitleaks rules in the form the detector loads at run time ({@code gitleaks.rules}):
 * what {@link GitleaksRules#parse(String, String)} makes of {@code gitleaks.toml} (the regexes as
 * compiled, keywords lower case, the derived gate and window fields, allowlists, skipped rules),
 * one record per line with tab-separated, escaped fields. Reading it takes a split per line, where
 * the TOML took Jackson's start-up; the TOML stays the source (its licence and provenance), and
 * {@code GitleaksRulesTest} fails when this file is not what {@link #write} makes of it (the test
 * writes the expected file to {@code target/gitleaks.rules} for the refresh script to copy).
 *
 * <p>Records: {@code G} the global allowlist; {@code R} a rule ({@code id, regex, group, entropy,
 * generic, after, widen, minValue, keyword count, keywords...}); {@code A} an allowlist of the rule
 * before it ({@code target, and, regex count, regexes..., stopword count, stopwords...});
 * {@code S} a skipped rule with its reason. Rule regexes compile on first use
 * ({@code Rule.regex()}); allowlist regexes (49) compile at load.
 *
 * <p>Stateless and thread-safe.
 */
final class RuleFile {

  static final String HEADER = "# gitleaks rules as GitleaksRules reads them; generated from gitleaks.toml"
      + " by RuleFile.write (GitleaksRulesTest), do not edit";

  private RuleFile() {}

  /**
   * Loads a rule file from the class path, beside this class.
   *
   * @param name the resource name
   * @return the rules
   * @throws IllegalStateException if the resource is missing or malformed
   */
  static GitleaksRules load(String name) {
    try (InputStream in = RuleFile.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("secret rules resource " + name + " is missing from the classpath");
      }
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException("secret rules resource " + name + " could not be read", e);
    }
  }

  /**
   * Writes rules in this file's form.
   *
   * @param g the rules
   * @return the file's text
   */
  static String write(GitleaksRules g) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    if (g.global() != Allowlist.NONE) {
      allowlist(b.append('G'), g.global());
    }
    for (GitleaksRules.Rule r : g.rules) {
      b.append('R');
      field(b, r.id);
      field(b, r.source);
      field(b, Integer.toString(r.group));
      field(b, Double.toString(r.entropy));
      field(b, Boolean.toString(r.generic));
      field(b, Integer.toString(r.after));
      field(b, Boolean.toString(r.widen));
      field(b, Integer.toString(r.minValue));
      list(b, r.keywords);
      b.append('\n');
      for (Allowlist a : r.allowlists) {
        allowlist(b.append('A'), a);
      }
    }
    for (String s : g.skipped()) {
      field(b.append('S'), s);
      b.append('\n');
    }
    return b.toString();
  }

  private static void allowlist(StringBuilder b, Allowlist a) {
    field(b, a.target());
    field(b, Boolean.toString(a.and()));
    List<String> res = new ArrayList<>(a.regexes().size());
    for (Pattern p : a.regexes()) {
      res.add(p.pattern());
    }
    list(b, res);
    list(b, a.stopwords());
    b.append('\n');
  }

  private static void list(StringBuilder b, List<String> values) {
    field(b, Integer.toString(values.size()));
    for (String v : values) {
      field(b, v);
    }
  }

  private static void field(StringBuilder b, String v) {
    b.append('\t');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
  }

  /**
   * Reads a rule file.
   *
   * @param text the file's text
   * @param source its name, for messages
   * @return the rules
   * @throws IllegalStateException naming the line when the file is malformed
   */
  static GitleaksRules read(String text, String source) {
    List<GitleaksRules.Rule> rules = new ArrayList<>();
    List<Allowlist> allow = null;
    Allowlist global = Allowlist.NONE;
    List<String> skipped = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int ln = 0; ln < lines.length; ln++) {
      String line = lines[ln];
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      try {
        for (int i = 1; i < f.length; i++) {
          f[i] = unescape(f[i]);
        }
        switch (f[0]) {
          case "G" -> global = allowlist(f, 1);
          case "R" -> {
            finish(rules, allow);
            List<String> kws = strings(f, 9);
            allow = new ArrayList<>();
            rules.add(new GitleaksRules.Rule(f[1], GitleaksRules.typeOf(f[1]), f[2], null, Integer.parseInt(f[3]),
                Double.parseDouble(f[4]), kws, allow, Boolean.parseBoolean(f[5]), Integer.parseInt(f[6]),
                Boolean.parseBoolean(f[7]), Integer.parseInt(f[8])));
          }
          case "A" -> {
            if (allow == null) {
              throw new IllegalArgumentException("an allowlist before any rule");
            }
            allow.add(allowlist(f, 1));
          }
          case "S" -> skipped.add(f[1]);
          default -> throw new IllegalArgumentException("unknown record " + f[0]);
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(source + ": malformed line " + (ln + 1) + " (" + e.getClass().getSimpleName()
            + "); regenerate it with GitleaksRulesTest", e);
      }
    }
    finish(rules, allow);
    return new GitleaksRules(rules, global, skipped);
  }

  /** Rules are built before their allowlists are read: freeze the previous rule's list in place. */
  private static void finish(List<GitleaksRules.Rule> rules, List<Allowlist> allow) {
    if (allow != null && !rules.isEmpty()) {
      GitleaksRules.Rule r = rules.get(rules.size() - 1);
      rules.set(rules.size() - 1, new GitleaksRules.Rule(r.id, r.type, r.source, null, r.group, r.entropy, r.keywords,
          allow, r.generic, r.after, r.widen, r.minValue));
    }
  }

  private static Allowlist allowlist(String[] f, int at) {
    String target = f[at];
    boolean and = Boolean.parseBoolean(f[at + 1]);
    List<String> res = strings(f, at + 2);
    List<Pattern> patterns = new ArrayList<>(res.size());
    for (String r : res) {
      patterns.add(Pattern.compile(r));
    }
    List<String> stop = strings(f, at + 3 + res.size());
    return new Allowlist(List.copyOf(patterns), List.copyOf(stop), target, and);
  }

  private static List<String> strings(String[] f, int at) {
    int n = Integer.parseInt(f[at]);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(f[at + 1 + i]);
    }
    return out;
  }

  private static String unescape(String v) {
    if (v.indexOf('\\') < 0) {
      return v;
    }
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length()) {
        char n = v.charAt(++i);
        b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
