package dev.guardrails;

import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.Span;
import java.util.Set;

/** Small detectors for engine tests. */
final class TestDetectors {

  private TestDetectors() {}

  static final FindingType WORD = FindingType.of(Category.PII, "WORD");
  static final FindingType SECRET = FindingType.of(Category.SECRET, "TOKEN");

  /** Reports every occurrence of a keyword (in the normalized view) as PII/WORD. */
  static Detector keyword(String id, String word, double score) {
    return new Detector() {
      @Override
      public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
        String s = text.normalized();
        for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
          Span sp = text.toOriginal(i, i + word.length());
          out.accept(Finding.of(id, WORD, sp.start(), sp.end(), score, "keyword"));
        }
      }

      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<FindingType> types() {
        return Set.of(WORD);
      }
    };
  }

  /** Reports a fixed span. */
  static Detector fixed(String id, FindingType type, int start, int end, double score) {
    return new Detector() {
      @Override
      public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
        out.accept(Finding.of(id, type, start, end, score, "fixed"));
      }

      @Override
      public String id() {
        return id;
      }
    };
  }

  /** Always throws, with the text in the message (the engine must not leak it). */
  static Detector throwing(String id) {
    return new Detector() {
      @Override
      public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
        throw new IllegalStateException("boom on " + text.original());
      }

      @Override
      public String id() {
        return id;
      }
    };
  }

  /** Sleeps, then reports a finding over the whole text. */
  static Detector slow(String id, long millis) {
    return new Detector() {
      @Override
      public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (text.length() > 0) {
          out.accept(Finding.of(id, WORD, 0, text.length(), 1.0, "slow"));
        }
      }

      @Override
      public String id() {
        return id;
      }
    };
  }
}
