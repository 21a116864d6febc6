package dev.guardrails;


/** The built-in {@link Policy} presets, built once. */
final class Presets {

  private Presets() {}

  /** Names: the risk model of docs/pii.md (identifiable or private: redact; public: allow; else flag). */
  static final FindingType PERSON = FindingType.of(Category.PII, "PERSON");

  static final Policy DEFAULTS = Policy.builder()
      .name("defaults")
      .defaultAction(Action.FLAG)
      .rule(Category.SECRET, Action.REDACT)
      .rule(Category.PII, 0.0, Action.FLAG)
      .rule(Category.PII, 0.5, Action.REDACT)
      .rule(PERSON, 0.0, Action.FLAG)
      .rule(PERSON, Finding.LINKED, Action.REDACT)
      .rule(PERSON, Finding.PRIVATE, Action.REDACT)
      .rule(PERSON, Finding.PUBLIC_FIGURE, Action.ALLOW)
      .rule(Category.BIAS, Action.FLAG)
      .rule(Category.CLAIM, 0.5, Action.FLAG)
      .redactor(Category.PII, Redactor.numberedTag())
      .redactor(Category.SECRET, Redactor.typeTag())
      .build();

  static final Policy STRICT = Policy.builder()
      .name("strict")
      .defaultAction(Action.FLAG)
      .rule(Category.SECRET, Action.BLOCK)
      .rule(Category.PII, 0.0, Action.FLAG)
      .rule(Category.PII, 0.3, Action.REDACT)
      .rule(Category.BIAS, 0.0, Action.FLAG)
      .rule(Category.BIAS, 0.5, Action.REDACT)
      .rule(Category.CLAIM, 0.0, Action.FLAG)
      .rule(FindingType.of(Category.CLAIM, "CONTRADICTED"), 0.0, Action.FLAG)
      .rule(FindingType.of(Category.CLAIM, "CONTRADICTED"), 0.7, Action.BLOCK)
      .redactor(Category.PII, Redactor.numberedTag())
      .redactor(Category.BIAS, Redactor.rewrite())
      .build();

  static final Policy LENIENT = Policy.builder()
      .name("lenient")
      .defaultAction(Action.ALLOW)
      .rule(Category.SECRET, 0.5, Action.REDACT)
      .rule(Category.PII, 0.5, Action.FLAG)
      .rule(Category.PII, 0.8, Action.REDACT)
      .rule(PERSON, 0.5, Action.FLAG)
      .rule(PERSON, Finding.LINKED, 0.8, Action.REDACT)
      .rule(PERSON, Finding.PRIVATE, 0.8, Action.REDACT)
      .rule(PERSON, Finding.PUBLIC_FIGURE, Action.ALLOW)
      .rule(Category.BIAS, 0.7, Action.FLAG)
      .rule(Category.CLAIM, 0.8, Action.FLAG)
      .redactor(Category.PII, Redactor.numberedTag())
      .build();

  static final Policy REPORT_ONLY = Policy.builder()
      .name("report-only")
      .defaultAction(Action.FLAG)
      .build();
}
