package dev.guardrails.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.GuardListener;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuardedStreamTest {

  private final Guardrail guard = TestDetectors.windowed();

  @Test
  void piiSplitAcrossChunkBoundariesNeverLeaks() {
    String email = "ann.lee@example.com";
    String card = "4111 1111 1111 1111";
    String text = "Contact " + email + " or pay with " + card + ". Again: " + email + ", bye.";
    GuardResult whole = guard.check(text);
    assertTrue(whole.safeText().contains("<EMAIL_1>") && whole.safeText().contains("<CREDIT_CARD_1>"), whole.safeText());
    // every split point of every 2- and 3-chunk division, plus 1-char chunks
    List<List<String>> splits = new ArrayList<>();
    for (int i = 1; i < text.length(); i++) {
      splits.add(List.of(text.substring(0, i), text.substring(i)));
      for (int j = i + 1; j < text.length(); j += 7) {
        splits.add(List.of(text.substring(0, i), text.substring(i, j), text.substring(j)));
      }
    }
    List<String> ones = new ArrayList<>();
    for (char c : text.toCharArray()) {
      ones.add(String.valueOf(c));
    }
    splits.add(ones);
    for (List<String> chunks : splits) {
      for (int maxHold : new int[] {86, 1024}) {
        GuardedStream s = GuardedStream.open(guard, CheckContext.empty(), StreamOptions.builder().maxHoldChars(maxHold).build());
        StringBuilder shown = new StringBuilder();
        for (String c : chunks) {
          shown.append(s.accept(c));
          assertNoRawValue(shown, email, card);
        }
        shown.append(s.complete().rest());
        assertNoRawValue(shown, email, card);
        assertEquals(whole.safeText(), shown.toString());
      }
    }
  }

  private static void assertNoRawValue(CharSequence shown, String... values) {
    String s = shown.toString();
    for (String v : values) {
      // no fragment of 4+ chars of a redacted value may appear (the text's other words are shorter or differ)
      for (int i = 0; i + 6 <= v.length(); i++) {
        assertFalse(s.contains(v.substring(i, i + 6)), "fragment of a redacted value emitted at " + i);
      }
    }
  }

  @Test
  void cleanFiveKilobyteAnswerInOneTokenChunksIsNeverHeldPastTheMaximum() {
    String[] words = {"the", "model", "answers", "questions", "about", "rivers,", "and", "mountains.", "It", "is", "clear", "today"};
    Random rnd = new Random(7);
    StringBuilder b = new StringBuilder();
    List<String> tokens = new ArrayList<>();
    while (b.length() < 5 * 1024) {
      String tok = (tokens.isEmpty() ? "" : " ") + words[rnd.nextInt(words.length)];
      tokens.add(tok);
      b.append(tok);
    }
    for (int maxHold : new int[] {128, 256, 1024}) {
      GuardedStream s = GuardedStream.open(guard, CheckContext.empty(), StreamOptions.builder().maxHoldChars(maxHold).build());
      int worst = 0;
      int firstEmitAt = -1;
      int received = 0;
      StringBuilder shown = new StringBuilder();
      for (String t : tokens) {
        received += t.length();
        String out = s.accept(t);
        if (!out.isEmpty() && firstEmitAt < 0) {
          firstEmitAt = received;
        }
        shown.append(out);
        worst = Math.max(worst, s.pendingChars());
        assertEquals(received - shown.length(), s.pendingChars());
      }
      shown.append(s.complete().rest());
      System.out.printf("clean %d chars in %d tokens, maxHold=%d: worst hold-back %d chars, holdback %d, first emission after %d chars, %d scans%n",
          b.length(), tokens.size(), maxHold, worst, s.holdback(), firstEmitAt, s.scans());
      assertTrue(worst <= maxHold, "held back " + worst + " > " + maxHold);
      assertEquals(b.toString(), shown.toString());
    }
  }

  @Test
  void timeLimitReleasesTextBeforeTheCharLimit() throws InterruptedException {
    GuardedStream s = GuardedStream.open(guard, CheckContext.empty(),
        StreamOptions.builder().maxHoldChars(1024).maxHoldTime(Duration.ofMillis(20)).build());
    String text = "a calm sentence about rivers that goes on for a while, longer than the window of sixty-four. ";
    assertEquals("", s.accept(text));
    Thread.sleep(30);
    String out = s.accept("more");
    assertFalse(out.isEmpty(), "time limit should release text");
    assertTrue(s.pendingChars() <= s.holdback() + 4);
  }

  @Test
  void blockStopsEmissionAndReportsWhatWasShown() {
    Guardrail g = TestDetectors.full();
    GuardedStream s = GuardedStream.open(g, CheckContext.empty(), StreamOptions.builder().maxHoldChars(300).build());
    StringBuilder shown = new StringBuilder();
    String clean = "Rivers run to the sea and that is how it works. ".repeat(10);
    for (char c : clean.toCharArray()) {
      shown.append(s.accept(String.valueOf(c)));
    }
    assertFalse(shown.length() == 0, "clean text before the block is emitted");
    for (char c : ("the launch code is 12345. " + clean).toCharArray()) {
      shown.append(s.accept(String.valueOf(c)));
    }
    assertTrue(s.isBlocked());
    assertEquals("", s.accept("anything"));
    GuardedStream.Completion done = s.complete();
    assertEquals(Verdict.BLOCK, done.result().verdict());
    assertEquals("[blocked]", done.result().safeText());
    assertEquals("", done.rest());
    assertEquals(shown.toString(), done.shown());
    assertFalse(done.shown().contains("launch"));
  }

  @Test
  void lifecycleMisuseSaysHowToFix() {
    GuardedStream s = GuardedStream.open(guard, CheckContext.empty());
    s.accept("hello");
    s.complete();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.accept("x"));
    assertTrue(e.getMessage().startsWith("accept() after complete(); open a new stream"), e.getMessage());
    assertThrows(IllegalStateException.class, s::complete);
    GuardedStream c = GuardedStream.open(guard, CheckContext.empty());
    c.cancel();
    c.cancel();
    IllegalStateException e2 = assertThrows(IllegalStateException.class, () -> c.accept("x"));
    assertTrue(e2.getMessage().contains("after cancel(); open a new stream"));
    assertThrows(NullPointerException.class, () -> GuardedStream.open(guard, CheckContext.empty()).accept(null));
  }

  @Test
  void listenerGetsOneEventForTheWholeAnswer() {
    AtomicInteger events = new AtomicInteger();
    List<String> audits = new ArrayList<>();
    Guardrail g = Guardrail.builder().detector(TestDetectors.EMAIL_LIKE).policy(TestDetectors.policy())
        .listener(new GuardListener() {
          @Override
          public void checkCompleted(CheckEvent event) {
            events.incrementAndGet();
            audits.add(event.redactedText());
          }
        }).build();
    GuardedStream s = GuardedStream.open(g, CheckContext.empty(), StreamOptions.builder().maxHoldChars(90).build());
    String text = "write to ann@example.com today. ".repeat(20);
    for (int i = 0; i < text.length(); i += 3) {
      s.accept(text.substring(i, Math.min(text.length(), i + 3)));
    }
    GuardedStream.Completion done = s.complete();
    assertTrue(s.scans() > 3);
    assertEquals(1, events.get());
    assertFalse(audits.get(0).contains("ann@"));
    assertEquals(20, done.result().findings().size());
    assertEquals(g.check(text).safeText(), done.shown());
    assertEquals(g.check(text).decisions(), done.result().decisions());
  }

  @Test
  void numberedTagsStayConsistentAcrossTheStream() {
    String text = ("mail bob@x.io and ann@y.io; again bob@x.io. ").repeat(12);
    GuardedStream s = GuardedStream.open(guard, CheckContext.empty(), StreamOptions.builder().maxHoldChars(86).build());
    StringBuilder shown = new StringBuilder();
    for (char c : text.toCharArray()) {
      shown.append(s.accept(String.valueOf(c)));
    }
    shown.append(s.complete().rest());
    assertEquals(guard.check(text).safeText(), shown.toString());
    assertTrue(shown.toString().startsWith("mail <EMAIL_1> and <EMAIL_2>; again <EMAIL_1>."), shown.toString());
    assertFalse(shown.toString().contains("<EMAIL_3>"));
  }

  /** A detector that spends at least {@code PAUSE_NANOS} per call (busy wait) and counts its calls. */
  private static class Slow implements dev.guardrails.Detector {
    static final long PAUSE_NANOS = 200_000;
    final String id;
    final int window;
    final boolean sentences;
    final AtomicInteger calls = new AtomicInteger();

    Slow(String id, int window, boolean sentences) {
      this.id = id;
      this.window = window;
      this.sentences = sentences;
    }

    @Override
    public boolean sentenceScoped() {
      return sentences;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public java.util.Set<dev.guardrails.FindingType> types() {
      return java.util.Set.of();
    }

    @Override
    public int window() {
      return window;
    }

    @Override
    public void detect(dev.guardrails.text.AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
      calls.incrementAndGet();
      long until = System.nanoTime() + PAUSE_NANOS;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    }
  }

  @Test
  void resultTimingsSumEveryScanOfEachDetectorInScanOrder() {
    Slow wide = new Slow("t.wide", 200, false);
    Slow narrow = new Slow("t.narrow", 200, true); // sentence-scoped: a group of its own, scanned first
    Guardrail g = Guardrail.builder().detector(wide).detector(narrow).build();
    GuardedStream s = GuardedStream.open(g, CheckContext.empty(), StreamOptions.builder().maxHoldChars(300).build());
    String text = "plain words and more plain words. ".repeat(60);
    for (int i = 0; i < text.length(); i += 5) {
      s.accept(text.substring(i, Math.min(text.length(), i + 5)));
    }
    GuardResult r = s.complete().result();
    assertTrue(wide.calls.get() >= 3 && narrow.calls.get() >= 3, wide.calls + " / " + narrow.calls + " calls");
    assertEquals(List.of("t.narrow", "t.wide"), List.copyOf(r.timings().keySet()));
    // at least the pause of every call: a total of one scan only (the last, or the first) falls short
    assertTrue(r.timings().get("t.wide").toNanos() >= wide.calls.get() * Slow.PAUSE_NANOS, r.timings().toString());
    assertTrue(r.timings().get("t.narrow").toNanos() >= narrow.calls.get() * Slow.PAUSE_NANOS, r.timings().toString());
  }

  @Test
  void windowedDetectorsOfDifferentWindowsShareOneAnalysisPerScan() {
    AtomicInteger computed = new AtomicInteger();
    dev.guardrails.text.AnalysisKey<Integer> shared = dev.guardrails.text.AnalysisKey.of("test.shared", t -> {
      computed.incrementAndGet();
      return t.length();
    });
    class Reader extends Slow {
      Reader(String id, int window) {
        super(id, window, false);
      }

      @Override
      public void detect(dev.guardrails.text.AnalyzedText text, CheckContext ctx, dev.guardrails.FindingSink out) {
        calls.incrementAndGet();
        text.analysis(shared);
      }
    }
    Reader narrow = new Reader("t.narrow", 20);
    Reader wide = new Reader("t.wide", 1000);
    Guardrail g = Guardrail.builder().detector(narrow).detector(wide).build();
    GuardedStream s = GuardedStream.open(g, CheckContext.empty(), StreamOptions.builder().maxHoldChars(300).build());
    String text = "plain words and more plain words. ".repeat(60);
    for (int i = 0; i < text.length(); i += 5) {
      s.accept(text.substring(i, Math.min(text.length(), i + 5)));
    }
    s.complete();
    assertTrue(s.scans() >= 3, s.scans() + " scans");
    assertEquals(s.scans(), wide.calls.get());
    assertEquals(s.scans(), narrow.calls.get());
    assertEquals(s.scans(), computed.get(), "one computation per scan, shared by both detectors");
  }
}
