package dev.guardrails.detectors.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * A small set of word endings read backwards from a word's end, one char per step: which of the
 * suffixes {@code s[b - e, b)} (case folded as {@link Gazetteer#fold}) are entries, for every
 * {@code e} up to a bound, in one pass. Answers what {@code Gazetteer.of(entries).contains(s, b - e, b)}
 * answers for each {@code e} in turn, without hashing each suffix again (the surname-ending tests of
 * {@link NameLexicons} asked up to six suffixes of a word that way).
 *
 * <p>Thread-safe: immutable after construction.
 */
final class SuffixTrie {

  /** Code of each char below U+0180 that some entry holds (0: none), and the rarer chars above. */
  private final byte[] codes = new byte[0x180];

  private final char[] rare;

  private final byte[] rareCodes;

  /** Codes per node: {@code next[node * width + code]} is the child, or 0 (the root is no child). */
  private final int[] next;

  private final int width;

  /** Per node: whether the suffix spelled from the root to it is an entry. */
  private final boolean[] entry;

  /**
   * Builds the trie of {@code words}' reversed, folded chars.
   *
   * @param words the endings (empty ones are ignored, as {@link Gazetteer#contains} never finds
   *     an empty range); at most 126 distinct chars
   */
  SuffixTrie(List<String> words) {
    StringBuilder high = new StringBuilder();
    StringBuilder highCodes = new StringBuilder();
    int count = 0;
    for (String w : words) {
      for (int i = 0; i < w.length(); i++) {
        char c = Gazetteer.fold(w.charAt(i));
        if (c < codes.length ? codes[c] == 0 : high.indexOf(String.valueOf(c)) < 0) {
          count++;
          if (c < codes.length) {
            codes[c] = (byte) count;
          } else {
            high.append(c);
            highCodes.append((char) count);
          }
        }
      }
    }
    if (count > 126) {
      throw new IllegalArgumentException("too many distinct chars: " + count);
    }
    rare = high.toString().toCharArray();
    rareCodes = new byte[rare.length];
    for (int k = 0; k < rare.length; k++) {
      rareCodes[k] = (byte) highCodes.charAt(k);
    }
    width = count + 1;
    List<int[]> rows = new ArrayList<>();
    List<Boolean> entries = new ArrayList<>();
    rows.add(new int[width]);
    entries.add(false);
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      int node = 0;
      for (int i = w.length() - 1; i >= 0; i--) {
        int code = code(Gazetteer.fold(w.charAt(i)));
        if (rows.get(node)[code] == 0) {
          rows.get(node)[code] = rows.size();
          rows.add(new int[width]);
          entries.add(false);
        }
        node = rows.get(node)[code];
      }
      entries.set(node, true);
    }
    next = new int[rows.size() * width];
    entry = new boolean[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      System.arraycopy(rows.get(k), 0, next, k * width, width);
      entry[k] = entries.get(k);
    }
  }

  /** The code of a folded char, 0 when no entry holds it. */
  private int code(char c) {
    if (c < codes.length) {
      return codes[c];
    }
    for (int k = 0; k < rare.length; k++) {
      if (rare[k] == c) {
        return rareCodes[k];
      }
    }
    return 0;
  }

  /**
   * The lengths {@code e}, {@code 1 <= e <= max} and {@code e <= b}, for which {@code c[b - e, b)}
   * is an entry, as bit {@code e} of the result.
   *
   * @param c the text's chars
   * @param b the end of the word
   * @param max the longest suffix asked about (at most 63)
   * @return a mask of suffix lengths; 0 when none
   */
  long lengths(char[] c, int b, int max) {
    long found = 0;
    int node = 0;
    int limit = Math.min(max, b);
    for (int e = 1; e <= limit; e++) {
      int code = code(Gazetteer.fold(c[b - e]));
      int child = code == 0 ? 0 : next[node * width + code];
      if (child == 0) {
        return found;
      }
      node = child;
      if (entry[node]) {
        found |= 1L << e;
      }
    }
    return found;
  }
}
