package dev.guardrails.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The texts the golden dumps ({@link PersonGoldenDump}, {@link PatternsGoldenDump}) share, in the
 * order they read them, each handed over with its line label. Run from the repository root.
 */
final class GoldenTexts {

  private GoldenTexts() {}

  /**
   * The texts of {@code datasets/pii/*.json} ({@code full_text}, labelled {@code file:row}), then
   * those of the peer suites' {@code *.jsonl} files ({@code text}, labelled {@code dir/file:line})
   * in {@code datasets/peer-suites} and in {@code peer}; a folder that does not exist is skipped.
   */
  static void data(Path peer, BiConsumer<String, String> sink) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (var files = Files.list(Path.of("datasets/pii"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        int i = 0;
        for (JsonNode row : json.readTree(f.toFile())) {
          sink.accept(f.getFileName() + ":" + i++, row.get("full_text").asText());
        }
      }
    }
    for (Path dir : List.of(Path.of("datasets/peer-suites"), peer)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (var files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
          int i = 0;
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            JsonNode t = json.readTree(line).get("text");
            if (t != null) {
              sink.accept(dir.getFileName() + "/" + f.getFileName() + ":" + i, t.asText());
            }
            i++;
          }
        }
      }
    }
  }

  /**
   * The {@link ShortCorpus} answers ({@code short:i}), then the 2 KB and 1 MB {@link Corpus} texts
   * of every density ({@code 2k:D}, {@code 1m:D}, seed 42).
   */
  static void generated(BiConsumer<String, String> sink) {
    List<String> answers = ShortCorpus.answers();
    for (int i = 0; i < answers.size(); i++) {
      sink.accept("short:" + i, answers.get(i));
    }
    for (Corpus.Density d : Corpus.Density.values()) {
      sink.accept("2k:" + d, Corpus.generate(2048, d, 42));
      sink.accept("1m:" + d, Corpus.generate(1 << 20, d, 42));
    }
  }
}
