package dev.guardrails;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The built-in {@link Redactor} implementations. */
final class Operators {

  private Operators() {}

  static final Redactor TYPE_TAG = (finding, value, scope) -> "<" + finding.type().name() + ">";

  static final Redactor NUMBERED_TAG = (finding, value, scope) ->
      "<" + finding.type().name() + "_" + scope.number(finding.type().name(), value) + ">";

  static final Redactor REWRITE = (finding, value, scope) -> {
    if (finding.suggestions().isEmpty()) {
      return "<" + finding.type().name() + ">";
    }
    return matchCase(finding.suggestions().get(0), value);
  };

  static String mask(CharSequence value, char maskChar, int keepLast) {
    int alnum = 0;
    for (int i = 0; i < value.length(); i++) {
      if (Character.isLetterOrDigit(value.charAt(i))) {
        alnum++;
      }
    }
    int toMask = Math.max(0, alnum - keepLast);
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c) && toMask > 0) {
        b.append(maskChar);
        toMask--;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String matchCase(String suggestion, CharSequence value) {
    if (suggestion.isEmpty() || value.length() == 0) {
      return suggestion;
    }
    boolean allUpper = true;
    boolean anyLetter = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetter(c)) {
        anyLetter = true;
        if (!Character.isUpperCase(c)) {
          allUpper = false;
        }
      }
    }
    if (anyLetter && allUpper && value.length() > 1) {
      return suggestion.toUpperCase(java.util.Locale.ROOT);
    }
    if (Character.isUpperCase(value.charAt(0))) {
      return Character.toUpperCase(suggestion.charAt(0)) + suggestion.substring(1);
    }
    return suggestion;
  }

  static final class Hmac implements Redactor {
    private final SecretKeySpec key;

    Hmac(byte[] key) {
      this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public String replace(Finding finding, CharSequence value, Redactor.Scope scope) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        byte[] h = mac.doFinal(value.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder(finding.type().name().length() + 19);
        b.append('<').append(finding.type().name()).append(':');
        for (int i = 0; i < 8; i++) {
          b.append(Character.forDigit((h[i] >> 4) & 0xF, 16)).append(Character.forDigit(h[i] & 0xF, 16));
        }
        return b.append('>').toString();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
      }
    }

    @Override
    public String toString() {
      return "Redactor.hmac";
    }
  }
}
