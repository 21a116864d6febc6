package dev.guardrails.detectors.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link EnglishNlp#sentencesAround}, which asks the model only about the candidate sentence ends
 * around given offsets, returns exactly the sentences of the model's whole-text result
 * ({@link EnglishNlp#sentences(String, boolean)}, every paragraph asked) that hold an offset: on
 * presidio-synth's texts and the claims data sets' responses (normalized), and on random texts of
 * words, abbreviations, numbers, sentence-end punctuation, quotes and whitespace of several kinds,
 * with random sets of offsets (one, a few, every non-whitespace char).
 */
class EnglishNlpAroundTest {

  private final Random random = new Random(48);
  private int compared;

  private void same(String s, String at) {
    List<Span> all = EnglishNlp.sentences(s, false);
    List<Integer> solid = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i)) && !opennlp.tools.util.StringUtil.isWhitespace(s.charAt(i))) {
        solid.add(i);
      }
    }
    if (solid.isEmpty()) {
      return;
    }
    for (int round = 0; round < 3; round++) {
      int[] offsets;
      if (round == 2) {
        offsets = solid.stream().mapToInt(Integer::intValue).toArray();
      } else {
        int k = 1 + random.nextInt(round == 0 ? 1 : 4);
        offsets = random.ints(k, 0, solid.size()).sorted().distinct().map(solid::get).toArray();
      }
      List<Span> expected = new ArrayList<>();
      for (Span sp : all) {
        for (int o : offsets) {
          if (o >= sp.start() && o < sp.end()) {
            expected.add(sp);
            break;
          }
        }
      }
      assertEquals(expected, EnglishNlp.sentencesAround(s, offsets, offsets.length), at + ", offsets " + java.util.Arrays.toString(offsets));
      compared++;
    }
  }

  @Test
  void sameSentencesOnPresidioSynthAndClaimsResponses() throws IOException {
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (JsonNode r : json.readTree(EnglishNlpShortcutTest.datasets().resolve("pii/presidio-synth-v2.json").toFile())) {
      texts.add(r.get("full_text").asText());
    }
    try (Stream<Path> files = Files.walk(EnglishNlpShortcutTest.datasets().resolve("claims"))) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".jsonl")).sorted()::iterator) {
        int line = 0;
        for (String l : Files.readAllLines(f)) {
          JsonNode r = json.readTree(l);
          if (r.hasNonNull("response") && line++ % 3 == 0) {
            texts.add(r.get("response").asText());
          }
        }
      }
    }
    int k = 0;
    for (String t : texts) {
      same(AnalyzedText.of(t).normalized(), "text " + k++);
    }
    assertTrue(compared > 10_000, "compared " + compared);
  }

  private static final String[] PIECES = {
    "word", "Hello", "the", "It", "works", "Dr", "e.g", "U.S", "3", "3.5", "example.com", "J", "Smith", "i", "studies", "12%",
    ".", "..", "...", "!", "?", "?!", "\"", "'", ")", "(", "]", "\u201d", "\u2019", ",", ";", ":", "-", "%", "$",
    " ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2007", "\u3000", " .", ". ", "! ", "? ", ". The", ". it", "Mr.", "a.m.",
  };

  @Test
  void sameSentencesOnRandomTexts() {
    Random r = new Random(49);
    for (int it = 0; it < 6_000; it++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + r.nextInt(it % 5 == 0 ? 80 : 20);
      for (int k = 0; k < len; k++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      if (it % 50 == 0) {
        b.append(" ").append("a.b".repeat(40)).append(". Next one. ok"); // a long run: masked before the model
      }
      same(b.toString(), "random text " + it);
    }
    assertTrue(compared > 15_000, "compared " + compared);
  }
}
