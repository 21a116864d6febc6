package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Phrases} against the oracle it replaces: {@code java.util.regex} with the same alternation
 * between {@code (?<![\p{L}\p{N}])} and {@code (?![\p{L}\p{N}])}, case-insensitive, over regions with
 * opaque bounds ({@code find}) and {@code lookingAt}. Texts are random mixes of the phrases (in
 * random case, cut, glued), separators, digits and non-ASCII letters and numbers (including
 * {@code İ} and the Kelvin sign, which only Unicode case folding would match, and a surrogate pair).
 */
class PhrasesTest {

  private static final String[] PATTERNS = {PersonRisk.PUBLIC_ROLE, PersonRisk.PRIVATE_ROLE, PersonRisk.SENSITIVE};

  @Test
  void expandsTheSmallLanguage() {
    assertEquals(List.of("customers", "customer", "client"), Phrases.expand("customers?|client"));
    assertEquals(List.of("my ex", "my exs", "our ex", "our exs").size(),
        Phrases.expand("(?:my|our) ex(?:s)?").size());
    assertEquals(List.of("e-mail:", "email:"), Phrases.expand("e-?mail:"));
    assertEquals(List.of("reigned", "reign"), Phrases.expand("reign(?:ed)?"));
    assertThrows(IllegalArgumentException.class, () -> Phrases.expand("a[bc]"));
    assertThrows(IllegalArgumentException.class, () -> Phrases.expand("(ab)"));
    assertThrows(IllegalArgumentException.class, () -> Phrases.expand("ab)"));
  }

  @Test
  void findsWhatTheRegularExpressionsFound() {
    Phrases phrases = new Phrases(PATTERNS);
    Matcher[] oracle = new Matcher[PATTERNS.length];
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < PATTERNS.length; i++) {
      oracle[i] = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + PATTERNS[i] + ")(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE).matcher("");
      pieces.addAll(Phrases.expand(PATTERNS[i]));
    }
    String[] glue = {" ", " ", "  ", "-", ":", ",", ".", "\n", "'", "x", "é", "\u00B2", "\u216B", "\uD835\uDC00", "9",
        "\u0130", "\u212A", "(", "s", "es"};
    Random r = new Random(20261206L);
    int hits = 0;
    int breaks = 0;
    for (int t = 0; t < 30_000; t++) {
      StringBuilder b = new StringBuilder();
      int parts = 1 + r.nextInt(6);
      for (int k = 0; k < parts; k++) {
        String p = pieces.get(r.nextInt(pieces.size()));
        int cut = r.nextInt(4);
        if (cut == 0 && p.length() > 2) {
          p = p.substring(r.nextInt(p.length() / 2)); // a tail: a phrase glued inside a word
        } else if (cut == 1 && p.length() > 2) {
          p = p.substring(0, p.length() - 1 - r.nextInt(p.length() / 2));
        }
        p = switch (r.nextInt(3)) {
          case 0 -> p.toUpperCase(Locale.ROOT);
          case 1 -> p.isEmpty() ? p : Character.toUpperCase(p.charAt(0)) + p.substring(1);
          default -> p;
        };
        b.append(glue[r.nextInt(glue.length)]).append(p);
      }
      b.append(glue[r.nextInt(glue.length)]);
      String s = b.toString();
      int n = s.length();
      for (int q = 0; q < 4; q++) {
        int from = q == 0 ? 0 : r.nextInt(n);
        int to = q == 0 ? n : from + r.nextInt(n - from + 1);
        int expectFind = 0;
        int expectStart = 0;
        for (int i = 0; i < PATTERNS.length; i++) {
          if (from < to && oracle[i].reset(s).region(from, to).find()) {
            expectFind |= 1 << i;
          }
          if (from < to && oracle[i].reset(s).region(from, to).lookingAt()) {
            expectStart |= 1 << i;
          }
        }
        hits += Integer.bitCount(expectFind);
        int f = from;
        int e = to;
        // synthetic text: shown escaped, with the region, to reproduce a failure; the detector's char
        // copy may run past the text: letters there, which no answer may read
        char[] c = java.util.Arrays.copyOf(s.toCharArray(), n + 8);
        java.util.Arrays.fill(c, n, n + 8, 'a');
        assertEquals(expectFind, phrases.find(c, from, to), () -> "find in [" + f + ", " + e + ") of " + escaped(s));
        assertEquals(expectStart, phrases.startsAt(c, from, to), () -> "startsAt [" + f + ", " + e + ") of " + escaped(s));
        // the one-pass forms: find over the part after the last break, or before the first (the
        // oracle's find over those parts)
        int lastBreak = from;
        int firstBreak = to;
        for (int i = from; i < to; i++) {
          if (BREAKS.at(c, n, i)) {
            lastBreak = i + 1;
            firstBreak = Math.min(firstBreak, i);
          }
        }
        breaks += lastBreak > from ? 1 : 0;
        assertEquals(oracleFind(oracle, s, lastBreak, to), phrases.findAfterLastBreak(c, n, from, to, BREAKS),
            () -> "findAfterLastBreak [" + f + ", " + e + ") of " + escaped(s));
        assertEquals(oracleFind(oracle, s, from, firstBreak), phrases.findBeforeFirstBreak(c, n, from, to, BREAKS),
            () -> "findBeforeFirstBreak [" + f + ", " + e + ") of " + escaped(s));
      }
    }
    System.out.println("PhrasesTest: regions with a phrase " + hits + ", with a break " + breaks);
    assertEquals(true, hits > 10_000);
    assertEquals(true, breaks > 10_000);
  }

  /** A line break, or '.', '!' or '?' before a space or the text's end (a break asks only about these four). */
  private static final Phrases.Breaks BREAKS = (s, n, i) -> {
    char c = s[i];
    return c == '\n' || ((c == '.' || c == '!' || c == '?') && (i + 1 == n || s[i + 1] == ' '));
  };

  /** The sets whose oracle pattern finds a phrase in {@code s[from, to)}. */
  private static int oracleFind(java.util.regex.Matcher[] oracle, String s, int from, int to) {
    int found = 0;
    for (int i = 0; i < oracle.length; i++) {
      if (from < to && oracle[i].reset(s).region(from, to).find()) {
        found |= 1 << i;
      }
    }
    return found;
  }

  @Test
  void refusesAPhraseWithABreakChar() {
    assertThrows(IllegalArgumentException.class, () -> new Phrases("dr. who"));
  }

  @Test
  void holdsAtMostFifteenSets() {
    String[] fifteen = new String[15];
    for (int i = 0; i < fifteen.length; i++) {
      fifteen[i] = "word" + (char) ('a' + i);
    }
    Phrases phrases = new Phrases(fifteen);
    assertEquals(1 << 14, phrases.find("a wordo here".toCharArray(), 0, 12)); // the last set keeps its own bit
    assertEquals(0, phrases.find("a wordp here".toCharArray(), 0, 12));
    String[] sixteen = java.util.Arrays.copyOf(fifteen, 16);
    sixteen[15] = "wordp";
    assertThrows(IllegalArgumentException.class, () -> new Phrases(sixteen));
  }

  private static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return b.toString();
  }
}
