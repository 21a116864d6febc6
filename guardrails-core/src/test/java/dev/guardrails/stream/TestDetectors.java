package dev.guardrails.stream;

import dev.guardrails.Action;
import dev.guardrails.Category;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.Redactor;
import java.util.List;
import java.util.Locale;

/**
 * Small windowed detectors for the streaming tests: every read is bounded, so each honours its
 * declared window (a finding depends only on chars within it), which is the contract the stream's
 * equivalence rests on.
 */
final class TestDetectors {

  private TestDetectors() {}

  static final FindingType EMAIL = FindingType.of(Category.PII, "EMAIL");
  static final FindingType CARD = FindingType.of(Category.PII, "CREDIT_CARD");
  static final FindingType AGEIST = FindingType.of(Category.BIAS, "AGEIST");
  static final FindingType LAUNCH = FindingType.of(Category.SECRET, "LAUNCH_CODE");
  static final FindingType ABSOLUTE = FindingType.of(Category.CLAIM, "ABSOLUTE");
  static final FindingType PERSON = FindingType.of(Category.PII, "PERSON");

  static final int RUN = 30;

  /** local@domain.tld with each side at most 30 chars; longer runs are not emails. */
  static final Detector EMAIL_LIKE = new Detector() {
    @Override
    public void detect(dev.guardrails.text.AnalyzedText at, dev.guardrails.CheckContext ctx, dev.guardrails.FindingSink out) {
      String t = at.original();
      for (int i = t.indexOf('@'); i >= 0; i = t.indexOf('@', i + 1)) {
        int s = i;
        while (s > 0 && i - s <= RUN && local(t.charAt(s - 1))) {
          s--;
        }
        int e = i + 1;
        while (e < t.length() && e - i - 1 <= RUN && domain(t.charAt(e))) {
          e++;
        }
        if (i - s == 0 || i - s > RUN || e - i - 1 > RUN) {
          continue;
        }
        while (e > i + 1 && (t.charAt(e - 1) == '.' || t.charAt(e - 1) == '-')) {
          e--;
        }
        int dot = t.lastIndexOf('.', e - 1);
        if (dot <= i + 1 || e - dot - 1 < 2) {
          continue;
        }
        boolean letters = true;
        for (int k = dot + 1; k < e; k++) {
          letters &= Character.isLetter(t.charAt(k));
        }
        if (letters) {
          out.accept(Finding.of(id(), EMAIL, s, e, 0.9, "email address"));
        }
      }
    }

    private boolean local(char c) {
      return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '+' || c == '-');
    }

    private boolean domain(char c) {
      return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    @Override
    public String id() {
      return "test.email";
    }

    @Override
    public int window() {
      return 2 * RUN + 4;
    }
  };

  /** 13-19 digits, single space or dash between digits, Luhn-valid; runs over 47 chars are not cards. */
  static final Detector CARD_LIKE = new Detector() {
    @Override
    public void detect(dev.guardrails.text.AnalyzedText at, dev.guardrails.CheckContext ctx, dev.guardrails.FindingSink out) {
      String t = at.original();
      int i = 0;
      while (i < t.length()) {
        if (!digit(t.charAt(i)) || (i > 0 && (digit(t.charAt(i - 1)) || sepAfterDigit(t, i - 1)))) {
          i++;
          continue;
        }
        int e = i;
        int digits = 0;
        int sum = 0;
        StringBuilder ds = new StringBuilder();
        while (e < t.length() && e - i < 48) {
          char c = t.charAt(e);
          if (digit(c)) {
            ds.append(c);
            digits++;
            e++;
          } else if ((c == ' ' || c == '-') && e + 1 < t.length() && digit(t.charAt(e + 1))) {
            e++;
          } else {
            break;
          }
        }
        if (e - i < 48 && digits >= 13 && digits <= 19) {
          for (int k = 0; k < ds.length(); k++) {
            int d = ds.charAt(ds.length() - 1 - k) - '0';
            if (k % 2 == 1) {
              d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
          }
          if (sum % 10 == 0) {
            out.accept(Finding.of(id(), CARD, i, e, 0.95, "card number"));
          }
        }
        i = Math.max(e, i + 1);
      }
    }

    private boolean sepAfterDigit(String t, int k) {
      char c = t.charAt(k);
      return (c == ' ' || c == '-') && k > 0 && digit(t.charAt(k - 1));
    }

    private boolean digit(char c) {
      return c >= '0' && c <= '9';
    }

    @Override
    public String id() {
      return "test.card";
    }

    @Override
    public int window() {
      return 52;
    }
  };

  /** Fixed phrases matched case-insensitively on word boundaries. */
  static Detector phrases(String id, FindingType type, List<String> phrases, String suggestion) {
    return new Detector() {
      @Override
      public void detect(dev.guardrails.text.AnalyzedText at, dev.guardrails.CheckContext ctx, dev.guardrails.FindingSink out) {
        String t = at.original().toLowerCase(Locale.ROOT);
        if (t.length() != at.original().length()) {
          return;
        }
        for (String p : phrases) {
          for (int i = t.indexOf(p); i >= 0; i = t.indexOf(p, i + 1)) {
            int e = i + p.length();
            if ((i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1))) && (e == t.length() || !Character.isLetterOrDigit(t.charAt(e)))) {
              Finding f = Finding.of(id, type, i, e, 0.8, "phrase");
              out.accept(suggestion == null ? f : f.withSuggestions(List.of(suggestion)));
            }
          }
        }
      }

      @Override
      public String id() {
        return id;
      }

      @Override
      public int window() {
        return 24;
      }
    };
  }

  static final Detector AGE_PHRASES = phrases("test.bias", AGEIST, List.of("old people", "the elderly", "senior citizens"), "older adults");
  /** Fixed names as PERSON findings (score 0.8, no attributes): the engine links them. */
  static final Detector NAMES = phrases("test.person", PERSON, List.of("ann lee", "bob stone", "george washington"), null);
  static final Detector LAUNCH_CODES = phrases("test.secret", LAUNCH, List.of("launch code"), null);

  /**
   * Sentence-scoped: a sentence ('.', '!' or '?' then whitespace ends one) containing "guaranteed"
   * is reported whole. Sentences longer than 200 chars are ignored, so the window is bounded.
   */
  static final Detector ABSOLUTES = new Detector() {
    @Override
    public void detect(dev.guardrails.text.AnalyzedText at, dev.guardrails.CheckContext ctx, dev.guardrails.FindingSink out) {
      String t = at.original();
      int s = 0;
      for (int i = 0; i <= t.length(); i++) {
        boolean end = i == t.length()
            || (i > 0 && (t.charAt(i - 1) == '.' || t.charAt(i - 1) == '!' || t.charAt(i - 1) == '?') && Character.isWhitespace(t.charAt(i)))
            || (i > 0 && t.charAt(i - 1) == '\n');
        if (!end) {
          continue;
        }
        int a = s;
        while (a < i && Character.isWhitespace(t.charAt(a))) {
          a++;
        }
        int b = i;
        while (b > a && Character.isWhitespace(t.charAt(b - 1))) {
          b--;
        }
        if (b > a && b - a <= 200 && t.substring(a, b).toLowerCase(Locale.ROOT).contains("guaranteed")) {
          out.accept(Finding.of(id(), ABSOLUTE, a, b, 0.9, "absolute claim"));
        }
        s = i;
      }
    }

    @Override
    public String id() {
      return "test.absolute";
    }

    @Override
    public int window() {
      return 210;
    }

    @Override
    public boolean sentenceScoped() {
      return true;
    }
  };

  static Policy policy() {
    return policy(Action.BLOCK);
  }

  static Policy policy(Action secretAction) {
    return Policy.builder()
        .defaultAction(Action.FLAG)
        .rule(Category.PII, Action.REDACT)
        .rule(Category.BIAS, Action.REDACT)
        .rule(Category.SECRET, secretAction)
        .rule(Category.CLAIM, Action.REDACT)
        .redactor(Category.PII, Redactor.numberedTag())
        .redactor(Category.BIAS, Redactor.rewrite())
        .build();
  }

  /** Email, card and bias phrases, numbered PII tags. */
  static Guardrail windowed() {
    return Guardrail.builder().detector(EMAIL_LIKE).detector(CARD_LIKE).detector(AGE_PHRASES)
        .policy(policy()).blockMessage("[blocked]").build();
  }

  /**
   * Names, emails, cards and bias phrases under a policy that redacts a linked name and flags a
   * bare one, with a link window of {@code linkWindow} chars.
   */
  static Guardrail linked(int linkWindow) {
    Policy p = policy().toBuilder()
        .rule(PERSON, Action.FLAG)
        .rule(PERSON, Finding.LINKED, Action.REDACT)
        .build();
    return Guardrail.builder().detector(EMAIL_LIKE).detector(CARD_LIKE).detector(AGE_PHRASES).detector(NAMES)
        .policy(p).linkWindow(linkWindow).blockMessage("[blocked]").build();
  }

  /** The windowed pipeline plus the launch-code BLOCK phrase and the sentence-scoped detector. */
  static Guardrail full() {
    return Guardrail.builder().detector(EMAIL_LIKE).detector(CARD_LIKE).detector(AGE_PHRASES)
        .detector(LAUNCH_CODES).detector(ABSOLUTES).policy(policy()).blockMessage("[blocked]").build();
  }
}
