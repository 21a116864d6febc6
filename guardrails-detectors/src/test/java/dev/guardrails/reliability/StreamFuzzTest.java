package dev.guardrails.reliability;

import dev.guardrails.testing.FuzzInput;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.stream.GuardedStream;

/**
 * Fuzz target over the stream API ({@link GuardedStream#open(Guardrail, CheckContext)})
 * on the default pipeline, with a fuzzed answer, context and chunking: no exception escapes, the
 * concatenation of everything emitted equals {@code check(text, ctx).safeText()} and every emitted
 * piece continues a prefix of it, decisions and verdict match the whole check, spans lie inside the
 * text, and the whole stream stays within the time bound for the chars it scanned.
 *
 * <p>Chunking: chunk {@code i} is {@code (b & 0x3F) + 1} chars long, where {@code b} is input byte
 * {@code i} (cycling); a byte with bit 0x40 set makes a one-char chunk and 0x7F an empty one, so
 * the fuzzer steers splits into values, surrogate pairs and separators. In the normal build Jazzer
 * replays {@code StreamFuzzTestInputs/stream/}; with {@code JAZZER_FUZZ=1} it fuzzes (see
 * docs/reliability.md).
 */
class StreamFuzzTest {

  private static final Guardrail GUARD = Guardrail.builder().discoverDetectors().build();

  static {
    PipelineWarmUp.warmUp(GUARD);
  }

  @FuzzTest(maxDuration = "10m")
  void stream(byte[] data) {
    String input = FuzzInput.text(data);
    String text = FuzzInput.answer(input);
    CheckContext ctx = FuzzInput.context(input);
    GuardResult whole = GUARD.check(text, ctx);

    long t0 = System.nanoTime();
    Run run = stream(text, ctx, data, whole);
    long took = System.nanoTime() - t0;
    long bound = FuzzInput.boundNanos((int) Math.min(Integer.MAX_VALUE, text.length() + run.scanned));
    if (took > bound) { // re-measure once: a GC pause does not repeat, a super-linear input does
      long t1 = System.nanoTime();
      stream(text, ctx, data, whole);
      long again = System.nanoTime() - t1;
      if (again > bound) {
        throw new AssertionError("stream of " + text.length() + " chars (" + run.scanned + " scanned) took "
            + took / 1_000_000 + " ms, then " + again / 1_000_000 + " ms");
      }
    }

    GuardResult r = run.done.result();
    if (r.verdict() != whole.verdict()) {
      throw new AssertionError("stream verdict " + r.verdict() + " != check verdict " + whole.verdict());
    }
    if (r.textLength() != text.length()) {
      throw new AssertionError("stream textLength " + r.textLength() + " != " + text.length());
    }
    for (Decision d : r.decisions()) {
      FuzzInput.assertInside(text, d.finding());
    }
    if (!r.errors().isEmpty()) {
      throw new AssertionError("detector errors while streaming: " + r.errors());
    }
    if (whole.blocked()) {
      if (!run.blocked) {
        throw new AssertionError("check blocks but the stream did not");
      }
      return;
    }
    if (!run.shown.equals(whole.safeText())) {
      throw new AssertionError("stream emitted " + run.shown.length() + " chars, check's safe text has "
          + whole.safeText().length() + "; first difference at " + firstDifference(run.shown, whole.safeText()));
    }
    if (!r.decisions().equals(whole.decisions())) {
      throw new AssertionError("stream decisions (" + r.decisions().size() + ") differ from check's ("
          + whole.decisions().size() + "): " + describe(r.decisions()) + " vs " + describe(whole.decisions()));
    }
  }

  private record Run(GuardedStream.Completion done, String shown, boolean blocked, long scanned) {}

  private static Run stream(String text, CheckContext ctx, byte[] data, GuardResult whole) {
    GuardedStream s = GuardedStream.open(GUARD, ctx);
    StringBuilder shown = new StringBuilder();
    String expected = whole.blocked() ? null : whole.safeText();
    int pos = 0;
    for (int i = 0; pos < text.length(); i++) {
      int len = chunkLength(data, i);
      int end = Math.min(text.length(), pos + len);
      String piece = s.accept(text.substring(pos, end));
      pos = end;
      if (expected != null && !piece.isEmpty() && !expected.startsWith(piece, shown.length())) {
        throw new AssertionError("piece emitted at " + shown.length() + " (" + piece.length()
            + " chars) is not the safe text there");
      }
      shown.append(piece);
    }
    GuardedStream.Completion done = s.complete();
    shown.append(done.rest());
    if (!done.shown().contentEquals(shown)) {
      throw new AssertionError("Completion.shown() differs from what accept/complete returned");
    }
    return new Run(done, shown.toString(), s.isBlocked(), s.scannedChars());
  }

  /** Chunk length from fuzz byte {@code i} (cycling); 0 for an empty chunk. */
  static int chunkLength(byte[] data, int i) {
    if (data.length == 0) {
      return 1;
    }
    int b = data[i % data.length] & 0xFF;
    if ((b & 0x7F) == 0x7F) {
      return i % 4 == 0 ? 1 : 0; // an empty chunk, but never loop forever on all-0x7F input
    }
    if ((b & 0x40) != 0) {
      return 1;
    }
    return (b & 0x3F) + 1;
  }

  /** Detector, type, span, score and action of each decision: no checked text. */
  private static String describe(java.util.List<Decision> ds) {
    StringBuilder b = new StringBuilder("[");
    for (Decision d : ds) {
      b.append(d.finding().detector()).append(' ').append(d.finding().type()).append(' ').append(d.finding().span())
          .append(' ').append(d.finding().score()).append(' ').append(d.action()).append("; ");
    }
    return b.append(']').toString();
  }

  private static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return n;
  }
}
