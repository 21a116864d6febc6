package dev.guardrails.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalyzedTextTest {

  @Test
  void plainAsciiSharesTheOriginal() {
    String s = "Plain text, one space.\nNew line.";
    AnalyzedText t = AnalyzedText.of(s);
    assertSame(s, t.normalized());
    assertTrue(t.isIdentity());
    assertEquals(new Span(6, 10), t.toOriginal(6, 10));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // original (escapes via \\u in Java below) | expected normalized
      "a\u200Bb|ab",
      "\uFF14\uFF11\uFF11\uFF11|4111",
      "\u0661\u0662\u0663|123",
      "p\u0430ypal|paypal",
      "x \t\u00A0 y|x y",
      "\uFB01le|file",
      "caf\u00E9|caf\u00E9",
  })
  void normalizes(String original, String expected) {
    assertEquals(expected, AnalyzedText.of(original).normalized());
  }

  @Test
  void dropsBidiControlsAndCollapsesLineBreaks() {
    assertEquals("evil", AnalyzedText.of("\u202Eevil\u202C").normalized());
    assertEquals("x\ny", AnalyzedText.of("x\r\n\r\ny").normalized());
    assertEquals("x y", AnalyzedText.of("x\u2002\u2002y").normalized());
  }

  @Test
  void offsetsMapBackToTheOriginal() {
    String s = "mail: jo\u200Bhn@ex\uFF41mple.com end";
    AnalyzedText t = AnalyzedText.of(s);
    String n = t.normalized();
    int start = n.indexOf("john");
    int end = n.indexOf(".com") + 4;
    Span sp = t.toOriginal(start, end);
    assertEquals("jo\u200Bhn@ex\uFF41mple.com", s.substring(sp.start(), sp.end()));
  }

  @Test
  void surrogatePairsAndLoneSurrogatesAreHandled() {
    String s = "a\uD83D\uDE00b\uD800c";
    AnalyzedText t = AnalyzedText.of(s);
    assertEquals("a\uD83D\uDE00bc", t.normalized());
    Span emoji = t.toOriginal(1, 3);
    assertEquals(new Span(1, 3), emoji);
    Span c = t.toOriginal(4, 5);
    assertEquals("c", s.substring(c.start(), c.end()));
  }

  @Test
  void analysesAreComputedOnceAndShared() {
    AtomicInteger calls = new AtomicInteger();
    AnalysisKey<Integer> key = AnalysisKey.of("len", t -> {
      calls.incrementAndGet();
      return t.length();
    });
    AnalysisKey<Integer> dependent = AnalysisKey.of("twice", t -> 2 * t.analysis(key));
    AnalyzedText t = AnalyzedText.of("abc");
    assertEquals(6, t.analysis(dependent));
    assertEquals(3, t.analysis(key));
    assertEquals(1, calls.get());
  }

  @Test
  void concurrentRequestsSeeOneResultPerKey() throws Exception {
    // three keys asked in different orders by four threads at once: the first one memoized goes to
    // a single slot, the others to the map; every thread must see the same object per key
    @SuppressWarnings("unchecked")
    AnalysisKey<Object>[] keys = new AnalysisKey[] {
        AnalysisKey.of("a", t -> new Object()), AnalysisKey.of("b", t -> new Object()), AnalysisKey.of("c", t -> new Object())};
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 300; round++) {
        AnalyzedText t = AnalyzedText.of("text " + round);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
        java.util.List<java.util.concurrent.Future<Object[]>> seen = new java.util.ArrayList<>();
        for (int th = 0; th < 4; th++) {
          int offset = th;
          seen.add(pool.submit(() -> {
            start.await();
            Object[] got = new Object[3];
            for (int k = 0; k < 3; k++) {
              int key = (k + offset) % 3;
              got[key] = t.analysis(keys[key]);
            }
            return got;
          }));
        }
        Object[] first = seen.get(0).get();
        for (java.util.concurrent.Future<Object[]> f : seen) {
          Object[] got = f.get();
          for (int k = 0; k < 3; k++) {
            assertSame(first[k], got[k], "key " + k + " round " + round);
            assertSame(first[k], t.analysis(keys[k]));
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void toStringHasNoText() {
    assertEquals("AnalyzedText[length=6, normalizedLength=6]", AnalyzedText.of("secret").toString());
  }

  @Test
  void compactOffsetMapAgreesWithPerCharRanges() {
    java.util.Random rnd = new java.util.Random(7);
    for (int round = 0; round < 2000; round++) {
      int n = rnd.nextInt(60);
      int[] starts = new int[n];
      int[] ends = new int[n];
      OffsetMap.Recorder rec = new OffsetMap.Recorder();
      int pos = 0;
      for (int i = 0; i < n; i++) {
        int kind = rnd.nextInt(6);
        int s = kind == 0 ? pos + 1 + rnd.nextInt(3) : kind == 1 && i > 0 ? starts[i - 1] : pos; // skip, repeat (ligature), continue
        int e = kind == 1 && i > 0 ? ends[i - 1] : s + (kind == 2 ? 2 + rnd.nextInt(4) : 1);
        starts[i] = s;
        ends[i] = e;
        rec.add(s, e);
        pos = Math.max(pos, e);
      }
      int originalLength = pos + rnd.nextInt(3);
      OffsetMap m = rec.build(originalLength);
      assertEquals(n, m.length());
      for (int i = 0; i < n; i++) {
        assertEquals(starts[i], m.sourceStart(i), "round " + round + " start " + i);
        assertEquals(ends[i], m.sourceEnd(i), "round " + round + " end " + i);
      }
      assertEquals(originalLength, m.sourceStart(n));
    }
  }

  @Test
  void cleanTextWithParagraphsStoresOnlyItsCollapsedRuns() {
    String text = "First paragraph.\n\nSecond   one, with    code:\n    x = 1;\n";
    AnalyzedText t = AnalyzedText.of(text);
    assertEquals("First paragraph.\nSecond one, with code:\nx = 1;\n", t.normalized());
    assertEquals(new Span(16, 18), t.offsets().toOriginal(16, 17));
    assertEquals(new Span(18, 24), t.offsets().toOriginal(17, 23));
    assertEquals(new Span(50, 56), t.offsets().toOriginal(t.normalized().indexOf("x = 1;"), t.normalized().indexOf("x = 1;") + 6));
  }

  @Test
  void foldedCharsWithOneToOneOffsetsAreNotIdentity() {
    AnalyzedText t = AnalyzedText.of("p\u0430ypal and \uFF14\uFF12  ok"); // Cyrillic a, full-width digits
    assertEquals("paypal and 42 ok", t.normalized());
    assertTrue(!t.isIdentity(), "the normalized view differs from the original");
    assertEquals(new Span(1, 2), t.toOriginal(1, 2));
  }

  @Test
  void sliceMatchesAFreshAnalysisAwayFromTheCuts() {
    String[] atoms = {"word", " ", "  ", "\n\n", "4 1 1 1 1 1 1 1 1 1", "a\u200Bb", "\uFF14\uFF12", "[at]", "(dot)",
        "&amp;", "**bold**", "\u00A0", ".", ",", "x@y.io", "\uD83D\uDE00", "caf\u00E9"};
    java.util.Random rnd = new java.util.Random(7);
    for (int round = 0; round < 3000; round++) {
      StringBuilder b = new StringBuilder();
      int atomsInText = 1 + rnd.nextInt(30);
      for (int i = 0; i < atomsInText; i++) {
        b.append(atoms[rnd.nextInt(atoms.length)]);
      }
      String text = b.toString();
      AnalyzedText whole = AnalyzedText.of(text);
      int from = rnd.nextInt(text.length() + 1);
      int to = from + rnd.nextInt(text.length() - from + 1);
      AnalyzedText slice = whole.slice(from, to);
      assertEquals(text.substring(from, to), slice.original());
      String n = slice.normalized();
      assertEquals(n.length(), slice.offsets().length());
      // the slice is a run of the whole analysis: same chars, same original chars (shifted)
      int nf = whole.offsets().firstStartingAtOrAfter(from);
      assertEquals(whole.normalized().substring(nf, nf + n.length()), n, "round " + round);
      for (int i = 0; i < n.length(); i++) {
        Span o = slice.toOriginal(i, i + 1);
        Span w = whole.toOriginal(nf + i, nf + i + 1);
        assertEquals(new Span(w.start() - from, w.end() - from), o, "round " + round + " char " + i);
        assertTrue(o.end() <= slice.original().length(), "round " + round + " char " + i);
      }
      // the slice of a plain middle part is exactly a fresh analysis of it
      if (whole.isIdentity()) {
        assertEquals(AnalyzedText.of(text.substring(from, to)).normalized(), n);
      }
    }
  }

  @Test
  void sliceOfTheWholeTextIsTheTextAndBadRangesThrow() {
    AnalyzedText t = AnalyzedText.of("call  me\u200B now");
    assertSame(t, t.slice(0, t.original().length()));
    assertEquals("me now", t.slice(6, t.original().length()).normalized());
    assertEquals(new Span(0, 2), t.slice(6, t.original().length()).toOriginal(0, 2));
    assertEquals(new Span(4, 7), t.slice(6, t.original().length()).toOriginal(3, 6));
    org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> t.slice(3, 2));
    org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> t.slice(0, 99));
  }
}
