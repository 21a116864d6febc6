package dev.guardrails;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decides what to do about each finding: rules from (category or type, minimum score) to an
 * {@link Action}, plus the {@link Redactor} used for each type. Detection and action stay apart; a
 * caller who wants only findings uses {@link #reportOnly()}.
 *
 * <p><b>Resolution.</b> For a finding, the rules of its exact type apply if there are any;
 * otherwise those of its category; otherwise the default action. Among the applicable rules, the
 * one with the highest minimum score not above the finding's score wins; if the finding scores
 * below all of them, the action is {@link Action#ALLOW}.
 *
 * <pre>{@code
 * Policy policy = Policy.builder()
 *     .rule(Category.PII, 0.5, Action.REDACT)
 *     .rule(FindingType.of(Category.SECRET, "PRIVATE_KEY"), Action.BLOCK)
 *     .redactor(Category.PII, Redactor.numberedTag())
 *     .build();
 * }</pre>
 *
 * <p><b>Attributes.</b> Rules may also name a finding attribute (see {@link Finding#attributes()}):
 * {@code PII/PERSON linked = REDACT}. When a finding has attributes that rules of its type address,
 * those rules decide and the strongest action among the matching attributes wins (a public figure
 * named next to a phone number is {@code linked} and {@code publicFigure}: REDACT beats ALLOW);
 * otherwise the type and category rules apply as above. The defaults redact a PERSON that is
 * {@code linked} or {@code private}, allow a {@code publicFigure}, and flag any other name;
 * {@link #strict()} has no attribute rules and redacts every name.
 *
 * <p><b>Policy files</b> ({@link #parse(Reader)}), one statement a line; {@code #} at the start of
 * a line or after white space starts a comment:
 * <pre>
 * extends defaults            # optional first statement: defaults, strict, lenient, report-only
 * default = FLAG
 * PII &gt;= 0.5 = REDACT
 * PII/EMAIL = BLOCK
 * PII/PERSON linked = REDACT   # attribute rules: linked, private, publicFigure (or public), echo
 * PII/PERSON public = ALLOW
 * redact PII = numbered        # tag, numbered, mask[:CHAR:KEEP], hash, rewrite, fixed:TEXT
 * redact default = tag
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Policy {

  private final Action defaultAction;
  private final Map<Category, List<Rule>> categoryRules;
  private final Map<FindingType, List<Rule>> typeRules;
  private final Map<FindingType, Map<String, List<Rule>>> attributeRules;
  private final Map<Category, Redactor> categoryRedactors;
  private final Map<FindingType, Redactor> typeRedactors;
  private final Redactor defaultRedactor;
  private final String name;

  private record Rule(double minScore, Action action) {}

  private Policy(Builder b) {
    this.defaultAction = b.defaultAction;
    this.categoryRules = freeze(b.categoryRules);
    this.typeRules = freeze(b.typeRules);
    Map<FindingType, Map<String, List<Rule>>> attrs = new HashMap<>();
    b.attributeRules.forEach((t, m) -> attrs.put(t, freeze(m)));
    this.attributeRules = Map.copyOf(attrs);
    this.categoryRedactors = Collections.unmodifiableMap(new EnumMap<>(b.categoryRedactors));
    this.typeRedactors = Map.copyOf(b.typeRedactors);
    this.defaultRedactor = b.defaultRedactor;
    this.name = b.name;
  }

  private static <K> Map<K, List<Rule>> freeze(Map<K, List<Rule>> m) {
    Map<K, List<Rule>> out = new HashMap<>();
    for (Map.Entry<K, List<Rule>> e : m.entrySet()) {
      List<Rule> rules = new ArrayList<>(e.getValue());
      rules.sort((a, c) -> Double.compare(c.minScore, a.minScore)); // highest threshold first
      out.put(e.getKey(), List.copyOf(rules));
    }
    return Map.copyOf(out);
  }

  /**
   * Returns the balanced preset the CLI uses by default: secrets redacted with type tags; PII
   * redacted with numbered tags at score 0.5 or more, flagged below; bias and claims (score 0.5 or
   * more) flagged.
   */
  public static Policy defaults() {
    return Presets.DEFAULTS;
  }

  /**
   * Returns the strict preset: secrets block; PII redacted at score 0.3 or more; biased phrasing
   * rewritten with the first neutral suggestion at score 0.5 or more; contradicted claims (0.7 or
   * more) block; other claims flagged.
   */
  public static Policy strict() {
    return Presets.STRICT;
  }

  /**
   * Returns the lenient preset: only confident findings count. Secrets redacted; PII redacted at
   * 0.8, flagged at 0.5; bias flagged at 0.7; claims flagged at 0.8; anything else allowed.
   */
  public static Policy lenient() {
    return Presets.LENIENT;
  }

  /** Returns the preset that flags every finding and never changes the text. */
  public static Policy reportOnly() {
    return Presets.REPORT_ONLY;
  }

  /**
   * Returns a preset by name: {@code defaults}, {@code strict}, {@code lenient} or
   * {@code report-only}.
   *
   * @param name the preset name
   * @return the preset
   * @throws IllegalArgumentException if no preset has that name
   */
  public static Policy preset(String name) {
    Objects.requireNonNull(name, "name");
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "defaults":
      case "default":
        return defaults();
      case "strict":
        return strict();
      case "lenient":
        return lenient();
      case "report-only":
      case "reportonly":
        return reportOnly();
      default:
        throw new IllegalArgumentException("policy preset must be defaults, strict, lenient or report-only: " + name);
    }
  }

  /** Returns a new builder whose default action is FLAG and default redactor {@code <TYPE>}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this policy's rules. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.defaultAction = defaultAction;
    categoryRules.forEach((k, v) -> b.categoryRules.put(k, new ArrayList<>(v)));
    typeRules.forEach((k, v) -> b.typeRules.put(k, new ArrayList<>(v)));
    attributeRules.forEach((t, m) -> {
      Map<String, List<Rule>> copy = new HashMap<>();
      m.forEach((a, v) -> copy.put(a, new ArrayList<>(v)));
      b.attributeRules.put(t, copy);
    });
    b.categoryRedactors.putAll(categoryRedactors);
    b.typeRedactors.putAll(typeRedactors);
    b.defaultRedactor = defaultRedactor;
    b.name = name + "+";
    return b;
  }

  /**
   * Returns the action for a finding (see the class description for resolution).
   *
   * @param finding the finding
   * @return the action
   */
  public Action decide(Finding finding) {
    if (!finding.attributes().isEmpty() && !attributeRules.isEmpty()) {
      Map<String, List<Rule>> byAttribute = attributeRules.get(finding.type());
      if (byAttribute != null) {
        Action best = null;
        for (String a : finding.attributes()) {
          List<Rule> rs = byAttribute.get(a);
          if (rs != null) {
            Action x = resolve(rs, finding.score());
            best = best == null ? x : best.max(x);
          }
        }
        if (best != null) {
          return best;
        }
      }
    }
    List<Rule> rules = typeRules.get(finding.type());
    if (rules == null) {
      rules = categoryRules.get(finding.category());
    }
    if (rules == null) {
      return defaultAction;
    }
    return resolve(rules, finding.score());
  }

  private static Action resolve(List<Rule> rules, double score) {
    for (Rule r : rules) {
      if (score >= r.minScore) {
        return r.action;
      }
    }
    return Action.ALLOW;
  }

  /**
   * Returns the redaction operator for a finding type: the type's own, else its category's, else
   * the default.
   *
   * @param type the finding type
   * @return the operator
   */
  public Redactor redactor(FindingType type) {
    Redactor r = typeRedactors.get(type);
    if (r == null) {
      r = categoryRedactors.get(type.category());
    }
    return r != null ? r : defaultRedactor;
  }

  /**
   * Parses a policy file (format in the class description).
   *
   * @param reader the policy text
   * @return the policy
   * @throws IOException if reading fails
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  public static Policy parse(Reader reader) throws IOException {
    return PolicyParser.parse(new BufferedReader(reader));
  }

  /**
   * Parses policy text (format in the class description).
   *
   * @param text the policy text
   * @return the policy
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  public static Policy parse(String text) {
    try {
      return parse(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalStateException(e); // cannot happen for a StringReader
    }
  }

  /**
   * Reads and parses a UTF-8 policy file.
   *
   * @param file the file
   * @return the policy
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  public static Policy load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r);
    }
  }

  @Override
  public String toString() {
    return "Policy[" + name + ", default=" + defaultAction + ", categoryRules=" + categoryRules.size()
        + ", typeRules=" + typeRules.size() + ", attributeRules=" + attributeRules.size() + "]";
  }

  /**
   * Builds a {@link Policy}. Setters check their arguments; a rule for the same target and minimum
   * score may be given once. Not thread-safe; {@link #build()} returns an immutable policy.
   */
  public static final class Builder {
    private Action defaultAction = Action.FLAG;
    private final Map<Category, List<Rule>> categoryRules = new EnumMap<>(Category.class);
    private final Map<FindingType, List<Rule>> typeRules = new HashMap<>();
    private final Map<FindingType, Map<String, List<Rule>>> attributeRules = new HashMap<>();
    private final Map<Category, Redactor> categoryRedactors = new EnumMap<>(Category.class);
    private final Map<FindingType, Redactor> typeRedactors = new HashMap<>();
    private Redactor defaultRedactor = Redactor.typeTag();
    private String name = "custom";

    private Builder() {}

    /**
     * Sets the action for findings no rule addresses.
     *
     * @param action the action
     * @return this builder
     */
    public Builder defaultAction(Action action) {
      this.defaultAction = Objects.requireNonNull(action, "action");
      return this;
    }

    /**
     * Adds a rule for every finding of a category, whatever its score.
     *
     * @param category the category
     * @param action the action
     * @return this builder
     */
    public Builder rule(Category category, Action action) {
      return rule(category, 0.0, action);
    }

    /**
     * Adds a rule for findings of a category scoring at least {@code minScore}.
     *
     * @param category the category
     * @param minScore the minimum score in {@code [0, 1]}
     * @param action the action
     * @return this builder
     * @throws IllegalArgumentException if the score is out of range or the same rule exists
     */
    public Builder rule(Category category, double minScore, Action action) {
      Objects.requireNonNull(category, "category");
      add(categoryRules.computeIfAbsent(category, k -> new ArrayList<>()), category.toString(), minScore, action);
      return this;
    }

    /**
     * Adds a rule for every finding of a type, whatever its score.
     *
     * @param type the type
     * @param action the action
     * @return this builder
     */
    public Builder rule(FindingType type, Action action) {
      return rule(type, 0.0, action);
    }

    /**
     * Adds a rule for findings of a type scoring at least {@code minScore}. Once a type has a
     * rule, its category's rules no longer apply to it.
     *
     * @param type the type
     * @param minScore the minimum score in {@code [0, 1]}
     * @param action the action
     * @return this builder
     * @throws IllegalArgumentException if the score is out of range or the same rule exists
     */
    public Builder rule(FindingType type, double minScore, Action action) {
      Objects.requireNonNull(type, "type");
      add(typeRules.computeIfAbsent(type, k -> new ArrayList<>()), type.toString(), minScore, action);
      return this;
    }

    /**
     * Adds a rule for findings of a type that carry an attribute (see {@link Finding#attributes()}),
     * whatever their score. See {@link #rule(FindingType, String, double, Action)}.
     *
     * @param type the type, such as {@code PII/PERSON}
     * @param attribute the attribute, such as {@link Finding#LINKED}
     * @param action the action
     * @return this builder
     */
    public Builder rule(FindingType type, String attribute, Action action) {
      return rule(type, attribute, 0.0, action);
    }

    /**
     * Adds a rule for findings of a type that carry an attribute and score at least
     * {@code minScore}. Attribute rules take precedence over the type's and category's rules for
     * the findings they match; among several matching attributes the strongest action wins. A
     * rule for the same type, attribute and minimum score replaces the earlier one, so a policy
     * that extends a preset can change the preset's attribute rules.
     *
     * @param type the type, such as {@code PII/PERSON}
     * @param attribute the attribute, such as {@link Finding#LINKED}
     * @param minScore the minimum score in {@code [0, 1]}
     * @param action the action
     * @return this builder
     * @throws IllegalArgumentException if the attribute is blank or the score out of range
     */
    public Builder rule(FindingType type, String attribute, double minScore, Action action) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(action, "action");
      if (attribute.isBlank()) {
        throw new IllegalArgumentException("rule attribute must not be blank");
      }
      List<Rule> rules = attributeRules.computeIfAbsent(type, k -> new HashMap<>())
          .computeIfAbsent(attribute, k -> new ArrayList<>());
      rules.removeIf(r -> r.minScore == minScore);
      add(rules, type + " " + attribute, minScore, action);
      return this;
    }

    private static void add(List<Rule> rules, String target, double minScore, Action action) {
      Objects.requireNonNull(action, "action");
      if (!(minScore >= 0.0 && minScore <= 1.0)) {
        throw new IllegalArgumentException("rule minimum score must be in [0, 1]: " + minScore);
      }
      for (Rule r : rules) {
        if (r.minScore == minScore) {
          throw new IllegalArgumentException("rule for " + target + " >= " + minScore + " was already added");
        }
      }
      rules.add(new Rule(minScore, action));
    }

    /**
     * Sets the redaction operator for a category.
     *
     * @param category the category
     * @param redactor the operator
     * @return this builder
     */
    public Builder redactor(Category category, Redactor redactor) {
      categoryRedactors.put(Objects.requireNonNull(category, "category"), Objects.requireNonNull(redactor, "redactor"));
      return this;
    }

    /**
     * Sets the redaction operator for a type.
     *
     * @param type the type
     * @param redactor the operator
     * @return this builder
     */
    public Builder redactor(FindingType type, Redactor redactor) {
      typeRedactors.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(redactor, "redactor"));
      return this;
    }

    /**
     * Sets the operator used when neither the type nor its category has one.
     *
     * @param redactor the operator
     * @return this builder
     */
    public Builder defaultRedactor(Redactor redactor) {
      this.defaultRedactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Returns the immutable policy. */
    public Policy build() {
      return new Policy(this);
    }
  }
}
