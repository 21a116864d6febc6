package dev.guardrails.detectors.pii;

import dev.guardrails.detectors.internal.ScratchArray;
import java.util.Arrays;

/**
 * The pattern scan's working arrays, kept per thread from scan to scan instead of allocated per
 * text: the one-byte-per-char view of the text ({@link PiiPatternDetector#scan}), the digit buffer
 * ({@link Hits#digits}) and the digit-run group arrays ({@link NumericRun}). On short answers they
 * were most of the detector's allocation on a text without findings.
 *
 * <p>Each array reads as fresh within a scan: the digit buffer and the group arrays are cleared at
 * their first use in a scan, and the view's bytes past the text are 0. A scan nested in another on
 * the same thread (a finding sink that checks again) gets a fresh instance. A view or char copy of
 * a text longer than {@link ScratchArray#STRONG} chars is held softly ({@link ScratchArray}), so a
 * long text does not pin megabytes to the thread.
 *
 * <p>Not thread-safe: one instance serves one scan at a time on its thread.
 */
final class ScanScratch {

  /** Zero bytes after the text in the view: eight-byte loads ({@link dev.guardrails.detectors.internal.Swar#load}) at a position inside the text stay in them. */
  static final int PAD = 8;
  static final int MAX_GROUPS = 20;

  private static final ThreadLocal<ScanScratch> LOCAL = ThreadLocal.withInitial(ScanScratch::new);

  /** The view's bytes and, for a non-ASCII text, its chars copied for {@link #view}. */
  private final ScratchArray arrays = new ScratchArray();
  private final int[] digits = new int[64];
  final int[] gs = new int[MAX_GROUPS];
  final int[] ge = new int[MAX_GROUPS];
  final char[] sep = new char[MAX_GROUPS];
  final int[] lens = new int[MAX_GROUPS];
  private Hits hits;
  private NumericRun numeric;
  private boolean busy;
  private boolean digitsUsed;
  private boolean groupsUsed;

  /** This thread's scratch, or a fresh one when a scan on this thread is already using it. */
  static ScanScratch acquire() {
    ScanScratch s = LOCAL.get();
    if (s.busy) {
      s = new ScanScratch();
    }
    s.busy = true;
    s.digitsUsed = false;
    s.groupsUsed = false;
    return s;
  }

  /** An emitter for {@code text}, this thread's reused one. */
  Hits hits(dev.guardrails.text.AnalyzedText text, String id, dev.guardrails.FindingSink out) {
    Hits h = hits == null ? (hits = new Hits(text, id, out)) : hits;
    return h.reuse(text, id, out);
  }

  /** The digit-run scanner for {@code h}'s scan, this thread's reused one. */
  NumericRun numeric(Hits h) {
    return numeric == null ? (numeric = new NumericRun(h, this)) : numeric.reuse(h);
  }

  /** Ends the scan; the arrays may be handed to the thread's next scan. The scanned text is forgotten. */
  void release() {
    busy = false;
    if (hits != null) {
      hits.reuse(null, null, null);
    }
    if (numeric != null) {
      numeric.forget();
    }
  }

  /**
   * The view of {@code s}: bytes {@code [0, s.length())} one per char (chars up to U+00FF as
   * themselves, others as '?', never a word char), then {@link #PAD} zero bytes; callers bound
   * their reads by {@code s.length()}, never by the array's length. {@code ascii} says the text is
   * all ASCII (then its chars are copied as one array copy), else its chars are copied into a
   * kept {@code char[]} and each is read there: a loop of {@code String.charAt} over texts of both
   * string coders (Latin-1 and UTF-16) hit C2's {@code profile_predicate} trap once per JVM (a range
   * check of the UTF-16 branch, hoisted out of the loop, fails for a Latin-1 string) and forced a
   * recompile; a loop over a {@code char[]} has no coder branch.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low byte of each char, exact for ASCII
  byte[] view(String s, boolean ascii) {
    int n = s.length();
    byte[] b = arrays.bytes(n + PAD);
    if (ascii) {
      s.getBytes(0, n, b, 0);
    } else {
      char[] cs = arrays.chars(n);
      s.getChars(0, n, cs, 0);
      for (int i = 0; i < n; i++) {
        char c = cs[i];
        b[i] = (byte) (c <= 0xFF ? c : '?');
      }
    }
    Arrays.fill(b, n, n + PAD, (byte) 0);
    return b;
  }

  /** The digit buffer, cleared at its first use in this scan. */
  int[] digits() {
    if (!digitsUsed) {
      Arrays.fill(digits, 0);
      digitsUsed = true;
    }
    return digits;
  }

  /** Clears the group arrays at their first use in this scan (a fresh {@link NumericRun} sees zeros). */
  void groups() {
    if (!groupsUsed) {
      Arrays.fill(gs, 0);
      Arrays.fill(ge, 0);
      Arrays.fill(sep, (char) 0);
      Arrays.fill(lens, 0);
      groupsUsed = true;
    }
  }
}
