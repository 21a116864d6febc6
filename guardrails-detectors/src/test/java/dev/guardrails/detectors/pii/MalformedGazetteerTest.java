package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Malformed word lists (issue 8, bad input): a missing resource fails fast with its name; a
 * damaged one (byte-order mark, CRLF, blank and comment lines, a 50,000-char line, NUL, invalid
 * UTF-8 and a CESU-encoded lone surrogate, no final newline) loads without error and keeps its
 * good entries.
 */
class MalformedGazetteerTest {

  @Test
  void missingResourceNamesIt() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gazetteer.load("/no/such/list.txt"));
    assertTrue(e.getMessage().contains("/no/such/list.txt"), e.getMessage());
  }

  @Test
  void damagedListLoadsItsGoodEntries() {
    Gazetteer g = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> Gazetteer.load("/dev/guardrails/detectors/pii/malformed-gazetteer.txt"));
    assertTrue(g.contains("alice"), "byte-order mark stripped");
    assertTrue(g.contains("Bob"), "CR stripped");
    assertTrue(g.contains("carol"));
    assertTrue(g.contains("Eve"));
    assertTrue(g.contains("Frank"), "last line without newline");
    assertFalse(g.contains("# a comment"));
    assertFalse(g.contains(""));
    assertTrue(g.contains("x".repeat(50_000)));
    assertTrue(g.size() >= 7 && g.size() <= 12, "size " + g.size());
    // lookups of text the list never saw stay safe
    assertFalse(g.contains("\uD800\u0000", 0, 2));
    assertFalse(g.contains("abc", 2, 1));
  }
}
