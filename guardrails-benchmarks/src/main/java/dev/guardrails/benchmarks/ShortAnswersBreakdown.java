package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a check's time goes on short answers ({@link ShortCorpus}): after a warm-up, checks every
 * answer in turn for a fixed time with the default pipeline and the PII+secrets pipeline of
 * {@link ShortAnswersBenchmark}, and prints the mean nanoseconds per answer of each detector (from
 * {@link GuardResult#timings()}, so each includes one clock read) and of the rest of the check
 * ({@code other}: normalization, policy, result; wall-clock, so noisy on a loaded machine).
 * Not a JMH benchmark: a diagnostic beside
 * {@link ShortAnswersBenchmark}, whose totals are the reference. Then each detector alone (a
 * one-detector pipeline) and the empty pipeline: thread CPU nanoseconds (robust to other processes
 * taking the core, unlike wall time) and bytes allocated per answer; then the same on the clean
 * answers, those on which the default pipeline reports nothing ({@link #cleanAnswers}), where a
 * check allocates only its fixed cost.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.guardrails.benchmarks.ShortAnswersBreakdown [--seconds S] [--rounds R]}.
 */
public final class ShortAnswersBreakdown {

  private ShortAnswersBreakdown() {}

  /**
   * Runs the measurement and prints one table per pipeline.
   *
   * @param args {@code --seconds S}: measurement per pipeline, default 5 (warm-up the same; a
   *     quarter of it per pipeline and round in the table of detectors alone), {@code --rounds R}
   *     (default 5)
   */
  public static void main(String[] args) {
    double seconds = 5;
    int rounds = 5;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--seconds") && i + 1 < args.length) {
        seconds = Double.parseDouble(args[++i]);
      } else if (args[i].equals("--rounds") && i + 1 < args.length) {
        rounds = Integer.parseInt(args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    String[] answers = ShortCorpus.answers().toArray(new String[0]);
    Guardrail all = Guardrail.builder().discoverDetectors().build();
    Guardrail pii = all.only(d -> ShortAnswersBenchmark.PII_SECRETS.contains(d.id()));
    System.out.printf(Locale.ROOT, "%d short answers, %.1f chars on average%n", answers.length, ShortCorpus.meanChars());
    for (Guardrail g : List.of(pii, all)) {
      long nanos = (long) (seconds * 1e9);
      run(g, answers, nanos, null);
      Map<String, Long> per = new LinkedHashMap<>();
      long[] totals = run(g, answers, nanos, per);
      double checks = totals[0];
      double total = totals[1] / checks;
      double detectors = 0;
      System.out.printf(Locale.ROOT, "%s: %.0f ns per answer (wall), %.0f ns CPU%n", g == all ? "default" : "piiSecrets",
          total, totals[2] / checks);
      for (Map.Entry<String, Long> e : per.entrySet()) {
        double ns = e.getValue() / checks;
        detectors += ns;
        System.out.printf(Locale.ROOT, "  %-20s %8.0f ns%n", e.getKey(), ns);
      }
      System.out.printf(Locale.ROOT, "  %-20s %8.0f ns%n", "other", total - detectors);
    }
    // each detector alone: time and allocation per answer of a one-detector pipeline, beside the
    // empty pipeline (the fixed cost both include); rounds interleave the pipelines, and the least
    // CPU time of a round is kept (other processes and late JIT only ever add time)
    List<Guardrail> alone = new java.util.ArrayList<>();
    alone.add(Guardrail.builder().detector(new ShortAnswersBenchmark.NoFindings()).build());
    for (dev.guardrails.Detector d : all.detectors()) {
      alone.add(all.only(x -> x == d));
    }
    alone.add(pii);
    alone.add(all);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) CPU;
    long tid = Thread.currentThread().getId();
    double[] best = new double[alone.size()];
    double[] bytesPer = new double[alone.size()];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < alone.size(); i++) {
        long b0 = mx.getThreadAllocatedBytes(tid);
        long[] totals = run(alone.get(i), answers, (long) (seconds * 1e9 / 4), null);
        bytesPer[i] = (mx.getThreadAllocatedBytes(tid) - b0) / (double) totals[0];
        best[i] = Math.min(best[i], totals[2] / (double) totals[0]);
      }
    }
    System.out.printf(Locale.ROOT, "alone (least thread CPU ns per answer over %d rounds, B per answer):%n", rounds);
    print(alone, pii, all, best, bytesPer);
    // the same on the clean answers (the default pipeline reports nothing): what a check costs when
    // it has nothing to report, without the findings' own allocation
    String[] clean = cleanAnswers(all, answers);
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < alone.size(); i++) {
        long b0 = mx.getThreadAllocatedBytes(tid);
        long[] totals = run(alone.get(i), clean, (long) (seconds * 1e9 / 4), null);
        bytesPer[i] = (mx.getThreadAllocatedBytes(tid) - b0) / (double) totals[0];
        best[i] = Math.min(best[i], totals[2] / (double) totals[0]);
      }
    }
    System.out.printf(Locale.ROOT, "clean answers (%d, %.1f chars on average; least thread CPU ns per answer, B per answer):%n",
        clean.length, meanChars(clean));
    print(alone, pii, all, best, bytesPer);
  }

  private static void print(List<Guardrail> alone, Guardrail pii, Guardrail all, double[] best, double[] bytesPer) {
    for (int i = 0; i < alone.size(); i++) {
      Guardrail g = alone.get(i);
      String id = g == pii ? "(piiSecrets)" : g == all ? "(default)" : g.detectors().get(0).id();
      System.out.printf(Locale.ROOT, "  %-20s %8.0f ns %8.0f B%n", id, best[i], bytesPer[i]);
    }
  }

  /**
   * Returns the answers on which {@code all} (the default pipeline) reports nothing: no decision,
   * no error. Deterministic: the corpus is fixed and the pipeline's findings do not depend on time.
   */
  static String[] cleanAnswers(Guardrail all, String[] answers) {
    List<String> out = new java.util.ArrayList<>();
    for (String a : answers) {
      GuardResult r = all.check(a, CheckContext.empty());
      if (r.decisions().isEmpty() && r.errors().isEmpty()) {
        out.add(a);
      }
    }
    return out.toArray(new String[0]);
  }

  private static double meanChars(String[] texts) {
    long n = 0;
    for (String t : texts) {
      n += t.length();
    }
    return texts.length == 0 ? 0 : n / (double) texts.length;
  }

  /** Returns {checks, total wall nanos, thread CPU nanos}; adds per-detector nanos to {@code perDetector} if not null. */
  private static long[] run(Guardrail guard, String[] answers, long nanos, Map<String, Long> perDetector) {
    long start = System.nanoTime();
    long cpu0 = CPU.getCurrentThreadCpuTime();
    long checks = 0;
    long total = 0;
    int next = 0;
    while (System.nanoTime() - start < nanos || checks == 0) {
      String text = answers[next];
      next = next + 1 == answers.length ? 0 : next + 1;
      long t0 = System.nanoTime();
      GuardResult r = guard.check(text, CheckContext.empty());
      total += System.nanoTime() - t0;
      checks++;
      if (perDetector != null) {
        for (Map.Entry<String, Duration> e : r.timings().entrySet()) {
          perDetector.merge(e.getKey(), e.getValue().toNanos(), Long::sum);
        }
      }
    }
    return new long[] {checks, total, CPU.getCurrentThreadCpuTime() - cpu0};
  }

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
}
