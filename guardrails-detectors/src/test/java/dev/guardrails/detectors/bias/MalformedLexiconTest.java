package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Malformed bias lexicon rows (issue 8, bad input): each is an {@link IllegalStateException} whose
 * message names the file and line, never a hang, an OutOfMemoryError or an index exception; the
 * shipped files parse cleanly.
 */
class MalformedLexiconTest {

  private static final String OK = "chairman\tGENDERED\tmedium\tchair|chairperson\tnote\t\tretext";

  private static void assertMalformed(String expected, String... lines) {
    IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(IllegalStateException.class, () -> BiasLexicon.parseEntries("test.tsv", List.of(lines))));
    assertTrue(e.getMessage().startsWith("bias lexicon test.tsv line " + lines.length + " "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void shippedLexiconParses() {
    assertTrue(BiasLexicon.entries().size() > 100);
  }

  @Test
  void wellFormedRowsParseWithBomCommentsAndBlankLines() {
    List<BiasLexicon.Entry> e = BiasLexicon.parseEntries("test.tsv", List.of("\uFEFF# comment", "", "   ", OK,
        "old+n timer\tAGEIST\tlow\t\t\t\tcore"));
    assertEquals(2, e.size());
    assertEquals(List.of("chairman"), e.get(0).forms());
    assertEquals(List.of("old timer", "olds timer"), e.get(1).forms());
    assertEquals(List.of("chair", "chairperson"), e.get(0).suggestions());
  }

  @Test
  void malformedRowsNameTheLine() {
    assertMalformed("7 tab-separated columns: 1", OK, "chairman GENDERED medium");
    assertMalformed("7 tab-separated columns: 8", OK + "\textra");
    assertMalformed("severity must be low, medium or high", "chairman\tGENDERED\tsevere\t\t\t\tx");
    assertMalformed("category must be an upper-case name", "chairman\t\tlow\t\t\t\tx");
    assertMalformed("category must be an upper-case name", "chairman\tgen dered\tlow\t\t\t\tx");
    assertMalformed("empty form", "\tGENDERED\tlow\t\t\t\tx");
    assertMalformed("empty form", "chairman||chair\tGENDERED\tlow\t\t\t\tx");
    assertMalformed("empty form", "!!! ...\tGENDERED\tlow\t\t\t\tx");
    assertMalformed("inflection marker without a word", "run +v\tGENDERED\tlow\t\t\t\tx");
    assertMalformed("control character U+0000", "chair\u0000man\tGENDERED\tlow\t\t\t\tx");
    assertMalformed("lone surrogate", "chair\uD800man\tGENDERED\tlow\t\t\t\tx");
    assertMalformed("longer than 10000 chars", "a".repeat(20_000) + "\tGENDERED\tlow\t\t\t\tx");
  }

  @Test
  void inflectionBlowUpIsRefusedBeforeExpanding() {
    // 30 verbs would expand into 4^30 forms: refused at once, not an OutOfMemoryError
    String form = String.join(" ", java.util.Collections.nCopies(30, "run+v"));
    assertMalformed("more than 256 inflections", form + "\tGENDERED\tlow\t\t\t\tx");
  }

  @Test
  void malformedGroupRowsNameTheLine() {
    assertEquals(Map.of("women", "gender"), BiasLexicon.parseGroups("g.tsv", List.of("# c", "women\tgender")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BiasLexicon.parseGroups("g.tsv", List.of("women\tgender", "men gender")));
    assertEquals("bias lexicon g.tsv line 2 must be a phrase and a group separated by a tab", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> BiasLexicon.parseGroups("g.tsv", List.of("@\tgender")));
    assertTrue(e.getMessage().contains("line 1 has an empty phrase"), e.getMessage());
  }
}
