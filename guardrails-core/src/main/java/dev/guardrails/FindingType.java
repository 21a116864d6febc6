package dev.guardrails;

import java.util.Objects;

/**
 * What a finding is: a {@link Category} plus a type name such as {@code EMAIL} or
 * {@code GENDERED_TERM}. Written {@code PII/EMAIL} in policies and logs.
 *
 * <p>Type names are upper-case ASCII letters, digits and underscores. Instances are immutable and
 * safe to share between threads.
 *
 * @param category the risk family
 * @param name the type name, e.g. {@code EMAIL}
 */
public record FindingType(Category category, String name) {

  /**
   * Creates a finding type.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is empty or not {@code [A-Z0-9_]+}
   */
  public FindingType {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.length() > 64) {
      throw new IllegalArgumentException("type name must be 1 to 64 characters: length " + name.length());
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        throw new IllegalArgumentException("type name must match [A-Z0-9_]+: " + name);
      }
    }
  }

  /**
   * Returns the finding type for a category and name.
   *
   * @param category the risk family
   * @param name the type name, {@code [A-Z0-9_]+}
   * @return the type
   */
  public static FindingType of(Category category, String name) {
    return new FindingType(category, name);
  }

  /**
   * Parses the {@code CATEGORY/NAME} form used in policies.
   *
   * @param text e.g. {@code PII/EMAIL}
   * @return the type
   * @throws IllegalArgumentException if the text is not of that form or names no category
   */
  public static FindingType parse(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new IllegalArgumentException("finding type must be CATEGORY/NAME: " + text);
    }
    Category category;
    try {
      category = Category.valueOf(text.substring(0, slash).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("finding type must start with a category (PII, SECRET, BIAS, CLAIM, OTHER): " + text);
    }
    return new FindingType(category, text.substring(slash + 1).trim());
  }

  /**
   * Returns true for a finding type of the same category and name. Written out rather than the
   * record's generated one: the engine asks it for every finding of every check (linking, policy
   * look-ups), and this form is a reference compare, an enum compare and a string compare that
   * JIT-compiled callers inline.
   *
   * @param o the other object
   * @return whether it is an equal finding type
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof FindingType && ((FindingType) o).category == category && ((FindingType) o).name.equals(name);
  }

  /**
   * Returns a hash of the category and the name, consistent with {@link #equals}.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return 31 * category.ordinal() + name.hashCode();
  }

  @Override
  public String toString() {
    return category + "/" + name;
  }
}
