package dev.guardrails.benchmarks;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naive way to build the default pipeline, for the same-run baselines of the pipeline
 * benchmarks: the common PII regexes from tutorials run one after another (each a
 * {@code replaceAll} over the whole text, as a hand-rolled redactor does), one regex alternation of
 * the same bias lexicon terms the bias detector uses, and a regex alternation of claim cue phrases
 * per sentence (sentences split by a regex). It finds less than the real pipeline (no names, no
 * checksums, no context), so a ratio against it is conservative.
 *
 * <p>Thread-safe: the patterns are compiled once and {@link Pattern} is immutable.
 */
public final class NaiveBaselines {

  private NaiveBaselines() {}

  private static final String MASK = "[REDACTED]";

  /** The PII patterns, applied in this order. */
  private static final List<Pattern> PII = List.of(
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\\b"),
      Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"),
      Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"),
      Pattern.compile("(?:\\+\\d{1,3}[\\s.-]?)?\\(?\\d{3}\\)?[\\s.-]?\\d{3}[\\s.-]?\\d{4}\\b"),
      Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b"),
      Pattern.compile("\\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\\b"),
      Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
      Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"),
      Pattern.compile("(?i)\\b(?:api[_-]?key|secret|token|password)\\s*[:=]\\s*\\S+"),
      Pattern.compile("\\b\\d{1,5}\\s+(?:[A-Z][a-z]+\\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd)\\b"));

  private static final Pattern BIAS = BiasBenchmark.naivePattern();

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  private static final Pattern CLAIM_CUES = Pattern.compile(
      "(?i)\\b(?:(?:studies|study|research|experts|scientists|researchers|doctors|surveys|data|evidence|statistics)"
          + "\\s+(?:show|shows|prove|proves|proven|agree|agrees|say|says|suggest|suggests|confirm|confirms|found|indicate|indicates)"
          + "|according to|guaranteed|100% (?:safe|effective|accurate|certain|sure)|always works|never fails|without a doubt"
          + "|risk-free|completely safe|proven fact|doi\\.org/\\S+|\\[\\d+\\]|\\d+(?:\\.\\d+)?\\s?%)");

  /** What a naive pipeline returns: the redacted text and how many things it found. */
  public static final class Result {
    /** The text with PII matches replaced. */
    public final String redacted;
    /** PII + bias + claim matches. */
    public final int matches;

    Result(String redacted, int matches) {
      this.redacted = redacted;
      this.matches = matches;
    }
  }

  /**
   * Redacts PII with each pattern in turn ({@code replaceAll}), then counts bias terms and claim
   * cues on the redacted text.
   *
   * @param text the answer
   * @return the redacted text and the number of matches
   */
  public static Result pipeline(String text) {
    int[] count = {0};
    String redacted = redactPii(text, count);
    return new Result(redacted, count[0] + bias(redacted) + claims(redacted));
  }

  /**
   * Applies every PII pattern in turn, replacing each match with a mask.
   *
   * @param text the text
   * @param count where to add the number of matches, {@code count[0]}
   * @return the redacted text
   */
  public static String redactPii(String text, int[] count) {
    String s = text;
    for (Pattern p : PII) {
      Matcher m = p.matcher(s);
      if (!m.find()) {
        continue;
      }
      StringBuilder b = new StringBuilder(s.length());
      do {
        count[0]++;
        m.appendReplacement(b, MASK);
      } while (m.find());
      m.appendTail(b);
      s = b.toString();
    }
    return s;
  }

  /**
   * Counts bias lexicon terms with one case-insensitive alternation.
   *
   * @param text the text
   * @return the number of matches
   */
  public static int bias(String text) {
    int n = 0;
    Matcher m = BIAS.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }

  /**
   * Splits sentences with a regex and counts the sentences holding a claim cue.
   *
   * @param text the text
   * @return the number of sentences with a cue
   */
  public static int claims(String text) {
    int n = 0;
    for (String s : SENTENCE_END.split(text)) {
      if (CLAIM_CUES.matcher(s).find()) {
        n++;
      }
    }
    return n;
  }
}
