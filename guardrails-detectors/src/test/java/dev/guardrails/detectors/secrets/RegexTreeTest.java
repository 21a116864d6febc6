package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one read of a rule's regex, on hand-built sources (positions counted by hand). */
class RegexTreeTest {

  private static RegexTree.Piece only(String re) {
    RegexTree t = RegexTree.of(re);
    assertNotNull(t.root, re);
    assertEquals(1, t.root.branches().size(), re);
    assertEquals(1, t.root.branches().get(0).size(), re);
    return t.root.branches().get(0).get(0);
  }

  @Test
  void awsKeyShape() {
    // \b((?:AKIA|ASIA)[A-Z2-7]{16})\b: \b at 0, the group from 2 to 29 ("{16}" at 24..28), \b
    String re = "\\b((?:AKIA|ASIA)[A-Z2-7]{16})\\b";
    RegexTree t = RegexTree.of(re);
    List<RegexTree.Piece> seq = t.root.branches().get(0);
    assertEquals(3, seq.size());
    assertEquals(new RegexTree.Esc('b', 0, false), seq.get(0).atom());
    RegexTree.Piece g = seq.get(1);
    assertEquals(2, g.start());
    assertEquals(29, g.end());
    RegexTree.Group group = (RegexTree.Group) g.atom();
    assertEquals("(?:AKIA|ASIA)[A-Z2-7]{16}", group.body());
    List<RegexTree.Piece> inner = group.alt().branches().get(0);
    assertEquals(2, inner.size());
    RegexTree.Group keys = (RegexTree.Group) inner.get(0).atom();
    assertEquals(2, keys.alt().branches().size()); // AKIA | ASIA
    assertEquals(4, keys.alt().branches().get(1).size());
    RegexTree.Cls cls = (RegexTree.Cls) inner.get(1).atom();
    assertFalse(cls.negated());
    // A, -, Z, 2, -, 7: items unranged; the range ends pair with their starts
    assertEquals(6, cls.items().size());
    assertEquals(2, cls.rangeEnd(0));
    assertEquals(5, cls.rangeEnd(3));
    assertEquals(List.of(new RegexTree.Quant(16, 16, 24, 28)), inner.get(1).quants());
  }

  @Test
  void quantifiersKeepBoundsAndSourceSpan() {
    assertEquals(List.of(new RegexTree.Quant(0, RegexSyntax.UNBOUNDED_MAX, 1, 3)), only("a*?").quants());
    assertEquals(List.of(new RegexTree.Quant(2, 5, 1, 6)), only("a{2,5}").quants());
    assertEquals(List.of(new RegexTree.Quant(0, 1, 3, 4)), only("(a)?").quants());
    // not RE2, but the walks read both quantifiers: kept in order
    assertEquals(2, only("a+*").quants().size());
    // a brace with no count is a literal: two pieces
    assertEquals(3, RegexTree.of("a{x").root.branches().get(0).size());
  }

  @Test
  void classItemsAndEscapes() {
    RegexTree.Cls c = (RegexTree.Cls) only("[^]\\x41\\p{Greek}[:alpha:]-]").atom();
    assertTrue(c.negated());
    assertEquals(List.of(new RegexTree.Lit(']'), new RegexTree.Esc('x', 0x41, true), new RegexTree.Esc('p', 0, false),
        new RegexTree.Posix("alpha"), new RegexTree.Lit('-')), c.items());
    assertEquals(-1, c.rangeEnd(3)); // a '-' last is a literal, no range
    assertEquals(new RegexTree.Esc('x', 0, false), only("\\xZZ").atom()); // unreadable digits: kept, refused by the walks
    assertEquals(new RegexTree.Esc('x', 0x1F600, true), only("\\x{1F600}").atom());
    assertTrue(new RegexTree.Esc('z', 0, false).zeroWidth());
    assertTrue(new RegexTree.Esc('P', 0, false).wide());
    assertFalse(new RegexTree.Esc('s', 0, false).wide());
  }

  @Test
  void flagsAndFold() {
    RegexTree t = RegexTree.of("(?i)ab");
    assertTrue(t.fold);
    assertEquals(new RegexTree.Flags(), t.root.branches().get(0).get(0).atom());
    assertFalse(RegexTree.of("(?s)ab").fold);
    assertTrue(RegexTree.of("x(?si:b)").fold); // an 'i' among the letters after "(?"
  }

  @ParameterizedTest
  @ValueSource(strings = {"(ab", "ab)", "[ab", "[[:alpha]", "a|*", "(?=a)", "(?P<k", "\\", "\\p", "\\x{41", "[\\x4"})
  void unreadableSourcesHaveNoTree(String re) {
    RegexTree t = RegexTree.of(re);
    assertNull(t.root, re);
    assertNotNull(t.error, re);
  }

  @Test
  void oneSourceReadOnceInARow() {
    String re = "[a-z]{3}";
    assertSame(RegexTree.of(re), RegexTree.of(new String(re)));
  }
}
