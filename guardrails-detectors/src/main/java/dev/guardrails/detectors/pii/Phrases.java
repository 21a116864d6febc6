package dev.guardrails.detectors.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * Several sets of ASCII phrases found as whole words in one pass over a region of a text, without
 * a regular expression or an allocation: what {@code (?<![\p{L}\p{N}])(?:a|b|...)(?![\p{L}\p{N}])}
 * with {@code CASE_INSENSITIVE} and opaque region bounds finds, for up to 15 such patterns at once.
 *
 * <p>Each set is written in a small regular language of literals, non-capturing groups
 * {@code (?:x|y)} and the optional mark {@code ?} after a char or a group, and expanded once into
 * its finite list of phrases. A phrase matches at {@code p} when no letter or number precedes
 * {@code p} inside the region, its chars equal the text's ignoring ASCII case only (as
 * {@code CASE_INSENSITIVE} without {@code UNICODE_CASE} compares), and no letter or number follows
 * it inside the region. {@link #find} reads the region forward: at a word start whose first two (or three)
 * chars begin some phrase, it hashes the word's chars once and looks the prefix up (open
 * addressing over the text's range) only where a run of ASCII letters and digits ends or after
 * another char, going on while some phrase continues it: one probe for most words.
 *
 * <p>Thread-safe: immutable after construction.
 */
final class Phrases {

  /**
   * The per-letter filters in one array (an annotation reads a few lines of it, not three arrays):
   * at {@code 2 * c} for a lower-case ASCII first char {@code c}, bit {@code d & 63} set when some
   * phrase starting with {@code c} has {@code d} as its second char, every bit when one is that
   * letter alone (several chars share a bit: a filter, never a verdict); at {@code 2 * c + 1}, bit L
   * set when some phrase of length L (below 64) starts with {@code c} (so bits 1-2 tell that a phrase
   * of one or two chars does, and the first three chars are not asked); from {@link #THIRDS} on, bit
   * {@link #third} of the first three chars of every phrase of three chars or more (hashed into
   * 4,096 bits: a filter, never a verdict).
   */
  private final long[] filter = new long[THIRDS + 64];
  private static final int THIRDS = 256;
  /**
   * The phrases' prefixes that end at a stop of {@link #walk} (the end of a run of ASCII letters and
   * digits, or just after any other char), open addressing, one long per slot so that a probe reads
   * one cache line and the table is half the size of a two-long layout: the prefix's hash (high 24
   * bits of it, bits 40-63), its length (bits 34-39; 0 for an empty slot), the offset of its chars
   * in {@link #prefixChars} (bits 16-33), and what it is: the sets whose phrase it is (bits 0-14)
   * and {@link #LONGER} (bit 15). Every phrase is one of these prefixes (its own end is a stop).
   */
  private final long[] prefixes;
  /**
   * The chars of the prefixes, one byte each (all lower-case ASCII), each spelled once: a prefix
   * whose chars already stand in the pool (inside a longer prefix) points there.
   */
  private final byte[] prefixChars;
  private final int prefixMask;
  /** In a {@link #prefixes} slot and in what {@link #step} returns: some longer phrase starts with this prefix. */
  private static final int LONGER = 1 << 15;
  /** The sets' bits of a {@link #prefixes} slot. */
  private static final int SETS = LONGER - 1;
  /** Most sets: the bits below {@link #LONGER}. */
  private static final int MAX_SETS = 15;

  /**
   * Builds the sets.
   *
   * @param patterns one pattern per set (set {@code i} is bit {@code i} of the masks returned)
   * @throws IllegalArgumentException if there are more than 15 patterns, a pattern uses more than the small language, or a phrase
   *     is empty, not ASCII, starts with no letter or is 64 chars or longer
   */
  Phrases(String... patterns) {
    if (patterns.length > MAX_SETS) {
      throw new IllegalArgumentException("patterns must be at most " + MAX_SETS + ": " + patterns.length);
    }
    List<String> all = new ArrayList<>();
    List<Integer> bits = new ArrayList<>();
    for (int i = 0; i < patterns.length; i++) {
      for (String p : expand(patterns[i])) {
        int at = all.indexOf(p);
        if (at >= 0) {
          bits.set(at, bits.get(at) | (1 << i));
        } else {
          all.add(p);
          bits.add(1 << i);
        }
      }
    }
    for (int k = 0; k < all.size(); k++) {
      String p = all.get(k);
      if (p.isEmpty() || p.length() >= 64 || p.charAt(0) >= 128 || !Character.isLetter(p.charAt(0))) {
        throw new IllegalArgumentException("phrase must be 1-63 chars starting with an ASCII letter: length " + p.length());
      }
      for (int j = 0; j < p.length(); j++) {
        if ("\n.!?".indexOf(p.charAt(j)) >= 0) {
          throw new IllegalArgumentException("phrase must not hold a line break, '.', '!' or '?' (Breaks): length " + p.length());
        }
        if (p.charAt(j) >= 128 || (p.charAt(j) >= 'A' && p.charAt(j) <= 'Z')) {
          throw new IllegalArgumentException("phrase must be lower-case ASCII: length " + p.length());
        }
      }
      filter[2 * p.charAt(0) + 1] |= 1L << p.length();
    }
    java.util.Map<String, Long> stops = new java.util.LinkedHashMap<>();
    for (int k = 0; k < all.size(); k++) {
      String p = all.get(k);
      // a one-char phrase may be followed by any char that is no letter or number
      filter[2 * p.charAt(0)] |= p.length() == 1 ? -1L : 1L << (p.charAt(1) & 63);
      if (p.length() > 2) {
        int t = third(p.charAt(0), p.charAt(1), p.charAt(2));
        filter[THIRDS + (t >>> 6)] |= 1L << t;
      }
      for (int e = 1; e < p.length(); e++) {
        if (stopAt(p, e)) {
          stops.merge(p.substring(0, e), OLD_LONGER, (x, y) -> x | y);
        }
      }
      stops.merge(p, (long) bits.get(k) & 0xFFFFFFFFL, (x, y) -> x | y);
    }
    int pcap = Integer.highestOneBit(Math.max(4, stops.size() * 3)) << 1;
    prefixes = new long[pcap];
    prefixMask = pcap - 1;
    // longest first, so that a shorter prefix finds its chars inside a longer one already pooled
    List<String> byLength = new ArrayList<>(stops.keySet());
    byLength.sort((x, y) -> y.length() - x.length());
    StringBuilder chars = new StringBuilder();
    java.util.Map<String, Integer> offsets = new java.util.HashMap<>();
    for (String p : byLength) {
      int at = chars.indexOf(p);
      if (at < 0) {
        at = chars.length();
        chars.append(p);
      }
      offsets.put(p, at);
    }
    if (chars.length() >= 1 << 18) {
      throw new IllegalArgumentException("phrases too long in all: " + chars.length());
    }
    for (java.util.Map.Entry<String, Long> e : stops.entrySet()) {
      String p = e.getKey();
      int h = p.hashCode(); // lower-case ASCII: the folded hash
      int slot = Gazetteer.mix(h) & prefixMask;
      while (prefixes[slot] != 0) {
        slot = (slot + 1) & prefixMask;
      }
      long what = e.getValue();
      int info = (int) (what & SETS) | ((what & OLD_LONGER) != 0 ? LONGER : 0);
      prefixes[slot] = key(h, p.length()) | ((long) offsets.get(p) << 16) | info;
    }
    byte[] pool = new byte[chars.length()];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = (byte) chars.charAt(i);
    }
    prefixChars = pool;
  }

  /** While building: a prefix that some longer phrase continues (above the 32 set bits). */
  private static final long OLD_LONGER = 1L << 32;

  /** The hash and length bits of a {@link #prefixes} slot. */
  private static long key(int h, int len) {
    return ((long) (h >>> 8) << 40) | ((long) len << 34);
  }

  /** Bits of a {@link #prefixes} slot that {@link #key} sets. */
  private static final long KEY = -1L << 34;

  /**
   * Whether {@link #walk} looks the first {@code e} chars of {@code p} up: after a letter or digit
   * that ends a run of them in {@code p} ({@code e} is the end or no letter or digit follows), or
   * after any other char.
   */
  private static boolean stopAt(CharSequence p, int e) {
    char last = p.charAt(e - 1);
    return !(last < 128 && WORD[last]) || e == p.length() || !(p.charAt(e) < 128 && WORD[p.charAt(e)]);
  }

  /**
   * The sets that have a phrase inside {@code c[from, to)}, bounds opaque (the region's ends count
   * as word boundaries).
   *
   * @param c the text's chars
   * @return a mask: bit {@code i} for set {@code i}; 0 when none or {@code from >= to}
   */
  int find(char[] c, int from, int to) {
    return from >= to ? 0 : scan(c, to, from, to, null, false);
  }

  /**
   * Tells whether the char at {@code i}, one of {@code . ! ? \n}, ends a sentence (it may read the
   * text around it).
   */
  interface Breaks {
    /**
     * Whether the char at {@code i} ends a sentence.
     *
     * @param c the text's chars from index 0
     * @param n the text's length ({@code c} may be longer)
     * @param i an index below {@code n} holding {@code '.'}, {@code '!'}, {@code '?'} or a line break
     * @return whether it ends a sentence
     */
    boolean at(char[] c, int n, int i);
  }

  /**
   * {@link #find} over the part of {@code c[from, to)} after its last break ({@code i} with
   * {@code breaks.at(c, n, i)}; the whole region when none): the region from the start of a name's
   * sentence to the name, in one forward pass instead of a backward search for the sentence start
   * and then {@link #find}. Equal to that because no phrase has a char {@link Breaks} is asked about.
   * Reads {@code c}, a copy of the text's chars from index 0 (as {@link PersonDetector}'s
   * per-thread one), in place.
   *
   * @param c the text's chars from index 0
   * @param n the text's length ({@code c} may be longer)
   * @return a mask as {@link #find}
   */
  int findAfterLastBreak(char[] c, int n, int from, int to, Breaks breaks) {
    return from >= to ? 0 : scan(c, n, from, to, breaks, true);
  }

  /**
   * {@link #find} over the part of {@code c[from, to)} before its first break (as
   * {@link #findAfterLastBreak}): the rest of a name's sentence, in one pass.
   *
   * @return a mask as {@link #find}
   */
  int findBeforeFirstBreak(char[] c, int n, int from, int to, Breaks breaks) {
    return from >= to ? 0 : scan(c, n, from, to, breaks, false);
  }

  /**
   * The forward pass over {@code r[from, to)}, the text's chars from index 0 ({@code n} the text's
   * length): breaks are asked of {@code r} itself.
   */
  private int scan(char[] r, int n, int from, int to, Breaks breaks, boolean last) {
    // Forward, word start by word start: a phrase is spelled in ASCII, so the text's run of ASCII
    // letters and digits from a word start must be the phrase's first run, and so on. walk hashes
    // each char once and looks a prefix up only where a run ends (one probe for most words), and
    // goes on only while some phrase continues the prefix read so far. A break ends the region
    // (first) or starts it again (last); no phrase crosses one, and the char is no letter or number,
    // so the words and phrase ends on either side read as in the region cut there.
    int found = 0;
    boolean before = false; // whether r[p - 1] is a letter or number (by char), p > 0
    for (int p = from; p < to; p++) {
      char c = r[p];
      if (c < 128) {
        boolean word = WORD[c];
        if (word && !before) {
          // the first two chars of a phrase must be these (ASCII case ignored), unless it has one
          char f = fold(c);
          char d = p + 1 < to ? r[p + 1] : 0x80;
          if (mayStart(f, d, p + 2 < to ? r[p + 2] : 0)) {
            found |= walk(r, p, to);
          }
          while (p + 1 < to && r[p + 1] < 128 && WORD[r[p + 1]]) {
            p++; // the rest of the word's ASCII run: no word start, no break
          }
        } else if (breaks != null && (c == '.' || c == '!' || c == '?' || c == '\n')
            && breaks.at(r, n, p)) {
          if (!last) {
            return found;
          }
          found = 0;
        }
        before = word;
      } else {
        before = letterOrNumber(c);
      }
    }
    return found;
  }

  /**
   * The sets of the phrases that start at the word start {@code p} of the text's chars {@code r} and
   * end by {@code to} with no letter or number after them inside the region.
   */
  private int walk(char[] r, int p, int to) {
    int found = 0;
    int h = 0;
    int limit = Math.min(to, p + 63);
    int q = p;
    while (q < limit) {
      char c = r[q];
      if (c >= 128) {
        return found; // no phrase has it; a run that ended before it was looked up there
      }
      h = 31 * h + fold(c);
      q++;
      boolean stop;
      if (WORD[c]) {
        if (q < to) {
          char next = r[q];
          stop = !(next < 128 && WORD[next]);
        } else {
          stop = true;
        }
      } else {
        stop = true;
      }
      if (stop) {
        int step = step(h, r, p, q - p);
        if (step == 0) {
          return found; // no phrase starts so
        }
        if ((step & SETS) != 0) {
          char next = q < to ? r[q] : 0;
          if (q == to || !(next < 128 ? WORD[next] : letterOrNumberInside(r, q, to))) {
            found |= step & SETS;
          }
        }
        if ((step & LONGER) == 0) {
          return found;
        }
      }
    }
    return found;
  }

  /**
   * What the prefix {@code r[a, a + len)} whose (folded) hash is {@code h} is ({@link #prefixes}:
   * its sets and {@link #LONGER}); 0 if none.
   */
  private int step(int h, char[] r, int a, int len) {
    long want = key(h, len);
    for (int slot = Gazetteer.mix(h) & prefixMask; ; slot = (slot + 1) & prefixMask) {
      long key = prefixes[slot];
      if (key == 0) {
        return 0;
      }
      if ((key & KEY) == want && same(prefixChars, (int) (key >>> 16) & POOL, r, a, len)) {
        return (int) key & (SETS | LONGER);
      }
    }
  }

  /** The offset bits of a {@link #prefixes} slot, shifted down 16. */
  private static final int POOL = (1 << 18) - 1;

  private static boolean same(byte[] pool, int at, char[] r, int a, int len) {
    for (int i = 0; i < len; i++) {
      if (pool[at + i] != fold(r[a + i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a letter or number starts at {@code e} and ends inside the region {@code [.., to)}: a
   * pair cut by the region's end reads as its high surrogate alone, no letter, as the pair that
   * would end past the region does not count (what follows a phrase).
   */
  private static boolean letterOrNumberInside(char[] r, int e, int to) {
    int cp = Character.codePointAt(r, e, to);
    return e + Character.charCount(cp) <= to && letterOrNumber(cp);
  }

  /** ASCII letters and digits. */
  private static final boolean[] WORD = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) {
      WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
  }

  /**
   * The sets with a phrase that starts right at {@code from} and ends by {@code to} (what
   * {@code lookingAt} over the region finds), reading {@code c}, a copy of the text's chars (from
   * index 0, at least up to {@code to}).
   *
   * @return a mask as {@link #find}
   */
  int startsAt(char[] c, int from, int to) {
    if (from >= to || c[from] >= 128) {
      return 0;
    }
    char f = fold(c[from]);
    long lens = filter[2 * f + 1];
    // the scan's filter of the first two or three chars first: most names begin no phrase
    if (lens == 0 || !mayStart(f, from + 1 < to ? c[from + 1] : 0x80, from + 2 < to ? c[from + 2] : 0)) {
      return 0;
    }
    long ending = 0; // the lengths after which no letter or number follows inside the region
    for (long rest = lens; rest != 0; rest &= rest - 1) {
      int len = Long.numberOfTrailingZeros(rest);
      int e = from + len;
      if (e > to) {
        break;
      }
      char next = e < to ? c[e] : 0;
      if (e == to || !(next < 128 ? WORD[next] : letterOrNumberInside(c, e, to))) {
        ending |= 1L << len;
      }
    }
    if (ending == 0) {
      return 0;
    }
    int found = 0; // the sets of the phrases of those lengths, shortest first, hashing each char once
    int h = 0;
    int hashed = from;
    for (long rest = ending; rest != 0; rest &= rest - 1) {
      int len = Long.numberOfTrailingZeros(rest);
      int e = from + len;
      for (; hashed < e; hashed++) {
        char x = c[hashed];
        if (x >= 128) {
          return found; // phrases are ASCII, and only ASCII folds: no longer phrase matches either
        }
        h = 31 * h + fold(x);
      }
      found |= step(h, c, from, len) & SETS; // a phrase's own sets; 0 for a mere prefix
    }
    return found;
  }

  /**
   * Whether a phrase may start with the lower-case ASCII {@code f} before {@code d} (0x80 or above:
   * no second char, or not ASCII: only a one-char phrase can) and {@code e} (0: not asked, as at the
   * region's end): a necessary condition (the first two chars by {@link #filter}'s per-letter mask,
   * then, when every phrase starting with {@code f} has three chars or more, the first three).
   */
  private boolean mayStart(char f, char d, char e) {
    long lens = filter[2 * f + 1];
    if (d >= 128) {
      return (lens & 2L) != 0;
    }
    char fd = fold(d);
    if ((filter[2 * f] & (1L << (fd & 63))) == 0) {
      return false;
    }
    if ((lens & 6L) != 0 || e == 0) {
      return true;
    }
    if (e >= 128) {
      return false;
    }
    int t = third(f, fd, fold(e));
    return (filter[THIRDS + (t >>> 6)] & (1L << t)) != 0;
  }

  /** The bit of three lower-case chars in the three-char part of {@link #filter}. */
  private static int third(char a, char b, char c) {
    return ((a * 31 + b) * 31 + c) & 4095;
  }

  private static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** {@code [\p{L}\p{N}]}: a letter or any number (digit, letter number, other number). */
  static boolean letterOrNumber(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int t = Character.getType(cp);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
  }

  /**
   * Every phrase a pattern of the small language spells, in order.
   *
   * @throws IllegalArgumentException on anything but literals, {@code (?:...|...)} and {@code ?}
   */
  static List<String> expand(String pattern) {
    int[] pos = {0};
    List<String> out = alternatives(pattern, pos);
    if (pos[0] != pattern.length()) {
      throw new IllegalArgumentException("pattern has an unbalanced ')' at " + pos[0]);
    }
    return out;
  }

  private static List<String> alternatives(String p, int[] pos) {
    List<String> out = new ArrayList<>(sequence(p, pos));
    while (pos[0] < p.length() && p.charAt(pos[0]) == '|') {
      pos[0]++;
      out.addAll(sequence(p, pos));
    }
    return out;
  }

  private static List<String> sequence(String p, int[] pos) {
    List<String> acc = new ArrayList<>(List.of(""));
    while (pos[0] < p.length() && p.charAt(pos[0]) != '|' && p.charAt(pos[0]) != ')') {
      List<String> atom;
      char c = p.charAt(pos[0]);
      if (c == '(') {
        if (!p.startsWith("(?:", pos[0])) {
          throw new IllegalArgumentException("pattern may only use (?: groups, at " + pos[0]);
        }
        pos[0] += 3;
        atom = alternatives(p, pos);
        if (pos[0] >= p.length() || p.charAt(pos[0]) != ')') {
          throw new IllegalArgumentException("pattern has an unclosed group");
        }
        pos[0]++;
      } else if (c == '?' || c == '*' || c == '+' || c == '[' || c == '\\' || c == '.' || c == '{' || c == '^' || c == '$') {
        throw new IllegalArgumentException("pattern may not use '" + c + "' here, at " + pos[0]);
      } else {
        atom = List.of(String.valueOf(c));
        pos[0]++;
      }
      if (pos[0] < p.length() && p.charAt(pos[0]) == '?') {
        pos[0]++;
        atom = new ArrayList<>(atom);
        atom.add(""); // the optional part: with it first, as a greedy '?' tries it
      }
      List<String> next = new ArrayList<>(acc.size() * atom.size());
      for (String a : acc) {
        for (String b : atom) {
          next.add(a + b);
        }
      }
      acc = next;
    }
    return acc;
  }
}
