package dev.guardrails.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Action;
import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.EngineTestAccess;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Verdict;
import dev.guardrails.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The streaming equivalence property: for any text and any chunking, the concatenation of what a
 * {@link GuardedStream} emits equals {@code check(text).safeText()}, every emitted prefix is a
 * prefix of it (so no char the check redacts is ever shown), and the final result has the same
 * verdict and decisions. 12,500 generated (text, chunking) cases over test detectors here (2,500 of
 * them with names whose decision depends on an email or card number up to the link window after
 * them); the
 * detectors module runs the same property over the real detectors.
 */
class StreamEquivalencePropertyTest {

  static final Guardrail WINDOWED = TestDetectors.windowed();
  static final Guardrail FULL = TestDetectors.full();
  /** Names whose decision depends on data after them: link windows of 40 chars and the default. */
  static final Guardrail[] LINKED = {TestDetectors.linked(40), TestDetectors.linked(EngineTestAccess.DEFAULT_LINK_WINDOW)};
  static final int[] MAX_HOLDS = {86, 128, 256, 1024};
  // FULL's largest window is 210: the smallest exact hold-back is 4/3 of it
  static final int[] MAX_HOLDS_FULL = {281, 350, 1024};
  static final java.util.Map<Guardrail, Guardrail> UNBLOCKED = new java.util.concurrent.ConcurrentHashMap<>();
  static int cases;
  static long nanos;

  static final String[] FRAGMENTS = {
    "the", "answer", "is", "here", "and", "you", "can", "reach", "support", "at", "or", "call",
    " ", " ", " ", "  ", ", ", ". ", ".", "! ", "? ", "\n", "\n\n", "-", "@", "1234", "x",
    "ann.lee@example.com", "bob_99@mail.example.org", "j@x.io", "ANN.LEE@EXAMPLE.COM", "a@b", "foo@bar.c0m",
    "4111 1111 1111 1111", "4111-1111-1111-1111", "5500005555555559", "4111 1111 1111 1112", "378282246310005",
    "old people", "Old People", "the elderly", "senior  citizens", "senior citizens", "old peoples",
    "caf\u00e9", "\u00e9", "\uD83D\uDE00", "\u200B", "e\u0301", "\uFF21",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1111111111111111111111111111111111111111111111111111",
  };

  static final String[] FULL_FRAGMENTS = {
    "Returns are guaranteed", "Results are guaranteed.", "guaranteed", "launch code", "Launch Code",
  };

  @Property(tries = 7500, seed = "20261129")
  void windowedDetectors(@ForAll("texts") String text, @ForAll("seeds") long seed) {
    Random rnd = new Random(seed);
    int maxHold = MAX_HOLDS[rnd.nextInt(MAX_HOLDS.length)];
    assertEquivalent(WINDOWED, text, chunking(text, rnd), maxHold);
  }

  @Property(tries = 2500, seed = "4242")
  void blockingAndSentenceDetectors(@ForAll("fullTexts") String text, @ForAll("seeds") long seed) {
    Random rnd = new Random(seed);
    int maxHold = MAX_HOLDS_FULL[rnd.nextInt(MAX_HOLDS_FULL.length)];
    assertEquivalent(FULL, text, chunking(text, rnd), maxHold);
  }

  static final String[] NAME_FRAGMENTS = {
    "Ann Lee", "ann lee", "Bob Stone", "George Washington", "George Washington was president",
    "the answer is", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "\n\n", "\n",
  };

  @Property(tries = 2500, seed = "22")
  void linkedNames(@ForAll("nameTexts") String text, @ForAll("seeds") long seed) {
    Random rnd = new Random(seed);
    int maxHold = MAX_HOLDS[rnd.nextInt(MAX_HOLDS.length)];
    Guardrail g = LINKED[rnd.nextInt(LINKED.length)];
    assertEquivalent(g, text, chunking(text, rnd), maxHold);
  }

  @Provide
  Arbitrary<String> nameTexts() {
    List<String> all = new ArrayList<>(List.of(FRAGMENTS));
    for (int i = 0; i < 4; i++) {
      all.addAll(List.of(NAME_FRAGMENTS)); // a name, then an email or a card some fragments later
    }
    return Arbitraries.of(all).list().ofMaxSize(40).map(l -> joinSometimesSpaced(l));
  }

  @AfterContainer
  static void report() {
    System.out.printf("stream equivalence: %d cases in %d ms%n", cases, nanos / 1_000_000);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(l -> joinSometimesSpaced(l));
  }

  @Provide
  Arbitrary<String> fullTexts() {
    List<String> all = new ArrayList<>(List.of(FRAGMENTS));
    all.addAll(List.of(FULL_FRAGMENTS));
    all.addAll(List.of(FULL_FRAGMENTS));
    return Arbitraries.of(all).list().ofMaxSize(45).map(l -> joinSometimesSpaced(l));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  private static String joinSometimesSpaced(List<String> parts) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      b.append(parts.get(i));
      if ((i * 7 + parts.size()) % 3 != 0) {
        b.append(' ');
      }
    }
    return b.toString();
  }

  /** The same detectors with BLOCK turned into FLAG. */
  static Guardrail unblocked(Guardrail g) {
    return UNBLOCKED.computeIfAbsent(g, k -> {
      Guardrail.Builder b = Guardrail.builder().policy(TestDetectors.policy(Action.FLAG));
      k.detectors().forEach(b::detector);
      return b.build();
    });
  }

  /** Chunk sizes: all 1-char, a fixed size, random 1..12, or random 1..200. */
  static List<String> chunking(String text, Random rnd) {
    int mode = rnd.nextInt(4);
    int fixed = 1 + rnd.nextInt(7);
    List<String> chunks = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int n = switch (mode) {
        case 0 -> 1;
        case 1 -> fixed;
        case 2 -> 1 + rnd.nextInt(12);
        default -> 1 + rnd.nextInt(200);
      };
      int e = Math.min(text.length(), i + n);
      chunks.add(text.substring(i, e));
      i = e;
    }
    return chunks;
  }

  /** Streams the chunks and checks the property; shared with the detectors module's copy. */
  static void assertEquivalent(Guardrail guard, String text, List<String> chunks, int maxHold) {
    long t0 = System.nanoTime();
    GuardResult whole = guard.check(text, CheckContext.empty());
    GuardedStream s = GuardedStream.open(guard, CheckContext.empty(), StreamOptions.builder().maxHoldChars(maxHold).build());
    StringBuilder shown = new StringBuilder();
    String expected = whole.safeText();
    for (String c : chunks) {
      String piece = s.accept(c);
      if (!whole.blocked() && !piece.isEmpty()) {
        int at = shown.length();
        assertTrue(expected.startsWith(piece, at), () -> "emitted text is not a prefix of the safe text; chunks=" + chunks.size()
            + " maxHold=" + maxHold + " at=" + at);
      }
      shown.append(piece);
    }
    GuardedStream.Completion done = s.complete();
    shown.append(done.rest());
    assertEquals(shown.toString(), done.shown());
    assertEquals(whole.verdict(), done.result().verdict(), "verdict");
    if (whole.blocked()) {
      assertTrue(s.isBlocked());
      // what was shown before the block is exactly the safe text of the same pipeline without BLOCK,
      // so it is redacted as check redacts, and stops before the blocking phrase
      String unblocked = unblocked(guard).check(text, CheckContext.empty()).safeText();
      assertTrue(unblocked.startsWith(shown.toString()), "shown text before the block is not a prefix of the redacted text");
      int cut = text.length();
      for (Decision d : whole.decisions()) {
        if (d.action() == Action.BLOCK) {
          cut = Math.min(cut, d.finding().start());
        }
      }
      GuardResult unblockedResult = unblocked(guard).check(text, CheckContext.empty());
      for (List<dev.guardrails.Finding> c : EngineTestAccess.redactionClusters(unblockedResult.decisions())) {
        if (EngineTestAccess.start(c) < cut && EngineTestAccess.end(c) > cut) {
          cut = EngineTestAccess.start(c);
        }
      }
      List<Decision> before = new ArrayList<>();
      for (Decision d : unblockedResult.decisions()) {
        if (d.finding().end() <= cut) {
          before.add(d);
        }
      }
      String safeBefore = EngineTestAccess.apply(text.substring(0, cut), before, guard.policy(), new Redactor.Scope());
      assertTrue(shown.length() <= safeBefore.length(), "text emitted past the blocking finding");
    } else {
      assertEquals(expected, shown.toString(), "concatenated stream output");
      assertEquals(expected, done.result().safeText());
      assertEquals(whole.decisions(), done.result().decisions(), "decisions");
      assertTrue(whole.verdict() != Verdict.BLOCK);
    }
    nanos += System.nanoTime() - t0;
    cases++;
  }
}
