package dev.guardrails.detectors.bias;

import dev.guardrails.CheckContext;
import dev.guardrails.FindingSink;
import dev.guardrails.text.AnalyzedText;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A developer tool, not a test: where the bias detector's time goes on short answers. Ablation over
 * the benchmarks' {@code ShortCorpus} (its classes must be on the class path), texts analyzed once
 * beforehand: each stage alone (the tokenizer without and with the lexicon's filters, the group-mention
 * prefilter per sentence, the attribution frame, the rules-only detector, the whole detector), rounds
 * interleaved, the least thread CPU time per answer of the rounds kept.
 *
 * <p>Usage: {@code java -cp <test classpath> dev.guardrails.detectors.bias.BiasSpeedProbe [seconds] [rounds]}.
 */
public final class BiasSpeedProbe {

  private BiasSpeedProbe() {}

  static volatile long sinkHole;

  /**
   * Runs the probe.
   *
   * @param args seconds per stage and round (default 1), rounds (default 7)
   * @throws Exception if the corpus cannot be loaded
   */
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<String> answers = (List<String>) Class.forName("dev.guardrails.benchmarks.ShortCorpus").getMethod("answers").invoke(null);
    AnalyzedText[] texts = answers.stream().map(AnalyzedText::of).toArray(AnalyzedText[]::new);
    BiasDetector full = new BiasDetector();
    BiasDetector rules = BiasDetector.builder().stereotypeModel(false).build();
    BiasLexicon lex = BiasLexicon.of(BiasDetector.Options.DEFAULT);
    StereotypeFeatures feats = StereotypeFeatures.INSTANCE;
    long[] count = new long[1];
    FindingSink sink = f -> count[0]++;
    CheckContext ctx = CheckContext.empty();
    Tokens t = new Tokens();
    int[] spans = new int[2 * StereotypeFeatures.MAX_TOKENS];
    List<String> names = List.of("loop", "tokens", "tokens+filters", "+mentions", "+attribution", "rules", "full");
    List<Runnable> stages = new ArrayList<>();
    stages.add(() -> {
      for (AnalyzedText a : texts) {
        count[0] += a.normalized().length();
      }
    });
    stages.add(() -> {
      for (AnalyzedText a : texts) {
        t.begin();
        t.reset(a.normalized(), 0, a.normalized().length());
        count[0] += t.count;
      }
    });
    stages.add(() -> {
      for (AnalyzedText a : texts) {
        t.begin(a, lex);
        t.reset(a.normalized(), 0, a.normalized().length());
        count[0] += t.count;
      }
    });
    for (int v = 0; v < 2; v++) {
      boolean attr = v == 1;
      stages.add(() -> {
        for (AnalyzedText a : texts) {
          t.begin(a, lex);
          t.reset(a.normalized(), 0, a.normalized().length());
          for (int from = 0; from < t.count; ) {
            int to = StereotypeScorer.sentenceEnd(t, from);
            int end = Math.min(to, from + StereotypeFeatures.MAX_TOKENS);
            int m = feats.mentions(t, from, end, spans);
            count[0] += m;
            if (attr && m == 0) {
              count[0] += StereotypeFrames.attribution(t, from, end);
            }
            from = to;
          }
        }
      });
    }
    stages.add(() -> {
      for (AnalyzedText a : texts) {
        rules.detect(a, ctx, sink);
      }
    });
    stages.add(() -> {
      for (AnalyzedText a : texts) {
        full.detect(a, ctx, sink);
      }
    });
    // corpus statistics
    long tokens = 0;
    long sentences = 0;
    long mentioned = 0;
    long alone = 0;
    long pair = 0;
    long heads = 0;
    for (AnalyzedText a : texts) {
      t.begin(a, lex);
      t.reset(a.normalized(), 0, a.normalized().length());
      tokens += t.count;
      for (int k = 0; k < t.count; k++) {
        alone += t.is(k, Tokens.MAY_ALONE) ? 1 : 0;
        pair += t.is(k, Tokens.MAY_PAIR) ? 1 : 0;
        if (t.is(k, Tokens.MAY_ALONE | Tokens.MAY_PAIR) && lex.head(t.canon, t.cStart[k], t.len(k), t.hash[k]) != null) {
          heads++;
        }
      }
      for (int from = 0; from < t.count; ) {
        int to = StereotypeScorer.sentenceEnd(t, from);
        sentences++;
        if (feats.mentions(t, from, Math.min(to, from + StereotypeFeatures.MAX_TOKENS), spans) > 0) {
          mentioned++;
        }
        from = to;
      }
    }
    int n = texts.length;
    System.out.printf(Locale.ROOT, "%d answers: %.1f tokens, %.2f sentences (%.3f with a mention), MAY_ALONE %.2f, MAY_PAIR %.2f, heads found %.2f per answer%n",
        n, tokens / (double) n, sentences / (double) n, mentioned / (double) n, alone / (double) n, pair / (double) n, heads / (double) n);
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    double[] best = new double[stages.size()];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    double[] bytes = new double[stages.size()];
    long budget = (long) (seconds * 1e9);
    for (int r = -2; r < rounds; r++) {
      for (int s = 0; s < stages.size(); s++) {
        Runnable st = stages.get(s);
        long c0 = mx.getThreadCpuTime(tid);
        long a0 = mx.getThreadAllocatedBytes(tid);
        long passes = 0;
        long c1;
        do {
          st.run();
          passes++;
          c1 = mx.getThreadCpuTime(tid);
        } while (c1 - c0 < budget);
        long a1 = mx.getThreadAllocatedBytes(tid);
        if (r >= 0) {
          best[s] = Math.min(best[s], (c1 - c0) / (double) (passes * n));
          bytes[s] = (a1 - a0) / (double) (passes * n);
        }
      }
    }
    sinkHole = count[0];
    for (int s = 0; s < stages.size(); s++) {
      System.out.printf(Locale.ROOT, "  %-16s %8.0f ns  %6.1f B per answer%n", names.get(s), best[s], bytes[s]);
    }
  }
}
