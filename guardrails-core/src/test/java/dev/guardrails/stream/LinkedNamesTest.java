package dev.guardrails.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Action;
import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine's linking step and attribute rules, on hand-written texts: a name with an email or a
 * card number near it is linked (redacted), a bare name is flagged, a long gap breaks the link, a name the user supplied is an echo; the stream decides the same way when the
 * linking data arrives after the name.
 */
class LinkedNamesTest {

  static final FindingType PERSON = FindingType.of(Category.PII, "PERSON");
  static final Guardrail G = TestDetectors.linked(200);

  private static Decision person(GuardResult r) {
    for (Decision d : r.decisions()) {
      if (d.finding().type().equals(PERSON)) {
        return d;
      }
    }
    throw new AssertionError("no PERSON decision");
  }

  @Test
  void nameWithEmailAfterItIsLinkedAndRedacted() {
    GuardResult r = G.check("Ann Lee wrote to us. Reach her at ann.lee@example.com today.");
    Decision d = person(r);
    assertTrue(d.finding().has(Finding.LINKED));
    assertTrue(d.finding().score() >= 0.9);
    assertEquals(Action.REDACT, d.action());
    assertTrue(r.safeText().startsWith("<PERSON_1> wrote"), r.safeText());
  }

  @Test
  void cardBeforeTheNameLinksItToo() {
    Decision d = person(G.check("Card 4111 1111 1111 1111 belongs to Bob Stone."));
    assertEquals(Set.of(Finding.LINKED), d.finding().attributes());
  }

  @Test
  void bareNameIsFlaggedNotRedacted() {
    GuardResult r = G.check("George Washington was the first president.");
    Decision d = person(r);
    assertFalse(d.finding().has(Finding.LINKED));
    assertEquals(Action.FLAG, d.action());
    assertEquals("George Washington was the first president.", r.safeText());
    assertEquals(Verdict.FLAG, r.verdict());
  }

  @Test
  void farDataDoesNotLink() {
    String far = "Ann Lee " + "x".repeat(210) + " ann.lee@example.com";
    assertFalse(person(G.check(far)).finding().has(Finding.LINKED));
    assertTrue(person(G.check("Ann Lee\n\n20 Oak Street\nann.lee@example.com")).finding().has(Finding.LINKED));
    assertTrue(person(G.check("Ann Lee wrote.\nann.lee@example.com")).finding().has(Finding.LINKED));
    Guardrail off = Guardrail.builder().detector(TestDetectors.NAMES).detector(TestDetectors.EMAIL_LIKE)
        .policy(G.policy()).linkWindow(0).build();
    assertFalse(person(off.check("Ann Lee ann.lee@example.com")).finding().has(Finding.LINKED));
  }

  @Test
  void nameTheUserGaveIsAnEcho() {
    CheckContext ctx = CheckContext.builder().userValue("Ann Lee").build();
    GuardResult r = G.check("Ann Lee, your email ann.lee@example.com is confirmed.", ctx);
    Decision d = person(r);
    assertEquals(Set.of(Finding.ECHO, Finding.LINKED), d.finding().attributes());
    assertEquals(Action.ALLOW, d.action());
    assertTrue(r.safeText().startsWith("Ann Lee, your email <EMAIL_1>"), r.safeText());
  }

  @Test
  void streamHoldsTheNameUntilItsWindowSettles() {
    String text = "Ann Lee wrote to us about her order, which shipped late twice. You can reach her at ann.lee@example.com.";
    GuardResult whole = G.check(text);
    GuardedStream s = GuardedStream.open(G, CheckContext.empty(), StreamOptions.builder().maxHoldChars(86).build());
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      String piece = s.accept(text.substring(i, i + 1));
      assertFalse(piece.contains("Ann"), "the name was emitted before the data that links it arrived");
      shown.append(piece);
    }
    shown.append(s.complete().rest());
    assertEquals(whole.safeText(), shown.toString());
    assertTrue(shown.toString().startsWith("<PERSON_1> wrote"));
  }

  @Test
  void attributeRulesStrongestWinsAndParse() {
    Finding f = Finding.of("t", PERSON, 0, 5, 0.6, "person name");
    Policy d = Policy.defaults();
    assertEquals(Action.FLAG, d.decide(f));
    assertEquals(Action.ALLOW, d.decide(f.withAttribute(Finding.PUBLIC_FIGURE)));
    assertEquals(Action.REDACT, d.decide(f.withAttribute(Finding.PRIVATE)));
    assertEquals(Action.REDACT, d.decide(f.withAttributes(Set.of(Finding.PUBLIC_FIGURE, Finding.LINKED))));
    assertEquals(Action.REDACT, Policy.strict().decide(f.withAttribute(Finding.PUBLIC_FIGURE)));
    assertEquals(Action.REDACT, Policy.strict().decide(f));
    Policy p = Policy.parse("extends defaults\nPII/PERSON public = FLAG\nPII/PERSON linked >= 0.95 = BLOCK\n");
    assertEquals(Action.FLAG, p.decide(f.withAttribute(Finding.PUBLIC_FIGURE)));
    assertEquals(Action.REDACT, p.decide(f.withAttribute(Finding.LINKED))); // 0.6 < 0.95: the 0.0 rule
    assertEquals(Action.BLOCK, p.decide(f.withAttribute(Finding.LINKED).withScore(0.97)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Policy.parse("PII linked = REDACT"));
    assertTrue(e.getMessage().startsWith("policy line 1: an attribute rule needs a CATEGORY/TYPE"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Policy.parse("PII/PERSON famous = ALLOW"));
    assertEquals("policy line 1: attribute must be linked, private, publicFigure (or public) or echo: famous", e.getMessage());
  }

  @Test
  void attributesAreImmutableSortedAndOptional() {
    Finding f = Finding.of("t", PERSON, 0, 5, 0.6, "m");
    assertEquals(Set.of(), f.attributes());
    java.util.Set<String> mine = new java.util.HashSet<>(List.of("private", "linked"));
    Finding g = f.withAttributes(mine);
    mine.add("echo");
    assertEquals(List.of("linked", "private"), List.copyOf(g.attributes()));
    assertThrows(UnsupportedOperationException.class, () -> g.attributes().add("x"));
    assertEquals(f, new Finding("t", PERSON, f.span(), 0.6, "m", List.of(), java.util.Optional.empty()));
  }
}
