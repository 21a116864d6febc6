package dev.guardrails.detectors.bias;

import dev.guardrails.CheckContext;
import dev.guardrails.FindingSink;
import dev.guardrails.text.AnalyzedText;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A developer tool, not a test: the bias detector's cost on short answers split by what the answer reaches. The
 * benchmarks' {@code ShortCorpus} (its classes must be on the class path) is split into the answers with a sentence
 * the model scores (a group mention), those with a stereotype mark but no mention, and those with neither; the whole
 * detector and the rules-only one run over each part, and the model's steps (mention finder, hashed features, dense
 * margin, frames) over the scored sentences alone. Rounds interleave the stages; the least thread CPU of a round is
 * kept.
 *
 * <p>Usage: {@code java -cp <test classpath> dev.guardrails.detectors.bias.BiasShortProbe [seconds] [rounds]}.
 */
public final class BiasShortProbe {

  private BiasShortProbe() {}

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
    StereotypeScorer scorer = new StereotypeScorer(StereotypeModel.load(), StereotypeFeatures.INSTANCE);
    // split the corpus, and keep the scored sentences' tokens
    List<AnalyzedText> withMention = new ArrayList<>();
    List<AnalyzedText> markedOnly = new ArrayList<>();
    List<AnalyzedText> unmarked = new ArrayList<>();
    List<Tokens> sentTokens = new ArrayList<>();
    List<int[]> sentRange = new ArrayList<>();
    StereotypeScorer.Scratch sc = new StereotypeScorer.Scratch();
    int markedSentences = 0;
    int sentences = 0;
    for (AnalyzedText a : texts) {
      Tokens t = new Tokens();
      t.begin(a, lex);
      t.reset(a.normalized(), 0, a.normalized().length());
      boolean mention = false;
      boolean marked = false;
      for (int from = 0; from < t.count; ) {
        int to = StereotypeScorer.sentenceEnd(t, from);
        sentences++;
        int marks = 0;
        for (int k = from; k < to; k++) {
          marks |= t.flags[k];
        }
        if ((marks & Tokens.STEREOTYPE_MARKS) != 0) {
          marked = true;
          markedSentences++;
          if ((marks & (Tokens.GROUP_HEAD | Tokens.GROUP_WHO)) != 0 && scorer.extract(t, from, to, sc)) {
            mention = true;
            sentTokens.add(t);
            sentRange.add(new int[] {from, to});
          }
        }
        from = to;
      }
      (mention ? withMention : marked ? markedOnly : unmarked).add(a);
    }
    String dump = System.getProperty("probe.dump");
    if (dump != null) { // the indexes of the answers with a scored sentence, one a line
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < texts.length; i++) {
        if (withMention.contains(texts[i])) {
          b.append(i).append('\n');
        }
      }
      java.nio.file.Files.writeString(java.nio.file.Path.of(dump), b);
    }
    System.out.printf(Locale.ROOT, "%d answers: %d with a scored sentence (%d sentences), %d marked only, %d unmarked;"
        + " %d sentences, %d marked%n", texts.length, withMention.size(), sentTokens.size(), markedOnly.size(),
        unmarked.size(), sentences, markedSentences);
    long[] count = new long[1];
    FindingSink sink = f -> count[0]++;
    CheckContext ctx = CheckContext.empty();
    StereotypeFeatures feats = StereotypeFeatures.INSTANCE;
    StereotypeModel model = scorer.model;
    List<String> names = new ArrayList<>();
    List<Runnable> stages = new ArrayList<>();
    List<Integer> per = new ArrayList<>();
    for (int part = 0; part < 4; part++) {
      AnalyzedText[] set = part == 0 ? texts : (part == 1 ? withMention : part == 2 ? markedOnly : unmarked)
          .toArray(new AnalyzedText[0]);
      String label = part == 0 ? "all" : part == 1 ? "mention" : part == 2 ? "marked" : "unmarked";
      names.add("full/" + label);
      per.add(set.length);
      stages.add(() -> {
        for (AnalyzedText a : set) {
          full.detect(a, ctx, sink);
        }
      });
      names.add("rules/" + label);
      per.add(set.length);
      stages.add(() -> {
        for (AnalyzedText a : set) {
          rules.detect(a, ctx, sink);
        }
      });
    }
    Tokens[] st = sentTokens.toArray(new Tokens[0]);
    int[][] sr = sentRange.toArray(new int[0][]);
    int[] spans = sc.spans;
    names.add("s.mentions");
    per.add(st.length);
    stages.add(() -> {
      for (int i = 0; i < st.length; i++) {
        int to = Math.min(sr[i][1], sr[i][0] + StereotypeFeatures.MAX_TOKENS);
        count[0] += feats.mentions(st[i], sr[i][0], to, spans);
      }
    });
    names.add("s.+features");
    per.add(st.length);
    stages.add(() -> {
      for (int i = 0; i < st.length; i++) {
        int to = Math.min(sr[i][1], sr[i][0] + StereotypeFeatures.MAX_TOKENS);
        int m = feats.mentions(st[i], sr[i][0], to, spans);
        count[0] += feats.features(st[i], sr[i][0], to, spans, m, model.mask, sc.sym, sc.gPos, sc.feats);
      }
    });
    names.add("s.+dense");
    per.add(st.length);
    stages.add(() -> {
      for (int i = 0; i < st.length; i++) {
        int to = Math.min(sr[i][1], sr[i][0] + StereotypeFeatures.MAX_TOKENS);
        int m = feats.mentions(st[i], sr[i][0], to, spans);
        count[0] += (long) feats.denseMargin(st[i], sr[i][0], to, spans, m, model.embeddings, model.projected, sc.denseAcc);
      }
    });
    names.add("s.extract+p");
    per.add(st.length);
    stages.add(() -> {
      for (int i = 0; i < st.length; i++) {
        if (scorer.extract(st[i], sr[i][0], sr[i][1], sc)) {
          count[0] += (long) (1000 * model.probability(scorer.margin(sc)));
        }
      }
    });
    names.add("s.+frames+qual");
    per.add(st.length);
    stages.add(() -> {
      for (int i = 0; i < st.length; i++) {
        Tokens t = st[i];
        int from = sr[i][0];
        int to = sr[i][1];
        int capped = Math.min(to, from + StereotypeFeatures.MAX_TOKENS);
        if (scorer.extract(t, from, to, sc)) {
          double p = model.probability(scorer.margin(sc));
          if (p < model.threshold) {
            if (!StereotypeFrames.harm(t, from, capped, sc.spans, sc.mentions)
                && StereotypeFrames.reason(t, from, capped, sc.spans, sc.mentions) < 0
                && StereotypeFrames.lack(t, from, capped, sc.spans, sc.mentions) < 0
                && StereotypeFrames.predicate(t, from, capped, sc.spans, sc.mentions) < 0) {
              count[0] += StereotypeFrames.attribution(t, from, capped);
              continue;
            }
          }
          count[0] += BiasDetector.qualified(t, from, to, sc.spans, sc.mentions) ? 1 : 0;
        }
      }
    });
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] best = new double[stages.size()];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    long budget = (long) (seconds * 1e9);
    String only = System.getProperty("probe.only", "");
    for (int round = 0; round < rounds + 1; round++) {
      for (int s = 0; s < stages.size(); s++) {
        if (!names.get(s).startsWith(only)) {
          continue;
        }
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        long items = 0;
        do {
          stages.get(s).run();
          items += per.get(s);
        } while (System.nanoTime() - w0 < budget);
        double ns = (mx.getCurrentThreadCpuTime() - c0) / (double) items;
        if (round > 0) { // the first round warms up
          best[s] = Math.min(best[s], ns);
        }
      }
    }
    for (int s = 0; s < stages.size(); s++) {
      System.out.printf(Locale.ROOT, "  %-18s %8.0f ns per item (%d items)%n", names.get(s), best[s], per.get(s));
    }
    System.out.println(count[0] == 42 ? "" : " ");
  }
}
