package dev.guardrails.detectors.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.text.AnalyzedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-sentence shortcut of {@link EnglishNlp} ({@link EnglishNlp#oneSentenceEnd}: a paragraph
 * whose only candidate sentence ends close it is one sentence, without asking the model) gives the
 * spans the OpenNLP model gives when asked about every paragraph: on presidio-synth's texts and the
 * claims data sets' responses (raw and normalized), and on random texts of words, sentence-end
 * punctuation, closing quotes and brackets, abbreviations, numbers, and whitespace of several kinds.
 * Each test also checks that the shortcut was taken often, so it is exercised.
 */
class EnglishNlpShortcutTest {

  private int shortcut;

  private void same(String s, String at) {
    assertEquals(EnglishNlp.sentences(s, false), EnglishNlp.sentences(s, true), at);
    for (String p : s.split("\n", -1)) {
      shortcut += !p.isEmpty() && EnglishNlp.oneSentenceEnd(p, 0, p.length()) ? 1 : 0;
    }
  }

  /** The repository's datasets folder, found by walking up from the working directory. */
  static Path datasets() {
    return dev.guardrails.detectors.TestData.datasets();
  }

  @Test
  void sameSpansOnPresidioSynthAndClaimsResponses() throws IOException {
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (JsonNode r : json.readTree(datasets().resolve("pii/presidio-synth-v2.json").toFile())) {
      texts.add(r.get("full_text").asText());
    }
    try (Stream<Path> files = Files.walk(datasets().resolve("claims"))) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".jsonl"))::iterator) {
        for (String line : Files.readAllLines(f)) {
          JsonNode r = json.readTree(line);
          if (r.hasNonNull("response")) {
            texts.add(r.get("response").asText());
          }
        }
      }
    }
    int k = 0;
    for (String t : texts) {
      same(t, "text " + k);
      same(AnalyzedText.of(t).normalized(), "normalized text " + k);
      k++;
    }
    assertTrue(k > 1_000 && shortcut > 1_000, "texts " + k + ", paragraphs shortcut " + shortcut);
  }

  private static final String[] PIECES = {
    "word", "Hello", "the", "It", "works", "Dr", "e.g", "U.S", "3", "3.5", "example.com", "J", "Smith", "i",
    ".", "..", "...", "!", "?", "?!", "\"", "'", ")", "(", "]", "\u201d", "\u2019", ",", ";", ":", "-", "%", "$",
    " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2007", "\u3000", " .", ". ", "! ", "? ",
  };

  @Test
  void sameSpansOnRandomTexts() {
    Random r = new Random(53);
    for (int it = 0; it < 20_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(14);
      for (int k = 0; k < len; k++) {
        b.append(PIECES[r.nextInt(r.nextInt(3) == 0 ? PIECES.length : 14)]);
        if (r.nextBoolean()) {
          b.append(' ');
        }
      }
      same(b.toString(), "case " + it);
    }
    assertTrue(shortcut > 3_000, "paragraphs shortcut " + shortcut);
  }
}
