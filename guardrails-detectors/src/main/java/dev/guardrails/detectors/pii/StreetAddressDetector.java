package dev.guardrails.detectors.pii;

import dev.guardrails.detectors.internal.ScratchArray;
import dev.guardrails.detectors.internal.Swar;
import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.text.Span;
import dev.guardrails.text.AnalysisKey;
import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.util.Set;

/**
 * Finds street addresses with one linear pass over the normalized text and bounded look-ahead at
 * each token. An address starts at one of these anchors:
 *
 * <ul>
 *   <li>house number + name words + street suffix: {@code 217 Lovers Lane}, {@code 12 High St.};
 *   <li>street-type word before the name, with a number: {@code Via Roma 131}, {@code 33 avenue de
 *       Provence}, {@code ul. Cicha 86};
 *   <li>street name then house number, when the name ends like a street ({@code Parijsstraat 8},
 *       {@code Rákóczi út 13}) or an address cue precedes it ("lives at", "address is");
 *   <li>number + capitalized words + number ({@code 91215 Harjukuja 54});
 *   <li>post boxes and military addresses: {@code P.O. Box 211}, {@code PSC 9009, Box 9725},
 *       {@code USS Mahler} followed by {@code FPO AA 70489};
 *   <li>{@code the corner of X and Y}.
 * </ul>
 *
 * <p>It then extends over a bounded number of trailing parts: unit ({@code Apt. 5}, {@code Suite
 * 104}, {@code Flat 5}, {@code #12}), city lines, state abbreviation, ZIP (5 or 5+4) or other
 * postal code, and back over a leading number or unit ({@code Flat 5, 12 High Street}). A street name
 * without any number ("Main Street") is not reported, except in "the corner of".
 *
 * <p>Reports {@code PII/STREET_ADDRESS}. Stateless and thread-safe.
 */
public final class StreetAddressDetector implements Detector {

  /** The type this detector reports. */
  public static final FindingType STREET_ADDRESS = FindingType.of(Category.PII, "STREET_ADDRESS");

  private static final int MAX_WORDS = 4;
  private static final int MAX_PARTS = 10;
  private static final int MAX_LEN = 200;

  /** Creates the detector; used by {@link java.util.ServiceLoader}. */
  public StreetAddressDetector() {}

  @Override
  public String id() {
    return "pii.address";
  }

  @Override
  public Set<FindingType> types() {
    return Set.of(STREET_ADDRESS);
  }

  @Override
  public int window() {
    return MAX_LEN + 40;
  }

  /**
   * Address spans over the normalized text, as {@code [start0, end0, strong0, start1, ...]} (strong is
   * 1 when a unit, state or postal code was found): shared through the text's analysis memo so that
   * {@link PersonDetector} can skip names that are part of an address.
   */
  static final AnalysisKey<int[]> SPANS = AnalysisKey.of("pii.address.spans", StreetAddressDetector::scan);

  /**
   * {@link #scan(String, boolean)} over the normalized view. A short text is asked its char classes
   * (known from normalizing for most texts), and so is a long one the normalizer left as it was
   * (its classes came out of the normalizer's pass): an ASCII one then gets its view by one array
   * copy instead of the encoder. A long text the normalizer rewrote is not asked, as it may get
   * them by one more pass over it, which costs more than the view's encoder saves.
   */
  private static int[] scan(AnalyzedText t) {
    String s = t.normalized();
    return scan(s, (s.length() < Latin1View.MIN || s == t.original()) && !t.contains(CharClass.NON_ASCII));
  }

  private static final int[] NONE = new int[0];

  @Override
  public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
    int[] spans = text.analysis(SPANS);
    for (int j = 0; j < spans.length; j += 3) {
      Span span = text.toOriginal(spans[j], spans[j + 1]);
      double score = spans[j + 2] > 0 ? 0.85 : 0.7;
      out.accept(Finding.of(id(), STREET_ADDRESS, span.start(), span.end(), score, "street address"));
    }
  }

  /**
   * Address spans in {@code s}, number by number. Every anchor but "corner of" and a ship's name
   * before FPO/APO/DPO reads through to a number (a house or box number) over letters, inner hyphens
   * and apostrophes, and at most five runs of spaces, tabs, dots and '#' ({@link #WINDOW_RUNS}). So
   * the scan goes from number to number ({@link #nextDigit}, one forward pass) and, at each, back to
   * the first word that can reach it; the words from there and the number are then met as the word
   * loop ({@link #scanWords}) meets them. Words no number is within reach of are passed over
   * untested (the word loop asks them only about the two digit-free anchors). A number that is no
   * house number (a phone, a card, a dated "2024-01-15") is passed over with no word tested, and
   * one that no word's anchor can read through to (no space, tab, dot or '#' before it, or
   * {@link #noWordAnchor}) has only its own anchor tested, with no walk back. From the first
   * "corner" or word FPO/APO/DPO on (rare in text), the word loop takes over.
   */
  static int[] scan(String s) {
    return scan(s, false);
  }

  /**
   * {@link #scan(String)}; {@code ascii} says {@code s} holds no char of U+0080 or above (from the
   * text's char classes), so that a short text gets the one-byte view too, made by one array copy
   * (a long one always gets it, {@link Latin1View#of}).
   */
  static int[] scan(String s, boolean ascii) {
    int n = s.length();
    byte[] v = ascii ? Latin1View.ofAscii(s) : n < Latin1View.MIN ? shortView(s, n) : Latin1View.of(s);
    int[] found = NONE;
    int count = 0;
    int floor = 0; // never extend left over a previous address
    int i = 0;
    while (true) {
      int d = nextDigit(s, v, i, n);
      if (d >= n) {
        break;
      }
      if (d < 0) {
        // "corner" or a word FPO/APO/DPO ahead: the word loop from here, where it would stand too
        return scanWords(s, v, i, floor, found, count);
      }
      // every anchor that reads through to this number needs it to be a house number, and every
      // anchor of a word before it a space, tab, '#' or dot right before it: without those, the
      // words before it are not tested (none can match), nor the number itself without the first
      int ne = AddressScan.tokenEnd(s, d, n);
      boolean start = d == 0 || !wordChar(s, v, d - 1); // the number starts a word the loop would meet
      if (!AddressScan.houseNumber(s, d, ne)) {
        i = start ? ne : d + 1; // where the word loop would stand after it
        continue;
      }
      if (d == i || !run(s.charAt(d - 1)) || noWordAnchor(s, i, d)) {
        int end = start ? anchor(s, d, ne, n, NEAR) : -1;
        if (end < 0) {
          i = start ? ne : d + 1;
          continue;
        }
        found = add(s, d, end, n, floor, found, count);
        floor = i = found[count + 1];
        count += 3;
        continue;
      }
      // back from the number to the first word that may reach it, counting runs of spaces, tabs,
      // dots and '#': a word with more than WINDOW_RUNS of them (or any other char but a letter, a
      // hyphen or an apostrophe) before the number cannot read through to it; one with more than
      // NAMED_RUNS can only start a post box or a street-type word before the name
      int p = d;
      int runs = 0;
      int near = -1;
      while (p > i) {
        int c = v != null ? v[p - 1] : s.charAt(p - 1); // a view byte from 0x80 up reads as negative
        if (c < 0) {
          c = s.charAt(p - 1);
        }
        if (c < 128) {
          byte k = SKIP[c];
          if (k < 0) {
            break;
          }
          if (c == '.' && sentenceDot(s, p - 1)) {
            break; // no read passes a dot after five letters: the word loop stands just after it
          }
          if (k == 0 && c != '-' && c != '\'' && !run(s.charAt(p))) { // the right end of a run (s[d] is a digit)
            runs++;
            if (runs == NAMED_RUNS + 1) {
              near = p; // just after the run: words from here have at most NAMED_RUNS runs ahead
            }
            if (runs > WINDOW_RUNS) {
              break; // p is just after a run: the word loop stands here between words
            }
          }
        } else if (!Chars.letter((char) c)) {
          break;
        }
        p--;
      }
      if (near < 0) {
        near = p;
      }
      // the word loop from p up to and over the number: p is a place it stands at (the text's start,
      // the end of the last address or number, or just after a char no word holds)
      i = p;
      for (int past = d + 1; i < past; ) {
        if (!wordChar(s, v, i) || (i > 0 && wordChar(s, v, i - 1))) {
          i++;
          continue;
        }
        int te = AddressScan.tokenEnd(s, i, n);
        int end = anchor(s, i, te, n, i < near ? FAR : NEAR);
        if (end < 0) {
          i = te;
          continue;
        }
        found = add(s, i, end, n, floor, found, count);
        floor = i = found[count + 1];
        count += 3;
      }
    }
    return count == found.length ? found : java.util.Arrays.copyOf(found, count);
  }

  /**
   * Whether no word in {@code [i, d)} can start an anchor that reads through to the house number at
   * {@code d} (a space, tab, dot or '#' before it): a necessary condition of every such anchor
   * fails. Each reads over tokens separated by those chars to the number, and the last token
   * before it is the anchor's word or one its read passed: capitalized or a street-type word after
   * the name ({@link #namedNumber}), capitalized or a lower-case particle of up to three letters
   * ({@link #prefixed}, after a capitalized word), "Box", "PSC", "CMR" or "Unit" ({@link
   * #postBox}); "corner" is no such word here, as {@link #nextDigit} stops before it. So the
   * answer is yes when the token before the number is lower case, longer than three letters and
   * none of those words ("founded 1977" is not, "approximately 20" is), or when it is a chain of
   * particles (not "box", "psc", "cmr" nor a street-type word at the end) that starts after
   * such a word, a char no token ends with, or {@code i} ("in 1977", "at 6750" after "lives").
   * Tokens are read back as ASCII letters after an ASCII char that is neither a letter, a digit,
   * a hyphen nor an apostrophe (as {@link AddressScan#tokenEnd} would split them); anything else
   * answers no, and the words are then tested.
   */
  private static boolean noWordAnchor(String s, int i, int d) {
    int k = d;
    for (int t = 0; t <= MAX_WORDS + 1; t++) {
      while (k > i && run(s.charAt(k - 1))) {
        k--;
      }
      if (k == i) {
        return true; // no token between i and the particles (or the number)
      }
      char c = s.charAt(k - 1);
      if (!Chars.letter(c)) {
        return true; // no token ends here: a read through to the number starts after it
      }
      if (c >= 128) {
        return false;
      }
      int ws = k - 1;
      while (ws > i && s.charAt(ws - 1) < 128 && Chars.letter(s.charAt(ws - 1))) {
        ws--;
      }
      if (ws == i) {
        return false;
      }
      char b = s.charAt(ws - 1);
      if (b >= 128 || b == '-' || b == '\'' || Chars.letterOrDigit(b) || k - ws >= 39 || !Chars.lower(s.charAt(ws))) {
        return false;
      }
      int len = k - ws;
      if (t == 0) {
        if (AddressLexicons.SEPARATE_SUFFIX.contains(s, ws, k) || AddressScan.is(s, ws, k, "unit")
            || AddressScan.is(s, ws, k, "box") || AddressScan.is(s, ws, k, "psc") || AddressScan.is(s, ws, k, "cmr")) {
          return false;
        }
      }
      if (len > 3) {
        return true; // a lower-case word no read passes over, and no anchor's word
      }
      k = ws; // a particle: what comes before it decides
    }
    return false;
  }

  /** A thread's arrays for {@link #shortView}. */
  private static final ThreadLocal<ScratchArray> SHORT_VIEW = ThreadLocal.withInitial(ScratchArray::new);

  /**
   * A one-byte-per-char view of {@code s}, a text of {@code n < Latin1View.MIN} chars some of which
   * may be U+0080 or above (which {@link Latin1View} gives no view): byte {@code i} is char {@code
   * i} when ASCII and 0x80 otherwise, so every reader tells such a byte by its char, as for a
   * {@link Latin1View}; then eight zero bytes. Without it the pass to the next digit and the walks
   * ran a char at a time through {@code String.charAt} on these texts (a UTF-16 string: a char
   * read of two bytes), calling {@link #rareAt} at every 'o' and 'n'. This thread's arrays,
   * overwritten by the next call.
   */
  private static byte[] shortView(String s, int n) {
    ScratchArray a = SHORT_VIEW.get();
    char[] c = a.chars(n);
    byte[] b = a.bytes(n + 8);
    s.getChars(0, n, c, 0);
    for (int i = 0; i < n; i++) {
      char x = c[i];
      b[i] = x < 128 ? (byte) x : (byte) 0x80;
    }
    for (int i = n; i < n + 8; i++) {
      b[i] = 0;
    }
    return b;
  }

  /** {@link Chars#letterOrDigit} of char {@code i}, from the view's byte when it is ASCII. */
  private static boolean wordChar(String s, byte[] v, int i) {
    if (v != null) {
      byte b = v[i];
      if (b >= 0) {
        return WORD[b];
      }
    }
    return Chars.letterOrDigit(s.charAt(i));
  }

  /** ASCII letters and digits. */
  private static final boolean[] WORD = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      WORD[c] = Chars.letterOrDigit(c);
    }
  }

  /**
   * Most runs of spaces, tabs, dots and '#' between the start of an anchor's word and the number it
   * reads through to: a street-type word before the name ({@link #prefixed}) passes one after
   * itself and one after each of up to four words; "P.O. Box" at most four (three in the six chars
   * before "Box", one before the number); {@link #namedNumber} at most three. No word of those
   * anchors holds such a char.
   */
  private static final int WINDOW_RUNS = 5;

  /** Most such runs between a capitalized word and its number in {@link #namedNumber}: three words. */
  private static final int NAMED_RUNS = 3;

  /**
   * Whether the dot at {@code x} has five letters right before it ({@link Chars#letter}), so that no
   * anchor's read passes over it: a read passes a dot only as an abbreviation's ({@link
   * AddressScan#abbrevDot}: one to four letters before it) or inside "P.O." ({@link #postBox}: within
   * six chars of a word "P" or "PO", where five letters cannot stand). "install the package. Step 2":
   * the walk back from "2" stops at the dot, and "install", "the" and "package" are not tested.
   */
  private static boolean sentenceDot(String s, int x) {
    if (x < 5) {
      return false;
    }
    for (int k = x - 5; k < x; k++) {
      if (!Chars.letter(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code c} is a space, tab, dot or '#': the chars the runs counted in {@link #scan} are made of. */
  private static boolean run(char c) {
    return c == ' ' || c == '.' || c == '\t' || c == '#';
  }

  /**
   * The first index at or after {@code from} whose char is a digit ({@link Chars#digit}), or {@code
   * n}; or {@code -1} when "corner" (ASCII case ignored) or "FPO", "APO" or "DPO" ending a word or the
   * text has its 'n' or 'o' there first ({@link #rareAt}): the digit-free anchors ({@link
   * #anchor} at {@link #DIGIT_FREE}) can only match in a text that holds one of those, since no char of U+0080 or
   * above equals one of these letters ignoring case (as {@link AddressScan#same} compares). Over the
   * view, eight bytes at a time (a byte from 0x80 up is told by its char).
   */
  private static int nextDigit(String s, byte[] v, int from, int n) {
    int p = from;
    if (v != null) {
      long last = p > 0 ? (long) v[p - 1] << 56 : 0; // the byte before p in the top byte
      while (p < n) {
        long w = Swar.load(v, p);
        long b = w << 8 | last >>> 56; // the byte before each of the eight, from the last load
        last = w;
        long x = Swar.low7(w);
        long f = x | Swar.CASE;
        long fb = Swar.low7(b) | Swar.CASE;
        // per byte: from 0x80 up (w's own high bit), a digit, or an 'o' after a 'p' or an 'n' after an
        // 'r' (ASCII case ignored; a pair byte is zero where both match, and adding 0x7F to a
        // seven-bit byte sets its high bit unless it is zero). The byte before is not tested for
        // ASCII: one from 0x80 up that reads as 'p' or 'r' makes a hit that rareAt turns down
        long pairs = (((f ^ O) | (fb ^ P)) + LOW7) & (((f ^ N) | (fb ^ R)) + LOW7);
        long hit = (w | Swar.digit(x) | ~pairs) & Swar.HIGH;
        while (hit != 0) {
          int q = p + Swar.first(hit);
          if (q >= n) {
            return n;
          }
          char c = s.charAt(q);
          if (c < 128 ? c <= '9' : Character.isDigit(c)) {
            return q; // the letters tested are all above '9'
          }
          if (c < 128 && rareAt(s, q, n)) {
            return -1;
          }
          hit &= hit - 1; // only high bits are set: this clears the byte just told
        }
        p += 8;
      }
      return n;
    }
    for (; p < n; p++) {
      char c = s.charAt(p);
      if (c < 128) {
        byte k = AHEAD[c];
        if (k == A_DIGIT) {
          return p;
        }
        if (k == A_ON && p > 0 && rareAt(s, p, n)) {
          return -1;
        }
      } else if (Character.isDigit(c)) {
        return p;
      }
    }
    return n;
  }

  private static final long O = Swar.ONES * 'o';
  private static final long P = Swar.ONES * 'p';
  private static final long N = Swar.ONES * 'n';
  private static final long R = Swar.ONES * 'r';
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  private static final byte A_DIGIT = 1;
  private static final byte A_ON = 2;
  /** ASCII classes for {@link #nextDigit}: digits, o and n in either case, else 0. */
  private static final byte[] AHEAD = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      AHEAD[c] = A_DIGIT;
    }
    for (char c : new char[] {'o', 'O', 'n', 'N'}) {
      AHEAD[c] = A_ON;
    }
  }

  /** At an 'o' or 'n' (either case) at {@code p > 0}: the end of "FPO"/"APO"/"DPO" or the "n" of "corner". */
  private static boolean rareAt(String s, int p, int n) {
    int b = s.charAt(p - 1) | 0x20;
    if ((s.charAt(p) | 0x20) == 'o') {
      return b == 'p' && p > 1 && fpo(s.charAt(p - 2)) && (p + 1 == n || !Chars.letterOrDigit(s.charAt(p + 1)));
    }
    return b == 'r' && p >= 3 && p + 2 < n && s.regionMatches(true, p - 3, "corner", 0, 6);
  }

  /** The word loop: every word is met in turn and asked about the anchors it may start. */
  static int[] scanWords(String s) {
    return scanWords(s, Latin1View.of(s), 0, 0, NONE, 0);
  }

  /**
   * The word loop from {@code i}, a place where it stands between words, with the addresses found
   * before ({@code found[0, count)}, the last ending at {@code floor}). It stops at the first index
   * from which no word can start an anchor ({@code quiet}): past the last digit (so no word there
   * has a number ahead and only "corner of" and a ship before FPO/APO/DPO remain, {@link
   * #anchor} at {@link #DIGIT_FREE}), past the last "corner" and past the "o" of the last word "FPO", "APO" or
   * "DPO" that a ship's name may precede ("po" inside a word, as in "report", reads as no such word;
   * ASCII case ignored: no other char equals these letters ignoring case, as {@link AddressScan#is}
   * compares). One backward pass over that tail: texts that end in prose skip the word loop over it.
   *
   * <p>One method with that backward pass, over {@code FreqInlineSize} (325 bytes of bytecode), so
   * that C2 does not inline this rare path into {@link #scan(String, boolean)} (see {@link #anchor}).
   */
  private static int[] scanWords(String s, byte[] v, int i, int floor, int[] found, int count) {
    int n = s.length();
    // Every anchor but "corner of" and a ship's name before FPO/APO/DPO needs a digit (a house number,
    // a box number) that its look-ahead reaches over words, spaces, dots and '#' only: a word with
    // no such digit ahead is only asked about those two.
    int stop = -1; // the first char at or after the last word's end that no look-ahead passes over
    // quiet: the first index from which no word can start an anchor (one backward pass, see above)
    int quiet = 0;
    for (int p = n - 1; p >= 0; p--) {
      char c = s.charAt(p);
      if (c >= 128) {
        if (Character.isDigit(c)) {
          quiet = p + 1;
        break;
        }
        continue;
      }
      byte k = QUIET[c];
      if (k == 0) {
        continue;
      }
      if (k == Q_DIGIT) {
        quiet = p + 1;
        break;
      }
      if (k == Q_O) {
        if (p > 1 && (s.charAt(p - 1) | 0x20) == 'p' && fpo(s.charAt(p - 2)) && (p + 1 == n || !Chars.letterOrDigit(s.charAt(p + 1)))) {
          quiet = p; // the word "FPO", "APO" or "DPO" after a ship's name: the ship starts before the 'o'
          break;
        }
        continue; // "po" inside a word ("report", "support"): no ship anchor reads it
      }
      // the second letter first: regionMatches ignoring case costs a case mapping per char, and
      // only 'o' and 'O' equal 'o' ignoring case
      if (k == Q_C && p + 1 < n && (s.charAt(p + 1) | 0x20) == 'o' && s.regionMatches(true, p, "corner", 0, 6)) {
        quiet = p + 1;
        break;
      }
    }
    while (i < n && i < quiet) {
      char c = s.charAt(i);
      if (!Chars.letterOrDigit(c) || (i > 0 && Chars.letterOrDigit(s.charAt(i - 1)))) {
        i++;
        continue;
      }
      int te = AddressScan.tokenEnd(s, i, n);
      int end;
      if (Chars.digit(c)) {
        end = anchor(s, i, te, n, NEAR);
      } else {
        if (stop < te) {
          stop = lookAheadStop(s, v, te, n);
        }
        if (stop < n && Chars.digit(s.charAt(stop))) {
          end = anchor(s, i, te, n, NEAR);
        } else {
          end = anchor(s, i, te, n, DIGIT_FREE);
          if (end < 0) {
            i = skipDigitFree(s, v, te, stop);
            continue;
          }
        }
      }
      if (end < 0) {
        i = te;
        continue;
      }
      found = add(s, i, end, n, floor, found, count);
      floor = i = found[count + 1];
      count += 3;
    }
    return count == found.length ? found : java.util.Arrays.copyOf(found, count);
  }

  /**
   * Whether {@code c} is F, A or D in either case: the first letter of "FPO", "APO", "DPO" as {@link
   * AddressScan#startsWithWord} compares (no char of U+0080 or above equals these ignoring case).
   */
  private static boolean fpo(char c) {
    int f = c | 0x20;
    return f == 'f' || f == 'a' || f == 'd';
  }

  private static final byte Q_DIGIT = 1;
  private static final byte Q_O = 2;
  private static final byte Q_C = 3;
  /** ASCII classes for the backward pass of {@link #scanWords(String, byte[], int, int, int[], int)}: digits, o and c in either case, else 0. */
  private static final byte[] QUIET = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      QUIET[c] = Q_DIGIT;
    }
    QUIET['o'] = Q_O;
    QUIET['O'] = Q_O;
    QUIET['c'] = Q_C;
    QUIET['C'] = Q_C;
  }

  /**
   * The first char at or after {@code from} that none of the look-aheads of {@link #prefixed},
   * {@link #namedNumber} and {@link #postBox} passes over on the way to a number (they pass over
   * letters, inner hyphens and apostrophes, abbreviation dots, spaces, tabs and '#'), or {@code n}.
   * Unless it is a digit, those anchors cannot match at a word that ends at or before {@code from}.
   */
  private static int lookAheadStop(String s, byte[] v, int from, int n) {
    int p = from;
    if (v != null) {
      while (p < n) {
        long w = Swar.load(v, p);
        long x = Swar.low7(w);
        long pass = Swar.ascii(w) & (Swar.letter(x) | Swar.is(x, ' ') | Swar.is(x, '.') | Swar.is(x, '-')
            | Swar.is(x, '\'') | Swar.is(x, '\t') | Swar.is(x, '#'));
        long stops = ~pass & Swar.HIGH; // and every non-ASCII char, told below
        if (stops == 0) {
          p += 8;
          continue;
        }
        p += Swar.first(stops);
        if (p >= n) {
          return n;
        }
        char c = s.charAt(p);
        if (c < 128 || !Chars.letter(c)) {
          return p;
        }
        p++;
      }
      return n;
    }
    while (p < n) {
      char c = s.charAt(p);
      if (c < 128 ? SKIP[c] < 0 : !Chars.letter(c)) {
        break;
      }
      p++;
    }
    return p;
  }

  /**
   * Where the loop of {@link #scan} must next look, from {@code p} (just after a word that was no
   * anchor) in a stretch that ends at {@code stop} with no digit there ({@link #lookAheadStop}):
   * every word starting before {@code stop} is then asked only {@link #anchor} at {@link #DIGIT_FREE}, which
   * answers -1 unless the word starts with c, C, u, U or a non-ASCII char. Returns the first such
   * word start (or the start of a word with a non-ASCII char, or of one long enough to reach the
   * 40-char cap of {@link AddressScan#tokenEnd}: those go the exact way), else {@code stop}. The
   * words passed over are split as {@link AddressScan#tokenEnd} splits them (inner - and ' join),
   * so the loop resumes where it would have arrived word by word, with one table test per char.
   */
  private static int skipDigitFree(String s, byte[] v, int p, int stop) {
    if (v == null) {
      return walk(s, p, stop, Integer.MAX_VALUE);
    }
    int i = p;
    while (true) {
      int q = candidate(v, i, stop);
      if (q >= stop) {
        return stop; // only plain words (ASCII letters, no inner - or ') and . # space tab ahead
      }
      int r = q; // the start of the word q is in, or q: the words before it are plain
      while (r > i && v[r - 1] >= 0 && SKIP[v[r - 1]] > 0) {
        r--;
      }
      int at = walk(s, r, stop, q);
      if (at >= 0) {
        return at;
      }
      i = -at - 1; // between words again, past q
    }
  }

  /**
   * The first index in {@code [from, to)} whose view byte is c, C, u or U after a byte that is no
   * ASCII letter (a word in the stretch may start there), '-', an apostrophe or a non-ASCII char
   * (what {@link #walk} must read char by char), or {@code to}; eight bytes at a time. A c or u
   * after a letter starts no word: in a digit-free stretch a word starts after a char that is no
   * letter or digit. {@code from} is at least 1.
   */
  private static int candidate(byte[] v, int from, int to) {
    int p = from;
    while (p < to) {
      long w = Swar.load(v, p);
      long x = Swar.low7(w);
      long folded = x | Swar.CASE;
      long ascii = Swar.ascii(w);
      long before = Swar.load(v, p - 1); // the byte before each of the eight
      long letterBefore = Swar.ascii(before) & Swar.letter(Swar.low7(before));
      long hit = (~ascii & Swar.HIGH)
          | ascii & ((Swar.is(folded, 'c') | Swar.is(folded, 'u')) & ~letterBefore | Swar.is(x, '-') | Swar.is(x, '\''));
      if (hit != 0) {
        return Math.min(to, p + Swar.first(hit));
      }
      p += 8;
    }
    return to;
  }

  /**
   * The char-by-char pass of {@link #skipDigitFree} from {@code p}, where no word is open. Returns
   * where the scan must look next (as {@link #skipDigitFree}), or {@code -(j + 1)} when it reaches a
   * char {@code j > quietAfter} with no word open and a space, dot, '#' or tab before it: from there
   * the eight-byte search may take over again.
   */
  private static int walk(String s, int p, int stop, int quietAfter) {
    int ws = -1; // start of the word being passed over, -1 between words
    for (; p < stop; p++) {
      if (p > quietAfter && ws < 0) {
        char pc = s.charAt(p - 1);
        if (pc == ' ' || pc == '.' || pc == '#' || pc == '\t') {
          return -(p + 1);
        }
      }
      char c = s.charAt(p);
      if (c >= 128) {
        return ws >= 0 ? ws : p;
      }
      int k = SKIP[c];
      if (k == S_LETTER) {
        if (ws >= 0) {
          if (p - ws >= 39) {
            return ws; // near the token cap: the exact way
          }
        } else {
          char prev = s.charAt(p - 1); // p > 0: a word ended before it
          if (prev >= 128) {
            return p; // between words or at one's start: the loop walks on from here as it would have
          }
          if (SKIP[prev] <= 0) {
            ws = p; // a word start (a letter after a letter with no word open is the tail of a capped token)
          }
        }
      } else if (k == S_SPECIAL) {
        if (ws < 0) {
          char prev = s.charAt(p - 1);
          if (prev >= 128 || SKIP[prev] <= 0) {
            return p; // a word that may start "corner" or "USS" (or, after a non-ASCII char, the loop's own walk)
          }
        } else if (p - ws >= 39) {
          return ws;
        }
      } else if (ws >= 0 && (c == '-' || c == '\'') && p + 1 < s.length() && Chars.letter(s.charAt(p + 1))) {
        if (p - ws >= 39) {
          return ws;
        }
        p++; // an inner hyphen or apostrophe joins the next letter to the word
        if (s.charAt(p) >= 128) {
          return ws;
        }
      } else {
        ws = -1;
      }
    }
    return stop;
  }

  private static final byte S_LETTER = 1;
  private static final byte S_SPECIAL = 2;
  /**
   * ASCII classes for {@link #skipDigitFree} and {@link #lookAheadStop}: letters, the first letters
   * of the digit-free anchors, the other chars a look-ahead passes over (0), and {@link #S_STOP}.
   */
  private static final byte[] SKIP = new byte[128];

  /** Chars no look-ahead passes over ({@link #lookAheadStop}): every ASCII char but letters, space, tab and . - ' #. */
  private static final byte S_STOP = -1;

  static {
    java.util.Arrays.fill(SKIP, S_STOP);
    for (char c : new char[] {' ', '.', '-', '\'', '\t', '#'}) {
      SKIP[c] = 0;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      SKIP[c] = S_LETTER;
      SKIP[Character.toUpperCase(c)] = S_LETTER;
    }
    SKIP['c'] = S_SPECIAL;
    SKIP['C'] = S_SPECIAL;
    SKIP['u'] = S_SPECIAL;
    SKIP['U'] = S_SPECIAL;
  }

  /** {@link #anchor}'s reach: every anchor (a number is within three runs ahead, {@link #NAMED_RUNS}). */
  private static final int NEAR = 0;
  /** {@link #anchor}'s reach: a number more than three runs ahead, so all but {@link #namedNumber}. */
  private static final int FAR = 1;
  /** {@link #anchor}'s reach: no number ahead ({@link #lookAheadStop}), so only "corner of" and a ship's name. */
  private static final int DIGIT_FREE = 2;

  /**
   * Tries the anchors the word {@code s[a, te)} may start, given how far the next number is
   * ({@code reach}: {@link #NEAR}, {@link #FAR} or {@link #DIGIT_FREE}); returns the anchor's end or
   * -1. At a house number ("217 Lovers Lane", "33 avenue de Provence", "91215 Harjukuja 54") the
   * number's own anchor is read here, house number + name words + street suffix; the others have a
   * method each.
   *
   * <p>One method on purpose, over {@code FreqInlineSize} (325 bytes of bytecode): C2 then never
   * inlines it into the scan loops that call it once per word near a number, and compiles it on
   * its own. Inlined, its callees (about 7,600 bytes of bytecode) used up the scan's inlining
   * budget ({@code DesiredMethodLimit}, 8,000) in some JVMs and not in others, depending on which
   * call sites the early profile had seen, and the per-char calls of the scan loops ({@code
   * charAt}, {@link AddressScan#tokenEnd}) were then left as calls: the same code ran at one or
   * at two to three times the cost from one JVM to the next (docs/benchmarks.md).
   */
  private static int anchor(String s, int a, int te, int n, int reach) {
    char c = s.charAt(a);
    if (reach == DIGIT_FREE) {
      if (c == 'c' || c == 'C' || c >= 128) {
        if (AddressScan.is(s, a, te, "corner")) {
          return corner(s, te, n);
        }
      }
      if (c == 'U' || c == 'u' || c >= 128) {
        return postBox(s, a, te, n);
      }
      return -1;
    }
    if (reach == NEAR && Chars.digit(c)) {
      if (!Chars.digit(s.charAt(te - 1)) && te - a > 7) {
        return -1;
      }
      // the house number's own anchor
      if (!AddressScan.houseNumber(s, a, te) || !AddressScan.wordBoundaryBefore(s, a)) {
        return -1;
      }
      int p = AddressScan.skipSpaces(s, te, n);
      if (p >= n || p == te || !Chars.letter(s.charAt(p))) {
        return -1;
      }
      int we = AddressScan.tokenEnd(s, p, n);
      // every list asked of a word below, from one hash of it
      int tags = AddressLexicons.tags(s, p, we);
      if ((tags & AddressLexicons.T_PREFIX) != 0 && we - p > 1) {
        return prefixed(s, p, we, n, true);
      }
      if ((tags & (AddressLexicons.T_NOT_STREET | AddressLexicons.T_UNIT)) != 0) {
        return -1;
      }
      boolean allCap = true;
      int last = -1;
      for (int w = 0; w < MAX_WORDS && p < n && Chars.letter(s.charAt(p)); w++) {
        if (w > 0) {
          we = AddressScan.tokenEnd(s, p, n);
          tags = AddressLexicons.tags(s, p, we);
        }
        boolean cap = Chars.upper(s.charAt(p));
        allCap &= cap;
        if (w > 0 && (tags & (cap ? AddressLexicons.T_SUFFIX : AddressLexicons.T_CORE_SUFFIX)) != 0
            && (allCap || (tags & AddressLexicons.T_CORE_SUFFIX) != 0)) {
          return AddressScan.abbrevDot(s, we, n);
        }
        if (w > 0 && (tags & AddressLexicons.T_UNIT) != 0) {
          return allCap ? last : -1; // "2505 Heatherleigh Suite 620": the unit is taken by add
        }
        if ((tags & AddressLexicons.T_NOT_STREET) != 0) {
          return -1; // "5 Musicians Of The 70s"
        }
        last = we;
        int q = AddressScan.skipSpaces(s, AddressScan.abbrevDot(s, we, n), n);
        if (q < n && Chars.digit(s.charAt(q)) && allCap && q > we) {
          int ne = AddressScan.tokenEnd(s, q, n);
          return AddressScan.houseNumber(s, q, ne) ? ne : -1; // number + name + number
        }
        if (q == we || q >= n) {
          return -1;
        }
        p = q;
      }
      return -1;
    }
    if (AddressScan.is(s, a, te, "corner")) {
      return corner(s, te, n);
    }
    int box = postBox(s, a, te, n);
    if (box > 0) {
      return box;
    }
    if (te - a > 1 && AddressLexicons.prefix(s, a, te)) {
      return prefixed(s, a, te, n, false);
    }
    if (reach == NEAR && Chars.upper(c)) {
      return namedNumber(s, a, te, n);
    }
    return -1;
  }

  /** At a street-type word before the name: "Via Roma 131", "ul. Cicha 86", "rue de la Hulotais". */
  private static int prefixed(String s, int a, int te, int n, boolean hasNumber) {
    int p = AddressScan.skipSpaces(s, AddressScan.abbrevDot(s, te, n), n);
    int last = -1;
    int words = 0;
    for (int w = 0; w < MAX_WORDS + 1 && p < n; w++) {
      char c = s.charAt(p);
      int we = AddressScan.tokenEnd(s, p, n);
      if (Chars.digit(c)) {
        if (words > 0 && AddressScan.houseNumber(s, p, we)) {
          return we;
        }
        break;
      }
      if (!Chars.letter(c)) {
        break;
      }
      boolean particle = Chars.lower(c) && we - p <= 3;
      if (!particle && !Chars.upper(c)) {
        break;
      }
      if (!particle) {
        words++;
        last = we;
      }
      int q = AddressScan.skipSpaces(s, we, n);
      if (q == we) {
        break;
      }
      p = q;
    }
    return hasNumber && words > 0 ? last : -1;
  }

  /** At a capitalized word: "Parijsstraat 8", "Rákóczi út 13", or "Dunajska 56" after an address cue. */
  private static int namedNumber(String s, int a, int te, int n) {
    // the words up to a number first: most capitalized words have none within reach, and the
    // lexicon vetoes on the first word only reject, so they are asked last, once a number, and a
    // street-like word or an address cue, are found
    int p = a;
    for (int w = 0; w < 3 && p < n; w++) {
      int we = w == 0 ? te : AddressScan.tokenEnd(s, p, n);
      int q = AddressScan.skipSpaces(s, AddressScan.abbrevDot(s, we, n), n);
      if (q > we && q < n && Chars.digit(s.charAt(q))) {
        // only a house number after the words makes the word lists or an address cue matter: it is
        // told first (every test here only rejects), so a phone or an order number costs no lookup
        int ne = AddressScan.tokenEnd(s, q, n);
        if (ne - q > 5 || !AddressScan.houseNumber(s, q, ne)) {
          return -1;
        }
        // a street-like last word or an address cue, then the first word's vetoes: both only reject,
        // and the cue and the ending are settled without a lookup for most words ("Step 2")
        boolean streety = AddressLexicons.compoundStreet(s, p, we)
            || (w > 0 && (AddressLexicons.tags(s, p, we) & (AddressLexicons.T_SEPARATE_SUFFIX | AddressLexicons.T_SUFFIX)) != 0);
        if (!streety && !AddressScan.addressCueBefore(s, a)) {
          return -1;
        }
        return (AddressLexicons.tags(s, a, te) & (AddressLexicons.T_NOT_STREET | AddressLexicons.T_UNIT)) != 0
            ? -1 // "Order 5531", "Suite 4"
            : ne;
      }
      if (q == we || q >= n || !Chars.letter(s.charAt(q))) {
        return -1;
      }
      char c = s.charAt(q);
      if (!Chars.upper(c) && !AddressLexicons.SEPARATE_SUFFIX.contains(s, q, AddressScan.tokenEnd(s, q, n))) {
        return -1;
      }
      p = q;
    }
    return -1;
  }

  /** After "corner": "[the] corner of X and Y"; returns the end of Y. */
  private static int corner(String s, int te, int n) {
    int p = AddressScan.skipSpaces(s, te, n);
    int oe = AddressScan.tokenEnd(s, p, n); // n when "corner" ends the text: no "of" then
    if (!AddressScan.is(s, p, oe, "of")) {
      return -1;
    }
    p = AddressScan.skipSpaces(s, oe, n);
    boolean seenAnd = false;
    int end = -1;
    for (int t = 0; t < 14 && p < n; t++) {
      char c = s.charAt(p);
      if (!Chars.letterOrDigit(c)) {
        break;
      }
      int we = AddressScan.tokenEnd(s, p, n);
      if (AddressScan.is(s, p, we, "and")) {
        if (seenAnd || end < 0) {
          break;
        }
        seenAnd = true;
      } else if (Chars.lower(c) && we - p > 3 && !AddressLexicons.PREFIX.contains(s, p, we)
          && !AddressLexicons.SUFFIX.contains(s, p, we)) {
        break;
      } else {
        end = we;
      }
      int q = AddressScan.skipSpaces(s, AddressScan.abbrevDot(s, we, n), n);
      if (q == AddressScan.abbrevDot(s, we, n) || q >= n) {
        break;
      }
      p = q;
    }
    return seenAnd ? end : -1;
  }

  /** "P.O. Box 211", "PO Box 5", "PSC 9009, Box 9725", "Unit 5146 Box 1772", "USS Mahler" + "FPO AA". */
  private static int postBox(String s, int a, int te, int n) {
    char f = s.charAt(a);
    if (f < 128 && f != 'P' && f != 'p' && f != 'C' && f != 'c' && f != 'U' && f != 'u') {
      return -1; // every form below starts with P, C or U (compared ignoring case)
    }
    int p = a;
    if (AddressScan.is(s, a, te, "P") || AddressScan.is(s, a, te, "PO")) {
      p = a;
      while (p < n && p - a < 6 && !AddressScan.startsWithWord(s, p, n, "Box")) {
        char c = s.charAt(p);
        if (c != 'P' && c != 'O' && c != '.' && c != ' ' && c != 'p' && c != 'o') {
          return -1;
        }
        p++;
      }
      return AddressScan.startsWithWord(s, p, n, "Box") ? AddressScan.numberAfter(s, p + 3, n) : -1;
    }
    if (AddressScan.is(s, a, te, "PSC") || AddressScan.is(s, a, te, "CMR") || AddressScan.is(s, a, te, "Unit")) {
      int ne = AddressScan.numberAfter(s, te, n);
      if (ne < 0) {
        return -1;
      }
      int q = ne < n && s.charAt(ne) == ',' ? ne + 1 : ne;
      q = AddressScan.skipSpaces(s, q, n);
      return AddressScan.startsWithWord(s, q, n, "Box") ? AddressScan.numberAfter(s, q + 3, n) : -1;
    }
    if (AddressScan.is(s, a, te, "USS") || AddressScan.is(s, a, te, "USNS") || AddressScan.is(s, a, te, "USNV") || AddressScan.is(s, a, te, "USCGC")) {
      int p2 = AddressScan.skipSpaces(s, te, n);
      int we = p2 < n && Chars.upper(s.charAt(p2)) ? AddressScan.tokenEnd(s, p2, n) : -1;
      if (we < 0) {
        return -1;
      }
      int q = AddressScan.skipSpaces(s, we, n);
      q = q < n && s.charAt(q) == '\n' ? AddressScan.skipSpaces(s, q + 1, n) : q;
      return AddressScan.startsWithWord(s, q, n, "FPO") || AddressScan.startsWithWord(s, q, n, "APO") || AddressScan.startsWithWord(s, q, n, "DPO") ? we : -1;
    }
    return -1;
  }

  /** Takes a house number or a unit ("Flat 5,") right before the anchor. */
  private static int extendLeft(String s, int start, int floor) {
    int p = start;
    while (p > floor && s.charAt(p - 1) == ' ') {
      p--;
    }
    int b = p;
    while (b > floor && Chars.digit(s.charAt(b - 1)) && p - b < 6) {
      b--;
    }
    if (b < p && Chars.digit(s.charAt(start)) == false && (b == floor || !Chars.letterOrDigit(s.charAt(b - 1)))) {
      start = b; // "12 Via Roma"
    } else if (b < p && (b == floor || s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\n')) {
      start = b; // "2046 50 Point Walter Road"
    }
    start = unitBefore(s, start, floor);
    // "the corner of"
    if (start >= 4 + floor && AddressScan.same(s, start - 4, "the ") && AddressScan.startsWithWord(s, start, s.length(), "corner")) {
      start -= 4;
    }
    return start;
  }

  /** Takes "Flat 5, " or "Apt 4B, " right before {@code start}. */
  private static int unitBefore(String s, int start, int floor) {
    int p = start;
    if (p - 2 < floor || s.charAt(p - 1) != ' ') {
      return start;
    }
    p--;
    if (s.charAt(p - 1) == ',') {
      p--;
    }
    int e = p;
    while (p > floor && Chars.letterOrDigit(s.charAt(p - 1)) && e - p < 8) {
      p--;
    }
    if (p == e || !Chars.digit(s.charAt(p)) || p - 1 <= floor || s.charAt(p - 1) != ' ') {
      return start;
    }
    int we = p - 1;
    if (s.charAt(we - 1) == '.') {
      we--;
    }
    int ws = we;
    while (ws > floor && Chars.letter(s.charAt(ws - 1)) && we - ws < 10) {
      ws--;
    }
    return ws < we && AddressLexicons.UNIT.contains(s, ws, we) && (ws == floor || !Chars.letterOrDigit(s.charAt(ws - 1))) ? ws : start;
  }

  /**
   * Records the address whose anchor is {@code [i, end)}: extended left (not over {@code floor})
   * and right over unit, city lines, state, ZIP and country (bounded by parts and length), its
   * start, end and number of strong parts are written at {@code found[count, count + 3)}. Returns
   * {@code found}, or a larger copy when it had no room. One method with the extension to the
   * right, over {@code FreqInlineSize}, so that C2 does not inline it into the scan loops (see
   * {@link #anchor}).
   */
  private static int[] add(String s, int i, int end, int n, int floor, int[] found, int count) {
    if (count + 3 > found.length) {
      found = java.util.Arrays.copyOf(found, Math.max(12, found.length * 2));
    }
    int start = extendLeft(s, i, floor);
    int strong = 0;
    for (int part = 0; part < MAX_PARTS; part++) {
      int p = end;
      boolean comma = false;
      boolean newline = false;
      boolean dot = false;
      while (p < n && p - end < 14) {
        char c = s.charAt(p);
        if (c == ' ' || c == '\t') {
          p++;
        } else if (c == ',' && !comma) {
          comma = true;
          p++;
        } else if (c == '\n' && !newline) {
          newline = true;
          p++;
          while (p < n && p - end < 12 && (s.charAt(p) == '>' || s.charAt(p) == '?' || s.charAt(p) == ' ')) {
            p++; // quoted mail ("> ") and lost characters at a line start
          }
        } else if (c == '.' && !dot && p == end) {
          dot = true;
          p++;
        } else {
          break;
        }
      }
      if (p >= n || p == end || p - start > MAX_LEN) {
        break;
      }
      int q = AddressScan.part(s, p, n, comma || newline, dot);
      if (q < 0) {
        break;
      }
      strong += AddressScan.strong(s, p, q) ? 1 : 0;
      end = q;
    }
    found[count] = start;
    found[count + 1] = end;
    found[count + 2] = strong;
    return found;
  }
}
