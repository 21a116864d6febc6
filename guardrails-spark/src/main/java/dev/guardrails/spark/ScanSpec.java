package dev.guardrails.spark;

import dev.guardrails.FailMode;
import dev.guardrails.Verdict;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link GuardrailsSpark#scan} does: which columns hold the answer, its sources and the
 * values the user supplied, which policy and detectors to run, and what a row whose check fails
 * gets. A spec is small, immutable and {@link Serializable}: Spark ships it to the executors, and
 * each executor JVM builds one {@link dev.guardrails.Guardrail} from it, once, and reuses it for
 * every partition and task (equal specs share it).
 *
 * <pre>{@code
 * ScanSpec spec = ScanSpec.builder("answer")
 *     .sourcesColumn("retrieved")
 *     .policyPreset("strict")
 *     .detectors("pii.email", "pii.patterns", "secrets")
 *     .build();
 * Dataset<Row> scanned = GuardrailsSpark.scan(transcripts, spec);
 * }</pre>
 *
 * <p>The policy travels as text (a preset name or the content of a policy file), never as a path:
 * executors need no access to the driver's files. Immutable and thread-safe.
 */
public final class ScanSpec implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How the scan runs on Spark; both give the same rows. */
  public enum Method {
    /** {@code Dataset.mapPartitions} with a row encoder: the whole input row passes through the JVM. */
    MAP_PARTITIONS,
    /** A Spark SQL UDF over the text, sources, user-values and prompt columns only. */
    UDF
  }

  /** The default {@link Method}, the faster of the two in our measurement (RESULTS.md). */
  public static final Method DEFAULT_METHOD = Method.UDF;

  private final String textColumn;
  private final String sourcesColumn;
  private final String userValuesColumn;
  private final String promptColumn;
  private final String policyPreset;
  private final String policyText;
  private final List<String> detectors;
  private final FailMode failMode;
  private final Verdict errorVerdict;
  private final String blockMessage;
  private final Method method;

  private ScanSpec(Builder b) {
    this.textColumn = b.textColumn;
    this.sourcesColumn = b.sourcesColumn;
    this.userValuesColumn = b.userValuesColumn;
    this.promptColumn = b.promptColumn;
    this.policyPreset = b.policyPreset;
    this.policyText = b.policyText;
    this.detectors = List.copyOf(b.detectors);
    this.failMode = b.failMode;
    this.errorVerdict = b.errorVerdict;
    this.blockMessage = b.blockMessage;
    this.method = b.method;
  }

  /**
   * Returns a builder for a scan of the answers in {@code textColumn}.
   *
   * @param textColumn the column holding the text to check (a string column)
   * @return the builder
   * @throws IllegalArgumentException if the name is blank
   */
  public static Builder builder(String textColumn) {
    return new Builder(textColumn);
  }

  /** Returns the column holding the text to check. */
  public String textColumn() {
    return textColumn;
  }

  /** Returns the column holding the grounding sources (array of strings, or one string), if any. */
  public Optional<String> sourcesColumn() {
    return Optional.ofNullable(sourcesColumn);
  }

  /** Returns the column holding values the user supplied themselves (array of strings, or one string), if any. */
  public Optional<String> userValuesColumn() {
    return Optional.ofNullable(userValuesColumn);
  }

  /** Returns the column holding the prompt, if any. */
  public Optional<String> promptColumn() {
    return Optional.ofNullable(promptColumn);
  }

  /** Returns the policy preset name, if the policy is a preset. */
  public Optional<String> policyPreset() {
    return Optional.ofNullable(policyPreset);
  }

  /** Returns the policy-file text, if the policy is given as text. */
  public Optional<String> policyText() {
    return Optional.ofNullable(policyText);
  }

  /** Returns the ids of the detectors to run; empty means every detector found on the class path. */
  public List<String> detectors() {
    return detectors;
  }

  /** Returns the fail mode of the detectors (what a crashing or late detector's row gets). */
  public FailMode failMode() {
    return failMode;
  }

  /** Returns the verdict of a row whose check could not run (null or non-string text, an exception). */
  public Verdict errorVerdict() {
    return errorVerdict;
  }

  /** Returns the block message, if one is set; otherwise the guardrail's default. */
  public Optional<String> blockMessage() {
    return Optional.ofNullable(blockMessage);
  }

  /** Returns how the scan runs on Spark. */
  public Method method() {
    return method;
  }

  /** Returns a builder holding this spec's settings. */
  public Builder toBuilder() {
    Builder b = new Builder(textColumn);
    b.sourcesColumn = sourcesColumn;
    b.userValuesColumn = userValuesColumn;
    b.promptColumn = promptColumn;
    b.policyPreset = policyPreset;
    b.policyText = policyText;
    b.detectors.addAll(detectors);
    b.failMode = failMode;
    b.errorVerdict = errorVerdict;
    b.blockMessage = blockMessage;
    b.method = method;
    return b;
  }

  /** Equal when every setting that changes the built guardrail or the rows is equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ScanSpec)) {
      return false;
    }
    ScanSpec s = (ScanSpec) o;
    return textColumn.equals(s.textColumn)
        && Objects.equals(sourcesColumn, s.sourcesColumn)
        && Objects.equals(userValuesColumn, s.userValuesColumn)
        && Objects.equals(promptColumn, s.promptColumn)
        && Objects.equals(policyPreset, s.policyPreset)
        && Objects.equals(policyText, s.policyText)
        && detectors.equals(s.detectors)
        && failMode == s.failMode
        && errorVerdict == s.errorVerdict
        && Objects.equals(blockMessage, s.blockMessage)
        && method == s.method;
  }

  @Override
  public int hashCode() {
    return Objects.hash(textColumn, sourcesColumn, userValuesColumn, promptColumn, policyPreset, policyText,
        detectors, failMode, errorVerdict, blockMessage, method);
  }

  /** Names columns and sizes only; never the policy text. */
  @Override
  public String toString() {
    return "ScanSpec[text=" + textColumn + ", sources=" + sourcesColumn + ", userValues=" + userValuesColumn
        + ", prompt=" + promptColumn
        + ", policy=" + (policyPreset != null ? policyPreset : "text(" + policyText.length() + " chars)")
        + ", detectors=" + (detectors.isEmpty() ? "all" : detectors) + ", failMode=" + failMode
        + ", errorVerdict=" + errorVerdict + ", method=" + method + "]";
  }

  /** Builds a {@link ScanSpec}. Not thread-safe; {@link #build()} returns an immutable spec. */
  public static final class Builder {
    private final String textColumn;
    private String sourcesColumn;
    private String userValuesColumn;
    private String promptColumn;
    private String policyPreset = "defaults";
    private String policyText;
    private final List<String> detectors = new ArrayList<>();
    private FailMode failMode = FailMode.CLOSED;
    private Verdict errorVerdict = Verdict.BLOCK;
    private String blockMessage;
    private Method method = DEFAULT_METHOD;

    private Builder(String textColumn) {
      this.textColumn = column(textColumn, "text column");
    }

    /**
     * Names the column of grounding sources for claim checks: an array of strings, or one string.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder sourcesColumn(String column) {
      this.sourcesColumn = column(column, "sources column");
      return this;
    }

    /**
     * Names the column of values the user supplied (their own email is not a leak): an array of
     * strings, or one string.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder userValuesColumn(String column) {
      this.userValuesColumn = column(column, "user-values column");
      return this;
    }

    /**
     * Names the column holding the prompt.
     *
     * @param column the column name
     * @return this builder
     */
    public Builder promptColumn(String column) {
      this.promptColumn = column(column, "prompt column");
      return this;
    }

    /**
     * Uses a policy preset: {@code defaults} (the default), {@code strict}, {@code lenient} or
     * {@code report-only}. Checked when the scan is planned.
     *
     * @param name the preset name
     * @return this builder
     */
    public Builder policyPreset(String name) {
      Objects.requireNonNull(name, "name");
      this.policyPreset = name;
      this.policyText = null;
      return this;
    }

    /**
     * Uses a policy given as the text of a policy file (format in {@link dev.guardrails.Policy}).
     * Parsed when the scan is planned, so a malformed policy fails before any task runs.
     *
     * @param text the policy text
     * @return this builder
     */
    public Builder policyText(String text) {
      Objects.requireNonNull(text, "text");
      this.policyText = text;
      this.policyPreset = null;
      return this;
    }

    /**
     * Reads a UTF-8 policy file on the driver and uses its text.
     *
     * @param file the policy file
     * @return this builder
     * @throws IOException if the file cannot be read
     */
    public Builder policyFile(Path file) throws IOException {
      return policyText(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Runs only these detectors (ids such as {@code pii.email}, {@code secrets},
     * {@code bias.lexicon}); every detector on the class path when never called.
     *
     * @param ids detector ids
     * @return this builder
     * @throws IllegalArgumentException if an id is blank or repeated
     */
    public Builder detectors(String... ids) {
      for (String id : ids) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
          throw new IllegalArgumentException("detector id must not be blank");
        }
        if (detectors.contains(id)) {
          throw new IllegalArgumentException("detector '" + id + "' was already selected");
        }
        detectors.add(id);
      }
      return this;
    }

    /**
     * Sets the fail mode of the detectors; {@link FailMode#CLOSED} (BLOCK) by default.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder failMode(FailMode mode) {
      this.failMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the verdict of a row whose check cannot run (null or non-string text, or an exception);
     * {@link Verdict#BLOCK} (fail-closed) by default. The row's {@code error} column says why.
     *
     * @param verdict the verdict
     * @return this builder
     */
    public Builder errorVerdict(Verdict verdict) {
      this.errorVerdict = Objects.requireNonNull(verdict, "verdict");
      return this;
    }

    /**
     * Sets the text that replaces a blocked answer in {@code safe_text}.
     *
     * @param message the message
     * @return this builder
     */
    public Builder blockMessage(String message) {
      this.blockMessage = Objects.requireNonNull(message, "message");
      return this;
    }

    /**
     * Chooses how the scan runs on Spark; {@link ScanSpec#DEFAULT_METHOD} by default.
     *
     * @param m the method
     * @return this builder
     */
    public Builder method(Method m) {
      this.method = Objects.requireNonNull(m, "method");
      return this;
    }

    /** Returns the immutable spec. */
    public ScanSpec build() {
      return new ScanSpec(this);
    }

    private static String column(String name, String what) {
      Objects.requireNonNull(name, what);
      if (name.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return name;
    }
  }
}
