package dev.guardrails.detectors.bias;

import dev.guardrails.Detector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A hand-written probe file of this package's tests: one {@code label<TAB>sentence} row per line,
 * {@code #} comments and blank lines skipped, each label one of two: sentences that must stay quiet
 * and sentences that must be found.
 */
final class ProbeSet {

  /** The rows, each {@code {label, sentence}}. */
  final List<String[]> rows;
  private final String quietLabel;

  private ProbeSet(List<String[]> rows, String quietLabel) {
    this.rows = rows;
    this.quietLabel = quietLabel;
  }

  /**
   * Reads a probe file from this package's test resources.
   *
   * @throws IllegalArgumentException on a row whose label is neither of the two
   */
  static ProbeSet read(String resource, String quietLabel, String foundLabel) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(ProbeSet.class.getResourceAsStream(resource), resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", 2);
        if (c.length != 2 || !(c[0].equals(quietLabel) || c[0].equals(foundLabel))) {
          throw new IllegalArgumentException(resource + ": not '" + quietLabel + "' or '" + foundLabel + "' TAB sentence: " + line);
        }
        rows.add(c);
      }
    }
    return new ProbeSet(rows, quietLabel);
  }

  /** True when {@code row} must stay quiet. */
  boolean quiet(String[] row) {
    return row[0].equals(quietLabel);
  }

  /** Whether {@code detector} reports any {@code STEREOTYPE*} finding on {@code text}. */
  static boolean stereotype(Detector detector, String text) {
    return BiasAccuracyTest.findings(detector, text).stream().anyMatch(x -> x.type().name().startsWith("STEREOTYPE"));
  }

  /** How many quiet rows {@code flagged} leaves alone and how many others it finds; the misses, one per line. */
  Tally tally(Predicate<String> flagged) {
    int quietRows = 0;
    int quiet = 0;
    int foundRows = 0;
    int found = 0;
    StringBuilder misses = new StringBuilder();
    for (String[] row : rows) {
      boolean f = flagged.test(row[1]);
      if (quiet(row)) {
        quietRows++;
        quiet += f ? 0 : 1;
        if (f) {
          misses.append("  ").append(quietLabel).append(" flagged: ").append(row[1]).append('\n');
        }
      } else {
        foundRows++;
        found += f ? 1 : 0;
        if (!f) {
          misses.append("  stereotype missed: ").append(row[1]).append('\n');
        }
      }
    }
    return new Tally(quietRows, quiet, foundRows, found, misses.toString());
  }

  /** The counts of {@link #tally}. */
  record Tally(int quietRows, int quiet, int foundRows, int found, String misses) {}
}
