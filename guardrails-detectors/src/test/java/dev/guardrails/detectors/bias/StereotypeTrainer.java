package dev.guardrails.detectors.bias;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains the stereotype model and writes {@code stereotype-model.bin}. Run by
 * {@code tools/bias/train.sh} (one command, fixed seed, byte-identical output); not part of the
 * test suite.
 *
 * <p>Training units are the sentences of the TRAIN rows that mention a group, labelled with their
 * row's label; a row scores as its highest-scoring sentence. Platt scaling and the decision
 * threshold are fitted on the DEV rows; TEST rows are only reported (and re-measured end to end by
 * {@code BiasAccuracyTest}).
 */
public final class StereotypeTrainer {

  static final int BITS = Integer.getInteger("bias.train.bits", 18);
  static final int EPOCHS = Integer.getInteger("bias.train.epochs", 12);
  static final double RATE = Double.parseDouble(System.getProperty("bias.train.rate", "0.05"));
  static final double L2 = Double.parseDouble(System.getProperty("bias.train.l2", "0.0001"));
  /** The shipped model's seed; other seeds ({@code -Dbias.train.seed}) measure how much a result is seed noise. */
  static final long SEED = Long.getLong("bias.train.seed", 20261205L);
  /**
   * The threshold keeps dev precision at least this high: 0.86, one point above the DEV precision of model v6, so
   * that the recall model v7 gains is not bought with precision (held-out precision sits near its 0.80 floor).
   */
  static final double MIN_DEV_PRECISION = Double.parseDouble(System.getProperty("bias.train.precision", "0.86"));
  static final String EXCLUDE = System.getProperty("bias.train.exclude", "");
  /**
   * The threshold is chosen on DEV rows as the detector reads them: a sentence it drops as asked,
   * quoted, hedged or debunked does not count as flagged.
   */
  static final boolean PICK_AS_DETECTOR = !"off".equals(System.getProperty("bias.train.pickAsDetector", "on"));
  /**
   * RedditBias labels whole comments; its annotators also labelled the window around the group and
   * attribute terms. With this on, a biased comment trains only on the sentences of that window (the
   * other sentences of a long comment are mostly not the biased part), and comments whose two labels
   * disagree are left out of training.
   */
  static final boolean PHRASE = !"off".equals(System.getProperty("bias.train.phrase", "on"));
  /**
   * The dense features over the word vectors ({@link StereotypeFeatures#dense}): "on" (the shipped model) or "off"
   * (hashed features only, as model v9), to measure what they add.
   */
  static final String DENSE = System.getProperty("bias.train.dense", "on");

  /** One training unit: a sentence's hashed features and its dense features (null without word vectors). */
  record Unit(int[] f, float[] d) {}

  static StereotypeEmbeddings vectors() {
    String other = System.getProperty("bias.train.vectors"); // another table of this package, to compare variants
    return "off".equals(DENSE) ? null : other != null ? StereotypeEmbeddings.load(other) : StereotypeEmbeddings.shared();
  }

  /** The dense features of {@code sc}, or null without word vectors. */
  static float[] dense(StereotypeScorer.Scratch sc, StereotypeEmbeddings v) {
    return v == null ? null : Arrays.copyOf(sc.dense, StereotypeFeatures.DENSE_BLOCKS * v.dims);
  }

  /** Set by main: the datasets folder, for the report on BOLD neutral sentences (reported only, never tuned on). */
  static Path BOLD;

  private StereotypeTrainer() {}

  static void boldReport(StereotypeScorer s, java.io.PrintStream log) {
    try (var files = Files.list(BOLD.resolve("bias/bold-neutral"))) {
      for (Path f : files.sorted().toList()) {
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
        int n = 0;
        int flagged = 0;
        for (var cats = root.elements(); cats.hasNext(); ) {
          for (var people = cats.next().elements(); people.hasNext(); ) {
            for (var sentence : people.next()) {
              n++;
              double z = rowMargin(s, sentence.asText());
              if (!Double.isNaN(z) && s.model.probability(z) >= s.model.threshold) {
                flagged++;
                if (System.getProperty("bias.train.debug") != null) {
                  log.println("BOLD FP " + sentence.asText());
                }
              }
            }
          }
        }
        log.printf("%s: model flags %d of %d (%.4f)%n", f.getFileName(), flagged, n, flagged / (double) n);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Trains and writes the model.
   *
   * @param args [datasets folder, output file]
   */
  public static void main(String[] args) throws IOException {
    Path datasets = Paths.get(args.length > 0 ? args[0] : "datasets");
    Path out = Paths.get(args.length > 1 ? args[1]
        : "guardrails-detectors/src/main/resources/dev/guardrails/detectors/bias/" + StereotypeModel.RESOURCE);
    List<StereotypeData.Row> rows = StereotypeData.load(datasets);
    BOLD = Files.isDirectory(datasets.resolve("bias/bold-neutral")) ? datasets : null;
    StereotypeModel model = train(rows, System.out);
    byte[] bytes = model.write();
    Files.write(out, bytes);
    System.out.printf("wrote %s (%,d bytes)%n", out, bytes.length);
  }

  /** Trains on TRAIN rows, calibrates on DEV rows, reports all splits to {@code log}. */
  static StereotypeModel train(List<StereotypeData.Row> rows, java.io.PrintStream log) {
    StereotypeEmbeddings vectors = vectors();
    StereotypeScorer feats = new StereotypeScorer(
        new StereotypeModel(BITS, new float[1 << BITS], 0, 1, 0, 0.5f), StereotypeFeatures.INSTANCE, vectors);
    List<int[]> x = new ArrayList<>();
    List<float[]> xd = new ArrayList<>();
    List<Byte> y = new ArrayList<>();
    int noMention = 0;
    for (StereotypeData.Row r : rows) {
      if (r.split() != StereotypeData.Split.TRAIN || r.label() < 0 || EXCLUDE.contains(r.dataset())) {
        continue;
      }
      List<Unit> units;
      if (PHRASE && r.phraseLabel() >= 0 && r.phraseLabel() != r.label()) {
        continue; // the comment's and its window's labels disagree
      }
      int at = PHRASE && r.label() == 1 && !r.phrase().isEmpty() ? r.text().indexOf(r.phrase()) : -1;
      units = at < 0 ? units(feats, r.text()) : units(feats, r.text(), at, at + r.phrase().length());
      if (units.isEmpty()) {
        noMention++;
      }
      for (Unit u : units) {
        x.add(u.f());
        xd.add(u.d());
        y.add((byte) r.label());
      }
    }
    byte[] ya = new byte[y.size()];
    for (int i = 0; i < ya.length; i++) {
      ya[i] = y.get(i);
    }
    log.printf("training units %d (positive %d), train rows without a group mention %d%n", ya.length, count(ya), noMention);
    int nd = vectors == null ? 0 : StereotypeFeatures.DENSE_BLOCKS * vectors.dims;
    HashedLogisticRegression lr = HashedLogisticRegression.train(x, vectors == null ? null : xd, nd, ya, BITS, EPOCHS,
        RATE, L2, SEED);
    StereotypeScorer raw = new StereotypeScorer(lr.toModel(1, 0, 0.5, vectors), StereotypeFeatures.INSTANCE);

    // calibration and threshold on DEV rows that mention a group
    List<Double> dz = new ArrayList<>();
    List<Double> dq = new ArrayList<>();
    List<Byte> dy = new ArrayList<>();
    for (StereotypeData.Row r : rows) {
      if (r.split() == StereotypeData.Split.DEV && r.label() >= 0 && !EXCLUDE.contains(r.dataset())
          && StereotypeData.heldOut(r.dataset())) {
        double z = rowMargin(raw, r.text());
        if (!Double.isNaN(z)) {
          dz.add(z);
          dq.add(PICK_AS_DETECTOR ? unqualifiedMargin(raw, r.text()) : z);
          dy.add((byte) r.label());
        }
      }
    }
    double[] z = dz.stream().mapToDouble(Double::doubleValue).toArray();
    double[] zq = dq.stream().mapToDouble(Double::doubleValue).toArray();
    byte[] zy = new byte[dy.size()];
    for (int i = 0; i < zy.length; i++) {
      zy[i] = dy.get(i);
    }
    double[] ab = HashedLogisticRegression.platt(z, zy);
    double threshold = pickThreshold(zq, zy, ab, log);
    StereotypeModel model = lr.toModel(ab[0], ab[1], threshold, vectors);
    log.printf("platt a=%.4f b=%.4f threshold=%.4f%n", ab[0], ab[1], threshold);
    report(new StereotypeScorer(model, StereotypeFeatures.INSTANCE), rows, log);
    if (System.getProperty("bias.train.diag") != null) {
      diag(new StereotypeScorer(model, StereotypeFeatures.INSTANCE), rows, log, Integer.getInteger("bias.train.diag", 20));
    }
    if (BOLD != null) {
      boldReport(new StereotypeScorer(model, StereotypeFeatures.INSTANCE), log);
    }
    return model;
  }

  /** The features of each sentence of {@code text} that mentions a group. */
  static List<Unit> units(StereotypeScorer s, String text) {
    return units(s, text, 0, text.length());
  }

  /** The features of each sentence of {@code text} that mentions a group and overlaps chars {@code [lo, hi)}. */
  static List<Unit> units(StereotypeScorer s, String text, int lo, int hi) {
    Tokens t = new Tokens();
    t.reset(text);
    StereotypeScorer.Scratch sc = new StereotypeScorer.Scratch();
    StereotypeEmbeddings v = s.extractVectors;
    List<Unit> out = new ArrayList<>();
    for (int from = 0; from < t.count; ) {
      int to = StereotypeScorer.sentenceEnd(t, from);
      if (t.oEnd[to - 1] > lo && t.oStart[from] < hi && s.extract(t, from, to, sc)) {
        out.add(new Unit(Arrays.copyOf(sc.feats, sc.featureCount), dense(sc, v)));
      }
      from = to;
    }
    return out;
  }

  /**
   * The highest margin over the sentences of {@code text} that mention a group and that the
   * detector does not drop as asked, quoted, hedged or debunked ({@link BiasDetector#qualified}), or NaN.
   */
  static double unqualifiedMargin(StereotypeScorer s, String text) {
    Tokens t = new Tokens();
    t.reset(text);
    StereotypeScorer.Scratch sc = new StereotypeScorer.Scratch();
    double best = Double.NaN;
    for (int from = 0; from < t.count; ) {
      int to = StereotypeScorer.sentenceEnd(t, from);
      if (s.extract(t, from, to, sc) && !BiasDetector.qualified(t, from, to, sc.spans, sc.mentions)) {
        double z = s.margin(sc);
        if (Double.isNaN(best) || z > best) {
          best = z;
        }
      }
      from = to;
    }
    return best;
  }

  /** The highest margin over the sentences of {@code text} that mention a group, or NaN. */
  static double rowMargin(StereotypeScorer s, String text) {
    Tokens t = new Tokens();
    t.reset(text);
    StereotypeScorer.Scratch sc = new StereotypeScorer.Scratch();
    double best = Double.NaN;
    for (int from = 0; from < t.count; ) {
      int to = StereotypeScorer.sentenceEnd(t, from);
      if (s.extract(t, from, to, sc)) {
        double z = s.margin(sc);
        if (Double.isNaN(best) || z > best) {
          best = z;
        }
      }
      from = to;
    }
    return best;
  }

  /**
   * Where recall is lost on the positives of one split ({@code -Dbias.train.diagSplit}, DEV unless
   * told; TEST only once per kept variant) and what fires on its negatives: rows without a
   * group mention, rows whose best sentence is below the threshold, rows the detector's qualifier
   * check drops. Prints counts per dataset and {@code samples} random rows of each bucket.
   */
  static void diag(StereotypeScorer s, List<StereotypeData.Row> rows, java.io.PrintStream log, int samples) {
    Map<String, List<String>> buckets = new TreeMap<>();
    StereotypeData.Split which = StereotypeData.Split.valueOf(System.getProperty("bias.train.diagSplit", "DEV"));
    for (StereotypeData.Row r : rows) {
      if (r.split() != which || r.label() < 0) {
        continue;
      }
      String bucket;
      Tokens t = new Tokens();
      t.reset(r.text());
      StereotypeScorer.Scratch sc = new StereotypeScorer.Scratch();
      double best = Double.NaN;
      boolean bestQualified = false;
      for (int from = 0; from < t.count; ) {
        int to = StereotypeScorer.sentenceEnd(t, from);
        if (s.extract(t, from, to, sc)) {
          double p = s.model.probability(s.margin(sc));
          boolean q = BiasDetector.qualified(t, from, to, sc.spans, sc.mentions);
          if (Double.isNaN(best) || (p >= s.model.threshold && !q) || (p > best && bestQualified)) {
            best = p;
            bestQualified = q;
          }
        }
        from = to;
      }
      if (Double.isNaN(best)) {
        bucket = "nomention";
      } else if (best < s.model.threshold) {
        bucket = "below";
      } else if (bestQualified) {
        bucket = "qualified";
      } else {
        bucket = "hit";
      }
      buckets.computeIfAbsent((r.label() == 1 ? "POS " : "NEG ") + bucket + " " + r.dataset(), k -> new ArrayList<>())
          .add(String.format("%.2f %s | %s", Double.isNaN(best) ? -1 : best, r.group(), r.text().replace('\n', ' ')));
    }
    java.util.Random random = new java.util.Random(1);
    int tp = 0;
    int fp = 0;
    int pos = 0;
    for (Map.Entry<String, List<String>> e : buckets.entrySet()) {
      log.printf("DIAG %s: %d%n", e.getKey(), e.getValue().size());
      pos += e.getKey().startsWith("POS") ? e.getValue().size() : 0;
      tp += e.getKey().startsWith("POS hit") ? e.getValue().size() : 0;
      fp += e.getKey().startsWith("NEG hit") ? e.getValue().size() : 0;
    }
    log.printf("DIAG " + which + " after the detector's qualifier check: precision %.3f recall %.3f%n", tp / (double) (tp + fp),
        tp / (double) pos);
    for (Map.Entry<String, List<String>> e : buckets.entrySet()) {
      if (e.getKey().contains(" hit ") && e.getKey().startsWith("POS")) {
        continue;
      }
      List<String> l = new ArrayList<>(e.getValue());
      java.util.Collections.shuffle(l, random);
      for (String x : l.subList(0, Math.min(samples, l.size()))) {
        log.println("  " + e.getKey() + " :: " + (x.length() > 220 ? x.substring(0, 220) : x));
      }
    }
  }

  private static double pickThreshold(double[] z, byte[] y, double[] ab, java.io.PrintStream log) {
    double best = 0.5;
    int bestTp = -1;
    for (int step = 20; step <= 95; step++) {
      double th = step / 100.0;
      int tp = 0;
      int fp = 0;
      for (int i = 0; i < z.length; i++) {
        if (HashedLogisticRegression.sigmoid(ab[0] * z[i] + ab[1]) >= th) {
          if (y[i] == 1) {
            tp++;
          } else {
            fp++;
          }
        }
      }
      double p = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
      if (System.getProperty("bias.train.curve") != null && step % 5 == 0) {
        log.printf("DEV curve %.2f: tp %d fp %d precision %.3f recall(of rows with a mention) %.3f%n", th, tp, fp, p,
            tp / (double) Math.max(1, count(y)));
      }
      if (p >= MIN_DEV_PRECISION && tp > bestTp) {
        bestTp = tp;
        best = th;
        log.printf("DEV threshold %.2f: tp %d fp %d precision %.3f (of %d positives with a mention)%n", th, tp, fp, p,
            count(y));
      }
    }
    return best;
  }

  private static int count(byte[] y) {
    int n = 0;
    for (byte v : y) {
      n += v;
    }
    return n;
  }

  /**
   * Prints precision, recall and negative flag rate per split and dataset, and per group on TEST.
   * TEST rows are left out unless {@code -Dbias.train.reportTest=true}: a retrain while tuning must
   * not show the held-out split each time (read it once per kept variant, as
   * {@code StereotypeAccuracyTest} does).
   */
  static void report(StereotypeScorer s, List<StereotypeData.Row> rows, java.io.PrintStream log) {
    Map<String, int[]> c = new TreeMap<>();
    boolean withTest = Boolean.getBoolean("bias.train.reportTest");
    if (!withTest) {
      log.println("TEST rows not reported (-Dbias.train.reportTest=true reports them; read them once per kept variant)");
    }
    for (StereotypeData.Row r : rows) {
      if (!withTest && r.split() == StereotypeData.Split.TEST) {
        continue;
      }
      double z = rowMargin(s, r.text());
      boolean flagged = !Double.isNaN(z) && s.model.probability(z) >= s.model.threshold;
      for (String key : new String[] {StereotypeData.heldOut(r.dataset()) ? r.split() + " ALL" : null,
          r.split() + " " + r.dataset(),
          r.split() == StereotypeData.Split.TEST ? "group " + r.dataset() + ":" + r.group() : null}) {
        if (key == null) {
          continue;
        }
        int[] k = c.computeIfAbsent(key, q -> new int[6]); // tp fn fp tn antiFlagged antiN
        if (r.label() == 1) {
          k[flagged ? 0 : 1]++;
        } else if (r.label() == 0) {
          k[flagged ? 2 : 3]++;
        } else {
          k[5]++;
          k[4] += flagged ? 1 : 0;
        }
      }
    }
    log.printf("%-44s %6s %6s %6s %6s %7s %7s%n", "rows", "pos", "neg", "prec", "recall", "negFP", "anti");
    for (Map.Entry<String, int[]> e : c.entrySet()) {
      int[] k = e.getValue();
      log.printf("%-44s %6d %6d %6.3f %6.3f %7.4f %7s%n", e.getKey(), k[0] + k[1], k[2] + k[3],
          k[0] + k[2] == 0 ? Double.NaN : k[0] / (double) (k[0] + k[2]),
          k[0] + k[1] == 0 ? Double.NaN : k[0] / (double) (k[0] + k[1]),
          k[2] + k[3] == 0 ? Double.NaN : k[2] / (double) (k[2] + k[3]),
          k[5] == 0 ? "" : String.format("%.3f", k[4] / (double) k[5]));
    }
  }
}
