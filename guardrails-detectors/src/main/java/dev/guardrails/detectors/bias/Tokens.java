package dev.guardrails.detectors.bias;

/**
 * Word tokens of one text in one linear pass: the segment is copied into a {@code canon} buffer
 * and each token's characters are lower-cased there in place (so a token is a slice, ready for a
 * {@code CharArrayMap} lookup, and the common lower-case letters are only read), plus each
 * token's offsets in the scanned text, flags and hash; {@link #gram} joins n-grams of tokens with
 * single spaces for phrase lookups.
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
  static final int QUESTION = 32;    // the next hard break after this token is '?' (QUOTED << 1: BiasDetector folds
                                     // the two with f | f >>> 1)
  static final int HYPHEN_BEFORE = 64; // joined to the previous token by a bare hyphen (bio-psycho)
  // The lexicon scan's tests, set from the lexicon's TokenMarks (only with a lexicon): the scan looks up a head only for
  // a token with either
  static final int MAY_ALONE = 128;   // a head that matters alone (BiasLexicon.aloneHeadHashes, exact on the hash)
  static final int MAY_PAIR = 256;    // a PHRASE_HEAD, next token in the same clause and BiasLexicon.mayBePair
  // The stereotype path's tests ({@link TokenMarks}), set when {@link #marked} (every tokenization but the rules-only
  // detector's and {@link #key}'s): the mention finder and the attribution frame read them, and the group-term lookup
  // (StereotypeFeatures.term, which the rules' practice veto uses too) when marked, else it probes its own table.
  static final int GROUP_HEAD = 512;    // may start a group term: cleared once the next token shows it cannot
                                        // (neither GROUP_SINGLE nor GROUP_PAIR), so "the" before most words is unmarked
  static final int GROUP_SINGLE = 1024; // may be a one-token group term
  static final int GROUP_PAIR = 2048;   // a GROUP_HEAD that may start a group term with the next token (any break between)
  static final int GROUP_WHO = 4096;    // "who" or "that" (by hash): "people who are X"
  static final int ANCHOR = 8192;       // an attribution anchor of StereotypeFrames ("because", "so", "for" ...)
  static final int PHRASE_HEAD = 16384; // a lexicon or group phrase of two or more tokens may start here (only with a
                                        // lexicon; the MAY_PAIR test runs only after one)
  /** The flags that tell the stereotype path a sentence may hold a mention or an attribution anchor. */
  static final int STEREOTYPE_MARKS = GROUP_HEAD | GROUP_WHO | ANCHOR;

  private static final int MAX_QUOTE = 400;
  /** How far before a '?' a token still counts as part of the question, in chars. */
  private static final int MAX_QUESTION = 300;

  /** The segment being tokenized, token characters lower-cased in place; token t is {@code canon[cStart[t], cEnd[t])}. */
  char[] canon = new char[256];
  /** The last n-gram built by {@link #gram}. */
  char[] gram = new char[64];
  private int base;
  private String text;
  int[] cStart = new int[64];
  int[] cEnd = new int[64];
  int[] oStart = new int[64];
  int[] oEnd = new int[64];
  int[] flags = new int[64];
  /** Per token: {@link #hash(CharSequence)} of its canonical form, for the lexicon's head filter. */
  int[] hash = new int[64];
  /**
   * Per token, the stereotype path's word-set bits ({@link StereotypeFeatures#bits}), stored by the model's feature pass
   * for tokens {@code [bitsFrom, bitsTo)} of the current segment (an empty range after each {@link #reset}).
   */
  long[] wordBits = new long[64];
  int bitsFrom;
  int bitsTo;
  int count;
  private BiasLexicon lex;
  private TokenMarks marks;
  /** The {@link #marks} flags this tokenization sets: all, or the lexicon's only (no stereotype marks). */
  private int keep = -1;
  /** True if the last {@link #reset} set the {@link TokenMarks} flags. */
  boolean marked;

  /** The stereotype model's working arrays for this thread, made on first use ({@link #modelScratch}). */
  private StereotypeScorer.Scratch modelScratch;

  /** The segment as bytes, for the ASCII path ({@link #resetAscii}), eight zero bytes after its end. */
  private byte[] bytes = new byte[264];
  /** For tests: always the general loop, never {@link #resetAscii}. */
  boolean generalOnly;

  private int quoteEnd = -1;
  private dev.guardrails.text.AnalyzedText source; // the text whose normalized view is scanned, or null

  /** Tokenizes all of {@code text}; earlier results are discarded. */
  void reset(String text) {
    begin();
    reset(text, 0, text.length());
  }

  /** Starts a new text: forgets any open quotation of the previous one; tokens get the {@link TokenMarks}. */
  void begin() {
    quoteEnd = -1;
    source = null;
    lex = null;
    marks = TokenMarks.get();
    keep = -1;
  }

  /**
   * Starts a new text whose normalized view will be scanned; its original tells a single line
   * break from a paragraph break, which the normalized view collapses alike. With a lexicon, each
   * token is also marked {@link #MAY_ALONE} and {@link #MAY_PAIR} by its filters while its hash is
   * at hand; with or without one, by the stereotype path's {@link TokenMarks} ({@link #GROUP_HEAD} ...
   * {@link #ANCHOR}). Call {@link #end()} after the last segment so this thread-local scratch does not keep
   * the text.
   */
  void begin(dev.guardrails.text.AnalyzedText text, BiasLexicon lexicon) {
    begin(text, lexicon, true);
  }

  /**
   * As {@link #begin(dev.guardrails.text.AnalyzedText, BiasLexicon)}; without {@code marks} (the rules-only detector,
   * which never runs the mention finder or the attribution frame) the tokens get no {@link TokenMarks} flags.
   */
  void begin(dev.guardrails.text.AnalyzedText text, BiasLexicon lexicon, boolean marks) {
    quoteEnd = -1;
    source = text;
    lex = lexicon;
    this.marks = lexicon != null ? lexicon.marks() : marks ? TokenMarks.get() : null;
    keep = marks ? -1 : MAY_ALONE | PHRASE_HEAD;
  }

  /** The stereotype model's per-thread working arrays, kept beside this per-thread scratch. */
  StereotypeScorer.Scratch modelScratch() {
    StereotypeScorer.Scratch s = modelScratch;
    if (s == null) {
      s = new StereotypeScorer.Scratch();
      modelScratch = s;
    }
    return s;
  }

  /** Forgets the text and lexicon given to {@link #begin(dev.guardrails.text.AnalyzedText, BiasLexicon)}. */
  void end() {
    source = null;
    lex = null;
    text = null;
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
    }
    // Tokens are separated by at least one char, so a segment holds at most (len + 1) / 2 of them:
    // sized once here, the loop stores without capacity checks.
    int maxTokens = (len + 1) / 2 + 1;
    if (cStart.length < maxTokens) {
      int m = Math.max(maxTokens, cStart.length * 2);
      cStart = new int[m];
      cEnd = new int[m];
      oStart = new int[m];
      oEnd = new int[m];
      flags = new int[m];
      hash = new int[m];
      wordBits = new long[m];
    }
    bitsFrom = 0;
    bitsTo = 0; // the word bits of the last segment's tokens are stale
    text.getChars(from, to, canon, 0);
    marked = marks != null && keep == -1;
    base = from;
    this.text = text;
    this.count = 0;
    runPending = SENT_START;
    runLastQuestion = 0;
    runPrevEnd = -2;
    int ascii = generalOnly ? 0 : asciiPrefix(len);
    int i = ascii > 0 ? resetAscii(text, from, len, 0, ascii) : 0;
    // the general loop from the first non-ASCII char's token on; it hands a long ASCII run after a separator back to
    // the eight-byte path (a non-ASCII name or sign mid-text no longer sends the rest of the text char by char)
    while (i < len) {
      i = general(len, i, this.count, runPending, runLastQuestion, runPrevEnd);
      if (i < len) {
        i = resetAscii(text, from, len, i, nextNonAscii(i, len));
      }
    }
    int count = this.count;
    if (count > 0 && (flags[count - 1] & (GROUP_HEAD | GROUP_SINGLE)) == GROUP_HEAD) {
      flags[count - 1] &= ~GROUP_HEAD; // the last token: no next one to start a group term with
    }
  }

  /** The loops' state where one hands over to the other ({@link #general}, {@link #resetAscii}); count is in {@link #count}. */
  private int runPending;
  private int runLastQuestion;
  private int runPrevEnd;
  /** {@link #general} hands over to {@link #resetAscii} at a separator followed by at least this many ASCII chars. */
  private static final int ASCII_RUN = 16;

  /** The index of the first char above U+007F in {@code canon[i, len)}, or {@code len}. */
  private int nextNonAscii(int i, int len) {
    final char[] s = canon;
    while (i < len && s[i] < 0x80) {
      i++;
    }
    return i;
  }

  /**
   * The general loop of {@link #reset(String, int, int)} over {@code canon[0, n)}, char by char, from token or separator
   * {@code i} on: the whole segment, or the rest of one whose ASCII part {@link #resetAscii} tokenized up to a token
   * or separator at {@code i} (the other arguments carry its state). Unless {@link #generalOnly}, it stops at an ASCII
   * separator followed by at least {@value #ASCII_RUN} ASCII chars, its state in {@link #count} and the run fields.
   *
   * @return where it stopped: {@code n}, or such a separator
   */
  private int general(int n, int i, int count, int pendingFlags, int lastQuestionCheck, int prevEnd) {
    final char[] s = canon;
    final byte[] cls = CLASS;
    final int[] cSt = cStart;
    final int[] cEn = cEnd;
    final int[] oSt = oStart;
    final int[] oEn = oEnd;
    final int[] fl = flags;
    final int[] hs = hash;
    final BiasLexicon lexicon = lex;
    final TokenMarks mk = marks;
    final long[] filter = mk == null ? null : mk.filter;
    int nextCheck = generalOnly ? n : i; // no ASCII run to hand over before this index
    while (i < n) {
      char c = s[i];
      int k = c < 128 ? cls[c] : nonAsciiClass(c);
      if (k < DIGIT && c < 128 && i >= nextCheck) {
        int j = nextNonAscii(i + 1, n);
        if (j - i > ASCII_RUN) {
          break; // a separator before a long ASCII run: back to the eight-byte path
        }
        nextCheck = j + 1;
      }
      if (k >= DIGIT) {
        int start = i;
        int f = pendingFlags;
        int letters = 0;
        int uppers = 0;
        int ce = -1; // end of the canonical token if a possessive 's is dropped
        int h = 0; // hash of the canonical token, built as it is lower-cased (see hash(CharSequence))
        while (true) {
          // the common case first: a run of lower-case ASCII letters
          int run = i;
          char d = 0;
          // two chars a step: 31 * (31 * h + a) + b = 961 * h + (31 * a + b), the same hash with half the
          // multiply-add chain that bounds this loop
          char d1;
          while (i + 1 < n && (d = s[i]) >= 'a' && d <= 'z' && (d1 = s[i + 1]) >= 'a' && d1 <= 'z') {
            h = 961 * h + (31 * d + d1); // already canonical
            i += 2;
          }
          while (i < n && (d = s[i]) >= 'a' && d <= 'z') {
            h = 31 * h + d;
            i++;
          }
          letters += i - run;
          if (i >= n) {
            break;
          }
          if (d < 128) {
            int kd = cls[d];
            if (kd == UPPER_LETTER) {
              uppers++;
              letters++;
              h = 31 * h + (s[i] = (char) (d | 0x20));
              i++;
            } else if (kd == DIGIT) {
              h = 31 * h + d;
              i++;
            } else if (d == '\'' && apostropheInWord(s, i, n)) {
              if (possessive(s, i, n)) {
                ce = i;
                i += 2;
                break;
              }
              h = 31 * h + '\'';
              i++;
            } else {
              break;
            }
          } else if ((d < '\u2000' || d > '\u206F') && Character.isLetterOrDigit(d)) {
            // (General Punctuation, the commonest non-ASCII chars after a word, holds no letter or digit)
            if (Character.isLetter(d)) {
              letters++;
              if (Character.isUpperCase(d)) {
                uppers++;
              }
            }
            h = 31 * h + (s[i] = Character.toLowerCase(d));
            i++;
          } else if (d == '\u2019' && apostropheInWord(s, i, n)) {
            if (possessive(s, i, n)) {
              ce = i;
              i += 2;
              break;
            }
            h = 31 * h + (s[i] = '\'');
            i++;
          } else {
            break;
          }
        }
        if (k == UPPER_LETTER || (k == OTHER_LETTER && Character.isUpperCase(c))) {
          f |= CAP;
        }
        if (letters > 1 && uppers == letters) {
          f |= UPPER;
        }
        if (prevEnd == start - 1 && s[start - 1] == '-') {
          f |= HYPHEN_BEFORE;
        }
        if (base + i - 1 < quoteEnd) {
          f |= QUOTED;
        }
        cSt[count] = start;
        cEn[count] = ce < 0 ? i : ce;
        oSt[count] = base + start;
        oEn[count] = base + i;
        if (mk != null) {
          // one test of the marks' 8 KB filter for most tokens; the table probe only past it
          int m = TokenMarks.spread(h);
          if (TokenMarks.filterBit(filter, m)) {
            f |= mk.probe(h, m) & keep;
          }
          if (count > 0 && (fl[count - 1] & (PHRASE_HEAD | GROUP_HEAD)) != 0) {
            fl[count - 1] = pairMarks(fl[count - 1], f, hs[count - 1], h, lexicon, mk);
          }
        }
        fl[count] = f;
        hs[count] = h;
        count++;
        prevEnd = i;
        pendingFlags = 0;
        continue;
      }
      if (k != SOFT) {
        if (k == QUOTE) {
          if (base + i != quoteEnd) {
            quoteEnd = closingQuote(s, i + 1, n); // an opening quote: quoted only if it closes nearby
          }
          pendingFlags |= HARD_BEFORE;
        } else if (k == BREAK) {
          if (c != '\n' || !softWrap(s, i, n)) { // a soft wrap: the sentence goes on
            pendingFlags |= HARD_BEFORE | SENT_START;
            if (c == '?') {
              // bounded in chars too, so a runaway "sentence" cannot reach past the detector's window
              for (int t = count - 1; t >= lastQuestionCheck && oSt[t] >= base + i - MAX_QUESTION; t--) {
                fl[t] |= QUESTION;
              }
            }
            lastQuestionCheck = count;
          }
        } else if (k == CLAUSE) {
          pendingFlags |= HARD_BEFORE;
        }
      }
      i++;
    }
    this.count = count;
    runPending = pendingFlags;
    runLastQuestion = lastQuestionCheck;
    runPrevEnd = prevEnd;
    return i;
  }

  /**
   * The length of the segment's prefix (its {@code len} chars already in {@link #canon}) before its first char above
   * U+007F: all of it for a detector's ASCII text (known from normalizing), else found in {@link #canon}, 64 chars at a
   * time by an OR of their chars (a loop the JIT vectorizes; a text with a few non-ASCII chars is mostly ASCII, and a
   * char-by-char search over each segment cost more than the eight-byte path saves).
   */
  private int asciiPrefix(int len) {
    if (source != null && !source.contains(dev.guardrails.text.CharClass.NON_ASCII)) {
      return len; // the scanned text is its normalized view
    }
    final char[] s = canon;
    int i = 0;
    for (; i + 64 <= len; i += 64) {
      int or = 0;
      for (int j = i; j < i + 64; j++) {
        or |= s[j];
      }
      if (or >= 0x80) {
        break;
      }
    }
    for (; i < len; i++) {
      if (s[i] >= 0x80) {
        return i;
      }
    }
    return len;
  }

  /**
   * {@link #reset(String, int, int)} of the ASCII chars {@code [i0, n)} of a segment ({@code len} chars, already copied
   * into {@link #canon}; {@code i0} is 0 or a separator where {@link #general} stopped, its state in {@link #count} and
   * the run fields), with the same tokens, offsets, flags and hashes as the general loop ({@code TokensAsciiPathTest}),
   * eight chars at a time over a byte copy of those chars: a token's end is the first byte
   * that is not a letter or digit (one mask and a trailing-zero count, not a test and branch per char whose loop exit
   * mispredicts at every word end), and its capitals and hash come from the same eight-byte words ({@link #hash8}).
   * Separators are read one by one, as most are a single space. The general loop ({@link #general}) takes over at the
   * first token that reaches within two chars of {@code n}, or at {@code n}.
   *
   * @return where it stopped, its state in {@link #count} and the run fields
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low byte of each char, exact for ASCII
  private int resetAscii(String text, int from, int len, int i0, int n) {
    byte[] b = bytes;
    if (b.length < n + 8) {
      b = new byte[Math.max(n + 64, b.length * 2)]; // copied again below from i0: nothing before it is read
      bytes = b;
    }
    text.getBytes(from + i0, from + n, b, i0);
    LONGS.set(b, n, 0L); // eight zero bytes after the prefix: no word char, so every word scan stops there
    final char[] s = canon;
    final byte[] cls = CLASS;
    final int[] cSt = cStart;
    final int[] cEn = cEnd;
    final int[] oSt = oStart;
    final int[] oEn = oEnd;
    final int[] fl = flags;
    final int[] hs = hash;
    final BiasLexicon lexicon = lex;
    final TokenMarks mk = marks;
    final long[] filter = mk == null ? null : mk.filter;
    int count = this.count;
    int pendingFlags = runPending;
    int lastQuestionCheck = runLastQuestion;
    int prevEnd = runPrevEnd; // end (in s) of the previous token
    int i = i0;
    while (i < n) {
      int c = b[i];
      int k = cls[c];
      if (k >= DIGIT) {
        int start = i;
        int f = pendingFlags;
        int h = 0;
        int e;
        int cend;
        // the common case: a word with no apostrophe after it that ends inside the prefix, its end, capitals and hash
        // from one pass of eight-byte loads (a capital is lower-cased in canon and in the hashed word)
        int q = start; // the eight bytes being read
        long y;
        long nw;
        int uppers = 0;
        while ((nw = ~wordBytes(y = (long) LONGS.get(b, q)) & HIGH) == 0) {
          long up = capitals(y);
          if (up != 0) {
            if (q == start && (up & 0x80) != 0) {
              f |= CAP;
            }
            uppers += lowerCase(s, q, up);
            y |= up >>> 2; // 0x80 >>> 2 = 0x20: the capitals to lower case
          }
          h = h * POW31[8] + hash8(y);
          q += 8;
        }
        int rest = Long.numberOfTrailingZeros(nw) >>> 3; // the word's bytes in y, 0-7
        e = q + rest;
        if (b[e] != '\'' && (e + 2 < n || n == len)) {
          y &= (1L << (rest << 3)) - 1;
          long up = capitals(y);
          if (up != 0) {
            if (q == start && (up & 0x80) != 0) {
              f |= CAP;
            }
            uppers += lowerCase(s, q, up);
            y |= up >>> 2;
          }
          h = h * POW31[rest] + hash8(y) * INV31[8 - rest];
          if (uppers > 1 && uppers == letters(b, start, e)) {
            f |= UPPER;
          }
          cend = e;
        } else {
          // an apostrophe after the word, or a word that may run past the prefix: from its start again, canon as it
          // was (the general loop, if it takes over, reads capitals there)
          if (uppers > 0) {
            text.getChars(base + start, base + q, s, start);
          }
          f = pendingFlags;
          e = wordEnd(b, i);
          int ce = -1; // end of the canonical token if a possessive 's is dropped
          boolean past = false;
          while (true) {
            if (e + 2 >= n && n < len) {
              past = true; // the token may run on, or its tests read chars, past the ASCII prefix
              break;
            }
            if (e >= n || b[e] != '\'' || e + 1 >= n || cls[b[e + 1]] < LOWER_LETTER) {
              break;
            }
            // an apostrophe inside a word
            if (possessive(b, e, n)) {
              ce = e;
              e += 2;
              break;
            }
            e = wordEnd(b, e + 1);
          }
          if (past) {
            break; // the general loop takes the token from its start
          }
          cend = ce < 0 ? e : ce;
          // the hash and the capitals, eight bytes a step
          h = 0;
          uppers = 0;
          for (int p = start; ; p += 8) {
            int r = cend - p;
            y = (long) LONGS.get(b, p);
            if (r < 8) {
              y &= (1L << (r << 3)) - 1;
            }
            long up = capitals(y);
            if (up != 0) {
              if (p == start && (up & 0x80) != 0) {
                f |= CAP;
              }
              uppers += lowerCase(s, p, up);
              y |= up >>> 2;
            }
            if (r <= 8) {
              h = h * POW31[r] + hash8(y) * INV31[8 - r];
              break;
            }
            h = h * POW31[8] + hash8(y);
          }
          if (uppers > 1 && uppers == letters(b, start, cend)) {
            f |= UPPER;
          }
        }
        if (prevEnd == start - 1 && b[start - 1] == '-') {
          f |= HYPHEN_BEFORE;
        }
        if (base + e - 1 < quoteEnd) {
          f |= QUOTED;
        }
        cSt[count] = start;
        cEn[count] = cend;
        oSt[count] = base + start;
        oEn[count] = base + e;
        if (mk != null) {
          int m = TokenMarks.spread(h);
          if (TokenMarks.filterBit(filter, m)) {
            f |= mk.probe(h, m) & keep;
          }
          if (count > 0 && (fl[count - 1] & (PHRASE_HEAD | GROUP_HEAD)) != 0) {
            fl[count - 1] = pairMarks(fl[count - 1], f, hs[count - 1], h, lexicon, mk);
          }
        }
        fl[count] = f;
        hs[count] = h;
        count++;
        prevEnd = e;
        pendingFlags = 0;
        i = e;
        continue;
      }
      if (k != SOFT) {
        if (k == QUOTE) {
          if (base + i != quoteEnd) {
            quoteEnd = closingQuote(s, i + 1, len); // an opening quote: quoted only if it closes nearby
          }
          pendingFlags |= HARD_BEFORE;
        } else if (k == BREAK) {
          if (c != '\n' || !softWrap(s, i, len)) { // a soft wrap: the sentence goes on
            pendingFlags |= HARD_BEFORE | SENT_START;
            if (c == '?') {
              for (int t = count - 1; t >= lastQuestionCheck && oSt[t] >= base + i - MAX_QUESTION; t--) {
                fl[t] |= QUESTION;
              }
            }
            lastQuestionCheck = count;
          }
        } else if (k == CLAUSE) {
          pendingFlags |= HARD_BEFORE;
        }
      }
      i++;
    }
    this.count = count;
    runPending = pendingFlags;
    runLastQuestion = lastQuestionCheck;
    runPrevEnd = prevEnd;
    return i;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  /** {@code 31^k}, k = 0..8. */
  private static final int[] POW31 = new int[9];
  /** {@code 31^-k} modulo 2^32 (31 is odd, so invertible), k = 0..8. */
  private static final int[] INV31 = new int[9];

  static {
    int inv = 31; // Newton's iteration: each step doubles the correct low bits (31 * 31 = 1 mod 8: three to start)
    for (int k = 0; k < 4; k++) {
      inv *= 2 - 31 * inv;
    }
    POW31[0] = 1;
    INV31[0] = 1;
    for (int k = 1; k <= 8; k++) {
      POW31[k] = POW31[k - 1] * 31;
      INV31[k] = INV31[k - 1] * inv;
    }
  }

  /** The high bit of each ASCII letter or digit byte of {@code x}, whose bytes are all below 0x80. */
  private static long wordBytes(long x) {
    long f = x | 0x2020202020202020L;
    long letters = (f + 0x1F * ONES) & ~(f + 0x05 * ONES); // 'a'..'z' after folding
    long digits = (x + 0x50 * ONES) & ~(x + 0x46 * ONES); // '0'..'9'
    return (letters | digits) & HIGH;
  }

  /** The high bit of each byte 'A'..'Z' of {@code y}, whose bytes are all below 0x80 (no carries). */
  private static long capitals(long y) {
    return ((y + 0x3F * ONES) & ~(y + 0x25 * ONES)) & HIGH;
  }

  /** Lower-cases in {@code s} the capitals {@code up} ({@link #capitals}) of the eight chars from {@code p}; their count. */
  private static int lowerCase(char[] s, int p, long up) {
    for (long u = up; u != 0; u &= u - 1) {
      int at = p + (Long.numberOfTrailingZeros(u) >>> 3);
      s[at] = (char) (s[at] | 0x20);
    }
    return Long.bitCount(up);
  }

  /** The first index from {@code i} whose byte is not an ASCII letter or digit (the zero bytes after the segment stop it). */
  private static int wordEnd(byte[] b, int i) {
    while (true) {
      long nw = ~wordBytes((long) LONGS.get(b, i)) & HIGH;
      if (nw != 0) {
        return i + (Long.numberOfTrailingZeros(nw) >>> 3);
      }
      i += 8;
    }
  }

  /** The ASCII letters in {@code b[from, to)}. */
  private static int letters(byte[] b, int from, int to) {
    int letters = 0;
    for (int i = from; i < to; i++) {
      letters += CLASS[b[i]] >= LOWER_LETTER ? 1 : 0;
    }
    return letters;
  }

  private static boolean possessive(byte[] b, int i, int n) {
    int e = b[i + 1];
    if (e != 's' && e != 'S') {
      return false;
    }
    return i + 2 >= n || CLASS[b[i + 2]] < DIGIT;
  }

  /**
   * {@code 31^7 * y0 + 31^6 * y1 + ... + y7} (mod 2^32) of the eight bytes of {@code y} (each below 0x80, the first
   * the lowest): the {@code 31 * h + c} hash of eight chars, from a word whose bytes past its end are zero as that
   * word's hash times {@code 31^(8 - length)}. Pairs in 16-bit lanes, then quads in 32-bit lanes: no lane overflows.
   */
  static int hash8(long y) {
    long z = (y & 0x00FF00FF00FF00FFL) * 31 + ((y >>> 8) & 0x00FF00FF00FF00FFL);
    long w = (z & 0x0000FFFF0000FFFFL) * 961 + ((z >>> 16) & 0x0000FFFF0000FFFFL);
    return (int) w * 923521 + (int) (w >>> 32);
  }

  /**
   * The flags {@code pf} of a head token, completed by the next token (flags {@code f}, hash {@code h}): {@link #MAY_PAIR}
   * after a {@link #PHRASE_HEAD} in the same clause if the lexicon's pair filter passes; {@link #GROUP_PAIR} after a
   * {@link #GROUP_HEAD} if the group terms' pair test passes, else the head mark dropped unless it is a one-token term
   * ({@code StereotypeFeatures.term} needs one of the two, so it finds no term either way).
   */
  private static int pairMarks(int pf, int f, int ph, int h, BiasLexicon lexicon, TokenMarks mk) {
    if ((pf & PHRASE_HEAD) != 0 && (f & HARD_BEFORE) == 0 && lexicon.mayBePair(ph, h)) {
      pf |= MAY_PAIR;
    }
    if ((pf & GROUP_HEAD) != 0) {
      if (mk.pair(ph, h)) {
        pf |= GROUP_PAIR;
      } else if ((pf & GROUP_SINGLE) == 0) {
        pf &= ~GROUP_HEAD;
      }
    }
    return pf;
  }

  // Char classes: separators below DIGIT, word chars from DIGIT up.
  private static final byte SOFT = 0;      // space, comma, hyphen, slash, apostrophe and anything else
  private static final byte QUOTE = 1;     // a double quote
  private static final byte BREAK = 2;     // sentence end or line break: . ! ? \n
  private static final byte CLAUSE = 3;    // clause punctuation: ; : ( ) [ ] | < > and dashes, ellipsis
  private static final byte DIGIT = 4;
  private static final byte OTHER_LETTER = 5; // a non-ASCII letter or digit
  private static final byte LOWER_LETTER = 6;
  private static final byte UPPER_LETTER = 7;
  private static final byte[] CLASS = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      CLASS[c] = LOWER_LETTER;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      CLASS[c] = UPPER_LETTER;
    }
    for (char c = '0'; c <= '9'; c++) {
      CLASS[c] = DIGIT;
    }
    CLASS['"'] = QUOTE;
    for (char c : ".!?\n".toCharArray()) {
      CLASS[c] = BREAK;
    }
    for (char c : ";:()[]|<>".toCharArray()) {
      CLASS[c] = CLAUSE;
    }
  }

  /** The class of a non-ASCII char (package-private for its test). */
  static int nonAsciiClass(char c) {
    if (c >= '\u2000' && c <= '\u206F') {
      // General Punctuation (curly quotes, dashes, ellipsis, spaces): no letter or digit, and the commonest non-ASCII
      // chars of English answers, so they skip the Character property lookup
      return c == '\u201C' || c == '\u201D' ? QUOTE : c == '\u2014' || c == '\u2013' || c == '\u2026' ? CLAUSE : SOFT;
    }
    if (Character.isLetterOrDigit(c)) {
      return OTHER_LETTER;
    }
    if (c == '\u201C' || c == '\u201D') {
      return QUOTE;
    }
    if (c == '\u2014' || c == '\u2013' || c == '\u2026') {
      return CLAUSE;
    }
    return SOFT;
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
    // ASCII by the class table (the same answers as Character's for ASCII), others by Character
    boolean wordBefore = b < 128 ? CLASS[b] >= DIGIT || b == ',' : Character.isLetterOrDigit(b);
    boolean lowerAfter = a < 128 ? CLASS[a] == LOWER_LETTER : Character.isLowerCase(a);
    if (!wordBefore || !lowerAfter) {
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
    return c < 128 ? CLASS[c] >= LOWER_LETTER : Character.isLetter(c);
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
    return c < 128 ? CLASS[c] < DIGIT : !Character.isLetterOrDigit(c);
  }

  /**
   * Offset in the scanned text of the quote that closes one opened just before {@code s[from]}, or -1: the
   * segment's chars are read from {@code s} (only letters and apostrophes behind the scan were rewritten, never a
   * quote or line break), the text past the segment's end {@code n} from the string.
   */
  private int closingQuote(char[] s, int from, int n) {
    int limit = Math.min(text.length() - base, from + MAX_QUOTE);
    int j = from;
    for (int inSegment = Math.min(limit, n); j < inSegment; j++) {
      char c = s[j];
      if (c == '"' || c == '\u201D') {
        return base + j;
      }
      if (c == '\n' || c == '\u201C') {
        return -1;
      }
    }
    for (; j < limit; j++) {
      char c = text.charAt(base + j);
      if (c == '"' || c == '\u201D') {
        return base + j;
      }
      if (c == '\n' || c == '\u201C') {
        return -1;
      }
    }
    return -1;
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

  /**
   * Writes tokens {@code [from, to)} into {@link #gram}, joined by single spaces: the canonical
   * key of that n-gram.
   *
   * @return the key's length
   */
  int gram(int from, int to) {
    int len = to - from - 1;
    for (int t = from; t < to; t++) {
      len += len(t);
    }
    if (gram.length < len) {
      gram = new char[Math.max(len, gram.length * 2)];
    }
    int w = 0;
    for (int t = from; t < to; t++) {
      if (t > from) {
        gram[w++] = ' ';
      }
      // a plain loop: tokens are a few chars, too short for arraycopy's setup
      for (int c = cStart[t], e = cEnd[t]; c < e; c++) {
        gram[w++] = canon[c];
      }
    }
    return w;
  }

  /** Canonical key of a lexicon form: its tokens, lower-cased, joined by single spaces. */
  static String key(String form) {
    Tokens t = new Tokens();
    t.quoteEnd = -1; // no marks: the group-term tables that TokenMarks reads are built from these keys
    t.reset(form, 0, form.length());
    if (t.count == 0) {
      return "";
    }
    int len = t.gram(0, t.count); // may replace t.gram: read the field after
    return new String(t.gram, 0, len);
  }
}
