package dev.guardrails.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Detector} must keep, as a reusable test base (like Lucene's
 * {@code BaseTokenStreamTestCase}). A detector test extends it, returns the detector from
 * {@link #detector()} and sample texts from {@link #samples()}, and inherits tests that check:
 * spans inside the text and non-empty; valid id and scores; deterministic output; identical results
 * from 8 threads x {@link #concurrentChecks()} concurrent calls; input untouched; empty and odd
 * input handled; and, for a detector with {@link Detector#triggers()}, nothing found in the samples
 * with their trigger chars blanked out (the texts the engine would skip it on).
 *
 * <p>Shipped in guardrails-core's test-jar.
 */
public abstract class DetectorContract {

  /** Returns the detector under test; may return the same instance every time. */
  protected abstract Detector detector();

  /**
   * Returns sample texts, at least one of which makes the detector report a finding.
   *
   * @return the samples
   */
  protected abstract List<String> samples();

  /** Returns the context the samples are checked with; empty by default. */
  protected CheckContext context() {
    return CheckContext.empty();
  }

  /** Returns the number of checks each of the 8 threads makes; 10,000 by default. */
  protected int concurrentChecks() {
    return 10_000;
  }

  /**
   * Runs the detector once over a text.
   *
   * @param text the text
   * @return the findings in reporting order
   */
  protected final List<Finding> run(String text) {
    List<Finding> out = new ArrayList<>();
    detector().detect(AnalyzedText.of(text), context(), out::add);
    return out;
  }

  @Test
  void idIsValid() {
    String id = detector().id();
    assertNotNull(id);
    assertFalse(id.isBlank(), "detector id must not be blank");
    assertTrue(detector().window() >= 1, "window must be >= 1");
  }

  @Test
  void someSampleHasAFinding() {
    boolean any = false;
    for (String s : samples()) {
      any |= !run(s).isEmpty();
    }
    assertTrue(any, "at least one sample must produce a finding");
  }

  @Test
  void spansLieInsideTheTextAndFindingsAreWellFormed() {
    for (String s : samples()) {
      for (Finding f : run(s)) {
        assertTrue(f.start() >= 0 && f.end() <= s.length() && f.start() < f.end(),
            "span " + f.span() + " outside text of length " + s.length());
        assertEquals(detector().id(), f.detector(), "finding must carry the detector's id");
        assertTrue(f.score() >= 0 && f.score() <= 1);
        if (!detector().types().isEmpty()) {
          assertTrue(detector().types().contains(f.type()), "undeclared type " + f.type());
        }
        assertTrue(f.span().length() <= Math.max(detector().window(), 1) || detector().sentenceScoped(),
            "finding longer than the declared window: " + f.span());
      }
    }
  }

  @Test
  void outputIsDeterministic() {
    for (String s : samples()) {
      assertEquals(run(s), run(s));
    }
  }

  @Test
  void inputIsUntouched() {
    for (String s : samples()) {
      String copy = new String(s.toCharArray());
      run(s);
      assertEquals(copy, s);
    }
  }

  @Test
  void nothingIsFoundWhereTheTriggersAreAbsent() {
    int mask = CharClass.mask(detector().triggers());
    if (mask == 0) {
      return; // runs on every text
    }
    for (String sample : samples()) {
      StringBuilder b = new StringBuilder(sample);
      for (int i = 0; i < b.length(); i++) {
        // a char that is, or normalizes to, a trigger class: blanked
        if ((AnalyzedText.of(String.valueOf(b.charAt(i))).charClasses() & mask) != 0) {
          b.setCharAt(i, ' ');
        }
      }
      String blanked = b.toString();
      if ((AnalyzedText.of(blanked).charClasses() & mask) == 0) { // else a disguise still makes one
        assertEquals(List.of(), run(blanked), "findings in a sample of " + blanked.length() + " chars without the triggers");
      }
    }
  }

  @Test
  void oddInputIsHandled() {
    for (String s : List.of("", " ", "\n\n", "\u200B", "\uD800", "a", "@", "1", "\u0000\u0000",
        "x".repeat(10_000), "@".repeat(5_000), "1".repeat(5_000), ". ".repeat(2_000))) {
      for (Finding f : run(s)) {
        assertTrue(f.end() <= s.length());
      }
    }
  }

  @Test
  void concurrentCallsGiveIdenticalResults() throws Exception {
    List<String> samples = samples();
    List<List<Finding>> expected = new ArrayList<>();
    for (String s : samples) {
      expected.add(run(s));
    }
    int threads = 8;
    int checks = concurrentChecks();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          int mismatches = 0;
          for (int i = 0; i < checks; i++) {
            int k = (i + offset) % samples.size();
            if (!run(samples.get(k)).equals(expected.get(k))) {
              mismatches++;
            }
          }
          return mismatches;
        }));
      }
      int mismatches = 0;
      for (Future<Integer> f : futures) {
        mismatches += f.get(5, TimeUnit.MINUTES);
      }
      assertEquals(0, mismatches, "concurrent results differ from single-threaded ones");
    } finally {
      pool.shutdownNow();
    }
  }
}
