package dev.guardrails.detectors.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * A short list of lower-case ASCII words or phrases matched at a fixed place in a text (ending at,
 * or starting at, an offset), ignoring case as {@link String#regionMatches(boolean, int, String,
 * int, int)} does. The entries are indexed by their last and first char, so an ASCII char at the
 * place narrows the comparisons to the entries that end (or start) with it; an ASCII text char is
 * compared to the entry's by folding A-Z. Chars from U+0080 up always take the JDK's comparison
 * against every entry, since Unicode case folding can map them onto ASCII ("K" the Kelvin sign onto
 * "k"). Thread-safe: immutable.
 */
final class WordList {

  private final String[] words;
  /** Per lower-case ASCII char: the entries that end with it. */
  private final String[][] byLast = new String[128][];
  /** Per lower-case ASCII char: the entries that start with it. */
  private final String[][] byFirst = new String[128][];

  private WordList(String... words) {
    this.words = words.clone();
    List<List<String>> last = new ArrayList<>();
    List<List<String>> first = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      last.add(new ArrayList<>());
      first.add(new ArrayList<>());
    }
    for (String w : words) {
      if (w.isEmpty() || w.chars().anyMatch(c -> c >= 128 || (c >= 'A' && c <= 'Z'))) {
        throw new IllegalArgumentException("word list entries must be non-empty lower-case ASCII: length " + w.length());
      }
      last.get(w.charAt(w.length() - 1)).add(w);
      first.get(w.charAt(0)).add(w);
    }
    for (int c = 0; c < 128; c++) {
      byLast[c] = last.get(c).toArray(new String[0]);
      byFirst[c] = first.get(c).toArray(new String[0]);
    }
  }

  /**
   * The list of these words.
   *
   * @param words the entries: non-empty, lower-case ASCII
   * @return the list
   * @throws IllegalArgumentException if an entry is empty, has an upper-case letter or a non-ASCII char
   */
  static WordList of(String... words) {
    return new WordList(words);
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /**
   * Whether an entry ends at {@code to}, starting at or after {@code from} at the text's start or
   * after a char that is no letter ({@link Chars#letter}).
   */
  boolean endsAt(String s, int from, int to) {
    if (to <= from) {
      return false;
    }
    char c = s.charAt(to - 1);
    for (String w : c < 128 ? byLast[lower(c)] : words) {
      int st = to - w.length();
      if (st >= from && same(s, st, w) && (st == 0 || !Chars.letter(s.charAt(st - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether an entry starts at {@code i} and ends at the text's end or before a char that is no letter. */
  boolean startsAt(String s, int i) {
    int n = s.length();
    if (i >= n) {
      return false;
    }
    char c = s.charAt(i);
    for (String w : c < 128 ? byFirst[lower(c)] : words) {
      int e = i + w.length();
      if (e <= n && same(s, i, w) && (e == n || !Chars.letter(s.charAt(e)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code s.regionMatches(true, at, w, 0, w.length())} for a lower-case ASCII {@code w} that fits
   * in {@code s} from {@code at}: ASCII chars folded here, the JDK's comparison from the first char
   * of U+0080 or above (Unicode case folding maps some onto ASCII letters).
   */
  static boolean same(String s, int at, String w) {
    for (int k = 0; k < w.length(); k++) {
      char c = s.charAt(at + k);
      if (c >= 128) {
        return s.regionMatches(true, at, w, 0, w.length());
      }
      if (lower(c) != w.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
