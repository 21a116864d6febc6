package dev.guardrails.detectors.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * Syllable grammars of the romanizations most East Asian names reach English text in: Korean
 * (Revised Romanization, McCune-Reischauer without diacritics, and the spellings names keep, such
 * as "oo", "ee", "ou"), Chinese (Hanyu Pinyin, Wade-Giles, and the Cantonese and Hokkien spellings
 * of Hong Kong, Taiwan and Southeast Asia) and Japanese (Hepburn morae). A word that splits wholly
 * into syllables of one system ("Jihoon", "Seo-yeon", "Xiaoming", "Chih-wei", "Haruto") has the
 * shape of a name of that origin even when no list holds it; {@link PersonDetector} takes the shape
 * as evidence only next to a surname that is itself one syllable of the same system ("Kim", "Li",
 * "Wong"), or with a person cue, and never for an English word ("human" splits as hu-man).
 *
 * <p>The inventories are small public facts (initials x vowels x finals), generated once. Parsing
 * is a bounded dynamic programme over at most {@value #MAX_LEN} chars kept in a {@code long}
 * bitmask: allocation-free. Thread-safe: immutable.
 */
final class Romanized {

  private Romanized() {}

  /** Longest word parsed. */
  static final int MAX_LEN = 24;
  /** Longest syllable of any system (Korean "kkwaeng", Pinyin "zhuang"). */
  private static final int MAX_SYLLABLE = 8;

  /** Systems, as bits of {@link #systems}. */
  static final int KOREAN = 1;
  static final int CHINESE = 2;
  static final int JAPANESE = 4;

  private static final Trie KO;
  private static final Trie ZH;
  private static final Trie JA;

  /**
   * A necessary condition for a parse, per system (bits {@link #KOREAN}, {@link #CHINESE}, {@link
   * #JAPANESE}), over folded chars (index of {@link Trie}): {@code START[c]} when a syllable starts
   * with c, {@code END[c]} when one ends with it, {@code PAIR[c * 27 + d]} when d follows c inside
   * a syllable or c ends one and d starts the next. Japanese counts n, k, s, p and t as one-char
   * syllables too (the syllabic n and the first of a doubled consonant, {@link #counts}). A word
   * whose chars break it splits in no way, so {@link #systems} rules the system out before parsing
   * ("Jones": no syllable ends in s; "Smith": none holds "sm" or ends in s).
   */
  private static final byte[] START = new byte[27];
  private static final byte[] END = new byte[27];
  private static final byte[] PAIR = new byte[27 * 27];

  static {
    // each inventory generated once for its trie and its shape tables (20,000 Korean syllables)
    List<String> ko = korean();
    List<String> zh = chinese();
    List<String> ja = japanese();
    KO = new Trie(ko);
    ZH = new Trie(zh);
    JA = new Trie(ja);
    shape(ko, KOREAN);
    shape(zh, CHINESE);
    ja.addAll(List.of("n", "k", "s", "p", "t"));
    shape(ja, JAPANESE);
    for (int c = 0; c < 27; c++) {
      for (int d = 0; d < 27; d++) {
        PAIR[c * 27 + d] |= (byte) (END[c] & START[d]);
      }
    }
  }

  private static void shape(List<String> syllables, int system) {
    for (String w : syllables) {
      START[Trie.index(w.charAt(0))] |= (byte) system;
      END[Trie.index(w.charAt(w.length() - 1))] |= (byte) system;
      for (int i = 1; i < w.length(); i++) {
        PAIR[Trie.index(w.charAt(i - 1)) * 27 + Trie.index(w.charAt(i))] |= (byte) system;
      }
    }
  }

  /**
   * The systems among {@code wanted} that {@code s[a, b)} may split into by {@link #START}, {@link
   * #END} and {@link #PAIR}: each hyphen-separated part must start and end as syllables do and
   * hold only allowed pairs (empty parts between two hyphens carry over, as in {@link #counts}; a
   * hyphen at either end or a char outside a-z and the apostrophe rules every system out).
   */
  private static int shapes(CharSequence s, int a, int b, int wanted) {
    int out = wanted;
    int prev = -1; // index of the char before, -1 right after a hyphen or at the start
    for (int i = a; i < b && out != 0; i++) {
      char c = s.charAt(i);
      if (c == '-') {
        if (i == a || i == b - 1) {
          return 0;
        }
        if (prev >= 0) {
          out &= END[prev];
        }
        prev = -1;
        continue;
      }
      int x = Trie.index(c);
      if (x < 0) {
        return 0;
      }
      out &= prev < 0 ? START[x] : PAIR[prev * 27 + x];
      prev = x;
    }
    return prev >= 0 ? out & END[prev] : 0;
  }

  /** Revised Romanization proper (plus the "oo"/"ee" that given names keep): for words without a hyphen. */
  private static final Trie KO_STRICT = new Trie(combine(
      new String[] {"", "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "j", "jj", "ch", "k", "t", "p", "h"},
      new String[] {"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
          "yu", "eu", "ui", "i", "oo", "ee"},
      new String[] {"", "k", "n", "t", "l", "m", "p", "ng"}));
  /** Hanyu Pinyin proper: for words without a hyphen. */
  private static final Trie ZH_STRICT = new Trie(combine(
      new String[] {"", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z",
          "c", "s", "y", "w"},
      new String[] {"a", "o", "e", "i", "u", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ue", "er", "an", "en",
          "in", "un", "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang", "iong", "ua", "uo", "uai", "uan", "uang"},
      new String[] {""}));

  private static List<String> combine(String[] initials, String[] vowels, String[] finals) {
    List<String> out = new ArrayList<>();
    for (String i : initials) {
      for (String v : vowels) {
        for (String f : finals) {
          out.add(i + v + f);
        }
      }
    }
    return out;
  }

  /**
   * Systems ({@link #KOREAN}, {@link #CHINESE}) in which the hyphen-free word {@code s[a, b)} is
   * two or three syllables of Revised Romanization or Hanyu Pinyin proper ("Jihoon", "Xiaoming",
   * "Mingze"): the shape of a given name written as one word. 0 for none.
   */
  static int strict(CharSequence s, int a, int b) {
    if (b - a > 12 || b - a < 3) {
      return 0;
    }
    int out = 0;
    if ((counts(KO_STRICT, s, a, b, false, true) & (4 | 8)) != 0) {
      out |= KOREAN;
    }
    if ((counts(ZH_STRICT, s, a, b, false, true) & (4 | 8)) != 0) {
      out |= CHINESE;
    }
    return out;
  }

  static List<String> korean() {
    String[] initials = {"", "g", "k", "kk", "gh", "kh", "n", "d", "t", "tt", "r", "l", "rh", "m", "b", "p", "pp",
        "bh", "ph", "s", "ss", "sh", "j", "jj", "ch", "h", "y"};
    String[] vowels = {"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
        "wi", "yu", "eu", "ui", "i", "oo", "ee", "ou", "yoo", "you", "ah", "oh", "uh", "eh", "ai", "ay", "ea", "eu",
        "yoe", "yuh", "ei", "ie", "eui", "weo", "oi", "oy"};
    String[] finals = {"", "k", "g", "n", "nn", "t", "l", "m", "p", "b", "ng", "hn", "hm", "hng", "c", "ck", "r", "rk"};
    List<String> out = new ArrayList<>();
    for (String i : initials) {
      for (String v : vowels) {
        if (i.equals("y") && v.startsWith("y")) {
          continue;
        }
        for (String f : finals) {
          out.add(i + v + f);
        }
      }
    }
    return out;
  }

  static List<String> chinese() {
    String[] initials = {"", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh",
        "r", "z", "c", "s", "y", "w",
        // Wade-Giles, Cantonese, Hokkien
        "hs", "ts", "tz", "tsz", "kw", "gw", "ng", "sz", "chh", "ch'", "k'", "p'", "t'", "ts'", "tz'", "hw"};
    String[] finals = {"a", "o", "e", "i", "u", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ue", "er",
        "an", "en", "in", "un", "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang", "iong", "ua", "uo",
        "uai", "uan", "uang", "ueng",
        // Wade-Giles and Yale-like spellings
        "ih", "ieh", "ien", "ung", "iung", "uei", "ueh", "eh", "uen",
        // Cantonese and Hokkien spellings ("Cheung", "Yeung", "Kwok", "Tsui", "Choi", "Lau", "Chua", "Goh")
        "eung", "eong", "oi", "oy", "au", "ow", "ok", "ak", "ik", "uk", "ek", "ap", "at", "it", "ut", "am", "im",
        "um", "om", "on", "oh", "ah", "ee", "oo", "oon", "ooi", "oey", "oei", "uah", "ua", "oa", "oan", "iap",
        "iat", "ew", "eow", "eu", "ay", "yu", "ye"};
    List<String> out = new ArrayList<>();
    for (String i : initials) {
      for (String f : finals) {
        out.add(i + f);
      }
    }
    return out;
  }

  static List<String> japanese() {
    List<String> out = new ArrayList<>();
    String[] vowels = {"a", "i", "u", "e", "o"};
    for (String v : vowels) {
      out.add(v);
    }
    for (String c : new String[] {"k", "s", "t", "n", "h", "m", "r", "g", "z", "d", "b", "p"}) {
      for (String v : vowels) {
        out.add(c + v);
      }
    }
    for (String m : new String[] {"ya", "yu", "yo", "wa", "wo", "shi", "chi", "tsu", "fu", "ji", "sha", "shu", "sho",
        "cha", "chu", "cho", "ja", "ju", "jo", "kya", "kyu", "kyo", "nya", "nyu", "nyo", "hya", "hyu", "hyo", "mya",
        "myu", "myo", "rya", "ryu", "ryo", "gya", "gyu", "gyo", "bya", "byu", "byo", "pya", "pyu", "pyo"}) {
      out.add(m);
    }
    // Hepburn never writes these with the plain consonant: si, ti, tu, hu, zi, di, du, wi, we, yi, ye
    out.removeAll(List.of("si", "ti", "tu", "hu", "zi", "di", "du"));
    return out;
  }

  /**
   * Systems (bits {@link #KOREAN}, {@link #CHINESE}, {@link #JAPANESE}) in which {@code s[a, b)}
   * splits wholly into at least {@code min} syllables; a hyphen or apostrophe-free inner hyphen
   * marks a syllable boundary ("Seo-yeon": each part one or two syllables). 0 for none.
   */
  static int systems(CharSequence s, int a, int b, int min) {
    return systems(s, a, b, min, KOREAN | CHINESE | JAPANESE);
  }

  /**
   * {@link #systems(CharSequence, int, int, int)} restricted to the systems in {@code wanted}: the
   * others are not parsed (their bits are 0).
   */
  static int systems(CharSequence s, int a, int b, int min, int wanted) {
    if (b - a > MAX_LEN || b - a < 2 || wanted == 0) {
      return 0;
    }
    int out = 0;
    if (b - a == 2 && Gazetteer.fold(s.charAt(a)) == 'n' && Gazetteer.fold(s.charAt(a + 1)) == 'g') {
      return min <= 1 ? CHINESE & wanted : 0; // Cantonese "Ng", a syllable without a vowel
    }
    wanted = shapes(s, a, b, wanted);
    if ((wanted & KOREAN) != 0 && parses(KO, s, a, b, min, false)) {
      out |= KOREAN;
    }
    if ((wanted & CHINESE) != 0 && parses(ZH, s, a, b, min, false)) {
      out |= CHINESE;
    }
    if ((wanted & JAPANESE) != 0 && parses(JA, s, a, b, min, true)) {
      out |= JAPANESE;
    }
    return out;
  }

  /**
   * A superset of {@link #systems(CharSequence, int, int, int, int)} for every {@code min}, without
   * parsing: the systems among {@code wanted} that the shape test ({@link #START}, {@link #END},
   * {@link #PAIR}) leaves to {@code s[a, b)} ({@link #systems} parses only those, and answers
   * "Ng" before the test). {@link PersonDetector} intersects it over a run's words before it parses
   * any of them, so a run with a word that no system can spell ("John Smith") parses none.
   */
  static int possible(CharSequence s, int a, int b, int wanted) {
    if (b - a > MAX_LEN || b - a < 2 || wanted == 0) {
      return 0;
    }
    if (b - a == 2 && Gazetteer.fold(s.charAt(a)) == 'n' && Gazetteer.fold(s.charAt(a + 1)) == 'g') {
      return CHINESE & wanted;
    }
    return shapes(s, a, b, wanted);
  }

  /**
   * Whether {@code s[a, b)} is a sequence of at least {@code min} syllables of {@code inv}.
   */
  private static boolean parses(Trie inv, CharSequence s, int a, int b, int min, boolean japanese) {
    int counts = counts(inv, s, a, b, japanese, false);
    return counts != 0 && Integer.highestOneBit(counts) >= 1 << Math.min(min, 4);
  }

  /**
   * How many syllables of {@code inv} {@code s[a, b)} splits into: bit k set for a split into k
   * syllables (k = 4: four or more); 0 when it does not split. Bit p of {@code rk} marks that the
   * first p chars split into k syllables. With {@code onset}, a syllable after the first must start
   * with a consonant, as Pinyin and Revised Romanization write one-word names ("Xi'an" takes an
   * apostrophe; "Jihoon", not "Oakie" read as o-a-ki-e).
   */
  private static int counts(Trie inv, CharSequence s, int a, int b, boolean japanese, boolean onset) {
    int len = b - a;
    long r0 = 1L;
    long r1 = 0;
    long r2 = 0;
    long r3 = 0;
    long r4 = 0;
    for (int p = 0; p < len; p++) {
      long bit = 1L << p;
      if (((r0 | r1 | r2 | r3 | r4) & bit) == 0) {
        continue;
      }
      int start = a + p;
      char c = s.charAt(start);
      if (c == '-') {
        if (p == 0 || p == len - 1) {
          return 0;
        }
        r1 |= (r1 & bit) << 1; // a boundary: carry every count over the hyphen
        r2 |= (r2 & bit) << 1;
        r3 |= (r3 & bit) << 1;
        r4 |= (r4 & bit) << 1;
        continue;
      }
      if (onset && p > 0 && "aeiouy".indexOf(Gazetteer.fold(c)) >= 0 && s.charAt(start - 1) != '-') {
        continue;
      }
      int node = 0; // the syllables that start with s[start, start + l): one trie step per char
      for (int l = 1; l <= MAX_SYLLABLE && p + l <= len; l++) {
        if (s.charAt(start + l - 1) == '-') {
          break;
        }
        node = inv.step(node, s.charAt(start + l - 1));
        boolean ok = node >= 0 && inv.syllable(node);
        if (!ok && japanese && l == 1) {
          char f = Gazetteer.fold(c);
          char nx = p + 1 < len ? Gazetteer.fold(s.charAt(start + 1)) : 0;
          // syllabic n before a consonant or at the end; a doubled consonant (Hattori, Nakka, Kotchi)
          ok = (f == 'n' && p > 0 && (p + 1 == len || "aiueoy".indexOf(nx) < 0))
              || (p > 0 && (f == 'k' || f == 's' || f == 'p' || f == 't') && (nx == f || (f == 't' && nx == 'c')));
        }
        if (ok) {
          r4 |= ((r3 | r4) & bit) << l;
          r3 |= (r2 & bit) << l;
          r2 |= (r1 & bit) << l;
          r1 |= (r0 & bit) << l;
        }
        if (node < 0) {
          break; // no syllable starts so: no longer one can match
        }
      }
    }
    long end = 1L << len;
    return ((r1 & end) != 0 ? 2 : 0) | ((r2 & end) != 0 ? 4 : 0) | ((r3 & end) != 0 ? 8 : 0) | ((r4 & end) != 0 ? 16 : 0);
  }

  /**
   * A syllable inventory as a trie over folded chars ({@link Gazetteer#fold}: a-z and the
   * apostrophe), so that a parse tries every syllable length at a position with one step per char
   * instead of one hashed lookup per length, and stops where no syllable continues. Membership is
   * what a {@link Gazetteer} of the same strings answers. Immutable.
   *
   * <p>Stored minimized: nodes whose continuations are the same set of strings (the same
   * "whole syllable here" flag and the same children, compared bottom-up) are one node, so the
   * table is the minimal automaton of the inventory. Every Korean syllable's finals, for example,
   * follow from one shared node instead of one copy per initial and vowel: the Korean trie
   * shrinks from about 20,000 nodes (2.2 MB, whose rows a parse read scattered, each step a likely
   * cache miss) to 27 (2.9 KB); the five inventories together from 3.06 MB to 12 KB. A walk
   * reaches a minimized node exactly when it reaches an unminimized one with the same
   * continuations, so {@link #step} (negative or not) and {@link #syllable} answer as before for
   * every input.
   */
  static final class Trie {

    private static final int WIDTH = 27; // a-z, '

    private final int[] next;
    private final boolean[] end;

    Trie(List<String> syllables) {
      this(syllables, true);
    }

    /** The trie of {@code syllables}, minimized or (for the tests' comparison) as built. */
    Trie(List<String> syllables, boolean minimize) {
      int[] nx = new int[WIDTH * 64];
      boolean[] ends = new boolean[64];
      int[] kids = new int[64]; // per node, bit c set when it has a child on char index c
      java.util.Arrays.fill(nx, -1);
      int nodes = 1;
      for (String w : syllables) {
        int node = 0;
        for (int i = 0; i < w.length(); i++) {
          int c = index(w.charAt(i));
          if (c < 0) {
            throw new IllegalArgumentException("syllables are spelled with a-z and ' only: length " + w.length());
          }
          int to = nx[node * WIDTH + c];
          if (to < 0) {
            to = nodes++;
            if (nodes > ends.length) {
              int old = nx.length;
              nx = java.util.Arrays.copyOf(nx, old * 2);
              java.util.Arrays.fill(nx, old, nx.length, -1);
              ends = java.util.Arrays.copyOf(ends, ends.length * 2);
              kids = java.util.Arrays.copyOf(kids, kids.length * 2);
            }
            nx[node * WIDTH + c] = to;
            kids[node] |= 1 << c;
          }
          node = to;
        }
        ends[node] = true;
      }
      if (minimize) {
        int[][] m = minimized(nx, ends, kids, nodes);
        next = m[0];
        end = new boolean[m[1].length];
        for (int i = 0; i < end.length; i++) {
          end[i] = m[1][i] != 0;
        }
      } else {
        next = java.util.Arrays.copyOf(nx, nodes * WIDTH);
        end = java.util.Arrays.copyOf(ends, nodes);
      }
    }

    /**
     * The minimal form of the trie {@code nx}/{@code ends} of {@code nodes} nodes (root 0; a child's
     * index is always above its parent's, as the builder numbers them; {@code kids}: each node's
     * child chars as bits): each node's class is its flag and its children's classes, found from
     * the last node to the root, so children are classed first; a class is known by one node of it,
     * and a node is compared with it over its few children only (about 3 per inner node; 70% of the
     * Korean trie's nodes are leaves), which keeps the work at class loading small. Then the
     * classes are numbered breadth-first from the root (the root stays 0, the shallow nodes every
     * walk reads come first). Returns {next, ends as 0/1}.
     */
    private static int[][] minimized(int[] nx, boolean[] ends, int[] kids, int nodes) {
      int[] cls = new int[nodes];
      int[] rep = new int[nodes]; // per class, a node of it
      int[] slots = new int[Integer.highestOneBit(Math.max(2, nodes)) << 2]; // class + 1 per slot, 0 empty
      int mask = slots.length - 1;
      int count = 0;
      for (int node = nodes - 1; node >= 0; node--) {
        int h = 31 * kids[node] + (ends[node] ? 1 : 0);
        for (int m = kids[node]; m != 0; m &= m - 1) {
          h = 31 * h + cls[nx[node * WIDTH + Integer.numberOfTrailingZeros(m)]];
        }
        int slot = Gazetteer.mix(h) & mask;
        int k = -1;
        for (int e = slots[slot]; e != 0; e = slots[slot]) {
          if (sameClass(nx, ends, kids, cls, rep[e - 1], node)) {
            k = e - 1;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (k < 0) {
          k = count++;
          rep[k] = node;
          slots[slot] = k + 1;
        }
        cls[node] = k;
      }
      int[] id = new int[count];
      java.util.Arrays.fill(id, -1);
      int[] queue = new int[count];
      int head = 0;
      int tail = 0;
      id[cls[0]] = tail;
      queue[tail++] = cls[0];
      int[] next = new int[count * WIDTH];
      java.util.Arrays.fill(next, -1);
      int[] flags = new int[count];
      while (head < tail) {
        int node = rep[queue[head]];
        int at = id[queue[head++]];
        flags[at] = ends[node] ? 1 : 0;
        for (int m = kids[node]; m != 0; m &= m - 1) {
          int c = Integer.numberOfTrailingZeros(m);
          int k = cls[nx[node * WIDTH + c]];
          if (id[k] < 0) {
            id[k] = tail;
            queue[tail++] = k;
          }
          next[at * WIDTH + c] = id[k];
        }
      }
      return new int[][] {next, flags};
    }

    /** Whether nodes {@code a} and {@code b} (children classed) have the same flag and children. */
    private static boolean sameClass(int[] nx, boolean[] ends, int[] kids, int[] cls, int a, int b) {
      if (kids[a] != kids[b] || ends[a] != ends[b]) {
        return false;
      }
      for (int m = kids[a]; m != 0; m &= m - 1) {
        int c = Integer.numberOfTrailingZeros(m);
        if (cls[nx[a * WIDTH + c]] != cls[nx[b * WIDTH + c]]) {
          return false;
        }
      }
      return true;
    }

    /** Number of nodes (the tests compare the minimized size). */
    int nodes() {
      return end.length;
    }

    static int index(char c) {
      char f = Gazetteer.fold(c);
      if (f >= 'a' && f <= 'z') {
        return f - 'a';
      }
      return f == '\'' ? 26 : -1;
    }

    /** The node after {@code node} reads {@code c}, or -1 when no syllable continues so. */
    int step(int node, char c) {
      int i = index(c);
      return i < 0 ? -1 : next[node * WIDTH + i];
    }

    /** Whether the chars read to reach {@code node} spell a whole syllable. */
    boolean syllable(int node) {
      return end[node];
    }

    /** Whether {@code s[a, b)} (folded) is a syllable. */
    boolean contains(CharSequence s, int a, int b) {
      int node = 0;
      for (int i = a; i < b && node >= 0; i++) {
        node = step(node, s.charAt(i));
      }
      return a < b && node >= 0 && end[node];
    }
  }
}
