package dev.guardrails.detectors.bias;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stereotype training and evaluation rows of {@code datasets/bias/training/} and their split.
 *
 * <p>The split is by source and template, never by random row, so near-duplicates do not leak:
 * a row's unit is its dataset plus its target group (for HolisticBias: its sentence template), and
 * a hash of that unit puts the whole unit in {@link Split#TEST} (2 in 10), {@link Split#DEV} (1 in
 * 10, calibration and threshold) or {@link Split#TRAIN}. RedditBias (5 groups, no templates, exact
 * duplicates removed) and the Wikipedia-style neutral sets are split by row id. So the test rows are about groups (and
 * templates) the model never saw in training.
 */
final class StereotypeData {

  private StereotypeData() {}

  enum Split { TRAIN, DEV, TEST }

  /** Files read: dataset name, path under datasets/bias/training. Neutral-only sets are negatives. */
  static final String[][] FILES = {
      {"toxigen", "toxigen/toxigen-prompt-sentences.jsonl"},
      {"hearts_seegull", "hearts_gpt_augmented/seegull_gpt_aug.jsonl"},
      {"hearts_winoqueer", "hearts_gpt_augmented/winoqueer_gpt_aug.jsonl"},
      {"stereoset", "stereoset_intrasentence_partial/stereoset_intrasentence_dev_partial.jsonl"},
      {"redditbias", "redditbias/redditbias_annotated.jsonl"},
      {"holisticbias", "holisticbias_neutral/holisticbias_neutral_sample.jsonl"},
      {"wice", "wiki_neutral/wice_claims_neutral.jsonl"},
      {"wow", "wiki_neutral/wow_knowledge_neutral.jsonl"},
  };

  /**
   * Hard negatives: the evidence lines of WiCE ({@code datasets/claims/training/wice/wice-claims.jsonl}, field
   * {@code source}; news, biography and reference pages cited by Wikipedia), read in place, one row per line of
   * {@value #MIN_WORDS} to {@value #MAX_WORDS} words, exact duplicates dropped, split by claim id. Neutral text
   * that names groups in descriptive, historical and news frames ("women won the right to vote in 1920",
   * "India is changing its constitution"), so the model learns the frame of a generalization rather than "a
   * group is named". Its TEST rows are reported as a neutral set; it is not part of the held-out
   * precision/recall ({@link #heldOut(String)}) so that figure stays comparable across models.
   */
  static final String EVIDENCE = "wice_evidence";
  static final String EVIDENCE_FILE = "claims/training/wice/wice-claims.jsonl";
  static final int MIN_WORDS = 6;
  static final int MAX_WORDS = 60;

  /** Whether a dataset's TEST rows count in the held-out precision/recall and its DEV rows in the threshold pick. */
  static boolean heldOut(String dataset) {
    return !EVIDENCE.equals(dataset);
  }

  /**
   * One row: label 1 stereotype, 0 not (neutral, unrelated), -1 anti-stereotype (kept out of training).
   * RedditBias rows also carry the annotated window of the comment around its group and attribute
   * terms ({@code phrase}, empty if none) and that window's own label ({@code phraseLabel}: 1 biased,
   * 0 not, -1 unknown); other rows have an empty phrase and -1.
   */
  record Row(String dataset, String text, int label, String group, String unit, Split split, String phrase,
      int phraseLabel) {}

  static List<Row> load(Path datasets) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    for (String[] f : FILES) {
      Path p = datasets.resolve("bias/training").resolve(f[1]);
      try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = mapper.readTree(line);
          String label = n.path("label").asText();
          int y = switch (label) {
            case "stereotype", "hateful_or_stereotype" -> 1;
            case "neutral", "unrelated" -> 0;
            case "anti_stereotype" -> -1;
            default -> Integer.MIN_VALUE;
          };
          if (y == Integer.MIN_VALUE) {
            continue;
          }
          String group = n.path("group").isNull() ? "" : n.path("group").asText().toLowerCase(Locale.ROOT);
          String unit = f[0].equals("holisticbias") ? n.path("meta").path("template").asText()
              : group.isEmpty() || f[0].equals("redditbias") ? n.path("id").asText() : group;
          String bp = n.path("meta").path("bias_phrase").asText("");
          rows.add(new Row(f[0], n.path("text").asText(), y, f[0].equals("holisticbias")
              ? n.path("meta").path("axis").asText() : group, unit, split(f[0], unit),
              n.path("meta").path("phrase").asText("").strip(), bp.equals("1") ? 1 : bp.equals("0") ? 0 : -1));
        }
      }
    }
    Path evidence = datasets.resolve(EVIDENCE_FILE);
    if (Files.isRegularFile(evidence)) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Row r : rows) {
        seen.add(r.text());
      }
      try (BufferedReader r = Files.newBufferedReader(evidence, StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = mapper.readTree(line);
          String id = n.path("id").asText();
          for (String s : n.path("source").asText().split("\n")) {
            String t = String.join(" ", s.strip().split("\\s+"));
            int words = t.isEmpty() ? 0 : t.split(" ").length;
            if (words >= MIN_WORDS && words <= MAX_WORDS && seen.add(t)) {
              rows.add(new Row(EVIDENCE, t, 0, "", id, split(EVIDENCE, id), "", -1));
            }
          }
        }
      }
    }
    return rows;
  }

  static Split split(String dataset, String unit) {
    int h = 0x811c9dc5;
    for (byte b : (dataset + "|" + unit).getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x01000193;
    }
    int bucket = Integer.remainderUnsigned(h, 10);
    return bucket < 2 ? Split.TEST : bucket == 2 ? Split.DEV : Split.TRAIN;
  }
}
