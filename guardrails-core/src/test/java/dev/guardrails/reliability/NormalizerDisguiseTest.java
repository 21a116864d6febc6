package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The disguises the normalizer undoes (HTML character references, bracketed {@code [at]} /
 * {@code [dot]}, Markdown markers at word edges), each with its offset mapping back to the original.
 */
class NormalizerDisguiseTest {

  /** Asserts the normalized view, and that {@code value} in it maps back to {@code original}. */
  private static void assertFolds(String text, String normalized, String value, String originalSpan) {
    AnalyzedText at = AnalyzedText.of(text);
    assertEquals(normalized, at.normalized(), "normalized view of a disguised text");
    int k = at.normalized().indexOf(value);
    assertTrue(k >= 0, "value not in normalized view");
    Span sp = at.toOriginal(k, k + value.length());
    assertEquals(originalSpan, text.substring(sp.start(), sp.end()), "span maps back to the original");
  }

  @Test
  void htmlNumericAndNamedEntitiesAreDecoded() {
    assertFolds("mail jane&#64;example&#46;com now", "mail jane@example.com now",
        "jane@example.com", "jane&#64;example&#46;com");
    assertFolds("jane&#x40;example.com", "jane@example.com", "jane@example.com", "jane&#x40;example.com");
    assertFolds("jane&commat;example&period;com", "jane@example.com", "jane@example.com",
        "jane&commat;example&period;com");
    assertFolds("a&nbsp;&nbsp;b", "a b", "a b", "a&nbsp;&nbsp;b");
    assertFolds("j&#8203;ane", "jane", "jane", "j&#8203;ane"); // zero-width space as an entity
    assertFolds("4&#65297;11", "4111", "4111", "4&#65297;11"); // full-width digit as an entity
  }

  @Test
  void invalidEntitiesStayAsTheyAre() {
    for (String s : new String[] {"&#;", "&#0;", "&#xD800;", "&#1114112;", "&#12345678;", "&nosuch;",
        "AT&T", "&#64", "&", "&#x;", "&#xG;", "&#\u0661\u0662;"}) {
      String n = AnalyzedText.of(s).normalized();
      assertTrue(!n.contains("@") && n.contains("&"), "kept: " + s.length() + " chars");
    }
  }

  @Test
  void bracketedAtAndDotBecomeSymbolsAndAbsorbSpaces() {
    assertFolds("jane [at] example [dot] com", "jane@example.com", "jane@example.com",
        "jane [at] example [dot] com");
    assertFolds("jane(AT)example(Dot)com", "jane@example.com", "jane@example.com", "jane(AT)example(Dot)com");
    assertFolds("jane { at } example{dot}com.", "jane@example.com.", "jane@example.com",
        "jane { at } example{dot}com");
    assertEquals("see [attic] (dotted) [a t]", AnalyzedText.of("see [attic] (dotted) [a t]").normalized());
  }

  @Test
  void markdownMarkersAtWordEdgesAreDropped() {
    assertFolds("**jane**@example.com", "jane@example.com", "jane@example.com", "jane**@example.com");
    assertFolds("key `AKIAIOSFODNN7EXAMPLE` here", "key AKIAIOSFODNN7EXAMPLE here",
        "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE");
    assertFolds("the __chairman__ spoke", "the chairman spoke", "chairman", "chairman");
    assertFolds("~~crazy~~ idea", "crazy idea", "crazy", "crazy");
    // Inside words markers stay: arithmetic, snake_case, a single leading underscore.
    assertEquals("2*3 snake_case f**k _private", AnalyzedText.of("2*3 snake_case f**k _private").normalized());
  }

  @Test
  void lineBreakInsideAnAddressIsJoined() {
    assertFolds("jane.doe@\nexample.com", "jane.doe@example.com", "jane.doe@example.com", "jane.doe@\nexample.com");
    assertFolds("jane.doe \r\n@example.com", "jane.doe@example.com", "jane.doe@example.com",
        "jane.doe \r\n@example.com");
    // Only line breaks, and only inside a token: spaces and list items stay.
    assertEquals("write to @ jane", AnalyzedText.of("write to @ jane").normalized());
    assertEquals("Mentions:\n@john", AnalyzedText.of("Mentions:\n@john").normalized());
  }

  @Test
  void letterSpacedDigitsAreJoined() {
    assertFolds("card 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 ok", "card 4111111111111111 ok", "4111111111111111",
        "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1");
    assertFolds("ssn 5.3.6.2.2.8.1.4.5.", "ssn 536228145.", "536228145", "5.3.6.2.2.8.1.4.5");
    assertFolds("\u0664 \u0661 \u0661 \u0661 \u0661 \u0661 \u0661 \u0661 \u0661", "411111111", "411111111",
        "\u0664 \u0661 \u0661 \u0661 \u0661 \u0661 \u0661 \u0661 \u0661");
    // Short lists, grouped numbers, mixed separators and runs inside tokens stay as they are.
    for (String s : new String[] {"1 2 3 4 5", "4111 1111 1111 1111", "1 2 3 4-5 6 7 8 9", "x1 2 3 4 5 6 7 8 9",
        "1 2 3 4 5 6 7 8 9x", "192.168.1.1", "1 2 3 4 5 6 7 8 9 10"}) {
      assertEquals(s, AnalyzedText.of(s).normalized());
    }
    // Too long to be one value: left alone (and still linear).
    String noise = "1 ".repeat(100_000);
    assertEquals(noise.strip() + " ", AnalyzedText.of(noise).normalized());
  }

  @Test
  void letterSpacedValuesWithLettersAreJoined() {
    assertFolds("iban D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0.", "iban DE89370400440532013000.",
        "DE89370400440532013000", "D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0");
    assertFolds("to G-B-8-2-W-E-S-T-1-2-3-4-5-6-9-8-7-6-5-4-3-2 ok", "to GB82WEST12345698765432 ok",
        "GB82WEST12345698765432", "G-B-8-2-W-E-S-T-1-2-3-4-5-6-9-8-7-6-5-4-3-2");
    // A one-letter word before spaced digits stays a word.
    assertFolds("call a 4 1 5 5 5 5 0 1 3 4", "call a 4155550134", "4155550134", "4 1 5 5 5 5 0 1 3 4");
    // Letter-spaced words, and runs with fewer than nine digits, stay as they are.
    for (String s : new String[] {"c h a i r m a n", "A B C D E F G H I J K L", "x y z 1 2 3 4 5 6 7 8",
        "e.g. U.S.A. 1 2 3", "I a m 1 2 3 4 5 6 7 8 9 10"}) {
      assertEquals(s, AnalyzedText.of(s).normalized());
    }
    String noise = "a 1 ".repeat(100_000);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> AnalyzedText.of(noise));
  }

  @Test
  void singleLineBreaksAreToldFromParagraphBreaks() {
    AnalyzedText t = AnalyzedText.of("old\npeople and\r\n\r\nmore \n  text\r\nend");
    String n = t.normalized();
    assertEquals("old\npeople and\nmore\ntext\nend", n);
    int first = n.indexOf('\n');
    int second = n.indexOf('\n', first + 1);
    int third = n.indexOf('\n', second + 1);
    int fourth = n.indexOf('\n', third + 1);
    assertTrue(t.singleLineBreak(first));
    assertTrue(!t.singleLineBreak(second), "a blank line is a paragraph break");
    assertTrue(t.singleLineBreak(third), "spaces around one line break");
    assertTrue(t.singleLineBreak(fourth), "CRLF is one line break");
    assertTrue(!t.singleLineBreak(0), "not a line break");
    assertTrue(AnalyzedText.of("a\nb").singleLineBreak(1), "identity view");
  }

  @Test
  void plainTextStillSharesTheOriginal() {
    String s = "Plain text with (parentheses), [links] and AT&T but no disguise.";
    AnalyzedText at = AnalyzedText.of(s);
    assertTrue(at.isIdentity());
    assertTrue(at.normalized() == s, "plain text must not be copied");
  }

  @Test
  void memoizedFoldsEqualFreshOnesForEveryBmpCodePoint() {
    StringBuilder b = new StringBuilder(0x20000);
    for (int cp = 0; cp < 0x10000; cp++) {
      if (!Character.isSurrogate((char) cp)) {
        b.append((char) cp).append(' ');
      }
    }
    String all = b.toString();
    String first = AnalyzedText.of(all).normalized(); // fills the memo table
    assertEquals(first, AnalyzedText.of(all).normalized());
    assertEquals("\u0627", AnalyzedText.of("\uFE8D").normalized()); // an NFKC fold, memoized
    assertEquals("\u0627", AnalyzedText.of("\uFE8D").normalized());
  }

  @Test
  void longMarkupRunsStayLinear() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (String unit : new String[] {"*", "_", "&", "&#", "[", "[at", "&#6", "(dot", "*a", "&amp;"}) {
        String s = unit.repeat(1_000_000 / unit.length());
        AnalyzedText at = AnalyzedText.of(s);
        assertTrue(at.normalized().length() <= s.length() + 8);
      }
    });
  }
}
