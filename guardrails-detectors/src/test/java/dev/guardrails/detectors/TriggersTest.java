package dev.guardrails.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.Guardrail;
import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Skipping a detector on a text without its {@link Detector#triggers()} never loses a finding:
 * every built-in detector that declares triggers, run directly (no skip) on every text whose
 * {@link AnalyzedText#charClasses()} hold none of them, finds nothing. Texts: the PII data set and
 * table rows, the claims responses, and random texts of values, disguises ({@code [at]},
 * {@code &#64;}, a full-width {@code @}) and near misses. (That the engine skips exactly those
 * texts is core's {@code TriggerSkipTest}.)
 */
class TriggersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Path datasets() {
    return dev.guardrails.detectors.TestData.datasets();
  }

  static List<String> texts() throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode r : JSON.readTree(datasets().resolve("pii/presidio-synth-v2.json").toFile())) {
      out.add(r.get("full_text").asText());
    }
    try (InputStream in = TriggersTest.class.getResourceAsStream("/dev/guardrails/detectors/pii/pii-cases.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] c = line.split("\t");
        if (!line.startsWith("#") && c.length >= 4) {
          out.add(c[3].replace("\\n", "\n"));
        }
      }
    }
    for (String line : Files.readAllLines(datasets().resolve("claims/frank-validation.jsonl"))) {
      out.add(JSON.readTree(line).get("response").asText());
    }
    Random rnd = new Random(47);
    String[] pieces = {
      "jane@example.com", "jane [at] example [dot] com", "jane&#64;example.com", "jane\uff20example.com", "jane%40example.com",
      "jane\\u0040example.com", "at", "example.com", "jane at example dot com", "@", " ", "\n", "Call 555-123-4567",
      "4111 1111 1111 1111", "123-45-6789", "192.168.0.1", "born 1990-01-02", "x", ".", ":", "mailto:", "AKIA", "="};
    for (int it = 0; it < 5_000; it++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0, len = 1 + rnd.nextInt(10); k < len; k++) {
        b.append(pieces[rnd.nextInt(pieces.length)]).append(rnd.nextBoolean() ? " " : "");
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void aDetectorFindsNothingWhereItsTriggersAreAbsent() throws IOException {
    List<String> texts = texts();
    Guardrail all = Guardrail.builder().discoverDetectors().build();
    int withTriggers = 0;
    for (Detector d : all.detectors()) {
      int mask = CharClass.mask(d.triggers());
      if (mask == 0) {
        continue;
      }
      withTriggers++;
      int skipped = 0;
      for (String t : texts) {
        AnalyzedText at = AnalyzedText.of(t);
        if ((at.charClasses() & mask) != 0) {
          continue;
        }
        skipped++;
        List<Finding> found = new ArrayList<>();
        d.detect(at, CheckContext.empty(), found::add);
        assertEquals(List.of(), found, d.id() + " on a text of " + t.length() + " chars without its triggers");
      }
      assertTrue(skipped > 1_000 && skipped < texts.size(), d.id() + " skipped on " + skipped + " of " + texts.size());
    }
    assertTrue(withTriggers >= 1, "built-in detectors with triggers: " + withTriggers);
  }
}
