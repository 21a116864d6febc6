package dev.guardrails.spring.boot;

/**
 * A {@code guardrails.*} property has a bad value; the message names the property, the value
 * (never checked text) and how to fix it. Fails application startup.
 */
public final class GuardrailsConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and how to fix it
   * @param cause the underlying error, or null
   */
  public GuardrailsConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
