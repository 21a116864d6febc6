package dev.guardrails.reliability;

import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.Finding;
import dev.guardrails.GuardResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns fuzzer bytes into checked text and contexts, and holds the invariants every fuzz target
 * asserts. Shared through guardrails-core's test-jar with the detectors module's fuzz tests.
 *
 * <p>Bytes decode as UTF-8 (malformed sequences become U+FFFD), except that a first byte of 0x00
 * makes the rest raw UTF-16LE code units, so lone and reversed surrogates reach the library. Seed
 * files are therefore plain UTF-8 text. A U+001E (record separator) splits the answer from an
 * optional source, user value and prompt. Stateless.
 */
public final class FuzzInput {

  /** Separates the answer, source, user value and prompt in one fuzz input. */
  public static final char SEPARATOR = '\u001E';

  /** Fixed part of the time bound of one check, in ms; generous for GC pauses on a busy box. */
  public static final long BASE_MILLIS = 2_000;

  /** Per-KB part of the time bound of one check, in ms. */
  public static final long MILLIS_PER_KB = 200;

  private FuzzInput() {}

  /**
   * Decodes fuzzer bytes into a string.
   *
   * @param data the bytes
   * @return the string, possibly with lone surrogates
   */
  public static String text(byte[] data) {
    if (data.length > 0 && data[0] == 0) {
      char[] cs = new char[(data.length - 1) / 2];
      for (int i = 0; i < cs.length; i++) {
        cs[i] = (char) ((data[1 + 2 * i] & 0xFF) | ((data[2 + 2 * i] & 0xFF) << 8));
      }
      return new String(cs);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(data)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Returns the answer part of an input (before the first separator).
   *
   * @param input the decoded input
   * @return the answer
   */
  public static String answer(String input) {
    int sep = input.indexOf(SEPARATOR);
    return sep < 0 ? input : input.substring(0, sep);
  }

  /**
   * Builds a context from the parts after the answer: source, user value, prompt.
   *
   * @param input the decoded input
   * @return the context (empty when the input has no separator)
   */
  public static CheckContext context(String input) {
    String[] parts = input.split(String.valueOf(SEPARATOR), 5);
    if (parts.length < 2) {
      return CheckContext.empty();
    }
    CheckContext.Builder b = CheckContext.builder().source("s1", parts[1]);
    if (parts.length > 2) {
      b.userValue(parts[2]);
    }
    if (parts.length > 3) {
      b.prompt(parts[3]);
    }
    return b.build();
  }

  /**
   * Returns the time bound for checking a text of this length.
   *
   * @param length the length in chars
   * @return the bound in nanoseconds
   */
  public static long boundNanos(int length) {
    return (BASE_MILLIS + MILLIS_PER_KB * (length / 1024 + 1)) * 1_000_000L;
  }

  /**
   * Asserts that every finding of a result lies inside the checked text and the safe text is set.
   *
   * @param text the checked text
   * @param r the result
   */
  public static void assertWellFormed(String text, GuardResult r) {
    if (r.textLength() != text.length()) {
      throw new AssertionError("textLength " + r.textLength() + " != " + text.length());
    }
    if (r.safeText() == null) {
      throw new AssertionError("null safe text");
    }
    for (Decision d : r.decisions()) {
      assertInside(text, d.finding());
    }
  }

  /**
   * Asserts that a finding's span lies inside the text and is not empty.
   *
   * @param text the text
   * @param f the finding
   */
  public static void assertInside(String text, Finding f) {
    if (f.start() < 0 || f.end() > text.length() || f.start() >= f.end()) {
      throw new AssertionError("span " + f.span() + " outside text of length " + text.length()
          + " from " + f.detector());
    }
  }

  /**
   * Asserts two results of the same input are equal in everything but timings.
   *
   * @param a the first result
   * @param b the second result
   */
  public static void assertSame(GuardResult a, GuardResult b) {
    if (a.verdict() != b.verdict() || !a.decisions().equals(b.decisions())
        || !a.safeText().equals(b.safeText()) || !a.errors().equals(b.errors())) {
      throw new AssertionError("non-deterministic result: " + a + " vs " + b);
    }
  }

  /**
   * Asserts the findings of two runs are equal.
   *
   * @param a the first run
   * @param b the second run
   */
  public static void assertSameFindings(List<Finding> a, List<Finding> b) {
    if (!a.equals(b)) {
      throw new AssertionError("non-deterministic findings: " + a.size() + " vs " + b.size());
    }
  }
}
