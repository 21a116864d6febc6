package dev.guardrails.detectors.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.Source;
import dev.guardrails.text.AnalyzedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The labelled faithfulness sets under {@code datasets/claims/} with each response's per-claim
 * feature vectors, computed once per JVM and cached (the trainer and the accuracy test share them).
 * Labels: {@code supported} = 0; {@code unsupported} and WiCE's {@code partially_supported} = 1;
 * BEGIN's {@code generic} rows are skipped; FaithDial audit rows whose response also occurs in BEGIN
 * (same authors) are dropped so the two sets never share a row.
 */
final class ClaimsData {

  /** One labelled response: its set, its group (FRANK: the article), label and claim features. */
  record Row(String set, String group, boolean unsupported, List<double[]> claims) {}

  /** Set names, in table order. */
  static final List<String> SETS = List.of("frank", "begin", "faithdial", "wice", "dialfact", "halueval");

  private static Map<String, List<Row>> cache;

  private ClaimsData() {}

  /** The precomputed feature file (written by tools/claims/train.sh), relative to {@code datasets/}. */
  static final String FEATURE_FILE = "claims/features/claims-features.tsv.gz";

  /** Returns all sets with their feature vectors, read once from the precomputed feature file. */
  /**
   * Assigns each FRANK article to one of five folds: the articles in sorted order, shuffled with
   * {@code seed}, then dealt out in turn, so all summaries of one article share a fold.
   */
  static Map<String, Integer> articleFolds(List<Row> frank, long seed) {
    List<String> articles = new ArrayList<>(new TreeSet<>(frank.stream().map(Row::group).toList()));
    Collections.shuffle(articles, new Random(seed));
    Map<String, Integer> fold = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      fold.put(articles.get(i), i % 5);
    }
    return fold;
  }

  static synchronized Map<String, List<Row>> all() {
    if (cache == null) {
      cache = readFeatures(ClaimsAccuracyTest.datasets().resolve(FEATURE_FILE));
    }
    return cache;
  }

  /** Writes the feature file: one line per response: set, group, label, then each claim's features. */
  static void writeFeatures(Map<String, List<Row>> sets, Path file) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("# set\tgroup\tunsupported\tclaims (features ");
    b.append(String.join(",", ClaimFeatures.NAMES)).append(", claims separated by |)\n");
    for (List<Row> rows : sets.values()) {
      for (Row r : rows) {
        b.append(r.set()).append('\t').append(r.group()).append('\t').append(r.unsupported() ? 1 : 0).append('\t');
        for (int c = 0; c < r.claims().size(); c++) {
          if (c > 0) {
            b.append('|');
          }
          double[] x = r.claims().get(c);
          for (int k = 0; k < x.length; k++) {
            if (k > 0) {
              b.append(',');
            }
            b.append(num(x[k]));
          }
        }
        b.append('\n');
      }
    }
    Files.createDirectories(file.getParent());
    // A gzip header without a timestamp: the same features give the same bytes.
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file)) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
      }
    }) {
      out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Features rounded to 6 decimals: the file stays small and the values stay exact enough. */
  static String num(double v) {
    return BigDecimalFormat.format(v);
  }

  private static final class BigDecimalFormat {
    static String format(double v) {
      return java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
  }

  static Map<String, List<Row>> readFeatures(Path file) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    for (String s : SETS) {
      out.put(s, new ArrayList<>());
    }
    try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(
        new java.util.zip.GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        List<double[]> claims = new ArrayList<>();
        if (!c[3].isEmpty()) {
          for (String claim : c[3].split("\\|")) {
            String[] v = claim.split(",");
            if (v.length != ClaimFeatures.COUNT) {
              throw new IllegalStateException(file + " has " + v.length + " features per claim, the code "
                  + ClaimFeatures.COUNT + ": run tools/claims/train.sh");
            }
            double[] x = new double[v.length];
            for (int k = 0; k < v.length; k++) {
              x[k] = Double.parseDouble(v[k]);
            }
            claims.add(x);
          }
        }
        out.get(c[0]).add(new Row(c[0], c[1], c[2].equals("1"), claims));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + "; run tools/claims/train.sh", e);
    }
    return out;
  }

  /** A raw row before features: for the feature-staleness check and the trainer. */
  record Raw(String set, String group, boolean unsupported, String source, String response) {}

  static Map<String, List<Raw>> raw(Path dir) {
    Map<String, List<Raw>> out = new LinkedHashMap<>();
    out.put("frank", read(dir.resolve("frank-validation.jsonl"), "frank"));
    Path t = dir.resolve("training");
    List<Raw> begin = read(t.resolve("begin/begin-wow-cmu.jsonl"), "begin");
    begin.addAll(read(t.resolve("begin/begin-topicalchat.jsonl"), "begin"));
    out.put("begin", begin);
    Set<String> seen = new HashSet<>();
    for (Raw r : begin) {
      seen.add(norm(r.response()));
    }
    List<Raw> faith = read(t.resolve("faithdial_audit/faithdial_audit_wow_cmudog.jsonl"), "faithdial");
    faith.addAll(read(t.resolve("faithdial_audit/faithdial_audit_topicalchat.jsonl"), "faithdial"));
    faith.removeIf(r -> seen.contains(norm(r.response())));
    out.put("faithdial", faith);
    out.put("wice", read(t.resolve("wice/wice-claims.jsonl"), "wice"));
    out.put("dialfact", read(t.resolve("dialfact_testsmall/dialfact_testsmall.jsonl"), "dialfact"));
    out.put("halueval", read(t.resolve("halueval_qa_sample/halueval_qa_sample.jsonl"), "halueval"));
    return out;
  }

  static Map<String, List<Row>> load(Path dir) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Raw>> e : raw(dir).entrySet()) {
      List<Row> rows = e.getValue().parallelStream()
          .map(r -> new Row(r.set(), r.group(), r.unsupported(), features(r.source(), r.response())))
          .toList();
      out.put(e.getKey(), rows);
    }
    return out;
  }

  static List<double[]> features(String source, String response) {
    return ClaimChecker.features(AnalyzedText.of(response), List.of(Source.of("s", source)));
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
  }

  private static List<Raw> read(Path file, String set) {
    ObjectMapper json = new ObjectMapper();
    List<Raw> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        String label = row.get("label").asText();
        if (label.equals("generic") || row.get("source").isNull() || row.get("response").asText().isBlank()) {
          continue;
        }
        String id = row.get("id").asText();
        String group = set.equals("frank") ? id.substring(0, id.indexOf(':')) : id;
        out.add(new Raw(set, group, !label.equals("supported"), row.get("source").asText(), row.get("response").asText()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
