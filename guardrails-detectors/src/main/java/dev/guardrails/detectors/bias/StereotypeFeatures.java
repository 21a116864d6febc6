package dev.guardrails.detectors.bias;

import dev.guardrails.detectors.internal.WordLists;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Group mentions and hashed features of one sentence for {@link StereotypeModel}.
 *
 * <p>A <em>mention</em> is a group term of {@code stereotype-groups.tsv}: a group on its own
 * ("Muslims", "Yemeni", "nurses"), a descriptor followed by a person noun ("old people", "poor
 * families"), or a singular person noun after a quantifier or article ("every woman", "a nurse"), "people who
 * are X", a bare group word as the subject of "is" ("transgender is a ..."), and people named by a condition
 * ("people with schizophrenia", "children with a learning disability": {@link #CONDITION}).
 * The features abstract every mention to one symbol, so what the model learns is the frame around
 * a group (quantifier or bare plural, copula, absolute adverb, "tend to", modal, trait word,
 * negation, hedge, question) rather than which group it is: word unigrams, bigrams and trigrams
 * over the abstracted sentence, the words just before and after a mention, word suffixes, frame
 * flags, their pairwise conjunctions and the three-way conjunctions of a generalizing frame (quantifier,
 * bare or plural mention) with a verb frame (copula, "tend to", modal, absolute adverb, past tense) and a
 * content cue (trait word, harm word, blame word, negation, first person), and the class of each of the first
 * mentions' groups (nationality, religion, gender, orientation, race, age, disability ...) paired with each content
 * word of its clause, so that what a class of groups is stereotyped with carries over to its other groups. Each
 * feature is a hash of token hashes (no strings), so scoring a sentence allocates nothing.
 *
 * <p>Group-list and feature changes must bump {@link #VERSION}: the model file records it.
 * Immutable and thread-safe (callers pass their own scratch arrays).
 */
final class StereotypeFeatures {

  /** Feature-extraction version; a model trained with another version is rejected at load. */
  static final int VERSION = 10;
  /** Sentences longer than this are scored on their first {@value} tokens. */
  static final int MAX_TOKENS = 48;
  /** How many tokens of a mention's clause after it are paired with its group class ({@link #axisOf}). */
  static final int AXIS_WORDS = 6;
  /** How many mentions of a sentence (the first ones) get the group-class features. */
  static final int AXIS_MENTIONS = 4;
  /**
   * An upper bound on the features of one sentence: per token and mention, then the flags, their pairs,
   * the three-way conjunctions ({@link #FLAGS} = 31 flags; 7 verb frames, 9 cues) and the group-class pairs.
   */
  static final int MAX_FEATURES = 64 + MAX_TOKENS * 20 + 31 * 32 / 2 + 3 * 7 * 9 + AXIS_MENTIONS * AXIS_WORDS;
  static final String GROUPS_FILE = "stereotype-groups.tsv";
  static final String VALENCE_FILE = "stereotype-valence.tsv";
  static final String PERSON_NOUNS_FILE = "stereotype-person-nouns.tsv";

  static final CharArraySet GENDER_PERSON = set("man men woman women girl girls boy boys guy guys lady ladies gentleman "
      + "gentlemen mother mothers father fathers mom moms dad dads wife wives husband husbands");
  static final CharArraySet AGE_PERSON = set("kid kids child children teenager teenagers youth youths elders adult adults");

  static final StereotypeFeatures INSTANCE = new StereotypeFeatures();

  static final byte GROUP = 1;
  static final byte DESCRIPTOR = 2;
  static final byte PERSON = 3;
  static final byte COLLECTIVE = 4;
  static final byte NAME = 5;
  static final byte OCCUPATION = 6;
  static final byte PLACE = 7;

  /**
   * The group terms of one to three tokens in one open-addressing table (no n-gram copied, no Lucene map): a slot
   * holds an entry's index + 1 (0 empty) and {@link #termHash} of the term's token hashes, which the tokenizer already
   * computed per word, so a probe is a few multiplies; a hit is confirmed char by char against the tokens in
   * {@code canon}. Entry {@code i}'s key is {@code termChars[termFrom[i], termFrom[i + 1])} (its tokens joined by
   * single spaces, as {@link Tokens#key} writes it) and {@code termInfo[i]} packs its mode ({@link #GROUP} ...
   * {@link #PLACE}, bits 0-7), its class ({@link #axisOf}, 0 for none, bits 8-15) and its token count (bits 16-23).
   */
  private final int[] termSlots;
  private final int[] termSlotHash;
  private final int termMask;
  private final char[] termChars;
  private final int[] termFrom;
  private final int[] termInfo;
  static final int H_WHO = Tokens.hash("who");
  static final int H_THAT = Tokens.hash("that");
  private static final int H_ARE = Tokens.hash("are");
  private static final int H_IS = Tokens.hash("is");
  private static final int H_OF = Tokens.hash("of");
  private static final int H_NOTHING = Tokens.hash("nothing");
  private static final int H_BUT = Tokens.hash("but");
  /** Heads of "people who are X": the group named as its members. */
  static final CharArraySet WHO_HEAD = set("people those persons individuals folks");
  /** Person nouns that are not occupations (kind "person"): the heads of a singular subject mention. */
  private final CharArraySet people = new CharArraySet(128, false);
  /** Words of clear valence (VADER, {@value #VALENCE_FILE}): -1 negative, +1 positive. */
  private final CharArrayMap<Byte> valence = new CharArrayMap<>(8192, false);
  /**
   * Pejorative person nouns and nouns of harm or nuisance (Open English WordNet, {@value #PERSON_NOUNS_FILE}):
   * "parasites", "thugs", "freeloaders", "a plague". A trait when they are the predicate of a group ("X are
   * parasites", "X are a bunch of thugs"); read nowhere else, where a thing or animal sense would be literal.
   */
  private final CharArraySet pejorative = new CharArraySet(2048, false);
  /**
   * Open-addressing set (0 = empty) of token-hash keys that say whether a lookup can match: a term's
   * first token ({@link #HEAD}), a one-token term ({@link #SINGLE}), a term's first two tokens
   * ({@link #PAIR}). Common words that start some term ("the", "in") then cost one probe per
   * candidate length instead of building and looking up the n-gram.
   */
  private final long[] heads;
  private final int headMask;

  private static CharArraySet set(String words) {
    CharArraySet s = new CharArraySet(64, false);
    for (String w : words.split("\\s+")) {
      s.add(w);
    }
    return CharArraySet.unmodifiableSet(s);
  }

  static final CharArraySet QUANT = set("all most every typical any each");
  static final CharArraySet ARTICLE = set("a an");
  static final CharArraySet DET = set("the some many few several certain these those this that his her their our "
      + "my your its no other both two three four five");
  static final CharArraySet PREP = set("of for to with about from by in on at against among between like than");
  static final CharArraySet COPULA = set("are is were was 're be aren't isn't");
  static final CharArraySet ABS_ADV = set("always never naturally inherently genetically simply just all obviously "
      + "clearly only");
  static final CharArraySet TEND = set("tend tends usually typically generally often known likely prone");
  static final CharArraySet MODAL = set("can't cannot won't can will would should shouldn't must don't do "
      + "never lack belong");
  static final CharArraySet NEG = set("not never no isn't aren't don't doesn't can't cannot won't wasn't weren't");
  static final CharArraySet FIRST = set("i i'm me my we our i've i'd");
  static final CharArraySet SECOND = set("you your you're");
  /** Words of a causal blame frame near a mention: "X are the reason ...", "because of X", "X ruin ...". */
  static final CharArraySet BLAME = set("reason reasons because blame blamed fault responsible ruin ruins ruining "
      + "ruined destroy destroys destroying destroyed cause causes causing problem problems");
  /** Harms a generalization pins on a group: "X support terrorism", "X bring crime". */
  static final CharArraySet HARM = set("terrorism terror terrorist crime crimes criminal violence violent rape rapes "
      + "raping theft steal steals stealing welfare drugs drug disease diseases bombs bombing murder murders kill "
      + "kills killing jihad gangs gang weapons guns fraud");
  /**
   * Past-tense or event verbs right after a mention: history and news report what a group did or what
   * happened to it ("women won the right to vote", "immigrants arrived in 1900"), not what it is like.
   */
  static final CharArraySet PAST = set("was were had did became won gained fought founded formed arrived migrated "
      + "settled began made took got");
  static final CharArraySet PERFECT = set("have has had");
  static final CharArraySet PLURAL_IRREGULAR = set("men women people children folks police");

  private StereotypeFeatures() {
    int slots = 0;
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    for (String line : lines()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      if (c.length != 3 || c[2].length() != 1 || "gdpcnol".indexOf(c[2].charAt(0)) < 0) {
        throw new IllegalStateException("bias resource " + GROUPS_FILE + " has a malformed row (expected term, kind, g|d|p|c|n|o|l)");
      }
      rows.add(c);
    }
    slots = Integer.highestOneBit(Math.max(16, rows.size() * 8)) * 2;
    heads = new long[slots];
    headMask = slots - 1;
    // key -> mode | axis << 8, in file order: a repeated term keeps its last mode and its last class that is not 0
    java.util.Map<String, Integer> entries = new java.util.LinkedHashMap<>();
    for (String[] c : rows) {
      String key = Tokens.key(c[0]);
      if (key.isEmpty()) {
        continue;
      }
      byte mode = switch (c[2].charAt(0)) {
        case 'g' -> GROUP;
        case 'd' -> DESCRIPTOR;
        case 'c' -> COLLECTIVE;
        case 'n' -> NAME;
        case 'o' -> OCCUPATION;
        case 'l' -> PLACE;
        default -> PERSON;
      };
      byte axis = axisOf(c[1], key);
      Integer before = entries.get(key);
      entries.put(key, mode | (axis != 0 ? axis : before == null ? 0 : before >>> 8) << 8);
      if (mode == PERSON && c[1].equals("person")) {
        people.add(key);
      }
      String[] words = key.split(" ");
      int h0 = Tokens.hash(words[0]);
      add(HEAD, h0);
      add(words.length == 1 ? SINGLE : PAIR, words.length == 1 ? h0 : pair(h0, Tokens.hash(words[1])));
    }
    int termSlotCount = Integer.highestOneBit(Math.max(16, entries.size() * 2)) * 2; // load at most 1/2
    termSlots = new int[termSlotCount];
    termSlotHash = new int[termSlotCount];
    termMask = termSlotCount - 1;
    termFrom = new int[entries.size() + 1];
    termInfo = new int[entries.size()];
    StringBuilder chars = new StringBuilder();
    int e = 0;
    for (java.util.Map.Entry<String, Integer> en : entries.entrySet()) {
      String[] words = en.getKey().split(" ");
      if (words.length > 3) {
        continue; // term() reads at most three tokens
      }
      int th = TERM_SEED;
      for (String w : words) {
        th = termHash(th, Tokens.hash(w));
      }
      termFrom[e] = chars.length();
      chars.append(en.getKey());
      termInfo[e] = en.getValue() | words.length << 16;
      int i = th & termMask;
      while (termSlots[i] != 0) {
        i = (i + 1) & termMask;
      }
      termSlots[i] = e + 1;
      termSlotHash[i] = th;
      e++;
    }
    termFrom[e] = chars.length();
    termChars = chars.toString().toCharArray();
    for (String line : WordLists.lines(StereotypeFeatures.class, VALENCE_FILE, "bias")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      if (c.length != 2 || !(c[1].equals("n") || c[1].equals("p"))) {
        throw new IllegalStateException("bias resource " + VALENCE_FILE + " has a malformed row (expected word, n|p)");
      }
      valence.put(c[0], c[1].equals("n") ? (byte) -1 : (byte) 1);
    }
    for (String line : WordLists.lines(StereotypeFeatures.class, PERSON_NOUNS_FILE, "bias")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        pejorative.add(line.strip());
      }
    }
  }

  /** Whether token {@code k} is a pejorative noun ({@value #PERSON_NOUNS_FILE}): "parasites", "thugs", "plague". */
  boolean pejorative(Tokens t, int k) {
    return pejorative.contains(t.canon, t.cStart[k], t.len(k));
  }

  /** A word of negative valence ({@link #valence}) or a pejorative person noun ({@link #pejorative}). */
  boolean negative(Tokens t, int k) {
    return valence(t, k) < 0 || pejorative(t, k);
  }

  /** Collective nouns before "of" that keep a predicate noun phrase going: "are a bunch of thugs". */
  static final CharArraySet BUNCH = set("bunch pack lot band horde gang nest herd swarm load");

  /**
   * After a copula at {@code k}: the index of a pejorative person noun that is its predicate, past the copula's skip
   * words ({@link #COP_SKIP}: "are all", "are nothing but a") and one "bunch/pack/lot of" ("are a bunch of thugs"),
   * or -1. Bounded look-ahead.
   */
  int pejorativePredicate(Tokens t, int k, int to) {
    int a = k + 1;
    boolean bunch = false;
    while (a < to && a - k <= 5 && !t.is(a, Tokens.HARD_BEFORE)) {
      int cs = t.cStart[a];
      int wl = t.len(a);
      if (COP_SKIP.contains(t.canon, cs, wl) || (wl == 7 && t.hash[a] == H_NOTHING) || (wl == 3 && t.hash[a] == H_BUT)) {
        a++;
      } else if (!bunch && BUNCH.contains(t.canon, cs, wl) && a + 1 < to && t.hash[a + 1] == H_OF
          && !t.is(a + 1, Tokens.HARD_BEFORE)) {
        bunch = true;
        a += 2;
      } else {
        return pejorative(t, a) ? a : -1;
      }
    }
    return -1;
  }


  /** The valence of token {@code k} ({@value #VALENCE_FILE}): -1 negative, +1 positive, 0 none. */
  int valence(Tokens t, int k) {
    Byte v = valence.get(t.canon, t.cStart[k], t.len(k));
    return v == null ? 0 : v;
  }

  /** The class of a group term by its kind in {@value #GROUPS_FILE}: 1 nationality ... 13 characteristics, 0 none. */
  static byte axisOf(String kind, String key) {
    return switch (kind) {
      case "nationality", "country" -> 1;
      case "religion" -> 2;
      case "gender_and_sex", "gender" -> 3;
      case "sexual_orientation", "orientation" -> 4;
      case "race", "race_ethnicity" -> 5;
      case "age" -> 6;
      case "ability", "disability" -> 7;
      case "body_type" -> 8;
      case "socioeconomic_class", "socioeconomic" -> 9;
      case "political_ideologies" -> 10;
      case "cultural" -> 11;
      case "occupation" -> 12;
      case "characteristics" -> 13;
      default -> GENDER_PERSON.contains(key) ? (byte) 3 : AGE_PERSON.contains(key) ? (byte) 6 : 0;
    };
  }

  /**
   * The class of the first group term with one in tokens {@code [k, e)}, or 0 (a person noun's only if no other term
   * has one): read from {@link #term}'s answer, no second lookup.
   */
  int axis(Tokens t, int k, int e) {
    int last = 0;
    while (k < e) {
      long term = term(t, k, e);
      if (term == 0) {
        k++;
        continue;
      }
      int a = (int) (term >>> 40) & 0xff;
      if (a != 0) {
        byte mode = (byte) (term >>> 32);
        if (mode != PERSON) {
          return a;
        }
        last = a;
      }
      k = (int) term;
    }
    return last;
  }

  private static final long HEAD = 1L << 32;
  private static final long SINGLE = 2L << 32;
  private static final long PAIR = 3L << 32;

  private static int pair(int h0, int h1) {
    return mix(h0 * 31 + mix(h1));
  }

  private void add(long tag, int h) {
    long v = (h & 0xffffffffL) | tag;
    int i = mix(h ^ (int) (tag >>> 32)) & headMask;
    while (heads[i] != 0 && heads[i] != v) {
      i = (i + 1) & headMask;
    }
    heads[i] = v;
  }

  /** Hashes of the group terms' first tokens, for {@link TokenMarks} (a fresh array; the table stays private). */
  int[] headHashes() {
    return keys(HEAD);
  }

  /** Hashes of the one-token group terms, for {@link TokenMarks}. */
  int[] singleHashes() {
    return keys(SINGLE);
  }

  /** True if tokens hashed {@code h0}, {@code h1} may be the first two of a group term (what {@link #term} tests). */
  boolean mayBePair(int h0, int h1) {
    return has(PAIR, pair(h0, h1));
  }

  /** The key {@link #mayBePair} looks up for tokens hashed {@code h0}, {@code h1}. */
  static int pairKey(int h0, int h1) {
    return pair(h0, h1);
  }

  /** {@link #mayBePair} by its {@link #pairKey}. */
  boolean hasPair(int key) {
    return has(PAIR, key);
  }

  /** The {@link #pairKey}s of the group terms' first two tokens, for {@link TokenMarks} (a fresh array). */
  int[] pairKeys() {
    return keys(PAIR);
  }

  /** The flags {@link TokenMarks} would set on token {@code k} for {@link #term}, from this table (unmarked tokens). */
  private int marks(Tokens t, int k) {
    int h = t.hash[k];
    if (!has(HEAD, h)) {
      return 0;
    }
    return Tokens.GROUP_HEAD | (has(SINGLE, h) ? Tokens.GROUP_SINGLE : 0)
        | (k + 1 < t.count && has(PAIR, pair(h, t.hash[k + 1])) ? Tokens.GROUP_PAIR : 0);
  }

  private int[] keys(long tag) {
    int n = 0;
    int[] out = new int[heads.length];
    for (long v : heads) {
      if (v != 0 && (v & ~0xffffffffL) == tag) {
        out[n++] = (int) v;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private boolean has(long tag, int h) {
    long v = (h & 0xffffffffL) | tag;
    for (int i = mix(h ^ (int) (tag >>> 32)) & headMask; heads[i] != 0; i = (i + 1) & headMask) {
      if (heads[i] == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * The longest group term starting at token {@code k} (at most 3 tokens, before {@code to}): its class
   * ({@link #axisOf}) in bits 40-47, its mode in bits 32-39 and its end token in the low int; 0 if none.
   */
  long term(Tokens t, int k, int to) {
    // the head, pair and single tests of this table, read from the flags the tokenizer set ({@link TokenMarks})
    int f = t.marked ? t.flags[k] : marks(t, k);
    if ((f & Tokens.GROUP_HEAD) == 0) {
      return 0;
    }
    int max = Math.min(3, to - k);
    if (max < 1) {
      return 0;
    }
    if (max > 1 && ((f & Tokens.GROUP_PAIR) == 0 || t.is(k + 1, Tokens.HARD_BEFORE))) {
      max = 1; // neither two nor three tokens (t.joined(k, k + len) fails for both)
    }
    final int[] hs = t.hash;
    int h1 = termHash(TERM_SEED, hs[k]);
    if (max > 1) {
      int h2 = termHash(h1, hs[k + 1]);
      if (max == 3 && !t.is(k + 2, Tokens.HARD_BEFORE)) {
        int e = findTerm(t, k, 3, termHash(h2, hs[k + 2]));
        if (e >= 0) {
          return packTerm(e, k + 3);
        }
      }
      int e = findTerm(t, k, 2, h2);
      if (e >= 0) {
        return packTerm(e, k + 2);
      }
    }
    if ((f & Tokens.GROUP_SINGLE) != 0) {
      int e = findTerm(t, k, 1, h1);
      if (e >= 0) {
        return packTerm(e, k + 1);
      }
    }
    return 0;
  }

  private long packTerm(int entry, int end) {
    int info = termInfo[entry];
    return ((long) ((info >>> 8) & 0xff) << 40) | ((long) (info & 0xff) << 32) | end;
  }

  /** The entry of the group term that is exactly tokens {@code [k, k + len)} (hashed {@code h}), or -1. */
  private int findTerm(Tokens t, int k, int len, int h) {
    for (int i = h & termMask; ; i = (i + 1) & termMask) {
      int e = termSlots[i] - 1;
      if (e < 0) {
        return -1;
      }
      if (termSlotHash[i] == h && termInfo[e] >>> 16 == len && sameTerm(t, k, len, e)) {
        return e;
      }
    }
  }

  /** True if entry {@code e}'s key is tokens {@code [k, k + len)} joined by single spaces. */
  private boolean sameTerm(Tokens t, int k, int len, int e) {
    final char[] key = termChars;
    final char[] c = t.canon;
    int p = termFrom[e];
    int end = termFrom[e + 1];
    for (int j = k; j < k + len; j++) {
      if (j > k) {
        if (p >= end || key[p++] != ' ') {
          return false;
        }
      }
      int cs = t.cStart[j];
      int n = t.cEnd[j] - cs;
      if (end - p < n) {
        return false;
      }
      for (int x = 0; x < n; x++) {
        if (key[p + x] != c[cs + x]) {
          return false;
        }
      }
      p += n;
    }
    return p == end;
  }

  private static final int TERM_SEED = 0x2545f491;

  /** {@link #term}'s table key after one more token hashed {@code h} (start from {@link #TERM_SEED}). */
  private static int termHash(int acc, int h) {
    return mix(acc * 31 + h);
  }

  /** The mode ({@link #GROUP} ... {@link #PLACE}) of the longest group term starting at token {@code k}, or 0. */
  byte kindAt(Tokens t, int k, int to) {
    return (byte) (term(t, k, to) >>> 32);
  }

  /** One past the last token of the longest group term starting at token {@code k}, or {@code k} if none. */
  int endAt(Tokens t, int k, int to) {
    long term = term(t, k, to);
    return term == 0 ? k : (int) term;
  }

  /**
   * Finds the group mentions in tokens {@code [from, to)}.
   *
   * @param spans receives start/end token pairs; room for {@code to - from} pairs
   * @return the number of mentions
   */
  int mentions(Tokens t, int from, int to, int[] spans) {
    if (!t.marked) {
      throw new IllegalStateException("tokens without stereotype marks; begin(text, lexicon, true)");
    }
    int n = 0;
    final int[] fl = t.flags;
    for (int k = from; k < to; ) {
      if ((fl[k] & (Tokens.GROUP_HEAD | Tokens.GROUP_WHO)) == 0) {
        k++; // most tokens: neither a term's head nor "who"/"that" (flags set by the tokenizer)
        continue;
      }
      long term = term(t, k, to);
      if (term == 0) {
        int h = t.hash[k];
        if ((h == H_WHO || h == H_THAT) && k > from && k + 2 < to && !t.is(k, Tokens.HARD_BEFORE)
            && (t.hash[k + 1] == H_ARE || t.hash[k + 1] == H_IS) && !t.is(k + 1, Tokens.HARD_BEFORE)
            && !t.is(k + 2, Tokens.HARD_BEFORE) && WHO_HEAD.contains(t.canon, t.cStart[k - 1], t.len(k - 1))) {
          // "people who are LGBTQ", "those who are Crimean": the group as its members, like "LGBTQ people"
          long g = term(t, k + 2, to);
          byte gm = (byte) (g >>> 32);
          if (g != 0 && gm != OCCUPATION && gm != PLACE && gm != PERSON) {
            int ge = (int) g;
            if (n > 0 && spans[2 * n - 1] == k) {
              spans[2 * n - 1] = ge; // "most people" grows to "most people who are LGBTQ"
            } else {
              spans[2 * n] = k - 1;
              spans[2 * n + 1] = ge;
              n++;
            }
            k = ge;
            continue;
          }
        }
        k++;
        continue;
      }
      byte m = (byte) (term >>> 32);
      int e = (int) term;
      if (m == PLACE) {
        // a country or continent as the subject opening a sentence or clause ("Mexico is dangerous", "The
        // United States is ..."): the sentence speaks of the place as a whole, as of its people; elsewhere
        // ("born in Mexico", "returned to the United States") it is where something happened. Before a capitalized
        // word it is part of a name ("China Anne McClain", "Iran Chamber Society", "the United States Army")
        if (opensClause(t, from, k) && (e >= to || !t.is(e, Tokens.CAP))) {
          spans[2 * n] = k;
          spans[2 * n + 1] = e;
          n++;
        }
        k = e;
        continue;
      }
      boolean mention = m == GROUP || m == NAME;
      byte last = m;
      byte prev = m;
      // a run of descriptors and groups ending in a person noun or group: "old poor people", "gay Muslim men"
      for (int hop = 0, e2 = e; hop < 2 && e2 < to && !t.is(e2, Tokens.HARD_BEFORE); hop++) {
        long next = term(t, e2, to);
        if (next == 0) {
          break;
        }
        e2 = (int) next;
        byte nm = (byte) (next >>> 32);
        if (nm == PLACE || (nm == OCCUPATION && prev != GROUP)) {
          break; // "professional dancers": a job, not a group; "female engineers": a group
        }
        prev = nm;
        if (nm != DESCRIPTOR) {
          mention = true;
          e = e2;
          last = nm;
        }
      }
      if (!mention && (m == PERSON || m == OCCUPATION) && k > from && !t.is(k, Tokens.HARD_BEFORE)
          && QUANT.contains(t.canon, t.cStart[k - 1], t.len(k - 1))) {
        mention = true; // "every woman", "a typical nurse"
      }
      if (!mention && (m == PERSON || m == COLLECTIVE) && e == k + 1 && e + 1 < to
          && (OF_PLACE.contains(t.canon, t.cStart[k], t.len(k)) || (people.contains(t.canon, t.cStart[k], t.len(k))
              && (plural(t, k) || opensClause(t, from, k))))
          && !t.is(e, Tokens.HARD_BEFORE) && !t.is(e + 1, Tokens.HARD_BEFORE)
          && FROM.contains(t.canon, t.cStart[e], t.len(e))) {
        // "the people of Syria", "people from Cameroon", "citizens in the United States": the inhabitants of a place;
        // other person nouns as a plural ("children of Ethiopia", "immigrants from Italy") or as the subject that
        // opens the sentence ("The man from Spain was ..."), not one person elsewhere ("she met a man from Spain")
        int p = e + 1;
        if (p + 1 < to && SUBJECT_DET.contains(t.canon, t.cStart[p], t.len(p)) && !t.is(p + 1, Tokens.HARD_BEFORE)) {
          p++;
        }
        char c0 = t.canon[t.cStart[p]];
        // a place is neither a number ("the people of 1990") nor a group or person word ("children of lgb parents",
        // "people of the children"): those are one group's relation to another, not its home; a listed country
        // is a place ("the people of the United States": the span ends after its last word)
        long place = term(t, p, to);
        if ((c0 < '0' || c0 > '9') && (place == 0 || (byte) (place >>> 32) == PLACE)) {
          int pe = place == 0 ? p + 1 : (int) place;
          spans[2 * n] = k;
          spans[2 * n + 1] = pe;
          n++;
          k = pe;
          continue;
        }
      }
      if (!mention && m == PERSON && e == k + 1 && plural(t, k) && people.contains(t.canon, t.cStart[k], t.len(k))) {
        int ce = withCondition(t, e, to);
        if (ce > 0) {
          // "people with schizophrenia", "children with a learning disability": a disability or illness named by
          // its condition, as HolisticBias' descriptors name it by an adjective ("autistic people")
          spans[2 * n] = k;
          spans[2 * n + 1] = ce;
          n++;
          k = ce;
          continue;
        }
      }
      if (mention && m == GROUP && e == k + 1 && e < to && t.hash[e] == H_IS && !t.is(e, Tokens.HARD_BEFORE)
          && (k == from || t.is(k, Tokens.HARD_BEFORE))) {
        // a group word as the subject of its own clause, bare and singular: "transgender is a mental disease",
        // "gay is a sin": the group as such
        spans[2 * n] = k;
        spans[2 * n + 1] = e;
        n++;
        k = e;
        continue;
      }
      if (mention && generic(t, from, k, e, last)) { // not one person ("an American actor")
        spans[2 * n] = k;
        spans[2 * n + 1] = e;
        n++;
      }
      k = e;
    }
    return n;
  }

  /**
   * A generic reference to a group: a plural ("Mexicans", "gay men", "the poor families"); a
   * singular after a generalizing quantifier ("every woman", "a typical nurse"); a collective noun
   * or a group's name ("the black community", "Islam"); "being" and a group ("being gay is ...");
   * or, in the singular, a group member as the subject that opens a sentence or clause, bare or after
   * an article, ending in a person noun ("The German man was strict", "A black person is more likely
   * to ..."): the sentence says something about a member as such. A singular elsewhere ("X is an
   * American actor", "she met a Ghanaian"), a group word before a thing ("Latin dance is ...",
   * "American Institute of ...") or an occupation ("A taxi dancer is ...") is not a group mention.
   */
  private boolean generic(Tokens t, int from, int k, int e, byte last) {
    if (plural(t, e - 1) || last == COLLECTIVE || last == NAME) {
      return true;
    }
    if (last == GROUP) {
      for (int x = k; x < e - 1; x++) {
        if (plural(t, x) && people.contains(t.canon, t.cStart[x], t.len(x)) && !OF.contains(t.canon, t.cStart[x + 1], t.len(x + 1))) {
          return true; // a listed group headed by a plural person noun: "young people today", "people with autism"
        }
      }
    }
    int b = k - 1;
    if (k > from && !t.is(k, Tokens.HARD_BEFORE)) {
      int bs = t.cStart[b];
      int bl = t.len(b);
      if (QUANT.contains(t.canon, bs, bl) || BEING.contains(t.canon, bs, bl)) {
        return true;
      }
    }
    if (last == GROUP || (last == PERSON && e - k >= 2) || last == OCCUPATION) {
      // the subject opening a sentence with an article and up to two words before the group (an occupation gets
      // here only after a group term of its own: "The Pakistani businessman was ..."):
      // "The Liberian criminal was ...", "The unattractive Angolan struggled ...", "The arrogant South African woman ..."
      for (int a = k - 1; a >= from && k - a <= 3 && !t.is(a + 1, Tokens.HARD_BEFORE); a--) {
        if (a == from || t.is(a, Tokens.HARD_BEFORE)) {
          return SUBJECT_DET.contains(t.canon, t.cStart[a], t.len(a));
        }
        if (!adjectiveLike(t, a)) {
          return false; // "the word lesbian", "the history of ...": a noun phrase about something else
        }
      }
    }
    if (last != PERSON || e - k < 2 || !people.contains(t.canon, t.cStart[e - 1], t.len(e - 1))) {
      return false;
    }
    return opensClause(t, from, k);
  }

  /** Token {@code k} opens the sentence or a clause, bare or after the/a/an: a subject position. */
  private static boolean opensClause(Tokens t, int from, int k) {
    int b = k - 1;
    return k == from || t.is(k, Tokens.HARD_BEFORE) || ((b == from || t.is(b, Tokens.HARD_BEFORE))
        && SUBJECT_DET.contains(t.canon, t.cStart[b], t.len(b)));
  }

  static final CharArraySet BEING = set("being");
  static final CharArraySet DEGREE = set("very more less most so too poorly highly");
  private static final char[][] ADJ_SUFFIXES = java.util.Arrays.stream(("ous ive ful ant ent ic al ed ing ish less "
      + "able ible y").split(" ")).map(String::toCharArray).toArray(char[][]::new);

  /** An adjective or degree word by its ending, no tagger: "arrogant", "unattractive", "lazy", "poorly". */
  static boolean adjectiveLike(Tokens t, int k) {
    int s = t.cStart[k];
    int len = t.len(k);
    if (DEGREE.contains(t.canon, s, len) || BiasLexicon.Parsed.TRAITS.contains(t.canon, s, len)) {
      return true;
    }
    if (len < 4) {
      return false;
    }
    for (char[] suf : ADJ_SUFFIXES) {
      int sl = suf.length;
      if (len > sl + 2 && java.util.Arrays.equals(t.canon, t.cEnd[k] - sl, t.cEnd[k], suf, 0, sl)) {
        return true;
      }
    }
    return false;
  }
  static final CharArraySet WITH = set("with");
  static final CharArraySet OF = set("of");
  /** Modifiers of a condition after "with": "people with a learning disability", "with mental illness". */
  static final CharArraySet CONDITION_MOD = set("a an mental chronic learning intellectual physical developmental "
      + "psychiatric cerebral down severe serious terminal disabilities");
  /**
   * Disabilities and illnesses that name a group after "people with": own list, the conditions of HolisticBias'
   * ability axis and common chronic and mental illnesses, as nouns.
   */
  static final CharArraySet CONDITION = set("schizophrenia autism depression anxiety bipolar adhd dementia "
      + "alzheimer's alzheimers hiv aids epilepsy dwarfism disability disabilities illness illnesses disorder disorders "
      + "ptsd ocd addiction addictions obesity diabetes dyslexia tourette's tourettes deafness blindness paralysis "
      + "palsy syndrome psychosis impairment impairments");

  /**
   * "with", up to two modifiers ({@link #CONDITION_MOD}) and a condition ({@link #CONDITION}) at token {@code w}, in
   * one clause: one past the condition, or -1.
   */
  private static int withCondition(Tokens t, int w, int to) {
    if (w >= to || t.is(w, Tokens.HARD_BEFORE) || !WITH.contains(t.canon, t.cStart[w], t.len(w))) {
      return -1;
    }
    for (int c = w + 1; c < to && c <= w + 3 && !t.is(c, Tokens.HARD_BEFORE); c++) {
      if (CONDITION.contains(t.canon, t.cStart[c], t.len(c))) {
        return c + 1;
      }
      if (!CONDITION_MOD.contains(t.canon, t.cStart[c], t.len(c))) {
        return -1;
      }
    }
    return -1;
  }

  /** Person nouns that, before "of/from/in" and a place, name its inhabitants as a group. */
  static final CharArraySet OF_PLACE = set("people person citizens citizen population populations "
      + "residents inhabitants");
  static final CharArraySet FROM = set("of from in");
  static final CharArraySet COUNTRY_S = set("states philippines netherlands bahamas maldives emirates islands comoros "
      + "seychelles");
  static final CharArraySet SUBJECT_DET = set("the a an");

  static boolean plural(Tokens t, int k) {
    int len = t.len(k);
    char last = t.canon[t.cEnd[k] - 1];
    if (k >= t.bitsFrom && k < t.bitsTo) { // the feature pass's word bits ({@link #bits}): the same two sets
      long w = t.wordBits[k];
      return (w & W_COUNTRY_S) == 0
          && ((len > 3 && last == 's' && t.canon[t.cEnd[k] - 2] != 's') || (w & W_PLURAL_IRREGULAR) != 0);
    }
    if (last != 's') {
      return PLURAL_IRREGULAR.contains(t.canon, t.cStart[k], len); // every word of COUNTRY_S ends in 's'
    }
    if (COUNTRY_S.contains(t.canon, t.cStart[k], len)) {
      return false; // "the United States", "the Philippines": one country
    }
    return (len > 3 && t.canon[t.cEnd[k] - 2] != 's') || PLURAL_IRREGULAR.contains(t.canon, t.cStart[k], len);
  }

  // Feature families (first argument of the hash).
  private static final int F_UNI = 1;
  private static final int F_BI = 2;
  private static final int F_TRI = 3;
  private static final int F_SUF3 = 4;
  private static final int F_SUF4 = 5;
  private static final int F_AFTER = 6;
  private static final int F_AFTER_AT = 7;
  private static final int F_BEFORE = 8;
  private static final int F_FLAG = 9;
  private static final int F_PAIR = 10;
  private static final int F_LEN = 11;
  private static final int F_BIAS = 12;
  private static final int F_TRIPLE = 13;
  private static final int F_AXIS = 14;

  private static final int SYM_G = 0x5f6c7d01;
  private static final int SYM_NUM = 0x5f6c7d02;
  private static final int SYM_START = 0x5f6c7d03;
  private static final int SYM_END = 0x5f6c7d04;
  private static final int SYM_GW = 0x5f6c7d05;

  // Frame flags.
  static final int QUANT_BEFORE = 0;
  static final int DET_BEFORE = 1;
  static final int BARE = 2;
  static final int COP_AFTER = 3;
  static final int ABS_AFTER = 4;
  static final int TEND_AFTER = 5;
  static final int MODAL_AFTER = 6;
  static final int TRAIT_AFTER = 7;
  static final int TRAIT_ANY = 8;
  static final int NEGATED = 9;
  static final int HEDGED = 10;
  static final int QUESTION = 11;
  static final int QUOTED = 12;
  static final int FIRST_PERSON = 13;
  static final int SECOND_PERSON = 14;
  static final int MULTI = 15;
  static final int PLURAL = 16;
  static final int AT_START = 17;
  static final int PREP_BEFORE = 18;
  /** The mention is a predicate: right after a copula ("who are gay men", "is an American actor"). */
  static final int PRED_BEFORE = 19;
  /**
   * The mention is bare but not at the start of a clause: after a verb or another word ("started dating
   * women", "different from other women"), mostly an object, not the subject a generalization is about.
   */
  static final int AFTER_WORD = 20;
  /** A blame word within a few tokens of a mention ({@link #BLAME}). */
  static final int BLAME_NEAR = 21;
  /** A harm word after a mention ({@link #HARM}). */
  static final int HARM_AFTER = 22;
  /** A past-tense or event verb right after a mention, an adverb skipped ({@link #PAST}, or a word in -ed). */
  static final int PAST_AFTER = 23;
  /**
   * A plural mention followed by a plain present-tense verb, an absolute adverb skipped: the habitual
   * frame of "Muslims support terrorism", "immigrants always bring ...". No tagger: a lower-case word
   * that is no function word, copula, modal or past form and does not end in -ing, -ly or -s.
   */
  static final int HABIT_AFTER = 24;
  /**
   * The clause ties a quality to the mention: a copula within two tokens after it, then (degree words,
   * "not", absolute adverbs skipped) an adjective by its ending or a trait word, before any clause break:
   * "lesbians are ugly", "X are so deranged"; not "X are known for ...".
   */
  static final int COP_ADJ = 25;
  /** An intensifier in the mention's clause after it: "so", "very", "too", "extremely", "such". */
  static final int INTENS_AFTER = 26;
  /** A comparison in the mention's clause after it: "than", "more", "less", "most": "X are dumber than Y". */
  static final int COMPARE_AFTER = 27;
  /** "have/has" and no past participle right after the mention: "LGBTQ people have health issues". */
  static final int HAVE_AFTER = 28;
  /** A word of clear negative valence ({@value #VALENCE_FILE}) in the mention's clause after it: "are greedy". */
  static final int VNEG_AFTER = 29;
  /** A word of clear positive valence in the mention's clause after it: "are hardworking" (positive stereotypes). */
  static final int VPOS_AFTER = 30;
  static final int FLAGS = 31;
  private static final int[] FRAME3 = {QUANT_BEFORE, BARE, PLURAL};
  private static final int[] VERB3 = {COP_AFTER, TEND_AFTER, MODAL_AFTER, ABS_AFTER, PAST_AFTER, HABIT_AFTER, HAVE_AFTER};
  private static final int[] CUE3 = {TRAIT_AFTER, HARM_AFTER, BLAME_NEAR, NEGATED, FIRST_PERSON, COP_ADJ, INTENS_AFTER,
      VNEG_AFTER, VPOS_AFTER};

  /** The flag features' hashes, which depend on the flags only: {@code hash(F_FLAG, a)}, {@code hash(F_PAIR, a, b)}. */
  private static final class FlagHashes {
    static final int[] FLAG = new int[FLAGS];
    static final int[] PAIR = new int[FLAGS * FLAGS];
    /** {@code hash(F_TRIPLE, a, b * 32 + c)} of FRAME3[ai], VERB3[bi], CUE3[ci] at {@code (ai * 7 + bi) * 9 + ci}. */
    static final int[] TRIPLE = new int[FRAME3.length * VERB3.length * CUE3.length];

    static {
      for (int a = 0; a < FLAGS; a++) {
        FLAG[a] = hash(F_FLAG, a);
        for (int b = a + 1; b < FLAGS; b++) {
          PAIR[a * FLAGS + b] = hash(F_PAIR, a, b);
        }
      }
      for (int ai = 0; ai < FRAME3.length; ai++) {
        for (int bi = 0; bi < VERB3.length; bi++) {
          for (int ci = 0; ci < CUE3.length; ci++) {
            TRIPLE[(ai * VERB3.length + bi) * CUE3.length + ci] = hash(F_TRIPLE, FRAME3[ai], VERB3[bi] * 32 + CUE3[ci]);
          }
        }
      }
    }
  }

  // Word sets {@link #features} tests, as bits of one {@link WordBits} probe per token ({@link Words}).
  static final long W_NEG = 1L;
  static final long W_HEDGE = 1L << 1;
  static final long W_TRAIT = 1L << 2;
  static final long W_SECOND = 1L << 3;
  static final long W_QUANT = 1L << 4;
  static final long W_DET = 1L << 5;
  static final long W_ARTICLE = 1L << 6;
  static final long W_PREP = 1L << 7;
  static final long W_COPULA = 1L << 8;
  static final long W_FIRST = 1L << 9;
  static final long W_ABS = 1L << 10;
  static final long W_TEND = 1L << 11;
  static final long W_MODAL = 1L << 12;
  static final long W_BLAME = 1L << 13;
  static final long W_HARM = 1L << 14;
  static final long W_NOT_VERB = 1L << 15;
  static final long W_PERFECT = 1L << 16;
  static final long W_PAST = 1L << 17;
  static final long W_INTENS = 1L << 18;
  static final long W_COMPARE = 1L << 19;
  static final long W_COP_SKIP = 1L << 20;
  /** Negative valence ({@link #valence} -1). */
  static final long W_VNEG = 1L << 21;
  /** Positive valence ({@link #valence} +1). */
  static final long W_VPOS = 1L << 22;
  /** {@link #WITH}: "people with autism" ({@link StereotypeFrames}' generic mention). */
  static final long W_WITH = 1L << 23;
  /** {@link #COUNTRY_S} ({@link #plural}). */
  static final long W_COUNTRY_S = 1L << 38;
  /** {@link #PLURAL_IRREGULAR} ({@link #plural}). */
  static final long W_PLURAL_IRREGULAR = 1L << 39;
  // Bits 24 to 37 are StereotypeFrames' sets (its {@code B_} constants), asked on every scored sentence below the
  // threshold; they are joined here so that the one probe per token of the feature pass answers the frames too.

  /**
   * The word sets of {@link #features} joined in one table, built on first use (after this class's static sets, which
   * {@link #INSTANCE} precedes); the valence bits are {@link #INSTANCE}'s (the only instance).
   */
  private static final class Words {
    static final WordBits TABLE = new WordBits.Builder()
        .add(NEG, W_NEG).add(Generalizations.HEDGE, W_HEDGE).add(BiasLexicon.Parsed.TRAITS, W_TRAIT)
        .add(SECOND, W_SECOND).add(QUANT, W_QUANT).add(DET, W_DET).add(ARTICLE, W_ARTICLE).add(PREP, W_PREP)
        .add(COPULA, W_COPULA).add(FIRST, W_FIRST).add(ABS_ADV, W_ABS).add(TEND, W_TEND).add(MODAL, W_MODAL)
        .add(BLAME, W_BLAME).add(HARM, W_HARM).add(NOT_VERB, W_NOT_VERB).add(PERFECT, W_PERFECT).add(PAST, W_PAST)
        .add(INTENS, W_INTENS).add(COMPARE, W_COMPARE).add(COP_SKIP, W_COP_SKIP)
        .add(INSTANCE.valence, (byte) -1, W_VNEG).add(INSTANCE.valence, (byte) 1, W_VPOS).add(WITH, W_WITH)
        .add(COUNTRY_S, W_COUNTRY_S).add(PLURAL_IRREGULAR, W_PLURAL_IRREGULAR)
        .add(StereotypeFrames.REASON, StereotypeFrames.B_REASON).add(StereotypeFrames.TIE_OPEN, StereotypeFrames.B_TIE_OPEN)
        .add(StereotypeFrames.HARM_ADVERB, StereotypeFrames.B_HARM_ADVERB)
        .add(StereotypeFrames.HARM_COPULA, StereotypeFrames.B_HARM_COPULA)
        .add(StereotypeFrames.CRIME_VERB, StereotypeFrames.B_CRIME_VERB)
        .add(StereotypeFrames.HARM_VERB, StereotypeFrames.B_HARM_VERB).add(StereotypeFrames.LACK, StereotypeFrames.B_LACK)
        .add(StereotypeFrames.HAVE, StereotypeFrames.B_HAVE).add(StereotypeFrames.COPULA, StereotypeFrames.B_COPULA)
        .add(StereotypeFrames.DENY_COPULA_NOT, StereotypeFrames.B_DENY_COPULA_NOT)
        .add(StereotypeFrames.HOLD_VERB, StereotypeFrames.B_HOLD_VERB)
        .add(StereotypeFrames.BRING_VERB, StereotypeFrames.B_BRING_VERB).add(StereotypeFrames.THEY, StereotypeFrames.B_THEY)
        .add(StereotypeFrames.ARE, StereotypeFrames.B_ARE)
        .build();
  }

  /**
   * The word bits ({@link Words}: the feature pass's sets, valence, and the frames' {@code B_} sets) of token {@code k}:
   * read from {@link Tokens#wordBits} where the feature pass of this segment stored them ({@link Tokens#bitsFrom} ...
   * {@link Tokens#bitsTo}), else one probe of the table. Either way exactly the sets' {@code contains}.
   */
  static long bits(Tokens t, int k) {
    return k >= t.bitsFrom && k < t.bitsTo ? t.wordBits[k] : Words.TABLE.of(t, k);
  }

  /**
   * Writes the hashed features of tokens {@code [from, to)} with the given mentions into
   * {@code out} (masked by {@code mask}).
   *
   * @param sym scratch of at least {@code to - from + 2} ints
   * @param gPos scratch of at least {@code mentions} ints
   * @return the number of features written
   */
  int features(Tokens t, int from, int to, int[] spans, int mentions, int mask, int[] sym, int[] gPos, int[] out) {
    // each token's word sets, one probe per token ({@link Words}): the tests below read bits, not Lucene sets
    final long[] wb = t.wordBits;
    final WordBits table = Words.TABLE;
    for (int k = from; k < to; k++) {
      wb[k] = table.of(t, k);
    }
    t.bitsFrom = from; // read again by the dense margin and the frames of this sentence ({@link #bits})
    t.bitsTo = to;
    int n = 0;
    out[n++] = hash(F_BIAS, 0) & mask;
    // the abstracted sequence: START, tokens with every mention collapsed to SYM_G, END
    int len = 0;
    sym[len++] = SYM_START;
    int flags = 0;
    int m = 0;
    for (int k = from; k < to; ) {
      if (m < mentions && spans[2 * m] == k) {
        gPos[m] = len;
        sym[len++] = SYM_G;
        k = spans[2 * m + 1];
        m++;
        continue;
      }
      long other = term(t, k, to);
      if (other != 0 && (byte) (other >>> 32) != OCCUPATION && (byte) (other >>> 32) != PLACE) {
        // a group word that is not a generic mention ("truly a lesbian", "the word lesbian"): one symbol too, so
        // the model cannot learn which groups are talked about, only how
        sym[len++] = SYM_GW;
        out[n++] = hash(F_UNI, SYM_GW) & mask;
        k = (int) other;
        continue;
      }
      char c0 = t.canon[t.cStart[k]];
      sym[len++] = c0 >= '0' && c0 <= '9' ? SYM_NUM : t.hash[k];
      int wl = t.len(k);
      out[n++] = hash(F_UNI, sym[len - 1]) & mask;
      if (wl >= 5) {
        out[n++] = hash(F_SUF3, suffix(t, k, 3)) & mask;
        out[n++] = hash(F_SUF4, suffix(t, k, 4)) & mask;
      }
      long w = wb[k];
      if ((w & W_NEG) != 0) {
        flags |= 1 << NEGATED;
      }
      if ((w & W_HEDGE) != 0) {
        flags |= 1 << HEDGED;
      }
      if ((w & W_TRAIT) != 0) {
        flags |= 1 << TRAIT_ANY;
      }
      if ((w & W_SECOND) != 0) {
        flags |= 1 << SECOND_PERSON;
      }
      if (t.is(k, Tokens.QUESTION)) {
        flags |= 1 << QUESTION;
      }
      if (t.is(k, Tokens.QUOTED)) {
        flags |= 1 << QUOTED;
      }
      k++;
    }
    sym[len++] = SYM_END;
    for (int i = 0; i + 1 < len; i++) {
      out[n++] = hash(F_BI, sym[i], sym[i + 1]) & mask;
      if (i + 2 < len) {
        out[n++] = hash(F_TRI, sym[i], sym[i + 1], sym[i + 2]) & mask;
      }
    }
    if (mentions > 1) {
      flags |= 1 << MULTI;
    }
    for (int g = 0; g < mentions; g++) {
      int s = spans[2 * g];
      int e = spans[2 * g + 1];
      int p = gPos[g];
      for (int j = 1; j <= 5 && p + j < len; j++) {
        out[n++] = hash(F_AFTER, sym[p + j]) & mask;
        if (j <= 2) {
          out[n++] = hash(F_AFTER_AT, j, sym[p + j]) & mask;
        }
      }
      for (int j = 1; j <= 3 && p - j >= 0; j++) {
        out[n++] = hash(F_BEFORE, sym[p - j]) & mask;
      }
      boolean clauseStart = s == from || t.is(s, Tokens.HARD_BEFORE);
      if (s == from) {
        flags |= 1 << AT_START;
      }
      if (!clauseStart) {
        int b = s - 1;
        long wbb = wb[b];
        if ((wbb & W_QUANT) != 0) {
          flags |= 1 << QUANT_BEFORE;
        } else if ((wbb & (W_DET | W_ARTICLE)) != 0) {
          flags |= 1 << DET_BEFORE;
        } else if ((wbb & W_PREP) != 0) {
          flags |= 1 << PREP_BEFORE;
        } else if ((wbb & W_COPULA) != 0) {
          flags |= 1 << PRED_BEFORE;
        } else {
          flags |= 1 << AFTER_WORD;
        }
        for (int b2 = b; b2 >= from; b2--) { // the speaker anywhere before: "i started dating women"
          if ((wb[b2] & W_FIRST) != 0) {
            flags |= 1 << FIRST_PERSON;
          }
        }
      } else {
        flags |= 1 << BARE;
      }
      if (plural(t, e - 1)) {
        flags |= 1 << PLURAL;
      }
      for (int k = e, j = 0; k < to && j < 8; k++, j++) {
        long w = wb[k];
        if (j < 3 && (w & W_COPULA) != 0) {
          flags |= 1 << COP_AFTER;
        }
        if (j < 4 && (w & W_ABS) != 0) {
          flags |= 1 << ABS_AFTER;
        }
        if (j < 4 && (w & W_TEND) != 0) {
          flags |= 1 << TEND_AFTER;
        }
        if (j < 3 && (w & W_MODAL) != 0) {
          flags |= 1 << MODAL_AFTER;
        }
        if ((w & W_TRAIT) != 0) {
          flags |= 1 << TRAIT_AFTER;
        }
        if (j < 6 && (w & W_BLAME) != 0) {
          flags |= 1 << BLAME_NEAR;
        }
        if ((w & W_HARM) != 0) {
          flags |= 1 << HARM_AFTER;
        }
      }
      for (int b = s - 1; b >= from && s - b <= 3; b--) {
        if ((wb[b] & W_BLAME) != 0) {
          flags |= 1 << BLAME_NEAR;
        }
      }
      flags |= clauseAfter(t, e, to, wb);
      if (g < AXIS_MENTIONS) {
        // the group's class with each content word of its clause: "nationality x poor", "orientation x promiscuous";
        // what a class is stereotyped with, learned across its groups (the words themselves stay group-blind)
        int a = axis(t, s, e);
        if (a != 0) {
          for (int k = e, j = 0; k < to && j < AXIS_WORDS; k++, j++) {
            if (k > e && t.is(k, Tokens.HARD_BEFORE)) {
              break;
            }
            if (t.len(k) >= 4 && (wb[k] & (W_NOT_VERB | W_COPULA | W_MODAL | W_PERFECT)) == 0) {
              out[n++] = hash(F_AXIS, a, t.hash[k]) & mask;
            }
          }
        }
      }
      int v = e;
      if (v < to && v + 1 < to && ((wb[v] & W_ABS) != 0 || endsWith(t, v, 'l', 'y'))) {
        v++; // "women finally won", "immigrants always were"
      }
      boolean have = false;
      if (v < to && v + 1 < to && (wb[v] & W_PERFECT) != 0) {
        v++; // "women have won", "immigrants had arrived"
        have = true;
      }
      if (v < to && ((wb[v] & W_PAST) != 0 || (t.len(v) > 4 && endsWith(t, v, 'e', 'd') && (wb[v] & W_TRAIT) == 0))) {
        flags |= 1 << PAST_AFTER;
      } else if (v < to && v == e + (e < to && (wb[e] & W_ABS) != 0 ? 1 : 0)
          && plural(t, e - 1) && habitual(t, v, wb[v])) {
        flags |= 1 << HABIT_AFTER;
      } else if (have) {
        flags |= 1 << HAVE_AFTER;
      }
    }
    // each set flag, then its pairs with the higher ones, in flag order (the hashes precomputed: FlagHashes)
    for (int fa = flags; fa != 0; fa &= fa - 1) {
      int a = Integer.numberOfTrailingZeros(fa);
      out[n++] = FlagHashes.FLAG[a] & mask;
      for (int fb = fa & (fa - 1); fb != 0; fb &= fb - 1) {
        out[n++] = FlagHashes.PAIR[a * FLAGS + Integer.numberOfTrailingZeros(fb)] & mask;
      }
    }
    for (int ai = 0; ai < FRAME3.length; ai++) {
      if ((flags & (1 << FRAME3[ai])) == 0) {
        continue;
      }
      for (int bi = 0; bi < VERB3.length; bi++) {
        if ((flags & (1 << VERB3[bi])) == 0) {
          continue;
        }
        for (int ci = 0; ci < CUE3.length; ci++) {
          if ((flags & (1 << CUE3[ci])) != 0) {
            out[n++] = FlagHashes.TRIPLE[(ai * VERB3.length + bi) * CUE3.length + ci] & mask;
          }
        }
      }
    }
    int words = to - from;
    out[n++] = hash(F_LEN, words <= 5 ? 0 : words <= 10 ? 1 : words <= 20 ? 2 : words <= 40 ? 3 : 4) & mask;
    return n;
  }

  /**
   * Dense blocks of {@link #dense}: 0 the mean of the predicate words' vectors, 1 the trait slot's vector, 2 and 3
   * the same when the mention is in a generalizing frame (plural or after all/most/every..., then a copula, modal,
   * "tend" word or absolute adverb within three tokens), so the model weighs a word's meaning apart in a generalization.
   */
  static final int DENSE_BLOCKS = 4;
  /** How many tokens of a mention's clause after it {@link #dense} reads. */
  static final int DENSE_WORDS = 8;

  private static final int D_NEG = 1;
  private static final int D_COP = 2;
  /** A copula, modal, "tend" word or absolute adverb: the verb of a generalizing frame. */
  private static final int D_GATE = 4;
  /** No content word: a function word, copula, modal, "have" or a copula's skip word. */
  private static final int D_SKIP = 8;
  private static final int D_CSKIP = 16;

  /** The word classes {@link #dense} reads, one lookup per token (built on first use, after the sets above). */
  private static final class DenseClass {
    static final CharArrayMap<Byte> MAP = new CharArrayMap<>(256, false);

    static {
      mark(NEG, D_NEG);
      mark(COPULA, D_COP | D_GATE | D_SKIP);
      mark(MODAL, D_GATE | D_SKIP);
      mark(TEND, D_GATE);
      mark(ABS_ADV, D_GATE);
      mark(NOT_VERB, D_SKIP);
      mark(PERFECT, D_SKIP);
      mark(COP_SKIP, D_SKIP | D_CSKIP);
    }

    private static void mark(CharArraySet words, int bits) {
      for (Object w : words) {
        char[] c = (char[]) w;
        Byte old = MAP.get(c, 0, c.length);
        MAP.put(c, (byte) ((old == null ? 0 : old) | bits));
      }
    }
  }

  static int denseClass(Tokens t, int k) {
    if (k >= t.bitsFrom && k < t.bitsTo) {
      // the same classes from the word bits the feature pass stored (the sets DenseClass joins are among them)
      long w = t.wordBits[k];
      return ((w & W_NEG) != 0 ? D_NEG : 0) | ((w & W_COPULA) != 0 ? D_COP | D_GATE | D_SKIP : 0)
          | ((w & W_MODAL) != 0 ? D_GATE | D_SKIP : 0) | ((w & (W_TEND | W_ABS)) != 0 ? D_GATE : 0)
          | ((w & (W_NOT_VERB | W_PERFECT)) != 0 ? D_SKIP : 0) | ((w & W_COP_SKIP) != 0 ? D_SKIP | D_CSKIP : 0);
    }
    Byte b = DenseClass.MAP.get(t.canon, t.cStart[k], t.len(k));
    return b == null ? 0 : b;
  }

  /**
   * The dense features of a sentence from the word vectors of {@code emb} ({@link StereotypeEmbeddings}), written to
   * {@code out[0, DENSE_BLOCKS * emb.dims)} (see {@link #DENSE_BLOCKS}): the content words in the clause after each
   * of the first {@link #AXIS_MENTIONS} mentions (up to {@link #DENSE_WORDS} tokens: no function word, copula, modal,
   * "have", degree word or negation; after a negation in the clause a word counts with the other sign, as valence
   * does), and the word a copula right after a mention leads to, after its skip words ("are so <b>lazy</b>", "are
   * <b>parasites</b>"). The trait words themselves carry the meaning, so a trait word the training sets never put
   * next to a group lands near the ones they did. A word outside the table adds nothing. Bounded look-ahead, no
   * allocation; values are the table's int8 units over 127, averaged per block. Used by the trainer; the detector
   * scores the same sums through {@link #denseMargin}.
   */
  void dense(Tokens t, int from, int to, int[] spans, int mentions, StereotypeEmbeddings emb, float[] out) {
    java.util.Arrays.fill(out, 0, DENSE_BLOCKS * emb.dims, 0f);
    walkDense(t, from, to, spans, mentions, emb, null, out);
  }

  /**
   * The dense features' share of the margin, {@code w . dense(...)}, from {@code proj}, the words' vectors projected
   * on the model's dense weights ({@link StereotypeEmbeddings#project}): one float per word and block, no vector
   * arithmetic on the scoring path.
   *
   * @param acc scratch of at least {@link #DENSE_BLOCKS} floats
   */
  double denseMargin(Tokens t, int from, int to, int[] spans, int mentions, StereotypeEmbeddings emb, float[] proj,
      float[] acc) {
    java.util.Arrays.fill(acc, 0, DENSE_BLOCKS, 0f);
    walkDense(t, from, to, spans, mentions, emb, proj, acc);
    double z = 0;
    for (int b = 0; b < DENSE_BLOCKS; b++) {
      z += acc[b];
    }
    return z;
  }

  /** Adds a word's vector ({@code proj} null) or its projection to block {@code b} of {@code out}. */
  private static void addDense(StereotypeEmbeddings emb, float[] proj, int row, float sign, float[] out, int b) {
    if (proj == null) {
      emb.add(row, sign, out, b * emb.dims);
    } else {
      out[b] += sign * proj[row * DENSE_BLOCKS + b];
    }
  }

  private void walkDense(Tokens t, int from, int to, int[] spans, int mentions, StereotypeEmbeddings emb, float[] proj,
      float[] out) {
    int words = 0;
    int slots = 0;
    int gWords = 0;
    int gSlots = 0;
    for (int g = 0; g < mentions && g < AXIS_MENTIONS; g++) {
      int s = spans[2 * g];
      int e = spans[2 * g + 1];
      boolean generic = plural(t, e - 1) || (s > from && QUANT.contains(t.canon, t.cStart[s - 1], t.len(s - 1)));
      boolean frame = false;
      for (int k = e; k < to && k < e + 3; k++) {
        frame |= (denseClass(t, k) & D_GATE) != 0;
      }
      boolean gated = generic && frame;
      boolean negated = false;
      for (int k = e, j = 0; k < to && j < DENSE_WORDS; k++, j++) {
        if (k > e && t.is(k, Tokens.HARD_BEFORE)) {
          break;
        }
        int c = denseClass(t, k);
        if ((c & D_NEG) != 0) {
          negated = true;
          continue;
        }
        if (j < 2 && (c & D_COP) != 0) {
          int q = k + 1;
          boolean denied = negated;
          for (int cq; q < to && q - k <= 3 && !t.is(q, Tokens.HARD_BEFORE) && ((cq = denseClass(t, q)) & D_CSKIP) != 0; q++) {
            denied |= (cq & D_NEG) != 0;
          }
          int row = q < to && !t.is(q, Tokens.HARD_BEFORE) ? emb.row(t, q) : -1;
          if (row >= 0) {
            addDense(emb, proj, row, denied ? -1f : 1f, out, 1);
            slots++;
            if (gated) {
              addDense(emb, proj, row, denied ? -1f : 1f, out, 3);
              gSlots++;
            }
          }
          continue;
        }
        if (t.len(k) < 3 || (c & D_SKIP) != 0) {
          continue;
        }
        int row = emb.row(t, k);
        if (row >= 0) {
          float sign = negated ? -1f : 1f;
          addDense(emb, proj, row, sign, out, 0);
          words++;
          if (gated) {
            addDense(emb, proj, row, sign, out, 2);
            gWords++;
          }
        }
      }
    }
    int len = proj == null ? emb.dims : 1;
    scale(out, 0, len, words);
    scale(out, len, len, slots);
    scale(out, 2 * len, len, gWords);
    scale(out, 3 * len, len, gSlots);
  }

  private static void scale(float[] out, int at, int len, int count) {
    float w = count == 0 ? 0f : 1f / (127f * count);
    for (int i = at; i < at + len; i++) {
      out[i] *= w;
    }
  }

  static final CharArraySet INTENS = set("so very too extremely really such incredibly totally completely super");
  static final CharArraySet COMPARE = set("than more less most least");
  /** Words a copula may skip before its adjective: degree, negation, absolute adverbs. */
  static final CharArraySet COP_SKIP = set("so very too extremely really incredibly totally completely super not never "
      + "all always just naturally inherently genetically simply obviously clearly only more less most the a an "
      + "such quite pretty");

  /**
   * The flags of the mention's clause after it (tokens {@code [e, to)} up to a clause break, at most 10):
   * {@link #COP_ADJ}, {@link #INTENS_AFTER}, {@link #COMPARE_AFTER}, {@link #VNEG_AFTER}, {@link #VPOS_AFTER}
   * (after a negation a valence word counts with the other sign, as VADER reads it: "do not support terrorism"
   * denies a negative trait, "are not smart" asserts one). Bounded look-ahead, no allocation.
   */
  private int clauseAfter(Tokens t, int e, int to, long[] wb) {
    int flags = 0;
    int cop = -1;
    boolean negated = false;
    for (int k = e, j = 0; k < to && j < 10; k++, j++) {
      if (k > e && t.is(k, Tokens.HARD_BEFORE)) {
        break;
      }
      long w = wb[k];
      if (cop < 0 && j < 2 && (w & W_COPULA) != 0) {
        cop = k;
        int a = k + 1;
        while (a < to && a - k <= 3 && !t.is(a, Tokens.HARD_BEFORE) && (wb[a] & W_COP_SKIP) != 0) {
          a++;
        }
        if (a < to && !t.is(a, Tokens.HARD_BEFORE) && adjectiveLike(t, a)) {
          flags |= 1 << COP_ADJ;
        }
        int p = pejorativePredicate(t, k, to);
        if (p >= 0) { // "are parasites", "are a bunch of thugs": a trait as a noun, read as copula + negative word
          boolean denied = false;
          for (int q = k; q < p; q++) {
            denied |= (wb[q] & W_NEG) != 0;
          }
          flags |= 1 << COP_ADJ | 1 << (denied || negated ? VPOS_AFTER : VNEG_AFTER);
        }
      }
      negated |= (w & W_NEG) != 0;
      if ((w & (W_VNEG | W_VPOS)) != 0) {
        flags |= 1 << (((w & W_VNEG) != 0) != negated ? VNEG_AFTER : VPOS_AFTER);
      }
      if ((w & W_INTENS) != 0) {
        flags |= 1 << INTENS_AFTER;
      }
      if ((w & W_COMPARE) != 0) {
        flags |= 1 << COMPARE_AFTER;
      }
    }
    return flags;
  }

  static final CharArraySet NOT_VERB = set("of for to with about from by in on at against among between like than and or "
      + "but nor who whom whose which that as so because when while if where the a an this these those their our "
      + "my your his her its some all many most more less who've who're");

  /** {@code w}: the token's {@link Words} bits. */
  private static boolean habitual(Tokens t, int k, long w) {
    int s = t.cStart[k];
    int len = t.len(k);
    if (len < 3 || t.is(k, Tokens.HARD_BEFORE)
        || (w & (W_NOT_VERB | W_COPULA | W_MODAL | W_PERFECT | W_PAST | W_TEND | W_NEG)) != 0) {
      return false;
    }
    char last = t.canon[t.cEnd[k] - 1];
    if (last == 's' || endsWith(t, k, 'l', 'y') || (len > 4 && endsWith(t, k, 'n', 'g'))) {
      return false;
    }
    for (int i = s; i < t.cEnd[k]; i++) {
      char c = t.canon[i];
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(Tokens t, int k, char a, char b) {
    int e = t.cEnd[k];
    return e - t.cStart[k] >= 2 && t.canon[e - 2] == a && t.canon[e - 1] == b;
  }

  private static int suffix(Tokens t, int k, int n) {
    int h = 0;
    for (int i = t.cEnd[k] - n; i < t.cEnd[k]; i++) {
      h = 31 * h + t.canon[i];
    }
    return h;
  }

  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static int hash(int family, int a) {
    return mix(family * 0x9E3779B1 + mix(a));
  }

  private static int hash(int family, int a, int b) {
    return mix(hash(family, a) * 31 + mix(b + 0x27d4eb2d));
  }

  private static int hash(int family, int a, int b, int c) {
    return mix(hash(family, a, b) * 31 + mix(c + 0x165667b1));
  }

  private static java.util.List<String> lines() {
    return WordLists.lines(StereotypeFeatures.class, GROUPS_FILE, "bias");
  }
}
