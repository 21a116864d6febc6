package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link FindingType}'s hand-written {@code equals} and {@code hashCode} keep the record's meaning:
 * two types are equal exactly when category and name are, whichever instances they are (detectors
 * each declare their own constants), and equal types hash alike, so they find each other in maps.
 */
class FindingTypeEqualityTest {

  @Test
  void equalExactlyWhenCategoryAndNameAre() {
    FindingType a = FindingType.of(Category.PII, "PERSON");
    FindingType b = new FindingType(Category.PII, new String("PERSON")); // another instance, another string
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(b, FindingType.parse("PII/PERSON"));
    assertNotEquals(a, FindingType.of(Category.OTHER, "PERSON"));
    assertNotEquals(a, FindingType.of(Category.PII, "PERSONS"));
    assertNotEquals(a, FindingType.of(Category.PII, "EMAIL"));
    assertNotEquals(a, null);
    assertNotEquals(a, "PII/PERSON");
    for (Category c : Category.values()) {
      assertEquals(FindingType.of(c, "X_1"), FindingType.of(c, "X_1"));
      for (Category d : Category.values()) {
        assertEquals(c == d, FindingType.of(c, "X_1").equals(FindingType.of(d, "X_1")), c + " vs " + d);
      }
    }
    Map<FindingType, String> m = new HashMap<>();
    m.put(a, "found");
    assertEquals("found", m.get(b));
  }
}
