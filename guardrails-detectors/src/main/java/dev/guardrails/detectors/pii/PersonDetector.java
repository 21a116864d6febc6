package dev.guardrails.detectors.pii;

import dev.guardrails.detectors.internal.ScratchArray;
import dev.guardrails.detectors.internal.Swar;
import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.text.AnalyzedText;
import dev.guardrails.text.CharClass;
import java.util.Set;

/**
 * Finds person names without a statistical model: one linear pass groups capitalized words (and
 * initials, and particles such as {@code van}/{@code de}) into runs of at most five tokens, then
 * judges each run with gazetteers of given names and surnames ({@link NameLexicons}), surname
 * endings, blockers for organizations, places and streets, and context cues (titles such as
 * {@code Dr.}/{@code Mrs.}, and phrases such as "my name is", "dear", "attn", "signed", "contact").
 *
 * <p>A run is reported when a token is a known name that is not also a common English word or a
 * place, when two or more tokens are names, when an initial sits between capitalized words
 * ({@code Faina D. Yefremova}), or when a cue precedes it. The span covers the whole name (first,
 * middle, last), without the title. Lower-case names and names made only of unknown words with no
 * cue are not found: that is the price of having no model.
 *
 * <p>Reports {@code PII/PERSON}. Stateless and thread-safe; lexicons load once per JVM.
 */
public final class PersonDetector implements Detector {

  /** The type this detector reports. */
  public static final FindingType PERSON = FindingType.of(Category.PII, "PERSON");

  private static final int MAX_RUN = 5;
  private static final int MAX_TOKEN = 40;

  // Token flags.
  private static final int CAP = 1; // Capitalized word
  private static final int INITIAL = 2; // single upper-case letter, maybe with a dot
  private static final int PARTICLE = 4; // van, de, von... (lower case, inside a name)
  private static final int DOT = 8; // followed directly by '.'
  private static final int LOWER = 16; // a lower-case name, title or cue word in a stretch written without capitals
  private static final int LOWER_EN = 32; // such a name that is also an English word: only continues a run
  // Set by judge on the run's words, from the scan's char copy, before any rule reads the word:
  private static final int HYPHEN = 64; // the word holds a '-'
  private static final int MARKS = 128; // the word holds a char from U+00C2 up (where every long-vowel mark is)

  /**
   * A lower-case word is read as a possible name when no capital precedes it in its sentence (or
   * within twice this many chars) and none follows within this many chars before its sentence ends.
   */
  private static final int LOWER_CTX = 64;

  /**
   * What a thread's checks reuse, behind one {@link ThreadLocal} lookup per check (there were two):
   * the current run's token starts, ends, flags, gazetteer tags and name kinds ({@code runs}:
   * {@link #detect} allocates only the findings it reports; safe because a run never outlives one
   * call and calls do not nest), and the copy of the text the name scan reads ({@code text}, grown
   * to the longest text the thread has checked, held softly past {@link ScratchArray#STRONG}
   * chars): {@code String.charAt} tests the string's coder and the index on every char, about a
   * tenth of the detector's time on short answers. Only {@link #detect}, the scan helpers it calls
   * and the context the judge reads ({@link NameCues}, {@link NameContext}, {@link PersonRisk}) and
   * the judge's word-list lookups read the copy, within one call.
   */
  private static final class Scratch {
    final int[][] runs = new int[5][MAX_RUN + 1];
    final ScratchArray text = new ScratchArray();
    /** The judge's word-list lookups, through a memo of the thread's recent answers. */
    final Gazetteer.Recent tags = NameLexicons.recent();
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** {@code s}'s {@code n} chars in the thread's {@code t.text} buffer, from index 0. */
  private static char[] chars(Scratch t, String s, int n) {
    char[] c = t.text.chars(n);
    s.getChars(0, n, c, 0);
    return c;
  }

  // Char classes of the skip loop in detect (one table load per ASCII char).
  private static final byte S_OTHER = 0; // no letter, no sentence end
  private static final byte S_END = 1; // '.', '!', '?', line break
  private static final byte S_LOWER = 2; // a letter that is not upper case
  private static final byte S_UPPER = 3;
  private static final byte[] SKIP = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      SKIP[c] = Chars.upper((char) c) ? S_UPPER : Chars.letter((char) c) ? S_LOWER
          : c == '.' || c == '!' || c == '?' || c == '\n' ? S_END : S_OTHER;
    }
  }

  /** Creates the detector; used by {@link java.util.ServiceLoader}. */
  public PersonDetector() {}

  @Override
  public String id() {
    return "pii.person";
  }

  @Override
  public Set<FindingType> types() {
    return Set.of(PERSON);
  }

  @Override
  public int window() {
    // names and their context, plus the context the risk annotation reads (PersonRisk)
    return MAX_RUN * (MAX_TOKEN + 2) + 24 + 3 * LOWER_CTX + NameContext.AFTER + 16
        + PersonRisk.BEFORE + PersonRisk.AFTER;
  }

  @Override
  public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
    String s = text.normalized();
    int n = s.length();
    int[] addresses = text.analysis(StreetAddressDetector.SPANS);
    // after the address scan, which builds its own (for a short all-ASCII text the same one, returned as it is)
    byte[] v = n >= Latin1View.MIN ? Latin1View.of(s) : text.contains(CharClass.NON_ASCII) ? null : Latin1View.ofAscii(s);
    // the scan below reads the text from a char copy: the one the view was encoded from when it
    // holds this text (a long text: one copy of it fewer), else this detector's own; a short text's
    // view (by ofAscii) copies no chars, so it is not asked (one thread-local lookup fewer)
    char[] cs = v == null || n < Latin1View.MIN ? null : Latin1View.chars(s);
    Scratch t = SCRATCH.get();
    if (cs == null) {
      cs = chars(t, s, n);
    }
    scan(text, s, n, cs, v, addresses, t.runs, t.tags, out);
  }

  /**
   * {@link #detect} with no byte view, so the scan reads every char in its char-at-a-time loop:
   * the reference the tests compare the eight-bytes-at-a-time passes with.
   */
  void detectWithoutView(AnalyzedText text, FindingSink out) {
    String s = text.normalized();
    int n = s.length();
    Scratch t = SCRATCH.get();
    char[] cs = chars(t, s, n);
    scan(text, s, n, cs, null, text.analysis(StreetAddressDetector.SPANS), t.runs, t.tags, out);
  }

  /**
   * The name scan over {@code cs} (the text's chars) and {@code v} (its byte view, or null): groups
   * tokens into runs and judges each. Apart from {@link #detect}, whose set-up (the char copy, the
   * address spans, the byte view) the JIT would otherwise inline into the same compilation and
   * so run out of its inlining budget before the scan's own small helpers.
   */
  private void scan(AnalyzedText text, String s, int n, char[] cs, byte[] v, int[] addresses, int[][] runs, Gazetteer.Recent recent, FindingSink out) {
    int[] st = runs[0];
    int[] en = runs[1];
    int[] fl = runs[2];
    int[] tg = runs[3]; // NameLexicons.tags of the run's words, filled by judge
    int[] kd = runs[4]; // nameKind of the run's words, -1 until judge first asks (kindOf)
    int k = 0; // tokens in the current run
    int ai = 0; // the first address span that may overlap a run (addressFrom)
    boolean overflow = false;
    int i = 0;
    int sentStart = 0; // just after the last sentence or line end
    int lastCap = -1; // start of the last word written with a capital
    int fwd = -1; // first capital or sentence end at or after the last word asked about (a cache)
    int lastLower = -1; // end of the last lower-case word
    while (i < n) {
      if (k == 0) {
        // No run open: a word that starts in lower case while a capital stands in its sentence
        // (within 2 * LOWER_CTX chars) can neither start a run nor be a lower-case name; only its
        // end is kept (lastLower). Stop at a capital or where the lower-case path may apply.
        while (i < n) {
          if (v != null && lastCap >= sentStart && lastCap + 2 * LOWER_CTX + 1 - i >= 16) {
            // Lower-case words, spaces, digits and punctuation that neither ends a sentence nor joins
            // a word, up to where a word start would be too far from the last capital: pass them
            // eight bytes at a time, and keep the end of the last word passed over, as the loop
            // below would. The word that touches the stop goes to the loop below unless a sentence
            // end stops it (a capital, a hyphen, an apostrophe or a non-ASCII char may continue it).
            int q = plainEnd(v, i, Math.min(n, lastCap + 2 * LOWER_CTX + 1));
            int r = q;
            if (q < n && !wordBreak(v[q])) {
              while (r > i && lowerAscii(v[r - 1])) {
                r--;
              }
            }
            if (r > i) {
              int e = r;
              while (e > i && !lowerAscii(v[e - 1])) {
                e--;
              }
              if (e > i) {
                lastLower = e;
              }
              i = r;
              continue;
            }
          }
          char c = cs[i];
          int kind = c < 128 ? SKIP[c] : !Chars.letter(c) ? S_OTHER : Chars.upper(c) ? S_UPPER : S_LOWER;
          if (kind <= S_END) {
            if (kind == S_END) {
              sentStart = i + 1;
            }
            i++;
          } else if (kind == S_UPPER || lastCap < sentStart || lastCap < i - 2 * LOWER_CTX) {
            break;
          } else {
            i = wordEnd(cs, i + 1, n, v);
            lastLower = i;
          }
        }
        if (i >= n) {
          break;
        }
      }
      char c = cs[i];
      if (!Chars.letter(c)) {
        if (c == '.' || c == '!' || c == '?' || c == '\n') {
          sentStart = i + 1;
        }
        i++;
        continue;
      }
      int a = i;
      int b = wordEnd(cs, a + 1, n, v);
      i = b;
      // A short lower-case word may be a particle ("van", "de"), which matters only where it joins an
      // open run or where the lower-case path below may read it; elsewhere it is passed as a plain
      // word would be (no lookup)
      int flags = b - a > 4 || Chars.upper(c) || !Chars.lower(c)
          || (k > 0 && joined(s, cs, en[k - 1], a, fl[k - 1]))
          || (b - a >= 2 && (lastCap < sentStart || lastCap < a - 2 * LOWER_CTX)) ? classify(s, cs, a, b) : 0;
      if (Chars.upper(c)) {
        lastCap = a;
      } else if ((flags & PARTICLE) == 0 && b - a >= 2 && b - a <= MAX_TOKEN && (lastCap < sentStart || lastCap < a - 2 * LOWER_CTX)) {
        if (fwd < b) {
          fwd = capitalOrSentenceEnd(cs, b, n);
        }
        if (fwd >= n || fwd - b > LOWER_CTX || !Chars.upper(cs[fwd])) {
          flags = lowerName(s, cs, a, b, n, lastLower, sentStart, k > 0 ? en[k - 1] : -1, k > 0 ? fl[k - 1] : 0, recent);
        }
      }
      if (!Chars.upper(c)) {
        lastLower = b;
      }
      if (flags != 0 && (notName(cs, a, b, n) || (flags == INITIAL && cs[a] == 'I' && (b >= n || cs[b] != '.')))) {
        flags = 0; // an email, a URL, a code or the pronoun "I" (the tests could only clear flags, so a word with none skips them)
      }
      if (flags != 0 && b < n && cs[b] == '.') {
        flags |= DOT;
      }
      boolean joins = k > 0 && flags != 0 && joined(s, cs, en[k - 1], a, fl[k - 1]);
      if (!joins) {
        if (k > 0 && !overflow) {
          ai = addressFrom(addresses, ai, st[0]);
          if (ai >= addresses.length || addresses[ai] >= en[k - 1]) { // else a street or a city inside an address
            judge(text, s, cs, st, en, fl, tg, kd, k, recent, out);
          }
        }
        k = 0;
        overflow = false;
        if (flags == 0 || (flags & PARTICLE) != 0) {
          continue;
        }
      }
      if (k == MAX_RUN) {
        overflow = true; // a heading or a title in Title Case, not a name
        continue;
      }
      st[k] = a;
      en[k] = b;
      fl[k] = flags;
      k++;
    }
    if (k > 0 && !overflow) {
      ai = addressFrom(addresses, ai, st[0]);
      if (ai >= addresses.length || addresses[ai] >= en[k - 1]) {
        judge(text, s, cs, st, en, fl, tg, kd, k, recent, out);
      }
    }
  }

  /**
   * Flags of the lower-case word {@code [a, b)} read as a possible name where no capital stands near
   * it ({@link #LOWER}, {@link #LOWER_EN}, or 0); {@code prevEnd} and {@code prevFlags}: the open
   * run's last token, or -1 and 0; {@code recent}: the thread's memo of word-list answers. Out of
   * the scan loop: most texts never get here.
   */
  private static int lowerName(String s, char[] cs, int a, int b, int n, int lastLower, int sentStart, int prevEnd, int prevFlags,
      Gazetteer.Recent recent) {
    int flags = prose(cs, a, b, n, lastLower, sentStart) ? LowerNames.flags(cs, a, b, LOWER, LOWER_EN, recent) : 0;
    if ((flags & LOWER_EN) != 0 && !(prevEnd >= 0 && (prevFlags & LOWER) != 0 && joined(s, cs, prevEnd, a, prevFlags))
        && !(LowerNames.cueBefore(s, a) && LowerNames.nameFollows(s, b, n)) && NameContext.givenNameMates(s, cs, a, b, false) < 2) {
      flags = 0; // an English word ("miller", "will") is a name only after a name or a cue ("with"), or in a list of names
    }
    return flags;
  }

  /**
   * The first index in {@code [from, to)} whose byte in the view {@code v} may matter to the scan
   * with no run open and a capital near: a capital, a sentence end, a hyphen, an apostrophe or a
   * byte from 0x80 up; or {@code to}. Eight bytes at a time ({@link Swar}).
   */
  /** Each byte's seven low bits set (as {@code Swar}'s own). */
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  private static int plainEnd(byte[] v, int from, int to) {
    int p = from;
    while (p < to) {
      long w = Swar.load(v, p);
      long x = Swar.low7(w);
      // the six char tests as one: a byte's high bit survives the AND below only where it is none of
      // them (Swar.is's complement, taken once for all)
      long none = ((x ^ (Swar.ONES * '.')) + LOW7) & ((x ^ (Swar.ONES * '!')) + LOW7) & ((x ^ (Swar.ONES * '?')) + LOW7)
          & ((x ^ (Swar.ONES * '\n')) + LOW7) & ((x ^ (Swar.ONES * '-')) + LOW7) & ((x ^ (Swar.ONES * '\'')) + LOW7);
      long stop = Swar.atLeast(x, 'A') & ~Swar.atLeast(x, 'Z' + 1) | ~none;
      long other = (stop | w) & Swar.HIGH;
      if (other != 0) {
        return Math.min(to, p + Swar.first(other));
      }
      p += 8;
    }
    return to;
  }

  /** Whether the view's byte {@code b} ends the word before it: an ASCII char that is no letter, hyphen or apostrophe. */
  private static boolean wordBreak(byte b) {
    return b >= 0 && b != '-' && b != '\'' && SKIP[b] <= S_END;
  }

  /** Whether the view's byte {@code b} is an ASCII lower-case letter. */
  private static boolean lowerAscii(byte b) {
    return b >= 'a' && b <= 'z';
  }

  /**
   * Whether the word {@code s[a, b)} is part of an email, a URL or a code (an '@' or a digit next
   * to it, a dot or slash before it), or the pronoun "I" with an apostrophe ("I'm", "I've").
   */
  private static boolean notName(char[] s, int a, int b, int n) {
    return (b < n && (s[b] == '@' || Chars.digit(s[b])))
        || (a > 0 && (s[a - 1] == '@' || s[a - 1] == '.' || s[a - 1] == '/' || Chars.digit(s[a - 1])))
        || (s[a] == 'I' && b > a + 1 && (s[a + 1] == '\'' || s[a + 1] == '\u2019'));
  }

  /**
   * Whether the lower-case word {@code [a, b)} sits in prose: another lower-case word precedes it in
   * its sentence, or the next word of its line is lower-case (not a lone word in a form or a table).
   */
  private static boolean prose(char[] s, int a, int b, int n, int lastLower, int sentStart) {
    if (lastLower > sentStart && lastLower > a - LOWER_CTX && lastLower < a) {
      return true;
    }
    for (int j = b; j < n && j < b + 16; j++) {
      char c = s[j];
      if (Chars.letter(c)) {
        return Chars.lower(c);
      }
      if (c == '\n' || c == '.' || c == '!' || c == '?' || c == '|') {
        return false;
      }
    }
    return false;
  }

  /** First capital letter or sentence end at or after {@code from}, or {@code n}. */
  private static int capitalOrSentenceEnd(char[] s, int from, int n) {
    for (int j = from; j < n; j++) {
      char c = s[j];
      if (c == '.' || c == '!' || c == '?' || c == '\n' || Chars.upper(c)) {
        return j;
      }
    }
    return n;
  }

  /** Whether a word with these {@link NameLexicons#tags} is a title or a cue word ("Mr", "Dear"). */
  private static boolean titleOrCue(int tags) {
    return (tags & (NameLexicons.T_TITLE | NameLexicons.T_CUE_WORD)) != 0;
  }

  /** Whether a token starting at {@code next} continues the run whose last token ends at {@code prevEnd}. */
  private static boolean joined(String s, char[] cs, int prevEnd, int next, int prevFlags) {
    int gap = next - prevEnd;
    if (gap == 1) {
      return cs[prevEnd] == ' ';
    }
    // "D. Yefremova", "Mr. Smith": a dot after an initial or a title, then one space.
    return gap == 2 && (prevFlags & DOT) != 0 && cs[prevEnd + 1] == ' '
        && ((prevFlags & INITIAL) != 0 || isTitleToken(s, prevEnd));
  }

  private static boolean isTitleToken(String s, int end) {
    int a = end;
    while (a > 0 && Chars.letter(s.charAt(a - 1))) {
      a--;
    }
    return NameLexicons.TITLES.contains(s, a, end);
  }

  /**
   * End of the word whose first char is at {@code b - 1}. Not capped: a word longer than {@value #MAX_TOKEN} is one
   * token that {@link #classify} rejects; cutting it into fixed-size pieces made the last piece a
   * possible name depending on where the text began (a streaming re-check found "Maria" in
   * "aaa...aMaria" that the whole-text check did not). Linear: the scan resumes at the end.
   * Over the view {@code v} (or null) the word's
   * ASCII letters are passed eight bytes at a time first; where they stop (at most at {@code n}:
   * the view is zero from there), the char loop goes on.
   */
  private static int wordEnd(char[] s, int b, int n, byte[] v) {
    if (v != null) {
      b = letterRunEnd(v, b);
    }
    while (b < n) {
      char c = s[b];
      if (Chars.letter(c)) {
        b++;
      } else if ((c == '-' || c == '\'' || c == '\u2019') && b + 1 < n && Chars.letter(s[b + 1])
          && !possessive(s, b, n)) {
        b += 2;
      } else {
        break;
      }
    }
    return b;
  }

  /**
   * The first index from {@code from} whose byte in the view {@code v} is no ASCII letter: at most
   * the text's length, as the view's bytes are zero from there for at least eight.
   */
  private static int letterRunEnd(byte[] v, int from) {
    int p = from;
    while (true) {
      long w = Swar.load(v, p);
      long stop = (~Swar.letter(Swar.low7(w)) | w) & Swar.HIGH;
      if (stop != 0) {
        return p + Swar.first(stop);
      }
      p += 8;
    }
  }

  /** An apostrophe at {@code p} that starts a possessive "'s" ("Amanda's daughter"): not part of the name. */
  private static boolean possessive(char[] s, int p, int n) {
    char c = s[p];
    return (c == '\'' || c == '\u2019') && (s[p + 1] == 's' || s[p + 1] == 'S')
        && (p + 2 >= n || !Chars.letter(s[p + 2]));
  }

  private static int classify(String s, char[] cs, int a, int b) {
    char c = cs[a];
    int len = b - a;
    if (len > MAX_TOKEN) {
      return 0;
    }
    if (Chars.upper(c)) {
      if (len == 1) {
        return INITIAL;
      }
      // Title case: at least one lower-case letter after the first (McDonald, O'Brien, Anne-Lotte).
      for (int j = a + 1; j < b; j++) {
        if (Chars.lower(cs[j])) {
          return CAP;
        }
      }
      return 0; // ALL CAPS: acronyms, shouted words, cities in address blocks
    }
    if (Chars.lower(c) && len <= 4 && NameLexicons.PARTICLES.contains(cs, a, b)) {
      return PARTICLE;
    }
    return 0;
  }

  /**
   * Index in {@code addresses} of the first span that ends after {@code start}, from {@code from}
   * on: the spans are in text order and do not overlap, and runs come in text order, so the index
   * only moves forward (linear over the text, not runs times addresses).
   */
  private static int addressFrom(int[] addresses, int from, int start) {
    int j = from;
    while (j < addresses.length && addresses[j + 1] <= start) {
      j += 3;
    }
    return j;
  }

  /**
   * {@link #HYPHEN} and {@link #MARKS} of the word {@code cs[a, b)}: whether the rules' reads of its
   * hyphen ({@link #nameKind}, {@link #romanizedName}) and long-vowel marks ({@link LongVowels#has})
   * can find anything. One pass over the char copy, where each of those read the string.
   */
  private static int shape(char[] cs, int a, int b) {
    int f = 0;
    for (int i = a; i < b; i++) {
      char c = cs[i];
      if (c == '-') {
        f |= HYPHEN;
      } else if (c >= '\u00C2') {
        f |= MARKS;
      }
    }
    return f;
  }

  private void judge(AnalyzedText text, String s, char[] cs, int[] st, int[] en, int[] fl, int[] tg, int[] kd, int k, Gazetteer.Recent recent,
      FindingSink out) {
    int from = 0;
    int to = k;
    while (to > 0 && (fl[to - 1] & PARTICLE) != 0) {
      to--; // a run never ends on a particle
    }
    boolean lower = (fl[0] & LOWER) != 0;
    for (int j = 0; j < to; j++) {
      tg[j] = recent.tags(cs, st[j], en[j]); // one lookup per word for every list asked below (NameLexicons.tags)
      kd[j] = -1; // nameKind is pure: asked once per word (kindOf), by whichever rule reads it first
      fl[j] |= shape(cs, st[j], en[j]);
    }
    if (to == 1 && !lower && (fl[0] & CAP) != 0) {
      if (plainWord(s, cs, st, en, fl, tg, kd, 0)) {
        // "The", "Thanks", "Settings": rejected below whatever the cue before it says (a title or
        // cue word leaves nothing, a blocker is vetoed, an English non-name gains no evidence from a
        // cue and fails the same frame test), so the cue is not read
        return;
      }
      if (titleOrCue(tg[0])) {
        return; // a lone title or cue word ("Dear", "Dr"): the loop below drops it whatever precedes it
      }
    }
    boolean cue = from < to && NameCues.phraseBefore(s, cs, st[from]);
    int after = -1; // what follows the run, read only when needed
    int romanized = -1; // romanizedName(from = 0): -1 not asked yet, else 0 or 1 (it parses every word: ask once)
    while (from < to) {
      boolean word = (fl[from] & (CAP | LOWER)) != 0;
      if (word && titleOrCue(tg[from])) {
        cue = true; // "Mr.", "Dr", "Dear", "Attn": a cue, outside the span
        from++;
      } else if (word && (tg[from] & NameLexicons.T_DETERMINER) != 0 && !determinerName(tg, fl, from, to)
          && ((tg[from] & NameLexicons.T_PARTICLE) == 0 || NameCues.sentenceInitial(cs, st[from]))
          && (from > 0 || (tg[from] & (NameLexicons.T_FIRST | NameLexicons.T_LAST)) == 0
              || (romanized = romanizedName(s, st, en, fl, tg, from, to) ? 1 : 0) == 0)) {
        // (a determiner that is also a listed name may open a romanized one: "Ma Long", "Son Heung-min")
        // "Mein Reisepass", "Unser Geschäftsführer", "Mi Pasaporte": an article, possessive or pronoun; one that
        // is also a particle only where a sentence starts ("says Du Cane": mid-sentence, articles are lower case)
        from++;
        while (from < to && (fl[from] & PARTICLE) != 0) {
          from++; // "Sie den Betrag"
        }
      } else if (!cue && !lower && (fl[from] & CAP) != 0 && from == 0 && to - from >= 2 && (fl[from + 1] & INITIAL) == 0
          && NameCues.sentenceInitial(cs, st[from]) && dropInitial(s, cs, st, en, fl, tg, kd, from)
          && !particleName(tg, fl, from, to) && (romanized = romanizedName(s, st, en, fl, tg, from, to) ? 1 : 0) == 0) {
        if (after < 0) {
          after = NameContext.after(s, cs, en[to - 1]);
        }
        if (after != NameContext.NONE && (tg[from] & (NameLexicons.T_ENGLISH | NameLexicons.T_NON_NAME)) == 0) {
          break; // "Nijito Asano said": the first word is no English word, keep it
        }
        if (to - from == 2 && (fl[from + 1] & CAP) != 0 && givenBeforeSurname(cs, tg[from], st[from + 1], en[from + 1], tg[from + 1])) {
          break; // "Will Smith", "Rose Martin": a listed given name before a surname, not left visible beside it
        }
        from++; // a sentence-initial capitalized word that is not itself a name
      } else {
        break;
      }
    }
    if (from >= to) {
      return;
    }
    if (to > 1 && to - from == 1 && !lower && !cue && (fl[from] & CAP) != 0) {
      if (plainWord(s, cs, st, en, fl, tg, kd, from)) {
        return; // "The", "Thanks", "Settings": most capitalized words, settled before the context reads below
      }
    }
    if (!lower && (from == 0 && romanized >= 0 ? romanized == 1 : romanizedName(s, st, en, fl, tg, from, to))
        && !NameContext.listIsOrganization(s, cs, en[to - 1])
        && (cue || !NameContext.articleBefore(s, cs, st[from]))) {
      // "Park Min-jun", "Haruto Yamasaki", "Sun Mingze": the surname may be a common word, place or blocker
      out.accept(PersonRisk.annotate(s, cs, st[from], en[to - 1], tg[to - 1], id(), text.toOriginal(st[from], en[to - 1]),
          cue ? 0.85 : 0.7, "person name"));
      return;
    }
    int strong = 0;
    int weak = 0;
    int initials = 0;
    int unknown = 0;
    int foreign = 0; // unknown words that are no English word either
    int nonName = 0;
    int places = 0;
    for (int j = from; j < to; j++) {
      int w = tg[j];
      if ((fl[j] & INITIAL) != 0) {
        initials++;
        continue;
      }
      if ((fl[j] & PARTICLE) != 0) {
        continue;
      }
      if ((w & (NameLexicons.T_BLOCKER | NameLexicons.T_LABEL)) != 0 || (j > from && (w & NameLexicons.T_FUNCTION) != 0
          && !(j == to - 1 && to - from == 2 && (w & NameLexicons.T_NAME) != 0))) {
        return; // an organization, a place, or a title in Title Case ("Carry Me Back To Canada")
      }
      int kind = kindOf(s, cs, st, en, fl, tg, kd, j);
      if (kind == 1 && (w & NameLexicons.T_NON_NAME) != 0) {
        places++; // "York" in "New York": a name too, but not evidence for the rules below
      }
      if (kind == 2) {
        strong++;
      } else if (kind == 1) {
        weak++;
      } else if ((w & NameLexicons.T_NON_NAME) != 0) {
        nonName++;
      } else {
        unknown++;
        if ((w & NameLexicons.T_ENGLISH) == 0) {
          foreign++;
        }
      }
    }
    int words = strong + weak + unknown + nonName;
    if (words == 0) {
      return; // only initials: "U. S."
    }
    boolean evidence = strong + weak + foreign > 0; // some word that is a name, or at least no English word
    boolean accept;
    double score;
    if (lower) {
      if (cue) {
        accept = strong > 0 || (words >= 2 && first(tg[from]) && last(tg[to - 1]));
      } else if (words == 1) {
        accept = strong == 1 && en[to - 1] - st[from] >= 3;
      } else {
        accept = strong >= 1 || (LowerNames.cueBefore(s, st[from]) && first(tg[from])
            && last(tg[to - 1])); // "i spoke with john miller"
      }
      score = cue || words >= 2 ? 0.7 : 0.5; // without capitals a name is less certain than a capitalized one
    } else {
      if (cue) {
        accept = nonName < words && evidence;
      } else if (words == 1) {
        accept = initials == 0 ? strong == 1 : strong + weak == 1;
        if (accept && initials == 0 && NameContext.placeBefore(s, cs, st[from]) && !first(tg[from])) {
          accept = false; // "moved to Vaduz": a surname-like word after a place preposition
        }
      } else {
        boolean firstLast = (first(tg[from])
            && (last(tg[to - 1]) || first(tg[to - 1])))
            || (places == 0 && last(tg[from]) && first(tg[to - 1])); // "Shimizu Ren"
        accept = strong >= 1 || (strong + weak >= 2 && firstLast) || (places == 0 && strong + weak == words && notEnglish(tg, fl, from, to))
            || (places == 0 && words == 2 && weak == 1 && foreign == 1) || (initials > 0 && (fl[from] & INITIAL) == 0 && strong + weak + unknown >= 2);
      }
      score = cue || strong + weak >= 2 ? 0.85 : 0.6;
    }
    if (!accept && nonName == 0) {
      // what follows the run is read only when a rule below could accept on it
      boolean personAfter = !lower && (strong + foreign > 0 || weak >= 2);
      boolean reportingAfter = !lower && (words >= 2 ? strong + weak + foreign == words
          : strong + weak == 1 && (tg[from] & NameLexicons.T_FUNCTION) == 0);
      if (after < 0 && (personAfter || reportingAfter)) {
        after = NameContext.after(s, cs, en[to - 1]);
      }
      if (lower) {
        if (words == 1 && initials == 0 && weak == 1 && first(tg[from])
            && NameContext.givenNameMates(s, cs, st[from], en[from], false) >= 2) {
          accept = true; // "silvana, adam, chad and caleb"
          score = 0.5;
        }
      } else if (personAfter && after == NameContext.PERSON) {
        accept = true; // "X was a Korean-American philosopher", "X, who", "Sarah Connor: ..."
        score = Math.min(score, 0.75);
      } else if (reportingAfter && after == NameContext.REPORTING) {
        accept = true; // "Nkechi Obi said", "Rose says"
        score = Math.min(score, 0.7);
      } else if (words == 1 && initials == 0 && weak == 1 && first(tg[from])
          && NameContext.givenNameMates(s, cs, st[from], en[from], !lower) >= 2) {
        accept = true; // one of several given names in a list: "Grace, Will and Chad"
        score = lower ? 0.5 : 0.6;
      }
    }
    if (!accept && nonName == 0 && words <= 3 && PersonRisk.frame(s, cs, st[from], en[to - 1],
        strong + weak == 0 && !notEnglish(tg, fl, from, to), words)) {
      accept = true; // "Ciset lives on Rua Mina 50", "Name: Hyuuma T. Maida", a contact card's first line
      score = Math.min(score, 0.6);
    }
    if (!accept) {
      return;
    }
    // Vetoes that read more context, asked only of a run the rules above accept (they only reject).
    if (NameContext.listIsOrganization(s, cs, en[to - 1])) {
      return; // "Jones, Mitchell and Williams law firm", "Smith & Wesson", "Miller LLC"
    }
    if (words == 1 && initials == 0 && to - from == 1
        && (NameContext.surnameFirm(s, cs, st[from], en[from]) || NameContext.inSurnameFirm(s, cs, st[from], en[from]))) {
      return; // "Hawkins, Richardson and Santana": three surnames named like a firm
    }
    if (!cue && strong == 0 && NameContext.articleBefore(s, cs, st[from])) {
      return; // "the Princess Royal", "a Porto Alegre office": no strong name, and an article before it
    }
    out.accept(PersonRisk.annotate(s, cs, st[from], en[to - 1], tg[to - 1], id(), text.toOriginal(st[from], en[to - 1]),
        score, "person name"));
  }

  /**
   * Whether a capitalized word alone in its run, with no cue before it, is certainly not reported:
   * a blocker, or an English word that is no name (by list or shape) and either a capitalized
   * non-name or outside the verb frames of {@link PersonRisk#frame}. The rules below then reject it
   * whatever the context reads (organization lists, articles, what follows) say, so those are not
   * read. False when the full rules must decide. {@code j}: the word's index in the run.
   */
  private static boolean plainWord(String s, char[] cs, int[] st, int[] en, int[] fl, int[] tg, int[] kd, int j) {
    int w = tg[j];
    if ((w & (NameLexicons.T_BLOCKER | NameLexicons.T_LABEL)) != 0) {
      return true;
    }
    if ((w & NameLexicons.T_ENGLISH) == 0 || kindOf(s, cs, st, en, fl, tg, kd, j) != 0) {
      return false;
    }
    return (w & NameLexicons.T_NON_NAME) != 0 || !PersonRisk.frame(s, cs, st[j], en[j], true, 1);
  }

  /**
   * Whether the determiner {@code j} opens a name rather than a phrase: the word after it is a listed
   * given name or surname that is no English word, place, title, label or determiner ("De Vries",
   * "Les Paul", "Der Spiegel" as before), not a noun ("Das Konto", "Der Kunde", "Mon Passeport").
   */
  private static boolean determinerName(int[] tg, int[] fl, int j, int to) {
    if (j + 1 >= to || (fl[j + 1] & CAP) == 0) {
      return false;
    }
    int w = tg[j + 1];
    return (w & (NameLexicons.T_FIRST | NameLexicons.T_LAST)) != 0
        && (w & (NameLexicons.T_ENGLISH | NameLexicons.T_NON_NAME | NameLexicons.T_COMMON | NameLexicons.T_TITLE
            | NameLexicons.T_CUE_WORD | NameLexicons.T_LABEL | NameLexicons.T_DETERMINER | NameLexicons.T_BLOCKER)) == 0;
  }

  /**
   * Whether the sentence-initial word {@code j} is a given name before a particle and more
   * ("Dirk van den Berg", "Marine Le Pen"): then it is part of the name, not just capitalized.
   */
  private static boolean particleName(int[] tg, int[] fl, int j, int to) {
    if (to - j < 3 || !first(tg[j]) || (tg[j] & (NameLexicons.T_DETERMINER | NameLexicons.T_FUNCTION
        | NameLexicons.T_TITLE | NameLexicons.T_CUE_WORD | NameLexicons.T_NON_NAME | NameLexicons.T_LABEL)) != 0) {
      return false;
    }
    if ((fl[j + 1] & PARTICLE) != 0) {
      return true;
    }
    // a capitalized particle: one that is no English word ("Le", "De"), or one before a surname ("Van Dam", not "Ten Alaskan")
    int p = tg[j + 1];
    return (fl[j + 1] & CAP) != 0 && (p & NameLexicons.T_PARTICLE) != 0
        && ((p & NameLexicons.T_ENGLISH) == 0 || last(tg[j + 2]));
  }

  /**
   * {@link #nameKind} of the run's word {@code j}, computed on the first ask and kept in
   * {@code kd[j]} (-1 until then): it depends only on the word's chars and tags, and the rules ask
   * it of one word up to three times (the plain-word test, the sentence-initial drop, the count of
   * strong and weak names), which for a word on no list meant its long-vowel, hyphen and ending
   * tests three times over.
   */
  private static int kindOf(String s, char[] cs, int[] st, int[] en, int[] fl, int[] tg, int[] kd, int j) {
    int kind = kd[j];
    if (kind < 0) {
      kind = nameKind(s, cs, st[j], en[j], tg[j], fl[j]);
      kd[j] = kind;
    }
    return kind;
  }

  /**
   * Whether the word of tags {@code w} is a listed given name (no function word or place) and {@code cs[na, nb)}
   * a surname: a listed one that no English word or place shadows, or one of the name shapes
   * {@link NameLexicons#surnameEnding}/{@link NameLexicons#originShape}. Then a sentence-initial
   * given name belongs to the name and must not be left visible beside a redacted surname.
   */
  private static boolean givenBeforeSurname(char[] cs, int w, int na, int nb, int nw) {
    if (!first(w) || (w & (NameLexicons.T_FUNCTION | NameLexicons.T_NON_NAME | NameLexicons.T_TITLE | NameLexicons.T_CUE_WORD)) != 0) {
      return false;
    }
    if (last(nw)) {
      return (nw & (NameLexicons.T_NON_NAME | NameLexicons.T_ENGLISH)) == 0;
    }
    return NameLexicons.surnameEnding(cs, na, nb) || NameLexicons.originShape(cs, na, nb, nw);
  }

  /** Whether the sentence-initial first word {@code j} is just capitalized, given the word after it. */
  private static boolean dropInitial(String s, char[] cs, int[] st, int[] en, int[] fl, int[] tg, int[] kd, int j) {
    int w = tg[j];
    int nw = tg[j + 1];
    int kind = kindOf(s, cs, st, en, fl, tg, kd, j);
    if (kind == 2) {
      return false;
    }
    if (kind == 1 || (w & NameLexicons.T_NON_NAME) != 0) {
      return true;
    }
    int next = kindOf(s, cs, st, en, fl, tg, kd, j + 1);
    if (next == 1 && kind == 0 && (w & NameLexicons.T_ENGLISH) == 0
        && (nw & (NameLexicons.T_ENGLISH | NameLexicons.T_COMMON | NameLexicons.T_NON_NAME)) == 0) {
      return false; // "Hossein Roghayyeh": no English word before a known name that is no English word either
    }
    return next < 2; // "Sölvi Salómonsson" stays, "Yesterday Emily" loses its first word
  }

  /**
   * 2: a given name or surname that is not a common word or place; 1: a name that is also one, a name
   * of the second source only, or a hyphenated pair of surnames ("Weeks-Rivas": a firm as often as a
   * person); 0: no name. {@code w}: the word's {@link NameLexicons#tags}; {@code f}: its flags
   * ({@link #HYPHEN}, {@link #MARKS}); {@code cs}: the copy of {@code s}'s chars that the list and
   * ending lookups read.
   */
  private static int nameKind(String s, char[] cs, int a, int b, int w, int f) {
    boolean name = (w & (NameLexicons.T_FIRST | NameLexicons.T_LAST)) != 0;
    if (!name && (f & MARKS) != 0 && LongVowels.has(cs, a, b)) {
      CharSequence plain = new LongVowels(s); // "Yūna", "Saitō": the lists spell them "Yuna", "Saito"
      if ((NameLexicons.tags(plain, a, b) & NameLexicons.T_NAME) != 0) { // one lookup for the four lists
        return 1;
      }
    }
    if (!name) {
      if ((w & (NameLexicons.T_FIRST_US | NameLexicons.T_LAST_US)) != 0) {
        return 1;
      }
      int dash = (f & HYPHEN) == 0 ? -1 : indexOf(cs, '-', a, b);
      if (dash > a) {
        if (NameLexicons.NON_NAMES.contains(cs, a, dash) || NameLexicons.NON_NAMES.contains(cs, dash + 1, b)) {
          return 0; // "Chinese-American", "Austria-Hungary"
        }
        if (NameLexicons.isFirst(cs, a, dash) || NameLexicons.isLast(cs, dash + 1, b) || syllables(s, a, dash, b)) {
          return 1;
        }
      }
      return NameLexicons.surnameEnding(cs, a, b) || NameLexicons.originShape(cs, a, b, w) ? 2 : 0;
    }
    if ((w & (NameLexicons.T_COMMON | NameLexicons.T_NON_NAME)) != 0) {
      return 1;
    }
    return 2;
  }

  /**
   * Whether the run is a surname and a given name romanized in one system ({@link Romanized}): two
   * or three capitalized words that all split into syllables of Korean, Chinese or Japanese
   * romanization, one of them a given name of that shape that is no English word, place or blocker:
   * one syllable each side of a hyphen ("Seo-yeon", "Wen-Hsiung"), two or three syllables of
   * Revised Romanization or Pinyin proper ("Jihoon", "Xiaoming"), or two Hepburn morae or more
   * ("Haruto"). The other word is a Korean or Chinese surname of the same system, one short
   * syllable ("Kim", "Park", "Wong"), or a Japanese one of two morae or more ("Tanaka"), and must be
   * a listed name (English-word surnames only from the first source, places only before the given
   * name), or, beside a hyphenated given name, any word of that system that is no English word
   * ("Eom Seo-jun"). Long-vowel marks count as a mora ("Sō", "Yūma"). Allocation-free except for
   * the long-vowel view.
   */
  private static boolean romanizedName(String s, int[] st, int[] en, int[] fl, int[] tg, int from, int to) {
    int words = to - from;
    if (words < 2 || words > 3) {
      return false;
    }
    boolean candidate = false; // a word that may be the given name below: no English word, place or blocker
    for (int j = from; j < to; j++) {
      candidate |= (tg[j] & (NameLexicons.T_ENGLISH | NameLexicons.T_NON_NAME | NameLexicons.T_BLOCKER)) == 0;
    }
    if (!candidate) {
      return false;
    }
    int shared = Romanized.KOREAN | Romanized.CHINESE | Romanized.JAPANESE;
    // Every word's shape first, no parse: the systems left below are a subset of these
    // (Romanized.possible), so when no system is left to every word the loop below would return
    // false too (it only returns false), and a run such as "John Smith" parses neither word.
    for (int j = from; j < to && shared != 0; j++) {
      shared &= (fl[j] & MARKS) != 0 && LongVowels.has(s, st[j], en[j])
          ? Romanized.possible(new LongVowels(s), st[j], en[j], shared & Romanized.JAPANESE)
          : Romanized.possible(s, st[j], en[j], shared);
    }
    if (shared == 0) {
      return false;
    }
    for (int j = from; j < to; j++) {
      if ((fl[j] & CAP) == 0 || (fl[j] & (INITIAL | PARTICLE | LOWER)) != 0) {
        return false;
      }
      shared &= systemsOf(s, st[j], en[j], fl[j], 1, shared);
      if (shared == 0) {
        return false;
      }
    }
    for (int g = from; g < to; g++) {
      int a = st[g];
      int b = en[g];
      if ((tg[g] & (NameLexicons.T_ENGLISH | NameLexicons.T_NON_NAME | NameLexicons.T_BLOCKER)) != 0) {
        continue;
      }
      int dash = (fl[g] & HYPHEN) == 0 ? -1 : indexOf(s, '-', a, b);
      int given; // Korean or Chinese given-name shape
      int japanese = 0;
      if (dash > 0) {
        // one syllable each side ("Seo-yeon", "Wen-Hsiung"), not two words ("Coca-Cola")
        boolean parts = dash - a <= 6 && b - dash - 1 <= 6 && indexOf(s, '-', dash + 1, b) < 0
            && nuclei(s, a, dash) == 1 && nuclei(s, dash + 1, b) == 1;
        given = parts ? systemsOf(s, a, b, fl[g], 2, shared & (Romanized.KOREAN | Romanized.CHINESE)) : 0;
      } else {
        given = Romanized.strict(s, a, b) & shared;
        japanese = systemsOf(s, a, b, fl[g], 2, shared & Romanized.JAPANESE);
      }
      if (given == 0 && japanese == 0) {
        continue;
      }
      for (int o = from; o < to; o++) {
        int oa = st[o];
        int ob = en[o];
        int ow = tg[o];
        if (o == g || ((fl[o] & HYPHEN) != 0 && indexOf(s, '-', oa, ob) > 0) || (ow & NameLexicons.T_FUNCTION) != 0) {
          continue;
        }
        boolean english = (ow & (NameLexicons.T_ENGLISH | NameLexicons.T_COMMON)) != 0;
        boolean foreign = !english && (ow & (NameLexicons.T_NON_NAME | NameLexicons.T_BLOCKER)) == 0;
        // beside a one-word given name, a name that is also a word counts when the first source lists it ("Park",
        // "Young"), not the census alone ("Bay"), and a place or a weekday only before it ("Sun Mingze", not "Repo
        // Man"); a hyphenated given name ("Seo-jun Hong") is shape enough
        boolean known = listed(s, oa, ob, ow, fl[o])
            && (!english || dash > 0 || (ow & (NameLexicons.T_LAST | NameLexicons.T_FIRST)) != 0)
            && (o < g || dash > 0 || (ow & NameLexicons.T_NON_NAME) == 0);
        // a Korean or Chinese surname: one short syllable of the same system ("Kim", "Park", "Wong"); an
        // unknown one only beside a hyphenated given name ("Eom Seo-jun")
        if (given != 0 && ob - oa <= 6 && systemsOf(s, oa, ob, fl[o], 1, given) != 0 && (known || (foreign && dash > 0))) {
          return true;
        }
        // Japanese: both words two morae or more, neither an English word, one of them a known name
        if (japanese != 0 && foreign && systemsOf(s, oa, ob, fl[o], 2, Romanized.JAPANESE) != 0
            && (known || listed(s, a, b, tg[g], fl[g]))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a word (its {@link NameLexicons#tags} {@code w}) is a listed given name or surname, read
   * also without long-vowel marks ("Kōno"); {@code f}: its flags ({@link #MARKS}).
   */
  private static boolean listed(String s, int a, int b, int w, int f) {
    if ((w & NameLexicons.T_NAME) != 0) {
      return true;
    }
    if ((f & MARKS) == 0 || !LongVowels.has(s, a, b)) {
      return false;
    }
    CharSequence plain = new LongVowels(s);
    return NameLexicons.isLast(plain, a, b) || NameLexicons.isFirst(plain, a, b);
  }

  /** Vowel groups in {@code s[a, b)} ("Seo": 1, "Coca": 2): a syllable has one. */
  private static int nuclei(String s, int a, int b) {
    int groups = 0;
    boolean inVowel = false;
    for (int i = a; i < b; i++) {
      boolean v = "aeiouy".indexOf(Gazetteer.fold(s.charAt(i))) >= 0;
      if (v && !inVowel) {
        groups++;
      }
      inVowel = v;
    }
    return groups;
  }

  /**
   * {@link Romanized#systems} of a word among the {@code wanted} systems (the others are not parsed),
   * reading long-vowel marks as plain vowels plus a mora ("Sō"); {@code f}: the word's flags ({@link #MARKS}).
   */
  private static int systemsOf(String s, int a, int b, int f, int min, int wanted) {
    if ((f & MARKS) != 0 && LongVowels.has(s, a, b)) {
      return Romanized.systems(new LongVowels(s), a, b, Math.max(1, min - 1), wanted & Romanized.JAPANESE);
    }
    return Romanized.systems(s, a, b, min, wanted);
  }

  /** Whether some word of the run (not an initial) is no lower-case English word. */
  private static boolean notEnglish(int[] tg, int[] fl, int from, int to) {
    for (int j = from; j < to; j++) {
      if ((fl[j] & (INITIAL | PARTICLE)) == 0 && (tg[j] & (NameLexicons.T_ENGLISH | NameLexicons.T_COMMON)) == 0) {
        return true;
      }
    }
    return false;
  }

  /** {@link NameLexicons#isFirst} from a word's {@link NameLexicons#tags}. */
  private static boolean first(int tags) {
    return (tags & (NameLexicons.T_FIRST | NameLexicons.T_FIRST_US)) != 0;
  }

  /** {@link NameLexicons#isLast} from a word's {@link NameLexicons#tags}. */
  private static boolean last(int tags) {
    return (tags & (NameLexicons.T_LAST | NameLexicons.T_LAST_US)) != 0;
  }

  /** "Min-jun", "Shu-hui", "Chih-wei": two short romanized syllables, the second in lower case. */
  private static boolean syllables(String s, int a, int dash, int b) {
    if (dash - a > 4 || b - dash - 1 > 4 || b - dash - 1 < 1 || !Chars.lower(s.charAt(dash + 1))) {
      return false;
    }
    return !NameLexicons.ENGLISH.contains(s, a, dash) || !NameLexicons.ENGLISH.contains(s, dash + 1, b);
  }

  private static int indexOf(char[] cs, char c, int a, int b) {
    for (int i = a; i < b; i++) {
      if (cs[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(String s, char c, int a, int b) {
    for (int i = a; i < b; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
