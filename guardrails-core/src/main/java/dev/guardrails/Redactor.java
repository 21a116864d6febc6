package dev.guardrails;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Produces the replacement for a redacted span. Static factories give the built-in operators:
 * {@link #typeTag()} ({@code <EMAIL>}), {@link #numberedTag()} ({@code <PERSON_1>}, the same
 * value getting the same number within one result), {@link #mask(char, int)}, {@link #hmac(byte[])}
 * (keyed hash, stable per key), {@link #rewrite()} (the finding's first suggestion, case kept) and
 * {@link #fixed(String)}.
 *
 * <p>Implementations must be immutable and thread-safe; per-result state (numbering) lives in the
 * {@link Scope} the engine passes in.
 */
@FunctionalInterface
public interface Redactor {

  /**
   * Returns the replacement for one finding.
   *
   * @param finding the finding being redacted
   * @param value the original text of the finding's span
   * @param scope state shared by all redactions of one result
   * @return the replacement text
   */
  String replace(Finding finding, CharSequence value, Scope scope);

  /** Returns the operator that writes {@code <TYPE>}, e.g. {@code <EMAIL>}. */
  static Redactor typeTag() {
    return Operators.TYPE_TAG;
  }

  /**
   * Returns the operator that writes {@code <TYPE_n>}, numbering distinct values per type in order
   * of appearance; equal values (ignoring case and surrounding whitespace) get equal numbers within
   * one result.
   */
  static Redactor numberedTag() {
    return Operators.NUMBERED_TAG;
  }

  /**
   * Returns the operator that replaces every letter and digit with {@code maskChar}, keeping the
   * last {@code keepLast} of them (and all separators) as they are: {@code **** **** **** 1111}.
   *
   * @param maskChar the masking char
   * @param keepLast how many trailing letters/digits to keep, {@code >= 0}
   * @return the operator
   */
  static Redactor mask(char maskChar, int keepLast) {
    if (keepLast < 0) {
      throw new IllegalArgumentException("keepLast must be >= 0: " + keepLast);
    }
    return (finding, value, scope) -> Operators.mask(value, maskChar, keepLast);
  }

  /**
   * Returns the operator that writes {@code <TYPE:hex>}, where hex is the first 16 hex digits of
   * HMAC-SHA256 over the value under {@code key}: stable for one key, not reversible, and not
   * guessable without the key.
   *
   * @param key the HMAC key, at least 16 bytes; copied
   * @return the operator
   */
  static Redactor hmac(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < 16) {
      throw new IllegalArgumentException("hmac key must be at least 16 bytes: " + key.length);
    }
    return new Operators.Hmac(key.clone());
  }

  /** Returns {@link #hmac(byte[])} under a random key made for this instance. */
  static Redactor hmacWithRandomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return hmac(key);
  }

  /**
   * Returns the operator that writes the finding's first suggestion with the value's case pattern
   * (all caps, capitalized, lower), or {@code <TYPE>} when it has none. Meant for bias findings.
   */
  static Redactor rewrite() {
    return Operators.REWRITE;
  }

  /**
   * Returns the operator that writes {@code replacement} for every finding.
   *
   * @param replacement the text to write
   * @return the operator
   */
  static Redactor fixed(String replacement) {
    Objects.requireNonNull(replacement, "replacement");
    return (finding, value, scope) -> replacement;
  }

  /**
   * Parses an operator spec as used in policy files: {@code tag}, {@code numbered},
   * {@code mask} / {@code mask:CHAR:KEEP}, {@code rewrite}, {@code hash} (random key) or
   * {@code fixed:TEXT}.
   *
   * @param spec the spec
   * @return the operator
   * @throws IllegalArgumentException naming the spec if it is not one of these
   */
  static Redactor parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    String s = spec.trim();
    if (s.equals("tag")) {
      return typeTag();
    }
    if (s.equals("numbered")) {
      return numberedTag();
    }
    if (s.equals("rewrite")) {
      return rewrite();
    }
    if (s.equals("hash")) {
      return hmacWithRandomKey();
    }
    if (s.startsWith("fixed:")) {
      return fixed(s.substring(6));
    }
    if (s.equals("mask")) {
      return mask('*', 4);
    }
    if (s.startsWith("mask:")) {
      String[] p = s.split(":", -1);
      if (p.length == 3 && p[1].length() == 1) {
        try {
          return mask(p[1].charAt(0), Integer.parseInt(p[2]));
        } catch (NumberFormatException e) {
          // fall through to the error below
        }
      }
      throw new IllegalArgumentException("redaction operator must be mask:CHAR:KEEP, e.g. mask:*:4: " + s);
    }
    throw new IllegalArgumentException(
        "redaction operator must be one of tag, numbered, mask[:CHAR:KEEP], hash, rewrite, fixed:TEXT: " + s);
  }

  /**
   * Per-result redaction state: the numbering of {@link #numberedTag()}. One scope serves one
   * result (or one stream). Not thread-safe.
   */
  final class Scope {
    /** How many values a scope keeps in its arrays; past this it moves them into {@link #numbers}. */
    private static final int SMALL = 16;
    // The first SMALL values, in order of first sight: type, key, number. An answer redacts a few
    // values, so a linear search beats hashing and the three maps a first sight used to create.
    private String[] types;
    private String[] keys;
    private int[] values;
    private int size;
    private java.util.Map<String, java.util.Map<String, Integer>> numbers; // past SMALL values

    /** Creates an empty scope. */
    public Scope() {}

    /**
     * Returns the number for {@code value} within {@code type}, assigning the next one on first
     * sight.
     *
     * @param type the type name
     * @param value the value (compared trimmed, ignoring case)
     * @return the number, from 1
     */
    public int number(String type, CharSequence value) {
      String key = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
      if (numbers != null) {
        java.util.Map<String, Integer> m = numbers.computeIfAbsent(type, k -> new java.util.HashMap<>());
        Integer n = m.get(key);
        if (n == null) {
          n = m.size() + 1;
          m.put(key, n);
        }
        return n;
      }
      int ofType = 0;
      for (int i = 0; i < size; i++) {
        if (types[i].equals(type)) {
          if (keys[i].equals(key)) {
            return values[i];
          }
          ofType++;
        }
      }
      if (size == SMALL) {
        numbers = new java.util.HashMap<>();
        for (int i = 0; i < size; i++) {
          numbers.computeIfAbsent(types[i], k -> new java.util.HashMap<>()).put(keys[i], values[i]);
        }
        types = null;
        keys = null;
        values = null;
        return number(type, key);
      }
      if (types == null || size == types.length) {
        int cap = types == null ? 4 : SMALL;
        types = types == null ? new String[cap] : java.util.Arrays.copyOf(types, cap);
        keys = keys == null ? new String[cap] : java.util.Arrays.copyOf(keys, cap);
        values = values == null ? new int[cap] : java.util.Arrays.copyOf(values, cap);
      }
      types[size] = type;
      keys[size] = key;
      values[size] = ofType + 1;
      size++;
      return ofType + 1;
    }
  }

}
