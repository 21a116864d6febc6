package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * The shape "at most pre chars, a run of one class, at most post chars" read from a regex:
 * hand-counted rows, and on the vendored rules that have one, no match of a generated key ending
 * past the bound {@link RunTail#end} gives for a keyword inside it.
 */
class RunTailTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
      // regex; pre; post; a char in the run; a char not in it
      "ab[0-9]+c; 2; 1; 7; c",
      "a*; 0; 0; a; b",
      "(?:key|token)=[a-z]{3}[A-Z0-9]{5,}x?; 9; 1; Q; a",
      "(?:x|yy)\\s*; 2; 0; ~ ~; x",
      "(?i)k[a-c]+; 1; 0; B; d",
      // case-insensitive: a letter class also holds what folds to it above U+00FF
      "(?i)k[a-c]+; 1; 0; ~\u212A~; d",
      // a bounded branch beside the run: its length counts as before the run
      "(abcdefgh|[0-9]+z); 8; 1; 5; a",
      // generic-api-key as compiled (its leading [\\w.-]{0,50}? dropped, {10,150} run as {10,})
      "~(?i)(?:access|auth|(?-i:[Aa]pi|API)|credential|creds|key|passw(?:or)?d|secret|token)(?:[ \\t\\w.-]{0,20})[\\s'\"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60'\"\\s=]{0,5}([\\w.=-]{10,}|[a-z0-9][a-z0-9+/]{11,}={0,3})(?:[\\x60'\"\\s;]|\\\\[nr]|$)~; 43; 5; +; <",
  })
  void shapesOfHandReadRegexes(String regex, int pre, int post, char in, char out) {
    RunTail t = RunTail.of(regex);
    assertNotNull(t, regex);
    assertEquals(pre, t.pre, "pre of " + regex);
    assertEquals(post, t.post, "post of " + regex);
    assertTrue(t.inRun(in), in + " in the run of " + regex);
    assertTrue(!t.inRun(out), out + " not in the run of " + regex);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
      "abc",          // no run
      "a+b+",         // two runs
      "(?:ab)+",      // a run of a group
      "(a+){2}",      // a repeated run
      "~\\Qa\\E+~",   // syntax not read here
      "(a+",
  })
  void noShape(String regex) {
    assertNull(RunTail.of(regex), regex);
  }

  /**
   * The windows cut where a rule's run stops find the same candidates as the fixed windows (64
   * chars before a keyword hit, 6,000 after for these rules) on texts dense in the generated keys
   * of the rules with a run bound, keyword-led, glued or cut short, between other rules' keys.
   */
  @Test
  void runBoundWindowsFindWhatFixedWindowsFind() {
    GitleaksRules g = GitleaksRules.defaults();
    List<GitleaksRules.Rule> runRules = g.rules.stream().filter(r -> r.runTail != null).toList();
    Random rnd = new Random(5);
    String[] glue = {" ", "\n", "x", "_", "\"", "= ", ": '", "The key is ", "-", "", "password=", "token: \"",
        "api_key = ", ";", "/", "+"};
    int compared = 0;
    for (int it = 0; it < 300; it++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < 12; k++) {
        GitleaksRules.Rule r = rnd.nextInt(4) == 0 ? g.rules.get(rnd.nextInt(g.rules.size()))
            : runRules.get(rnd.nextInt(runRules.size()));
        String ex = Re2Examples.example(r.regex().pattern(), rnd.nextLong(), rnd.nextInt(4) == 0);
        if (rnd.nextBoolean()) {
          ex = r.keywords.get(rnd.nextInt(r.keywords.size())) + glue[rnd.nextInt(glue.length)] + ex;
        }
        if (rnd.nextInt(3) == 0) {
          ex = ex.substring(0, rnd.nextInt(ex.length() + 1));
        }
        b.append(ex).append(glue[rnd.nextInt(glue.length)]);
      }
      String text = b.toString();
      byte[] view = SecretText.latin1View(text);
      List<GitleaksRules.Candidate> actual = new ArrayList<>();
      g.scan(text, view, actual);
      List<String> got = new ArrayList<>();
      for (GitleaksRules.Candidate c : actual) {
        got.add(c.rule().id + "@" + c.start() + "-" + c.end());
      }
      java.util.Collections.sort(got);
      assertEquals(RegexReachTest.fixedWindows(g, text, view), got, "text " + it);
      compared += got.size();
    }
    System.out.println("run-bound vs fixed windows: " + compared + " candidates, the same");
    assertTrue(compared > 300, "candidates compared: " + compared);
  }

  /** A negated class holds every char above U+00FF; so does \\S. */
  @Test
  void negatedClassesHoldWideChars() {
    assertTrue(RunTail.of("[^a]+").inRun('\u4e00'));
    assertTrue(!RunTail.of("[^a]+").inRun('a'));
    assertTrue(RunTail.of("\\S+").inRun('\ud83d'));
  }

  /**
   * Every vendored rule with a run: on texts of its generated keys glued to runs of random chars,
   * every match ends before the bound read from each keyword occurrence inside it.
   */
  @Test
  void noVendoredMatchEndsPastItsRunBound() {
    GitleaksRules g = GitleaksRules.defaults();
    Random rnd = new Random(11);
    String fill = "abcXYZ019_.-+/=~ \t\n'\":;,<>()@#%";
    int rules = 0;
    int checked = 0;
    for (GitleaksRules.Rule r : g.rules) {
      if (r.runTail == null) {
        continue;
      }
      rules++;
      Pattern p = r.regex();
      for (int k = 0; k < 200; k++) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < 3; j++) {
          if (rnd.nextBoolean()) {
            b.append(r.keywords.get(rnd.nextInt(r.keywords.size())));
          }
          b.append(Re2Examples.example(r.source, rnd.nextLong(), rnd.nextBoolean()));
          for (int f = rnd.nextInt(12); f > 0; f--) {
            b.append(fill.charAt(rnd.nextInt(fill.length())));
          }
        }
        String text = b.toString();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        Matcher m = p.matcher(text);
        int from = 0;
        while (from <= text.length() && m.find(from)) {
          for (String kw : r.keywords) {
            for (int at = lower.indexOf(kw, m.start()); at >= 0 && at + kw.length() <= m.end();
                at = lower.indexOf(kw, at + 1)) {
              int end = r.runTail.end(text, at, text.length());
              assertTrue(m.end() < end || m.end() == text.length(),
                  r.id + ": match ends at " + m.end() + ", bound " + end);
              checked++;
            }
          }
          from = m.end() > m.start() ? m.end() : m.end() + 1;
        }
      }
    }
    System.out.println("rules with a run bound: " + rules + ", keyword occurrences checked: " + checked + " "
        + g.rules.stream().filter(r -> r.runTail != null).map(r -> r.id).toList());
    assertTrue(g.rules.stream().anyMatch(r -> r.id.equals("generic-api-key") && r.runTail != null), "generic-api-key");
    assertTrue(rules >= 1 && checked > 100, "rules " + rules + ", checked " + checked);
  }
}
