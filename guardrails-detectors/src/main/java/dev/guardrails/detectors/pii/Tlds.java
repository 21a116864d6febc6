package dev.guardrails.detectors.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The set of real top-level domains (resource {@code tlds.txt}, from the Public Suffix List's ICANN
 * section), loaded once. Lookups take a slice of a char sequence and allocate nothing for ASCII.
 *
 * <p>Thread-safe: immutable after class initialization.
 */
final class Tlds {

  private Tlds() {}

  private static final Set<String> TLDS = load();
  private static final int MAX_LENGTH = TLDS.stream().mapToInt(String::length).max().orElse(0);

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (InputStream in = Tlds.class.getResourceAsStream("tlds.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource dev/guardrails/detectors/pii/tlds.txt is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        line = line.trim();
        if (!line.isEmpty() && line.charAt(0) != '#') {
          out.add(line.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }

  /**
   * Returns true when {@code s[start, end)} is a real TLD, case-insensitively.
   *
   * @param s the text
   * @param start start index
   * @param end end index
   * @return whether it is a TLD
   */
  static boolean isTld(CharSequence s, int start, int end) {
    int len = end - start;
    if (len < 2 || len > MAX_LENGTH) {
      return false;
    }
    char[] buf = new char[len];
    for (int i = 0; i < len; i++) {
      char c = s.charAt(start + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      buf[i] = c;
    }
    return TLDS.contains(new String(buf));
  }
}
