package dev.guardrails.detectors.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one loader of the detectors' word lists and lexicon tables (UTF-8 class-path resources).
 * Lucene's {@code WordlistLoader} does not fit the tables: it trims lines and drops line numbers,
 * while lexicon rows keep trailing empty columns and their errors name the line.
 *
 * <p>Not an API: may change without notice. Stateless and thread-safe.
 */
public final class WordLists {

  private WordLists() {}

  /**
   * Returns every line of a resource as written (comments and blank lines included, so callers can
   * number lines), with no line terminators.
   *
   * @param anchor the class the resource name is relative to
   * @param name the resource name
   * @param what what the resource is, for messages ("bias lexicon")
   * @return the lines
   * @throws IllegalStateException if the resource is missing
   * @throws UncheckedIOException if it cannot be read
   */
  public static List<String> lines(Class<?> anchor, String name, String what) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(what + " resource " + name + " is missing from the class path");
      }
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(what + " resource " + name + " could not be read", e);
    }
  }

  /**
   * Returns the words of a plain word list: one per line, trimmed and lower-cased (ROOT), blank
   * lines and lines starting with {@code #} skipped.
   *
   * @param anchor the class the resource name is relative to
   * @param name the resource name
   * @param what what the resource is, for messages
   * @return the words, immutable
   */
  public static Set<String> lowerCaseWords(Class<?> anchor, String name, String what) {
    Set<String> out = new java.util.HashSet<>();
    for (String line : lines(anchor, name, what)) {
      line = line.trim();
      if (!line.isEmpty() && line.charAt(0) != '#') {
        out.add(line.toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(out);
  }
}
