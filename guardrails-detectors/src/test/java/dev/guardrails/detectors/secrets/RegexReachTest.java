package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The longest match of a regex read from its source: hand-counted rows, and on every vendored rule
 * no match of a generated key longer than the bound.
 */
class RegexReachTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
      // aws-access-token: 4 + 16, \b counts nothing
      "~\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b~; 20",
      "abc; 3",
      "a|bcd|ef; 3",
      "(?i)x[0-9]{3,8}y?; 10",
      "a{2}(?:bc){0,3}; 8",
      "a+; 2147483647",
      "a*b; 2147483647",
      "a{4,}; 2147483647",
      "(?:){5,}; 0",
      // the dot, a negated class, \\S: a code point outside the BMP is two chars
      "a.b; 4",
      "[^a]; 2",
      "~\\S\\s~; 3",
      "~[\\x60'\"\\s=]{0,5}~; 5",
      "~\\x{1F600}~; 2",
      "(?P<name>ab)|(?-i:cde); 3",
      "(?s:.){0,10}?; 20",
      "[]a]x; 2",
      "[[:alpha:]]{4}; 4",
      "~{\\d{2}}~; 4",
      "^$; 0",
      // not read here: the widest window
      "~\\Qab\\E~; 2147483647",
      "(ab; 2147483647",
      "ab); 2147483647",
  })
  void longestMatchOfHandCountedRegexes(String regex, int expected) {
    assertEquals(expected, RegexReach.maxLength(regex), regex);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
      "~\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b~; akia a3t asia abia acca; true",
      // airtable's token: the keyword is not in the match
      "~\\b(pat[[:alnum:]]{14}\\.[a-f0-9]{64})\\b~; airtable; false",
      "(?i)(?:adafruit)(?:[ \t\\w.-]{0,20}); adafruit; true",
      "~(?:https?://)?hooks\\.slack\\.com/x~; hooks.slack.com; true",
      // an unescaped dot is any char, not the keyword's '.'
      "~hooks.slack.com~; hooks.slack.com; false",
      "(?:ab)?cd; ab; false",
      "a(?:key|xkeyx); key; true",
      "a(?:key|other); key; false",
      "ke?y; key; false",
      "~k\\by~; ky; true",
      "(key)+; key; true",
      "(key){0,2}; key; false",
      // one letter in both cases is a literal for keywords (they match in any case)
      "(?-i:[Aa]pi|API); api; true",
      "[Aa][Pp]i; api; true",
      "[Ab]pi; api; false",
      "[A-a]pi; api; false",
      "~[\\x41a]pi~; api; false",
      // an optional group of literals: every match passes through one of the two runs
      "passw(?:or)?d; passwd password; true",
      "passw(?:or)?d; password; false",
      "x(?:ab)c; xabc; true",
      "x(?:ab)*c; xabc; false",
  })
  void everyMatchHoldsAKeyword(String regex, String keywords, boolean expected) {
    assertEquals(expected, RegexReach.holdsKeyword(regex, java.util.List.of(keywords.split(" "))), regex);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
      "~\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b~; 20; true",
      "ab|cd; 2; true",
      "a|bc; 2; false",
      "a{2,3}; 3; false",
      "a{3}; 3; true",
      "x?y; 2; false",
      "x+; 1; false",
      // a wide atom is one char or two: never a fixed length
      ".; 2; false",
      "[^a]; 2; false",
      "~\\bAB\\b~; 2; true",
  })
  void fixedLengthOfHandCountedRegexes(String regex, int length, boolean expected) {
    assertEquals(expected, RegexReach.fixedLength(regex, length), regex);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
      "~\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b~; true",
      "~(?i)\\b(p8e-[a-z0-9]{32})$~; true",
      "~(?P<k>ab)~; true",
      // a terminator after the group is part of the match
      "~\\b(ABSK[A-Za-z0-9+/]{109,269}={0,2})(?:[\\x60'\"\\s;]|\\\\[nr]|$)~; false",
      "(ab)(cd); false",
      "(ab)+; false",
      "(?:ab); false",
      "ab; false",
      // an escaped backslash before the b is a literal b, not a boundary
      "~(ab)\\\\b~; false",
  })
  void groupOneIsTheWholeMatch(String regex, boolean expected) {
    assertEquals(expected, RegexReach.wholeGroup(regex), regex);
  }

  /** For every vendored rule read as whole-match, group 1 spans the match on its generated keys. */
  @Test
  void wholeGroupRulesHaveGroupOneAsTheirMatch() {
    GitleaksRules g = GitleaksRules.defaults();
    Random rnd = new Random(11);
    int whole = 0;
    for (GitleaksRules.Rule r : g.rules) {
      if (!r.whole) {
        continue;
      }
      whole++;
      for (int k = 0; k < 10; k++) {
        String key = Re2Examples.example(r.source, rnd.nextLong(), rnd.nextBoolean());
        Matcher m = r.regex().matcher("x " + key + " " + key + "y");
        while (m.find()) {
          assertEquals(m.start(), m.start(1), r.id);
          assertEquals(m.end(), m.end(1), r.id);
        }
      }
    }
    System.out.println("vendored rules whose group 1 is the whole match: " + whole);
    assertTrue(whole >= 3, "whole: " + whole);
    assertTrue(g.rules.stream().anyMatch(r -> r.id.equals("aws-access-token") && r.whole), "aws-access-token");
  }

  /**
   * Every vendored rule: matches of random texts built from the rule's own generated keys, padded
   * with text the rule's classes accept, are never longer than the bound.
   */
  @Test
  void noVendoredRuleMatchesLongerThanItsBound() {
    GitleaksRules g = GitleaksRules.defaults();
    Random rnd = new Random(7);
    int bounded = 0;
    for (GitleaksRules.Rule r : g.rules) {
      if (r.reach == RegexReach.UNBOUNDED) {
        continue;
      }
      bounded++;
      Pattern p = r.regex();
      for (int k = 0; k < 20; k++) {
        String key = Re2Examples.example(r.source, rnd.nextLong(), rnd.nextBoolean());
        String text = key + key.substring(0, rnd.nextInt(key.length() + 1)) + " " + key;
        Matcher m = p.matcher(text);
        while (m.find()) {
          assertTrue(m.end() - m.start() <= r.reach, r.id + ": match of " + (m.end() - m.start()) + " > " + r.reach);
        }
      }
    }
    System.out.println("vendored rules with a bounded match length: " + bounded + " of " + g.rules.size());
    assertTrue(bounded > 150, "bounded: " + bounded);
  }

  /**
   * The windows sized by each rule's bound find the same candidates as the fixed windows (64 chars
   * before a keyword hit, the rule's {@code after} chars after it) on texts of generated keys of
   * every rule, keyword-led or glued to letters, between prose, near-matches and other rules' keys.
   */
  @Test
  void boundedWindowsFindWhatFixedWindowsFind() {
    GitleaksRules g = GitleaksRules.defaults();
    Random rnd = new Random(42);
    String[] glue = {" ", "\n", "x", "_", "\"", "= ", ": '", "The key is ", "-", ""};
    int compared = 0;
    for (int it = 0; it < 300; it++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < 12; k++) {
        GitleaksRules.Rule r = g.rules.get(rnd.nextInt(g.rules.size()));
        String ex = Re2Examples.example(r.regex().pattern(), rnd.nextLong(), rnd.nextInt(4) == 0);
        if (rnd.nextBoolean()) {
          ex = r.keywords.get(rnd.nextInt(r.keywords.size())) + glue[rnd.nextInt(glue.length)] + ex;
        }
        if (rnd.nextInt(3) == 0) {
          ex = ex.substring(0, rnd.nextInt(ex.length() + 1)); // a near-match, cut short
        }
        b.append(ex).append(glue[rnd.nextInt(glue.length)]);
      }
      String text = b.toString();
      byte[] view = SecretText.latin1View(text);
      List<GitleaksRules.Candidate> actual = new ArrayList<>();
      g.scan(text, view, actual);
      List<String> expected = fixedWindows(g, text, view);
      List<String> got = new ArrayList<>();
      for (GitleaksRules.Candidate c : actual) {
        got.add(c.rule().id + "@" + c.start() + "-" + c.end());
      }
      java.util.Collections.sort(got);
      assertEquals(expected, got, "text " + it);
      compared += got.size();
    }
    System.out.println("bounded vs fixed windows: " + compared + " candidates, the same");
    assertTrue(compared > 500, "candidates compared: " + compared);
  }

  /** The scan as it was with fixed windows: 64 chars before each gated keyword hit, {@code after} after it. */
  static List<String> fixedWindows(GitleaksRules g, String s, byte[] b) {
    int nr = g.rules.size();
    int[] from = new int[nr];
    int[] to = new int[nr];
    java.util.Arrays.fill(to, -1);
    List<GitleaksRules.Candidate> out = new ArrayList<>();
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    String tokenChars = "abcdefghijklmnopqrstuvwxyz0123456789_.~+/=-";
    for (int i = 0; i < s.length(); i++) {
      for (int r = 0; r < nr; r++) {
        GitleaksRules.Rule rule = g.rules.get(r);
        for (String k : rule.keywords) {
          boolean twoCharOk = k.length() > 2 || (i + 2 < s.length() && tokenChars.indexOf(lower.charAt(i + 2)) >= 0);
          if (!lower.startsWith(k, i) || !twoCharOk || !rule.gate(b, s.length(), i, i + k.length())) {
            continue;
          }
          int ws = Math.max(0, i - GitleaksRules.BEFORE);
          int we = Math.min(s.length(), i + k.length() + rule.after);
          if (to[r] >= 0 && ws <= to[r]) {
            to[r] = Math.max(to[r], we);
          } else {
            if (to[r] >= 0) {
              rule.run(g, s, from[r], to[r], out);
            }
            from[r] = ws;
            to[r] = we;
          }
        }
      }
    }
    for (int r = 0; r < nr; r++) {
      if (to[r] >= 0) {
        g.rules.get(r).run(g, s, from[r], to[r], out);
      }
    }
    List<String> ids = new ArrayList<>();
    for (GitleaksRules.Candidate c : out) {
      ids.add(c.rule().id + "@" + c.start() + "-" + c.end());
    }
    java.util.Collections.sort(ids);
    return ids;
  }
}
