package dev.guardrails.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.guardrails.testing.FuzzInput;
import dev.guardrails.OversizeMode;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.text.Span;
import dev.guardrails.Verdict;
import dev.guardrails.stream.GuardedStream;
import dev.guardrails.text.AnalyzedText;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the engine alone: null arguments, oversize text (REJECT and TRUNCATE_AND_FLAG),
 * surrogates, detectors reporting invalid spans, and malformed policy files.
 */
class EngineBadInputTest {

  private static final FindingType DIGITS = FindingType.of(Category.PII, "DIGITS");

  /** Reports each digit run of the normalized view (a linear detector). */
  static final Detector DIGIT_RUNS = new Detector() {
    @Override
    public String id() {
      return "test.digits";
    }

    @Override
    public void detect(AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
      String s = text.normalized();
      for (int i = 0; i < s.length(); i++) {
        if (Character.isDigit(s.charAt(i))) {
          int j = i;
          while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
          }
          Span sp = text.toOriginal(i, j);
          out.accept(Finding.of(id(), DIGITS, sp.start(), sp.end(), 0.9, "digits"));
          i = j;
        }
      }
    }
  };

  private static String fiftyMegabytes() {
    String para = "Call 5550100 or write to the office about the order. Nothing else here.\n";
    return para.repeat(50 * 1024 * 1024 / para.length() + 1);
  }

  @Test
  void nullArgumentsFailWithAClearMessage() {
    Guardrail g = Guardrail.builder().detector(DIGIT_RUNS).build();
    NullPointerException e = assertThrows(NullPointerException.class, () -> g.check(null));
    assertEquals("text", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> g.check("x", null));
    assertEquals("ctx", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> AnalyzedText.of(null));
    assertEquals("text", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Guardrail.builder().maxInput(0, OversizeMode.REJECT));
    assertThrows(IllegalStateException.class, () -> Guardrail.builder().build());
  }

  @Test
  void emptyTextPasses() {
    GuardResult r = Guardrail.builder().detector(DIGIT_RUNS).build().check("");
    assertEquals(Verdict.PASS, r.verdict());
    assertEquals("", r.safeText());
    assertTrue(r.findings().isEmpty());
  }

  @Test
  void fiftyMegabytesAreRejectedByDefault() {
    String big = fiftyMegabytes();
    assertTrue(big.length() > Guardrail.DEFAULT_MAX_INPUT_CHARS);
    Guardrail g = Guardrail.builder().detector(DIGIT_RUNS).blockMessage("[too large]").build();
    GuardResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> g.check(big));
    assertEquals(Verdict.BLOCK, r.verdict());
    assertEquals("INPUT_TOO_LARGE", r.errors().get(0).kind());
    assertEquals("[too large]", r.safeText());
    assertEquals(big.length(), r.textLength());
  }

  @Test
  void fiftyMegabytesAreTruncatedAndFlaggedWithinTheBound() {
    String big = fiftyMegabytes();
    Guardrail g = Guardrail.builder().detector(DIGIT_RUNS)
        .maxInput(Guardrail.DEFAULT_MAX_INPUT_CHARS, OversizeMode.TRUNCATE_AND_FLAG)
        .policy(Policy.reportOnly())
        .build();
    long t0 = System.nanoTime();
    GuardResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> g.check(big));
    System.out.printf("[bad-input] engine: 50 MB truncated to %d chars and checked in %d ms%n",
        Guardrail.DEFAULT_MAX_INPUT_CHARS, (System.nanoTime() - t0) / 1_000_000);
    assertEquals(Verdict.FLAG, r.verdict());
    assertEquals("INPUT_TRUNCATED", r.errors().get(0).kind());
    assertEquals(Guardrail.DEFAULT_MAX_INPUT_CHARS, r.safeText().length());
    for (Finding f : r.findings()) {
      assertTrue(f.end() <= Guardrail.DEFAULT_MAX_INPUT_CHARS);
    }
    assertTrue(r.findings().size() > 100_000);
  }

  @Test
  void truncationNeverSplitsASurrogatePair() {
    String s = "ab\uD83D\uDE00cd"; // the emoji's high surrogate at index 2
    Guardrail g = Guardrail.builder().detector(DIGIT_RUNS)
        .maxInput(3, OversizeMode.TRUNCATE_AND_FLAG).build();
    GuardResult r = g.check(s);
    assertEquals("ab", r.safeText());
    assertEquals(Verdict.FLAG, r.verdict());
  }

  @Test
  void loneSurrogatesNulAndControlCharsAreHandled() {
    Guardrail g = Guardrail.builder().detector(DIGIT_RUNS).build();
    for (String s : List.of("\uD800", "\uDC00", "1\uD800 2\uDC003", "\uDC00\uD800", "\u0000", "1\u00002\u00003",
        "\uFFFF\uFFFE", "\u0661\uD800\u0662", "\u0000".repeat(100_000), "\uD800".repeat(100_000))) {
      GuardResult r = g.check(s);
      FuzzInput.assertWellFormed(s, r);
      assertTrue(r.errors().isEmpty());
    }
    // NUL is ignorable: digits split by NUL read as one number, mapped back across the NULs.
    GuardResult r = g.check("1\u00002\u00003");
    assertEquals(1, r.findings().size());
    assertEquals(new Span(0, 5), r.findings().get(0).span());
  }

  @Test
  void invalidSpansFromADetectorAreAnErrorNotACrash() {
    Detector liar = new Detector() {
      @Override
      public String id() {
        return "test.liar";
      }

      @Override
      public void detect(AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
        out.accept(Finding.of(id(), DIGITS, 0, text.length() + 5, 0.9, "too long"));
        out.accept(null);
      }
    };
    GuardResult r = Guardrail.builder().detector(liar).build().check("abc");
    assertEquals(Verdict.BLOCK, r.verdict());
    assertEquals("INVALID_FINDING", r.errors().get(0).kind());
    assertTrue(r.findings().isEmpty());
  }

  @Test
  void malformedPolicyFilesNameTheLine() {
    String[][] cases = {
        {"default = FLAG\nPII = EXPLODE", "line 2"},
        {"# comment\n\nNOPE = BLOCK", "line 3"},
        {"PII >= abc = REDACT", "line 1"},
        {"PII >= 1.5 = REDACT", "line 1"},
        {"PII >= -1 = REDACT", "line 1"},
        {"default = FLAG\nextends strict", "line 2"},
        {"extends nosuchpreset", "line 1"},
        {"just words", "line 1"},
        {"PII =", "line 1"},
        {"= BLOCK", "line 1"},
        {"default >= 0.5 = BLOCK", "line 1"},
        {"redact PII = scramble", "line 1"},
        {"redact PII = mask:**:x", "line 1"},
        {"PII/ = BLOCK", "line 1"},
        {"PII/EMAIL = BLOCK\n" + "x".repeat(20_000), "line 2"},
        {"PII = BLOCK\n\u0000\u0001 = \uD800", "line 2"},
        {"PII >= 0.5 >= 0.6 = BLOCK", "line 1"},
    };
    for (String[] c : cases) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Policy.parse(c[0]),
          "should reject: " + c[0].substring(0, Math.min(40, c[0].length())));
      assertTrue(e.getMessage().startsWith("policy " + c[1] + ":"), "message names the line: " + e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Policy.parse(new StringReader("PII = NOPE")));
    assertEquals(Policy.parse("").toString(), Policy.parse("# only a comment\n\n").toString());
  }

  @Test
  void policyFilesWithBomCrlfNanAndManyLines() {
    // Windows line endings and a byte-order mark are read as the same policy
    Policy unix = Policy.parse("default = FLAG\nPII = REDACT\nSECRET >= 0.8 = BLOCK\n");
    assertEquals(unix.toString(), Policy.parse("\uFEFFdefault = FLAG\r\nPII = REDACT\r\nSECRET >= 0.8 = BLOCK\r\n").toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Policy.parse("PII >= NaN = REDACT"));
    assertTrue(e.getMessage().startsWith("policy line 1:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Policy.parse("PII >= Infinity = REDACT"));
    assertTrue(e.getMessage().startsWith("policy line 1:"), e.getMessage());
    // 100,000 rule lines parse in linear time
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      many.append("PII/T").append(i).append(" = REDACT\n");
    }
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Policy.parse(many.toString()));
    e = assertThrows(IllegalArgumentException.class, () -> Policy.parse("PII/T = REDACT\nPII/T = BLOCK"));
    assertTrue(e.getMessage().startsWith("policy line 2:"), "a repeated rule names its line: " + e.getMessage());
  }

  /** Stands for a detector's lexicon that is malformed: its holder's static initializer throws. */
  private static final class BrokenLexicon {
    static final List<String> WORDS = load();

    private static List<String> load() {
      throw new IllegalStateException("lexicon words.txt line 3 must have 2 columns");
    }
  }

  /**
   * A detector whose lexicon fails to load throws ExceptionInInitializerError on its first check
   * and NoClassDefFoundError on every later one: both are contained, its fail mode applies, and
   * the other detectors keep working.
   */
  @Test
  void detectorWithAMalformedLexiconFailsItsChecksNotTheCaller() {
    Detector broken = new Detector() {
      @Override
      public String id() {
        return "test.lexicon";
      }

      @Override
      public void detect(AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
        if (BrokenLexicon.WORDS.contains(text.normalized())) {
          out.accept(Finding.of(id(), DIGITS, 0, 1, 0.9, "never"));
        }
      }
    };
    Guardrail closed = Guardrail.builder().detector(DIGIT_RUNS).detector(broken).build();
    GuardResult first = closed.check("call 5550100");
    assertEquals(Verdict.BLOCK, first.verdict());
    assertEquals("java.lang.ExceptionInInitializerError", first.errors().get(0).errorClass());
    GuardResult second = closed.check("call 5550100");
    assertEquals("java.lang.NoClassDefFoundError", second.errors().get(0).errorClass());
    Guardrail open = Guardrail.builder().detector(DIGIT_RUNS).detector(broken, dev.guardrails.FailMode.OPEN).build();
    GuardResult r = open.check("call 5550100");
    assertEquals(dev.guardrails.Action.FLAG, r.errors().get(0).action(), "fail-open flags");
    assertTrue(r.verdict() != Verdict.BLOCK);
    assertEquals(1, r.findings().size(), "the healthy detector's finding is kept");
    // time-bounded checks run detectors on the executor: same containment
    GuardResult async = Guardrail.builder().detector(broken).detectorTimeout(Duration.ofSeconds(5)).build().check("x");
    assertEquals(Verdict.BLOCK, async.verdict());
    assertEquals("EXCEPTION", async.errors().get(0).kind());
  }

  /** Streams {@code text} in chunks of {@code size}; returns everything shown and the completion. */
  private static Object[] stream(Guardrail g, String text, int size) {
    GuardedStream s = GuardedStream.open(g, CheckContext.empty());
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < text.length(); i += size) {
      shown.append(s.accept(text.subSequence(i, Math.min(text.length(), i + size))));
    }
    GuardedStream.Completion done = s.complete();
    shown.append(done.rest());
    return new Object[] {shown.toString(), done, s};
  }

  private static String digitsText(int length) {
    String para = "Order 5550100 shipped to room 42; call back later.\n";
    return para.repeat(length / para.length() + 1).substring(0, length);
  }

  @Test
  void streamPastTheLimitIsRejected() {
    Guardrail g = Guardrail.builder().detector(DIGIT_RUNS).maxInput(1_000, OversizeMode.REJECT).build();
    String text = digitsText(3_000);
    Object[] run = stream(g, text, 97);
    GuardedStream.Completion done = (GuardedStream.Completion) run[1];
    assertEquals(Verdict.BLOCK, done.result().verdict());
    assertEquals(Verdict.BLOCK, g.check(text).verdict(), "same as check");
    assertTrue(((GuardedStream) run[2]).isBlocked());
    assertEquals("INPUT_TOO_LARGE", done.result().errors().get(0).kind());
    assertEquals(3_000, done.result().textLength());
    assertTrue(((String) run[0]).length() <= 1_000, "nothing past the limit is shown");
  }

  @Test
  void streamPastTheLimitIsTruncatedAndFlaggedLikeCheck() {
    Guardrail g = Guardrail.builder().detector(DIGIT_RUNS)
        .maxInput(1_000, OversizeMode.TRUNCATE_AND_FLAG).build();
    for (int size : new int[] {1, 7, 333, 5_000}) {
      String text = digitsText(3_000);
      GuardResult whole = g.check(text);
      Object[] run = stream(g, text, size);
      GuardedStream.Completion done = (GuardedStream.Completion) run[1];
      assertEquals(whole.safeText(), run[0], "chunks of " + size + ": stream shows check's safe text of the prefix");
      assertEquals(whole.verdict(), done.result().verdict());
      assertEquals(whole.decisions(), done.result().decisions());
      assertTrue(done.result().errors().stream().anyMatch(e -> e.kind().equals("INPUT_TRUNCATED")));
      assertEquals(3_000, done.result().textLength());
    }
    // the cut never splits a surrogate pair, in a stream as in check
    String pairs = "a" + "\uD83D\uDE00".repeat(1_000);
    Object[] run = stream(g, pairs, 64);
    String shown = (String) run[0];
    assertEquals(g.check(pairs).safeText(), shown);
    assertTrue(!Character.isHighSurrogate(shown.charAt(shown.length() - 1)));
  }

  @Test
  void fiftyMegabytesStreamedStayWithinTheLimit() {
    String big = fiftyMegabytes();
    for (OversizeMode mode : OversizeMode.values()) {
      Guardrail g = Guardrail.builder().detector(DIGIT_RUNS).maxInput(1 << 20, mode).build();
      long t0 = System.nanoTime();
      Object[] run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> stream(g, big, 1 << 16));
      System.out.printf("[bad-input] stream, %s at 1 Mi chars: 50 MB streamed in %d ms%n", mode,
          (System.nanoTime() - t0) / 1_000_000);
      GuardedStream.Completion done = (GuardedStream.Completion) run[1];
      assertEquals(big.length(), done.result().textLength());
      // bounded by the limit, not by the 50 MB (a redaction tag may be longer than its value)
      assertTrue(((String) run[0]).length() <= 2 << 20, "shown " + ((String) run[0]).length());
      if (mode == OversizeMode.TRUNCATE_AND_FLAG) {
        assertEquals(g.check(big).safeText(), run[0]);
      }
      assertEquals(mode == OversizeMode.REJECT ? Verdict.BLOCK : Verdict.REDACT, done.result().verdict());
    }
  }
}
