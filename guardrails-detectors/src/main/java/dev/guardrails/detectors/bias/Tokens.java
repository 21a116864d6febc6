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
 * clause punctuation are hard breaks that phrases never cross.
 *
 * <p>Not thread-safe: one instance per thread, reused through {@link #reset(CharSequence)}.
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
  int[] cStart = new int[64];
  int[] cEnd = new int[64];
  int[] oStart = new int[64];
  int[] oEnd = new int[64];
  int[] flags = new int[64];
  int count;

  /** Tokenizes {@code s}; earlier results are discarded. */
  void reset(CharSequence s) {
    int n = s.length();
    if (canon.length < n + 1) {
      canon = new char[n + 16];
    }
    count = 0;
    int w = 0;
    int pendingFlags = SENT_START;
    int quoteEnd = -1;
    int lastQuestionCheck = 0;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        int f = pendingFlags;
        int letters = 0;
        int uppers = 0;
        if (Character.isUpperCase(c)) {
          f |= CAP;
        }
        if (w > 0) {
          canon[w++] = ' ';
        }
        int cs = w;
        while (i < n) {
          char d = s.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            if (Character.isLetter(d)) {
              letters++;
              if (Character.isUpperCase(d)) {
                uppers++;
              }
            }
            canon[w++] = lower(d);
            i++;
          } else if ((d == '\'' || d == '\u2019') && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
            char e = s.charAt(i + 1);
            boolean endsAfter = i + 2 >= n || !Character.isLetterOrDigit(s.charAt(i + 2));
            if ((e == 's' || e == 'S') && endsAfter) {
              i += 2; // possessive: dropped
              break;
            }
            canon[w++] = '\'';
            i++;
          } else {
            break;
          }
        }
        if (letters > 1 && uppers == letters) {
          f |= UPPER;
        }
        if (start > 0 && count > 0 && oEnd[count - 1] == start - 1 && s.charAt(start - 1) == '-') {
          f |= HYPHEN_BEFORE;
        }
        if (i - 1 < quoteEnd) {
          f |= QUOTED;
        }
        add(cs, w, start, i, f);
        pendingFlags = 0;
        continue;
      }
      if (c == '"' || c == '\u201C' || c == '\u201D') {
        if (i != quoteEnd) {
          quoteEnd = closingQuote(s, i + 1, n); // an opening quote: quoted only if it closes nearby
        }
        pendingFlags |= HARD_BEFORE;
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

  private static int closingQuote(CharSequence s, int from, int n) {
    int limit = Math.min(n, from + MAX_QUOTE);
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

  private void add(int cs, int ce, int os, int oe, int f) {
    if (count == cStart.length) {
      int m = count * 2;
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
    count++;
  }

  static char lower(char c) {
    if (c < 128) {
      return (c >= 'A' && c <= 'Z') ? (char) (c | 0x20) : c;
    }
    return Character.toLowerCase(c);
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

  /** Token {@code t} as a canon slice length. */
  int len(int t) {
    return cEnd[t] - cStart[t];
  }

  /** Canonical key of a lexicon form: its tokens, lower-cased, joined by single spaces. */
  static String key(CharSequence form) {
    Tokens t = new Tokens();
    t.reset(form);
    return t.count == 0 ? "" : new String(t.canon, 0, t.cEnd[t.count - 1]);
  }
}
