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
 * <p>Usage: {@code java -cp <test classpath> dev.guardrails.detectors.bias.BiasSpeedProbe [seconds] [rounds] [stage]};
 * {@code -Dprobe.corpus=2k} runs the benchmarks' 2 KB typical text (seed 42) instead of the short answers.
 */
public final class BiasSpeedProbe {

  private BiasSpeedProbe() {}

  static volatile long sinkHole;

  private static int bloomMix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 15);
  }

  private static void setBit(long[] b, int h) {
    int m = bloomMix(h);
    b[(m & 0xFFFF) >>> 6] |= 1L << m;
    b[(m >>> 16) >>> 6] |= 1L << (m >>> 16);
  }

  private static boolean mayBit(long[] b, int h) {
    int m = bloomMix(h);
    return (b[(m & 0xFFFF) >>> 6] & (1L << m)) != 0 && (b[(m >>> 16) >>> 6] & (1L << (m >>> 16))) != 0;
  }

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
    if ("2k".equals(System.getProperty("probe.corpus"))) {
      // the benchmarks' 2 KB typical answer (BiasBenchmark's and PipelineBreakdown's text): one "answer"
      Class<?> c = Class.forName("dev.guardrails.benchmarks.Corpus");
      Class<?> density = Class.forName("dev.guardrails.benchmarks.Corpus$Density");
      Object typical = density.getField("TYPICAL").get(null);
      answers = List.of((String) c.getMethod("generate", int.class, density, long.class).invoke(null, 2048, typical, 42L));
    }
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
    int[] sts = new int[4096];
    int[] en = new int[4096];
    int[] hs = new int[4096];
    char[] buf = new char[8192];
    List<String> names0 = List.of("loop", "minimal", "tokens", "tokens+filters", "+mentions", "+attribution", "rules", "full");
    List<String> names = names0;
    List<Runnable> stages = new ArrayList<>();
    stages.add(() -> {
      for (AnalyzedText a : texts) {
        count[0] += a.normalized().length();
      }
    });
    stages.add(() -> {
      // a calibration: the least a tokenizer does (copy, ASCII class test, lower-case, hash, three stores a token)
      for (AnalyzedText a : texts) {
        String str = a.normalized();
        int n = str.length();
        str.getChars(0, n, buf, 0);
        int c = 0;
        int i = 0;
        while (i < n) {
          char ch = buf[i];
          if (!Character.isLetterOrDigit(ch)) {
            i++;
            continue;
          }
          int s0 = i;
          int h = 0;
          while (i < n && Character.isLetterOrDigit(ch = buf[i])) {
            ch = (char) (ch | 0x20);
            buf[i] = ch;
            h = 31 * h + ch;
            i++;
          }
          sts[c] = s0;
          en[c] = i;
          hs[c] = h;
          c++;
        }
        count[0] += c;
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
    // The proposal, prototyped: a sentence runs the mention finder and the attribution frame only if one of its
    // tokens may start a group term or is an attribution anchor (one 64K-bit Bloom test per token, as the tokenizer
    // would set while it hashes). The filter's bits come by reflection from the model's private tables: a
    // measurement, not product code.
    long[] bloom = new long[1024];
    java.lang.reflect.Field hf = StereotypeFeatures.class.getDeclaredField("heads");
    hf.setAccessible(true);
    for (long v : (long[]) hf.get(feats)) {
      if (v != 0 && (v >>> 32) == 1) {
        setBit(bloom, (int) v);
      }
    }
    java.lang.reflect.Field ah = StereotypeFrames.class.getDeclaredField("ANCHOR_HASH");
    java.lang.reflect.Field ak = StereotypeFrames.class.getDeclaredField("ANCHOR_KIND");
    ah.setAccessible(true);
    ak.setAccessible(true);
    int[] anchorHash = (int[]) ah.get(null);
    byte[] anchorKind = (byte[]) ak.get(null);
    for (int i = 0; i < anchorHash.length; i++) {
      if (anchorKind[i] != 0) {
        setBit(bloom, anchorHash[i]);
      }
    }
    java.util.Set<Integer> headSet = new java.util.HashSet<>();
    for (long v : (long[]) hf.get(feats)) {
      if (v != 0 && (v >>> 32) == 1) {
        headSet.add((int) v);
      }
    }
    java.util.Map<String, Integer> headWords = new java.util.TreeMap<>();
    long headTokens = 0;
    long termTokens = 0;
    for (AnalyzedText a : texts) {
      t.begin(a, lex);
      t.reset(a.normalized(), 0, a.normalized().length());
      for (int k = 0; k < t.count; k++) {
        if (headSet.contains(t.hash[k])) {
          headTokens++;
          headWords.merge(new String(t.canon, t.cStart[k], t.len(k)), 1, Integer::sum);
          termTokens += feats.term(t, k, t.count) != 0 ? 1 : 0;
        }
      }
    }
    System.out.printf(Locale.ROOT, "tokens that may start a group term: %.2f per answer, that start one: %.2f; commonest: %s%n",
        headTokens / (double) texts.length, termTokens / (double) texts.length,
        headWords.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25).map(e -> e.getKey() + " " + e.getValue()).toList());
    // What the mention finder's first test costs: its HEAD probe into the model's table for every token (a copy of
    // its private has(HEAD, h) over the reflected table), beside one test of an 8 KB Bloom filter of the same heads
    long[] headTable = (long[]) hf.get(feats);
    int headMask = headTable.length - 1;
    long[] headBloom = new long[1024];
    for (long v : headTable) {
      if (v != 0 && (v >>> 32) == 1) {
        setBit(headBloom, (int) v);
      }
    }
    names = new ArrayList<>(names);
    names.add(names.indexOf("rules"), "+gated");
    names.add(names.indexOf("rules"), "+headProbes");
    names.add(names.indexOf("rules"), "+headBloom");
    stages.add(() -> {
      for (AnalyzedText a : texts) {
        t.begin(a, lex);
        t.reset(a.normalized(), 0, a.normalized().length());
        for (int from = 0; from < t.count; ) {
          int to = StereotypeScorer.sentenceEnd(t, from);
          int end = Math.min(to, from + StereotypeFeatures.MAX_TOKENS);
          boolean may = false;
          for (int k = from; k < end && !may; k++) {
            may = mayBit(bloom, t.hash[k]);
          }
          if (may) {
            int m = feats.mentions(t, from, end, spans);
            count[0] += m;
            if (m == 0) {
              count[0] += StereotypeFrames.attribution(t, from, end);
            }
          }
          from = to;
        }
      }
    });
    stages.add(() -> {
      for (AnalyzedText a : texts) {
        t.begin(a, lex);
        t.reset(a.normalized(), 0, a.normalized().length());
        for (int k = 0; k < t.count; k++) {
          long v = (t.hash[k] & 0xffffffffL) | (1L << 32);
          for (int i = StereotypeFeatures.mix(t.hash[k] ^ 1) & headMask; headTable[i] != 0; i = (i + 1) & headMask) {
            if (headTable[i] == v) {
              count[0]++;
              break;
            }
          }
        }
      }
    });
    stages.add(() -> {
      for (AnalyzedText a : texts) {
        t.begin(a, lex);
        t.reset(a.normalized(), 0, a.normalized().length());
        for (int k = 0; k < t.count; k++) {
          if (mayBit(headBloom, t.hash[k])) {
            count[0]++;
          }
        }
      }
    });
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
    long markedSentences = 0;
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
        int marks = 0;
        for (int k = from; k < to; k++) {
          marks |= t.flags[k];
        }
        markedSentences += (marks & Tokens.STEREOTYPE_MARKS) != 0 ? 1 : 0;
        from = to;
      }
    }
    int n = texts.length;
    System.out.printf(Locale.ROOT, "%d answers: %.1f tokens, %.2f sentences (%.3f with a mention, %.3f with a stereotype mark), MAY_ALONE %.2f, MAY_PAIR %.2f, heads found %.2f per answer%n",
        n, tokens / (double) n, sentences / (double) n, mentioned / (double) n, markedSentences / (double) n, alone / (double) n, pair / (double) n, heads / (double) n);
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    double[] best = new double[stages.size()];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    double[] bytes = new double[stages.size()];
    long budget = (long) (seconds * 1e9);
    for (int r = -2; r < rounds; r++) {
      for (int s = 0; s < stages.size(); s++) {
        if (args.length > 2 && !names.get(s).equals(args[2])) {
          continue; // only the named stage (for a profiler)
        }
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
