package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A finding's attribute set: copied from a caller's set, kept as it is from {@link Finding#attributeSet}. */
class FindingAttributesTest {

  private static final FindingType T = FindingType.of(Category.PII, "PERSON");

  private static Finding finding(Set<String> attributes) {
    return new Finding("test", T, new dev.guardrails.text.Span(0, 4), 0.9, "a name", List.of(), Optional.empty(),
        attributes);
  }

  @Test
  void aCallersSetIsCopiedSortedAndUnmodifiable() {
    Set<String> mine = new TreeSet<>(List.of("private", "linked"));
    Finding f = finding(mine);
    mine.add("publicFigure");
    assertEquals(List.of("linked", "private"), List.copyOf(f.attributes()));
    assertThrows(UnsupportedOperationException.class, () -> f.attributes().add("echo"));
    SortedSet<String> sorted = (SortedSet<String>) f.attributes();
    assertThrows(UnsupportedOperationException.class, () -> sorted.headSet("p").add("echo"));
    assertEquals("linked", sorted.first());
    assertEquals("private", sorted.last());
    assertEquals(Set.of("linked", "private"), f.attributes());
    assertEquals(new TreeSet<>(List.of("linked", "private")).hashCode(), f.attributes().hashCode());
    assertEquals("[linked, private]", f.attributes().toString());
  }

  @Test
  void aBuiltSetIsKeptAsItIsThroughCopies() {
    Set<String> built = Finding.attributeSet(Finding.PUBLIC_FIGURE, Finding.LINKED);
    assertEquals(List.of("linked", "publicFigure"), List.copyOf(built));
    Finding f = finding(built);
    assertSame(built, f.attributes());
    assertSame(built, f.withScore(0.5).attributes());
    assertSame(built, f.shifted(3).attributes());
    assertTrue(f.has(Finding.LINKED));
    assertFalse(f.has(Finding.PRIVATE));
    assertFalse(built.contains(null));
    Finding g = f.withAttribute(Finding.ECHO);
    assertEquals(List.of("echo", "linked", "publicFigure"), List.copyOf(g.attributes()));
    assertEquals(List.of("linked", "publicFigure"), List.copyOf(f.attributes()));
    assertEquals(finding(new TreeSet<>(built)), f);
  }

  @Test
  void badValuesAreRejected() {
    assertTrue(Finding.attributeSet().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Finding.attributeSet("linked", " "));
    assertThrows(NullPointerException.class, () -> Finding.attributeSet("linked", null));
    Set<String> blank = new TreeSet<>(List.of(""));
    assertThrows(IllegalArgumentException.class, () -> finding(blank));
  }
}
