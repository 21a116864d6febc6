package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.Detector;
import dev.guardrails.detectors.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Trait words the training sets never use, both ways, on hand-written probes ({@code vocabulary-probes.tsv}): the
 * stereotypes the word vectors ({@link StereotypeEmbeddings}) are for, and near misses in the same frames (a status,
 * fact or need; the trait denied, debunked or asked) that must stay quiet. Checks first that no probe's word occurs
 * in any text of {@code datasets/bias/training/}, so the probes measure words the model has not seen.
 */
class StereotypeVocabularyTest {

  private static final Detector DETECTOR = new BiasDetector();
  /**
   * Floors below the measured counts: model v10 finds 22 of the 28 stereotypes and leaves 21 of the 22 near misses
   * quiet; model v9, without the word vectors, found 10 and left the same 21 quiet.
   */
  private static final int FOUND_FLOOR = 20;
  private static final int QUIET_FLOOR = 21;

  /** Rows {@code label<TAB>trait word<TAB>sentence}; labels "stereotype" and "neutral" (near misses). */
  static ProbeSet probes() throws IOException {
    return ProbeSet.read("vocabulary-probes.tsv", 3, "neutral", "stereotype");
  }

  @Test
  void probeWordsAreAbsentFromTheTrainingSets() throws IOException {
    Set<String> words = new HashSet<>();
    for (String[] p : probes().rows) {
      words.add(p[1]);
      assertTrue(p[2].toLowerCase(Locale.ROOT).contains(p[1]), p[2]);
    }
    ObjectMapper mapper = new ObjectMapper();
    List<String> seen = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TestData.datasets().resolve("bias/training"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".jsonl")).sorted()::iterator) {
        for (String line : Files.readAllLines(f)) {
          String text = mapper.readTree(line).path("text").asText("");
          for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z']+")) {
            if (words.contains(w)) {
              seen.add(w + " in " + f.getFileName());
            }
          }
        }
      }
    }
    assertTrue(seen.isEmpty(), "probe words seen in training: " + seen);
  }

  @Test
  void unseenTraitWordsFoundNearMissesQuiet() throws IOException {
    ProbeSet.Tally t = probes().tally(text -> ProbeSet.stereotype(DETECTOR, text));
    int found = t.found();
    int quiet = t.quiet();
    System.out.printf("Vocabulary probes: stereotypes found %d of %d, neutral quiet %d of %d%n%s", found, t.foundRows(),
        quiet, t.quietRows(), t.misses());
    assertTrue(found >= FOUND_FLOOR, "stereotypes found " + found + " < " + FOUND_FLOOR);
    assertTrue(quiet >= QUIET_FLOOR, "neutral quiet " + quiet + " < " + QUIET_FLOOR);
  }
}
