package dev.guardrails.testing;

import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.Finding;
import dev.guardrails.GuardResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import dev.guardrails.Guardrail;
import dev.guardrails.stream.GuardedStream;
import java.util.List;
import java.util.function.Supplier;

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
   * Warms a guardrail up before any timed assertion: checks the text (which should trigger every
   * lazily loaded model, lexicon and analysis of the pipeline) with and without the context, and
   * streams it in small chunks, a few rounds so the JIT has seen the hot paths. Cold loading then
   * never counts against the per-check time bound.
   *
   * @param guard the guardrail under test
   * @param text a text that exercises every detector
   * @param ctx a context with a source, a user value and a prompt
   */
  public static void warmUp(Guardrail guard, String text, CheckContext ctx) {
    for (int round = 0; round < 3; round++) {
      guard.check(text, ctx);
      guard.check(text, CheckContext.empty());
      GuardedStream s = GuardedStream.open(guard, ctx);
      for (int i = 0; i < text.length(); i += 7) {
        s.accept(text.substring(i, Math.min(text.length(), i + 7)));
      }
      s.complete();
    }
  }

  /**
   * Runs an action under the time bound for {@code length} chars. On an overrun the action runs
   * once more and only a second overrun fails: a GC pause or a neighbour's build on a shared box
   * does not repeat, a super-linear input does. The bound itself is not loosened.
   *
   * @param what what is timed, for the failure message (no input text)
   * @param length the input length in chars
   * @param action the action
   * @param <T> the result type
   * @return the first run's result
   */
  public static <T> T timed(String what, int length, Supplier<T> action) {
    long bound = boundNanos(length);
    long t0 = System.nanoTime();
    T result = action.get();
    long first = System.nanoTime() - t0;
    if (first > bound) {
      long t1 = System.nanoTime();
      action.get();
      long second = System.nanoTime() - t1;
      if (second > bound) {
        throw new AssertionError(what + " of " + length + " chars took " + first / 1_000_000 + " ms, then "
            + second / 1_000_000 + " ms (bound " + bound / 1_000_000 + " ms)");
      }
    }
    return result;
  }

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
