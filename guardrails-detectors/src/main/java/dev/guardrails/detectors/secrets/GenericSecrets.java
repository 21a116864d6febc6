package dev.guardrails.detectors.secrets;

import static dev.guardrails.detectors.secrets.SecretDetector.GENERIC_SECRET;

import java.util.ArrayList;
import java.util.List;

/**
 * High-entropy values assigned to a key word: {@code password=...}, {@code DB_PASSWORD: "..."},
 * {@code api_key = ...}, {@code secret=...}, {@code token: ...}. The key must be the whole token or
 * its last {@code _}/{@code -} segments; the value must be 8-256 characters, not a placeholder, and
 * have a Shannon entropy of at least 3 bits per character. A value that is itself a typed token
 * (an AWS key, a GitHub token, a JWT) or a base64 run wrapping a secret is reported as that instead.
 *
 * <p>Stateless and thread-safe; reports through the caller's per-call {@link Hits}.
 */
final class GenericSecrets {

  private GenericSecrets() {}

  private static final String[] KEYS = {"password", "passwd", "pwd", "passphrase", "secret", "token",
      "apikey", "api_key", "api-key", "secret_key", "secret-key", "access_key", "private_key",
      "client_secret", "auth_token", "access_token", "refresh_token", "secretkey", "accesskey", "auth"};

  /** {@link #KEYS} by their last letter (lower case). */
  private static final String[][] BY_END = new String[128][];

  static {
    for (String k : KEYS) {
      for (int j = 0; j < k.length(); j++) {
        if (!SecretDetector.isToken((byte) k.charAt(j)) || (k.charAt(j) >= 'A' && k.charAt(j) <= 'Z')) {
          throw new IllegalStateException("a key word is lower-case token chars (keyBefore reads it so): " + k);
        }
      }
    }
    for (int c = 0; c < 128; c++) {
      List<String> ks = new ArrayList<>();
      for (String k : KEYS) {
        if (k.charAt(k.length() - 1) == c) {
          ks.add(k);
        }
      }
      BY_END[c] = ks.isEmpty() ? null : ks.toArray(new String[0]);
    }
  }

  /** If {@code s[i,we)} is a key word followed by '=' or ':', reports a high-entropy value; returns its end or -1. */
  static int afterKey(Hits h, int i, int we) {
    String s = h.s;
    int n = s.length();
    int p = assignment(s, we);
    // "<password>value</password>" and "--password value" (a flag of 10+ chars, which the
    // eight-at-a-time skip always stops at) have no '=' or ':'
    boolean xml = p < 0 && i > 0 && s.charAt(i - 1) == '<' && we < n && s.charAt(we) == '>';
    boolean flag = p < 0 && we - i >= 10 && s.charAt(i) == '-' && s.charAt(i + 1) == '-' && we + 1 < n
        && s.charAt(we) == ' ' && s.charAt(we + 1) != '-';
    if (xml || flag) {
      p = we;
    }
    if (p < 0) {
      return -1;
    }
    if (!isKey(s, i, we)) {
      return -1;
    }
    p++;
    if (!xml && !flag && p < n && s.charAt(p) == '=') {
      p++; // ":="
    }
    if (!xml && !flag && p < n && s.charAt(p) == ' ') {
      p++;
    }
    char quote = xml ? '<' : 0;
    if (p < n && (s.charAt(p) == '"' || s.charAt(p) == '\'' || s.charAt(p) == '`')) {
      quote = s.charAt(p++);
    }
    int start = p;
    int te = p;
    while (te < n && s.charAt(te) < 128 && SecretDetector.TOKEN[s.charAt(te)]) {
      te++;
    }
    int typed = SecretDetector.typed(h, start, te);
    if (typed >= 0) {
      return typed; // "TOKEN=AKIA...": the value's own shape says what it is
    }
    if (!h.decoded() && start < n && Base64Secrets.startsRun(s, start)) {
      int e = Base64Secrets.scan(h, start, Base64Secrets.runEnd(s, start));
      if (e >= 0) {
        return e;
      }
    }
    while (p < n && p - start < 256) {
      char c = s.charAt(p);
      if (c == quote || (quote == 0 && (Character.isWhitespace(c) || c == ',' || c == ';' || c == '"' || c == '\''))) {
        break;
      }
      if (quote != 0 && (c == '\n')) {
        break;
      }
      p++;
    }
    int end = p;
    while (quote == 0 && end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ')')) {
      end--;
    }
    int len = end - start;
    if (len < 8 || len >= 256 || placeholder(s, start, end)) {
      return -1;
    }
    double bits = SecretText.entropy(s, start, end);
    if (bits < 3.0 || !mixed(s, start, end) || SecretText.placeholder(s, start, end)
        || GitleaksRules.defaults().genericAllows(s, i, start, end)) {
      return -1;
    }
    h.emit(GENERIC_SECRET, start, end, Math.min(0.95, 0.5 + bits / 10), "high-entropy value after a key word");
    return end;
  }

  /** Index of the '=' or ':' after a word ending at {@code we} (an optional quote and one space between), or -1. */
  static int assignment(String s, int we) {
    int n = s.length();
    int p = we;
    if (p < n && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
      p++;
    }
    if (p < n && s.charAt(p) == ' ') {
      p++;
    }
    return p < n && (s.charAt(p) == '=' || s.charAt(p) == ':') ? p : -1;
  }

  /**
   * Whether a key word ends within two chars before {@code b[at]} (a {@code =}, {@code :} or
   * {@code >}): the token run ending at {@code at}, {@code at - 1} or {@code at - 2} is one ({@link
   * #isKey}). Every value {@link #afterKey} reports follows such a key word by at most a quote and a
   * space, so where none is, this scanner reports nothing (the short-text pass, {@link RunGate#shortPass}).
   */
  static boolean keyBefore(byte[] b, int at) {
    // no walk back to the token run's start: a key word is token chars only, so one spelled
    // ending at we lies inside that run, and it starts the run exactly when the char before it is
    // not a token char (the walk was most of the cost at the ':' after every "Address")
    for (int we = at; we > 0 && we >= at - 2; we--) {
      if (SecretDetector.isToken(b[we - 1]) && isKey(b, we)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #isKey(String, int, int)} on a one-byte view, for the token run that ends at {@code we}
   * ({@code b[we - 1]} a token char): a key word ends at {@code we} and starts the run or follows
   * '_' or '-' in it. The key words are token chars, so one spelled there lies in the run.
   */
  private static boolean isKey(byte[] b, int we) {
    int end = b[we - 1];
    String[] keys = end >= 0 ? BY_END[end >= 'A' && end <= 'Z' ? end + 32 : end] : null;
    if (keys == null) {
      return false;
    }
    for (String k : keys) {
      int st = we - k.length();
      if (st >= 0 && spells(b, st, k)
          && (st == 0 || b[st - 1] == '_' || b[st - 1] == '-' || !SecretDetector.isToken(b[st - 1]))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code b} spells the lower-case {@code k} at {@code st}, ASCII case aside. */
  private static boolean spells(byte[] b, int st, String k) {
    for (int j = 0; j < k.length(); j++) {
      int c = b[st + j];
      if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != k.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isKey(String s, int i, int we) {
    char end = s.charAt(we - 1);
    // an ASCII last char: only the key words ending in it (case aside); any other char may still
    // equal one ignoring case (the Kelvin sign is a 'k'), so it is compared with every key word
    String[] keys = end < 128 ? BY_END[end >= 'A' && end <= 'Z' ? end + 32 : end] : KEYS;
    if (keys == null) {
      return false;
    }
    for (String k : keys) {
      int st = we - k.length();
      if (st >= i && s.regionMatches(true, st, k, 0, k.length())
          && (st == i || s.charAt(st - 1) == '_' || s.charAt(st - 1) == '-')) {
        return true;
      }
    }
    return false;
  }

  /** At least two of: lower case, upper case, digits, symbols; not a single dictionary-like word. */
  private static boolean mixed(String s, int start, int end) {
    int lower = 0;
    int upper = 0;
    int digit = 0;
    int other = 0;
    for (int p = start; p < end; p++) {
      char c = s.charAt(p);
      if (c >= 'a' && c <= 'z') {
        lower = 1;
      } else if (c >= 'A' && c <= 'Z') {
        upper = 1;
      } else if (c >= '0' && c <= '9') {
        digit = 1;
      } else {
        other = 1;
      }
    }
    return lower + upper + digit + other >= 2 && (digit + other > 0 || end - start >= 16);
  }

  private static boolean placeholder(String s, int start, int end) {
    char c = s.charAt(start);
    if (c == '<' || c == '$' || c == '{' || c == '%' || c == '[') {
      return true;
    }
    String lower = s.substring(start, Math.min(end, start + 12)).toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("your") || lower.startsWith("xxx") || lower.startsWith("***") || lower.startsWith("example")
        || lower.startsWith("changeme") || lower.startsWith("placeholder") || lower.startsWith("redacted")
        || lower.startsWith("http")) {
      return true;
    }
    return sameChar(s, start, end);
  }

  private static boolean sameChar(String s, int start, int end) {
    for (int p = start + 1; p < end; p++) {
      if (s.charAt(p) != s.charAt(start)) {
        return false;
      }
    }
    return true;
  }
}
