package dev.guardrails.detectors.bias;

/**
 * Word tokens of one text in one linear pass: lower-cased token characters written into a
 * {@code canon} buffer separated by single spaces (so an n-gram of tokens is one contiguous
 * slice, ready for a {@code CharArrayMap} lookup), plus each token's offsets in the scanned
 * text and flags.
 *
 * <p>Letters and digits make words; an apostrophe between letters stays inside a word (don't),
 * a trailing possessive {@code 's} is dropped (chairman's = chairman). Hyphens, slashes,
 * commas and spaces are soft separators (wheelchair-bound = wheelchair bound); sentence and
 * clause punctuation are hard breaks that phrases never cross. A line break is a hard break too,
 * except a soft wrap: a single line break after a word and before a lower-case letter ("old\npeople
 * can't"), which is how hard-wrapped text and line-break disguises split a sentence.
 *
 * <p>Not thread-safe: one instance per thread, reused through {@link #reset(String)}.
 */
final class Tokens {

  static final int CAP = 1;          // first letter upper-case
  static final int UPPER = 2;        // all letters upper-case, two or more letters
  static final int HARD_BEFORE = 4;  // clause punctuation between the previous token and this one
  static final int SENT_START = 8;   // first token of a sentence or paragraph
  static final int QUOTED = 16;      // inside a closed pair of double quotes
  static final int QUESTION = 32;    // the next hard break after this token is '?'
  static final int HYPHEN_BEFORE = 64; // joined to the previous token by a bare hyphen (bio-psycho)

  private static final int MAX_QUOTE = 400;

  char[] canon = new char[256];
  private char[] src = new char[256];
  private int base;
  private String text;
  int[] cStart = new int[64];
  int[] cEnd = new int[64];
  int[] oStart = new int[64];
  int[] oEnd = new int[64];
  int[] flags = new int[64];
  /** Per token: {@link #hash(CharSequence)} of its canonical form, for the lexicon's head filter. */
  int[] hash = new int[64];
  int count;

  private int quoteEnd = -1;
  private dev.guardrails.text.AnalyzedText source; // the text whose normalized view is scanned, or null

  /** Tokenizes all of {@code text}; earlier results are discarded. */
  void reset(String text) {
    begin();
    reset(text, 0, text.length());
  }

  /** Starts a new text: forgets any open quotation of the previous one. */
  void begin() {
    quoteEnd = -1;
    source = null;
  }

  /**
   * Starts a new text whose normalized view will be scanned; its original tells a single line
   * break from a paragraph break, which the normalized view collapses alike. Call {@link #end()}
   * after the last segment so this thread-local scratch does not keep the text.
   */
  void begin(dev.guardrails.text.AnalyzedText text) {
    quoteEnd = -1;
    source = text;
  }

  /** Forgets the text given to {@link #begin(dev.guardrails.text.AnalyzedText)}. */
  void end() {
    source = null;
  }

  /**
   * Tokenizes {@code text[from, to)}, with offsets into {@code text}; earlier tokens are discarded
   * but an open quotation carries over, so a text can be scanned in consecutive segments that end
   * at sentence boundaries (keeping the working set in cache).
   */
  void reset(String text, int from, int to) {
    int len = to - from;
    if (canon.length < len + 1) {
      canon = new char[len + 16];
      src = new char[len + 16];
    }
    text.getChars(from, to, src, 0);
    char[] s = src;
    int n = len;
    base = from;
    this.text = text;
    count = 0;
    int w = 0;
    int pendingFlags = SENT_START;
    int lastQuestionCheck = 0;
    int i = 0;
    while (i < n) {
      char c = s[i];
      if (c < 128 ? ASCII[c] != 0 : Character.isLetterOrDigit(c)) {
        int start = i;
        int f = pendingFlags;
        int letters = 0;
        int uppers = 0;
        if (w > 0) {
          canon[w++] = ' ';
        }
        int cs = w;
        int h = 0; // hash of the canonical token, built as it is written (see hash(CharSequence))
        while (i < n) {
          char d = s[i];
          if (d < 128) {
            byte k = ASCII[d];
            if (k == 0) {
              if (d == '\'' && apostropheInWord(s, i, n)) {
                if (possessive(s, i, n)) {
                  i += 2;
                  break;
                }
                h = 31 * h + (canon[w++] = '\'');
                i++;
                continue;
              }
              break;
            }
            if (k == UPPER_LETTER) {
              uppers++;
              letters++;
              h = 31 * h + (canon[w++] = (char) (d | 0x20));
            } else {
              letters += k == LOWER_LETTER ? 1 : 0;
              h = 31 * h + (canon[w++] = d);
            }
            i++;
          } else if (Character.isLetterOrDigit(d)) {
            if (Character.isLetter(d)) {
              letters++;
              if (Character.isUpperCase(d)) {
                uppers++;
              }
            }
            h = 31 * h + (canon[w++] = Character.toLowerCase(d));
            i++;
          } else if (d == '\u2019' && apostropheInWord(s, i, n)) {
            if (possessive(s, i, n)) {
              i += 2;
              break;
            }
            h = 31 * h + (canon[w++] = '\'');
            i++;
          } else {
            break;
          }
        }
        char c0 = s[start];
        if (c0 < 128 ? ASCII[c0] == UPPER_LETTER : Character.isUpperCase(c0)) {
          f |= CAP;
        }
        if (letters > 1 && uppers == letters) {
          f |= UPPER;
        }
        if (start > 0 && count > 0 && oEnd[count - 1] == base + start - 1 && s[start - 1] == '-') {
          f |= HYPHEN_BEFORE;
        }
        if (base + i - 1 < quoteEnd) {
          f |= QUOTED;
        }
        add(cs, w, base + start, base + i, f, h);
        pendingFlags = 0;
        continue;
      }
      if (c == '"' || c == '\u201C' || c == '\u201D') {
        if (base + i != quoteEnd) {
          quoteEnd = closingQuote(text, base + i + 1); // an opening quote: quoted only if it closes nearby
        }
        pendingFlags |= HARD_BEFORE;
      } else if (c == '\n' && softWrap(s, i, n)) {
        // a wrapped line: the sentence goes on
      } else if (c == '.' || c == '!' || c == '?' || c == '\n') {
        pendingFlags |= HARD_BEFORE | SENT_START;
        if (c == '?') {
          for (int t = count - 1; t >= lastQuestionCheck; t--) {
            flags[t] |= QUESTION;
          }
        }
        lastQuestionCheck = count;
      } else if (c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == '\u2014'
          || c == '\u2013' || c == '\u2026' || c == '|' || c == '<' || c == '>') {
        pendingFlags |= HARD_BEFORE;
      }
      i++;
    }
  }

  private static final byte LOWER_LETTER = 1;
  private static final byte UPPER_LETTER = 2;
  private static final byte DIGIT = 3;
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII[c] = LOWER_LETTER;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      ASCII[c] = UPPER_LETTER;
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = DIGIT;
    }
  }

  /**
   * True if the line break at {@code s[i]} wraps a sentence: a letter, digit or comma before it, a
   * lower-case letter after it, and exactly one line break (and at most a few spaces) in the
   * original text it stands for.
   */
  private boolean softWrap(char[] s, int i, int n) {
    if (i == 0 || i + 1 >= n) {
      return false;
    }
    char b = s[i - 1];
    char a = s[i + 1];
    if (!(Character.isLetterOrDigit(b) || b == ',') || !Character.isLowerCase(a)) {
      return false;
    }
    // Without a source the scanned text is the original: a second line break would follow directly.
    return source == null || source.singleLineBreak(base + i);
  }

  private static boolean apostropheInWord(char[] s, int i, int n) {
    if (i + 1 >= n) {
      return false;
    }
    char c = s[i + 1];
    return c < 128 ? (ASCII[c] == LOWER_LETTER || ASCII[c] == UPPER_LETTER) : Character.isLetter(c);
  }

  private static boolean possessive(char[] s, int i, int n) {
    char e = s[i + 1];
    if (e != 's' && e != 'S') {
      return false;
    }
    if (i + 2 >= n) {
      return true;
    }
    char c = s[i + 2];
    return c < 128 ? ASCII[c] == 0 : !Character.isLetterOrDigit(c);
  }

  private static int closingQuote(String s, int from) {
    int limit = Math.min(s.length(), from + MAX_QUOTE);
    for (int j = from; j < limit; j++) {
      char c = s.charAt(j);
      if (c == '"' || c == '\u201D') {
        return j;
      }
      if (c == '\n' || c == '\u201C') {
        return -1;
      }
    }
    return -1;
  }

  private void add(int cs, int ce, int os, int oe, int f, int h) {
    if (count == cStart.length) {
      int m = count * 2;
      hash = java.util.Arrays.copyOf(hash, m);
      cStart = java.util.Arrays.copyOf(cStart, m);
      cEnd = java.util.Arrays.copyOf(cEnd, m);
      oStart = java.util.Arrays.copyOf(oStart, m);
      oEnd = java.util.Arrays.copyOf(oEnd, m);
      flags = java.util.Arrays.copyOf(flags, m);
    }
    cStart[count] = cs;
    cEnd[count] = ce;
    oStart[count] = os;
    oEnd[count] = oe;
    flags[count] = f;
    hash[count] = h;
    count++;
  }

  /** True if tokens {@code [from, to)} contain no hard break between them. */
  boolean joined(int from, int to) {
    for (int t = from + 1; t < to; t++) {
      if ((flags[t] & HARD_BEFORE) != 0) {
        return false;
      }
    }
    return true;
  }

  boolean is(int t, int f) {
    return (flags[t] & f) != 0;
  }

  /** The hash {@link #reset} computes for each canonical token: {@code h = 31 * h + c} over its chars. */
  static int hash(CharSequence key) {
    int h = 0;
    for (int i = 0; i < key.length(); i++) {
      h = 31 * h + key.charAt(i);
    }
    return h;
  }

  /** Token {@code t} as a canon slice length. */
  int len(int t) {
    return cEnd[t] - cStart[t];
  }

  /** Canonical key of a lexicon form: its tokens, lower-cased, joined by single spaces. */
  static String key(String form) {
    Tokens t = new Tokens();
    t.reset(form);
    return t.count == 0 ? "" : new String(t.canon, 0, t.cEnd[t.count - 1]);
  }
}
