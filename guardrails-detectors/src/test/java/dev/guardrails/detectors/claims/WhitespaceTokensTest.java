package dev.guardrails.detectors.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * {@link SourceIndex.WhitespaceTokens} replaced Lucene's {@code WhitespaceAnalyzer} (and with it
 * the lucene-analysis-common dependency) in the source index; the original, kept in test scope, is
 * the oracle: same tokens for the same field text, including runs over 255 chars, surrogate pairs
 * and every kind of whitespace.
 */
class WhitespaceTokensTest {

  private static List<String> drain(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
    ts.reset();
    while (ts.incrementToken()) {
      out.add(t.toString());
    }
    ts.end();
    ts.close();
    return out;
  }

  @Test
  void sameTokensAsLuceneWhitespaceAnalyzer() throws IOException {
    String[] pieces = {"revenue", "1,500,000", "austin", "n't", "\uD83D\uDE00", "é", " ", "  ", "\t", "\n", "\u00A0",
        "\u2003", "\u3000", "x".repeat(254), "y".repeat(255), "z".repeat(600), "a".repeat(254) + "\uD83D\uDE00b"};
    Random rnd = new Random(18);
    try (Analyzer lucene = new WhitespaceAnalyzer()) {
      for (int round = 0; round < 2000; round++) {
        StringBuilder b = new StringBuilder();
        for (int i = rnd.nextInt(12); i >= 0; i--) {
          b.append(pieces[rnd.nextInt(pieces.length)]);
        }
        String s = b.toString();
        assertEquals(drain(lucene.tokenStream("t", s)), drain(new SourceIndex.WhitespaceTokens(s)), "round " + round);
      }
    }
  }
}
