package dev.guardrails.reliability;

import dev.guardrails.testing.FuzzInput;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.guardrails.Action;
import dev.guardrails.Category;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.text.Span;
import dev.guardrails.Redactor;
import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.OffsetMap;
import java.util.List;

/**
 * Fuzz targets over the engine alone: the normalizer and its offset map, and {@link Guardrail#check}
 * with synthetic detectors whose findings exercise policy, redaction and overlap handling. In the
 * normal build Jazzer replays the seed corpus in {@code CoreFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see docs/reliability.md).
 */
class CoreFuzzTest {

  private static final FindingType WORD = FindingType.of(Category.BIAS, "WORD");
  private static final FindingType NUMBER = FindingType.of(Category.PII, "NUMBER");
  private static final FindingType AT = FindingType.of(Category.SECRET, "AT");

  /** Reports each run of ASCII letters of the normalized view, with a suggestion. */
  private static final Detector WORDS = new Detector() {
    @Override
    public String id() {
      return "fuzz.words";
    }

    @Override
    public void detect(AnalyzedText text, dev.guardrails.CheckContext ctx, dev.guardrails.FindingSink out) {
      String s = text.normalized();
      int i = 0;
      while (i < s.length()) {
        if (Character.isLetter(s.charAt(i))) {
          int j = i;
          while (j < s.length() && Character.isLetter(s.charAt(j))) {
            j++;
          }
          if (j - i >= 3) {
            Span sp = text.toOriginal(i, j);
            out.accept(Finding.of(id(), WORD, sp.start(), sp.end(), 0.6, "word").withSuggestions(List.of("term")));
          }
          i = j;
        } else {
          i++;
        }
      }
    }
  };

  /** Reports digit runs and, overlapping them, the 12 chars around each '@'. */
  private static final Detector NUMBERS = new Detector() {
    @Override
    public String id() {
      return "fuzz.numbers";
    }

    @Override
    public void detect(AnalyzedText text, dev.guardrails.CheckContext ctx, dev.guardrails.FindingSink out) {
      String s = text.normalized();
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          int j = i;
          while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
          }
          Span sp = text.toOriginal(i, j);
          out.accept(Finding.of(id(), NUMBER, sp.start(), sp.end(), 0.9, "digits"));
          i = j;
        } else {
          if (c == '@') {
            Span sp = text.toOriginal(Math.max(0, i - 6), Math.min(s.length(), i + 6));
            out.accept(Finding.of(id(), AT, sp.start(), sp.end(), 0.7, "at"));
          }
          i++;
        }
      }
    }
  };

  private static final Guardrail GUARD = Guardrail.builder()
      .detector(WORDS)
      .detector(NUMBERS)
      .policy(Policy.builder()
          .rule(Category.BIAS, Action.REDACT)
          .rule(Category.PII, Action.REDACT)
          .rule(Category.SECRET, 0.8, Action.BLOCK)
          .rule(Category.SECRET, Action.REDACT)
          .redactor(Category.BIAS, Redactor.rewrite())
          .redactor(Category.PII, Redactor.numberedTag())
          .redactor(Category.SECRET, Redactor.hmacWithRandomKey())
          .build())
      .build();

  /** Touches every normalizer branch, each synthetic detector, every redactor (HMAC: JCE provider). */
  static final String WARM_UP = "Warm-up: Jane wrote to jane.doe@example.com [at] &#64; &amp; **bold** `code` "
      + "zero\u200Bwidth \u202Ebidi\u202C \uFF21\uFF22\uFF23 \uFF11\uFF12 \u0661\u0662\u0663 \u0967\u0968 "
      + "\u0430\u0435\u043E caf\u00e9 e\u0301 4 1 1 1 1 1 1 1 1 1 1 1 \uD800 x \uDC00 \u0000 \n line@\nbreak "
      + "4111 1111 1111 1111 and 5.3.6.2.2.8.1.4.5 @@ a@b";

  static {
    FuzzInput.warmUp(GUARD, WARM_UP, FuzzInput.context(WARM_UP + FuzzInput.SEPARATOR + "source 4111 text"
        + FuzzInput.SEPARATOR + "jane.doe@example.com" + FuzzInput.SEPARATOR + "prompt"));
    for (int i = 0; i < 20; i++) {
      AnalyzedText.of(WARM_UP).toOriginal(0, 5);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void analyzedText(byte[] data) {
    String s = FuzzInput.text(data);
    AnalyzedText at = FuzzInput.timed("normalizing", s.length(), () -> AnalyzedText.of(s));
    if (!at.original().equals(s)) {
      throw new AssertionError("original changed");
    }
    String n = at.normalized();
    OffsetMap m = at.offsets();
    if (m.length() != n.length()) {
      throw new AssertionError("offset map length " + m.length() + " != normalized " + n.length());
    }
    int prevStart = 0;
    for (int i = 0; i < n.length(); i++) {
      int a = m.sourceStart(i);
      int b = m.sourceEnd(i);
      if (a < prevStart || a >= b || b > s.length()) {
        throw new AssertionError("bad mapping at " + i + ": [" + a + ", " + b + ") after " + prevStart);
      }
      prevStart = a;
      char c = n.charAt(i);
      if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || c == 0xFEFF) {
        throw new AssertionError("ignorable char U+" + Integer.toHexString(c) + " left in normalized view");
      }
    }
    if (m.sourceStart(n.length()) != s.length()) {
      throw new AssertionError("end does not map to the original length");
    }
    // Arbitrary ranges map inside the original.
    int len = n.length();
    for (int k = 0; k < 8 && len > 0; k++) {
      int x = Math.floorMod(s.hashCode() * 31 + k * 7919, len + 1);
      int y = x + Math.floorMod(k * 104729 + s.length(), len - x + 1);
      Span sp = at.toOriginal(x, y);
      if (sp.end() > s.length()) {
        throw new AssertionError("range [" + x + ", " + y + ") maps outside: " + sp);
      }
    }
    AnalyzedText again = AnalyzedText.of(s);
    if (!again.normalized().equals(n)) {
      throw new AssertionError("normalization is not deterministic");
    }
  }

  @FuzzTest(maxDuration = "10m")
  void engine(byte[] data) {
    String input = FuzzInput.text(data);
    String text = FuzzInput.answer(input);
    GuardResult r = FuzzInput.timed("check", text.length(), () -> GUARD.check(text, FuzzInput.context(input)));
    FuzzInput.assertWellFormed(text, r);
    if (!r.errors().isEmpty()) {
      throw new AssertionError("detector errors: " + r.errors());
    }
    GuardResult again = GUARD.check(new String(text.toCharArray()), FuzzInput.context(input));
    FuzzInput.assertSame(r, again);
  }
}
