package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Action.Effect;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The table of actions: each action's verdict and effect as the docs state them (Action's and
 * Verdict's Javadoc, CONTRIBUTING.md), written out by hand. A new action adds its row here.
 */
class ActionTableTest {

  record Row(Verdict verdict, Effect effect) {}

  static final Map<Action, Row> DOCUMENTED = Map.of(
      Action.ALLOW, new Row(Verdict.PASS, Effect.KEEP),
      Action.FLAG, new Row(Verdict.FLAG, Effect.KEEP),
      Action.REDACT, new Row(Verdict.REDACT, Effect.REPLACE_SPAN),
      Action.BLOCK, new Row(Verdict.BLOCK, Effect.WITHHOLD_ANSWER));

  @Test
  void everyActionHasItsDocumentedRow() {
    assertEquals(Action.values().length, DOCUMENTED.size(), "a new action needs its row in this table");
    for (Action a : Action.values()) {
      Row r = DOCUMENTED.get(a);
      assertEquals(r.verdict(), a.verdict(), a + " verdict");
      assertEquals(r.verdict(), Verdict.of(a), a + " Verdict.of");
      assertEquals(r.effect(), a.effect(), a + " effect");
      assertEquals(r.effect() != Effect.KEEP, a.hidesSpan(), a + " hidesSpan");
    }
  }

  /** The verdict rule takes the strongest action: verdicts and effects must not weaken as actions strengthen. */
  @Test
  void strengthOrdersVerdictsAndEffects() {
    Action[] all = Action.values();
    for (int i = 1; i < all.length; i++) {
      assertTrue(all[i - 1].verdict().compareTo(all[i].verdict()) <= 0, all[i - 1] + " vs " + all[i]);
      assertTrue(all[i - 1].effect().compareTo(all[i].effect()) <= 0, all[i - 1] + " vs " + all[i]);
      assertEquals(all[i], all[i - 1].max(all[i]));
    }
    assertEquals(Effect.WITHHOLD_ANSWER, all[all.length - 1].effect(), "the strongest action withholds the answer");
  }
}
