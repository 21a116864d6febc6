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
 * A hand-written probe file of this package's tests: one row per line, {@code label<TAB>...<TAB>sentence}
 * with a fixed number of columns (the sentence last), {@code #} comments and blank lines skipped, each
 * label one of two: sentences that must stay quiet and sentences that must be found.
 */
final class ProbeSet {

  /** The rows, each its columns: the label first, the sentence last. */
  final List<String[]> rows;
  private final String quietLabel;

  private ProbeSet(List<String[]> rows, String quietLabel) {
    this.rows = rows;
    this.quietLabel = quietLabel;
  }

  /** Reads a probe file of two columns, {@code label<TAB>sentence}. */
  static ProbeSet read(String resource, String quietLabel, String foundLabel) throws IOException {
    return read(resource, 2, quietLabel, foundLabel);
  }

  /**
   * Reads a probe file of {@code columns} columns from this package's test resources.
   *
   * @throws IllegalArgumentException on a row with another number of columns or whose label is neither of the two
   */
  static ProbeSet read(String resource, int columns, String quietLabel, String foundLabel) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(ProbeSet.class.getResourceAsStream(resource), resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        if (c.length != columns || !(c[0].equals(quietLabel) || c[0].equals(foundLabel))) {
          throw new IllegalArgumentException(resource + ": not " + columns + " columns led by '" + quietLabel + "' or '"
              + foundLabel + "': " + line);
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

  /** The sentence of {@code row}: its last column. */
  static String sentence(String[] row) {
    return row[row.length - 1];
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
      String text = sentence(row);
      boolean f = flagged.test(text);
      if (quiet(row)) {
        quietRows++;
        quiet += f ? 0 : 1;
        if (f) {
          misses.append("  ").append(quietLabel).append(" flagged: ").append(text).append('\n');
        }
      } else {
        foundRows++;
        found += f ? 1 : 0;
        if (!f) {
          misses.append("  stereotype missed: ").append(text).append('\n');
        }
      }
    }
    return new Tally(quietRows, quiet, foundRows, found, misses.toString());
  }

  /** The counts of {@link #tally}. */
  record Tally(int quietRows, int quiet, int foundRows, int found, String misses) {}
}
