package dev.guardrails.detectors.bias;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands the inflection markers of lexicon forms: a word ending in {@code +n} adds its plural
 * (chairman+n: chairmen; policy+n: policies), one ending in {@code +v} adds its verb forms
 * (man+v: mans, manned, manning). Only the marked word of a phrase is inflected.
 *
 * <p>Stateless and thread-safe.
 */
final class Inflections {

  private Inflections() {}

  static List<String> expand(String form) {
    List<String> out = new ArrayList<>();
    out.add("");
    for (String word : form.split(" ")) {
      List<String> variants = variants(word);
      List<String> next = new ArrayList<>();
      for (String prefix : out) {
        for (String v : variants) {
          next.add(prefix.isEmpty() ? v : prefix + " " + v);
        }
      }
      out = next;
    }
    return out;
  }

  private static List<String> variants(String word) {
    if (word.endsWith("+n")) {
      String w = word.substring(0, word.length() - 2);
      return List.of(w, plural(w));
    }
    if (word.endsWith("+v")) {
      String w = word.substring(0, word.length() - 2);
      String d = doubles(w) ? w + w.charAt(w.length() - 1) : w;
      String stem = w.endsWith("e") ? w.substring(0, w.length() - 1) : d;
      return List.of(w, plural(w), stem + "ed", stem + "ing");
    }
    return List.of(word);
  }

  static String plural(String w) {
    if (w.endsWith("man")) {
      return w.substring(0, w.length() - 3) + "men";
    }
    if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
      return w + "es";
    }
    if (w.length() > 1 && w.endsWith("y") && !isVowel(w.charAt(w.length() - 2))) {
      return w.substring(0, w.length() - 1) + "ies";
    }
    return w + "s";
  }

  /** Consonant-vowel-consonant short verbs double the last letter: man, gyp, spaz. */
  private static boolean doubles(String w) {
    int n = w.length();
    if (n < 3 || n > 4) {
      return false;
    }
    char a = w.charAt(n - 3);
    char b = w.charAt(n - 2);
    char c = w.charAt(n - 1);
    return !isVowel(a) && isVowel(b) && !isVowel(c) && c != 'w' && c != 'x' && c != 'y';
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
