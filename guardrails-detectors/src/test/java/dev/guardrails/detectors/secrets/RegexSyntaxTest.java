package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shared RE2 syntax pieces, on hand-checked sources (positions counted by hand). */
class RegexSyntaxTest {

  @Test
  void groupHeaders() {
    // "(" is at 0 in every source; the body starts where the comment says.
    assertEquals(1, RegexSyntax.groupBody("(ab)", 1)); // plain group: right after "("
    assertEquals(3, RegexSyntax.groupBody("(?:ab)", 1)); // after "?:"
    assertEquals(6, RegexSyntax.groupBody("(?i-s:ab)", 1)); // after "?i-s:" (":" at 5)
    assertEquals(8, RegexSyntax.groupBody("(?P<key>ab)", 1)); // after "?P<key>"
    assertEquals(7, RegexSyntax.groupBody("(?<key>ab)", 1)); // after "?<key>"
    int flagsOnly = RegexSyntax.groupBody("(?i)ab", 1);
    assertTrue(flagsOnly < 0, "a flags-only group has no body");
    assertEquals(4, ~flagsOnly); // after "(?i)"
  }

  @Test
  void malformedGroupHeadersNameWhatIsWrong() {
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
        () -> RegexSyntax.groupBody("(?P<key", 1));
    assertEquals("unclosed group name", name.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> RegexSyntax.groupBody("(?=ab)", 1)); // look-ahead: not RE2
    assertTrue(unknown.getMessage().startsWith("unknown group"), unknown.getMessage());
  }

  @Test
  void escapeArguments() {
    // "\p{Greek}x": the argument starts at 2, the braced name ends at 8.
    assertEquals(9, RegexSyntax.afterArgument("\\p{Greek}x", 2, 1));
    assertEquals(3, RegexSyntax.afterArgument("\\pLx", 2, 1)); // one-letter class name
    assertEquals(4, RegexSyntax.afterArgument("\\x41y", 2, 2)); // two hex digits
    assertEquals(0x41, RegexSyntax.hexValue("\\x41y", 2));
    assertEquals(0x1F600, RegexSyntax.hexValue("\\x{1F600}", 2));
    assertEquals(9, RegexSyntax.afterArgument("\\x{1F600}", 2, 2));
    IllegalArgumentException brace = assertThrows(IllegalArgumentException.class,
        () -> RegexSyntax.afterArgument("\\p{Greek", 2, 1));
    assertEquals("unclosed brace", brace.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RegexSyntax.hexValue("\\x{1F6", 2));
  }

  @Test
  void quantifiers() {
    // {min, max, end}; max -1 = unbounded; the quantifier starts at 1 in every source ("a" at 0).
    assertQuantifier("a*b", 0, -1, 2);
    assertQuantifier("a+?b", 1, -1, 3); // lazy: the "?" belongs to the quantifier
    assertQuantifier("a?b", 0, 1, 2);
    assertQuantifier("a??b", 0, 1, 3);
    assertQuantifier("a{3}b", 3, 3, 4);
    assertQuantifier("a{2,}b", 2, -1, 5);
    assertQuantifier("a{0,16}?b", 0, 16, 8);
    assertEquals(null, RegexSyntax.quantifier("a{x}", 1)); // a literal brace
    assertEquals(null, RegexSyntax.quantifier("a{,3}", 1)); // RE2 reads this as literal text too
    assertEquals(null, RegexSyntax.quantifier("a{3", 1));
    assertEquals(null, RegexSyntax.quantifier("ab", 1));
    assertEquals(null, RegexSyntax.quantifier("a", 1));
  }

  private static void assertQuantifier(String re, long min, long max, int end) {
    RegexSyntax.Quantifier q = RegexSyntax.quantifier(re, 1);
    assertEquals(new RegexSyntax.Quantifier(min, max, end), q, re);
    assertEquals(max == -1, q.unbounded(), re);
  }
}
