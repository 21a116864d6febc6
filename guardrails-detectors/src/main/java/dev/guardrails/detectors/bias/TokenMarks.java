package dev.guardrails.detectors.bias;

/**
 * The per-token tests of the lexicon scan and the stereotype path, answered once per token by {@link Tokens} while the
 * token's hash is at hand: is it a lexicon head that matters alone ({@link Tokens#MAY_ALONE}: a single-word entry, a
 * one-word group term, a singular group noun), may a lexicon or group phrase of two or more tokens start with it
 * ({@link Tokens#PHRASE_HEAD}), may it start a group term of the model's table ({@link Tokens#GROUP_HEAD}), is it a
 * one-token term ({@link Tokens#GROUP_SINGLE}), is it "who"/"that" ({@link Tokens#GROUP_WHO}), is it an attribution
 * anchor ({@link Tokens#ANCHOR}). The lexicon scan, the group-mention finder and the attribution frame then read
 * flags instead of each probing its own table; the pair tests ({@link Tokens#MAY_PAIR}, {@link Tokens#GROUP_PAIR})
 * run only after a token marked as a head.
 *
 * <p>All sets are exact on the token hash like the tables they come from ({@link BiasLexicon#aloneHeadHashes},
 * {@link BiasLexicon#phraseHeadHashes}, {@link StereotypeFeatures#headHashes}, {@link StereotypeFeatures#singleHashes},
 * {@link StereotypeFrames#anchorHashes}) and share one open-addressing table of {@code hash | flags << 32} (0 = empty).
 * In front of it, a 65,536-bit filter (8 KB, one bit per entry) says no for most tokens, so a token that is none of
 * them costs one test of a word that stays in L1. Built once per lexicon, immutable, thread-safe.
 */
final class TokenMarks {

  private static final class Holder {
    static final TokenMarks INSTANCE = new TokenMarks(StereotypeFeatures.INSTANCE, null);
  }

  /** The marks of the shipped group terms and anchors, without lexicon flags (built on first use). */
  static TokenMarks get() {
    return Holder.INSTANCE;
  }

  /** The marks of the shipped group terms and anchors and of {@code lexicon}'s heads. */
  static TokenMarks of(BiasLexicon lexicon) {
    return new TokenMarks(StereotypeFeatures.INSTANCE, lexicon);
  }

  private final StereotypeFeatures features;
  /** One bit per entry at {@link #filterBit}: clear for a hash that is in no set. */
  final long[] filter = new long[1024];
  /** One bit per group-term pair key ({@link StereotypeFeatures#pairKeys}) at {@link #filterBit}, in front of {@link #pair}. */
  private final long[] pairFilter = new long[1024];
  private final long[] table;
  private final int mask;
  private final int shift;

  private TokenMarks(StereotypeFeatures features, BiasLexicon lexicon) {
    this.features = features;
    int[] heads = features.headHashes();
    int[] singles = features.singleHashes();
    int[] anchors = StereotypeFrames.anchorHashes();
    int[] alone = lexicon == null ? new int[0] : lexicon.aloneHeadHashes();
    int[] phrase = lexicon == null ? new int[0] : lexicon.phraseHeadHashes();
    int entries = heads.length + singles.length + anchors.length + alone.length + phrase.length + 2;
    int slots = Integer.highestOneBit(Math.max(16, entries * 2)) * 2; // load at most 1/2
    table = new long[slots];
    mask = slots - 1;
    shift = 32 - Integer.numberOfTrailingZeros(slots);
    for (int key : features.pairKeys()) {
      setFilterBit(pairFilter, spread(key));
    }
    for (int h : heads) {
      add(h, Tokens.GROUP_HEAD);
    }
    for (int h : singles) {
      add(h, Tokens.GROUP_SINGLE);
    }
    for (int h : anchors) {
      add(h, Tokens.ANCHOR);
    }
    add(StereotypeFeatures.H_WHO, Tokens.GROUP_WHO);
    add(StereotypeFeatures.H_THAT, Tokens.GROUP_WHO);
    for (int h : alone) {
      add(h, Tokens.MAY_ALONE);
    }
    for (int h : phrase) {
      add(h, Tokens.PHRASE_HEAD);
    }
  }

  /** The multiplied hash both the filter and the table index by (their top bits). */
  static int spread(int h) {
    return h * 0x9E3779B9;
  }

  /** True if the filter lets a token hashed {@code h} ({@code m = spread(h)}) through to {@link #probe}. */
  static boolean filterBit(long[] filter, int m) {
    return (filter[m >>> 22] & (1L << (m >>> 16))) != 0;
  }

  /** Sets the bit {@link #filterBit} reads for {@code m = spread(h)}. */
  private static void setFilterBit(long[] filter, int m) {
    filter[m >>> 22] |= 1L << (m >>> 16);
  }

  private void add(int h, int flag) {
    int m = spread(h);
    setFilterBit(filter, m);
    int i = m >>> shift;
    while (table[i] != 0 && (int) table[i] != h) {
      i = (i + 1) & mask;
    }
    table[i] = (h & 0xffffffffL) | ((table[i] >>> 32 | flag) << 32);
  }

  /**
   * The flags of a token hashed {@code h}: a bit set of MAY_ALONE, PHRASE_HEAD, GROUP_HEAD, GROUP_SINGLE, GROUP_WHO,
   * ANCHOR; 0 for most.
   */
  int of(int h) {
    int m = spread(h);
    return filterBit(filter, m) ? probe(h, m) : 0;
  }

  /** {@link #of} past the filter: {@code m} is {@link #spread}{@code (h)}. */
  int probe(int h, int m) {
    for (int i = m >>> shift; ; i = (i + 1) & mask) {
      long v = table[i];
      if (v == 0) {
        return 0;
      }
      if ((int) v == h) {
        return (int) (v >>> 32);
      }
    }
  }

  /**
   * True if tokens hashed {@code h0}, {@code h1} (the first a {@link Tokens#GROUP_HEAD}) may start a group term: the
   * group terms' pair test ({@link StereotypeFeatures#mayBePair}), asked only past {@link #pairFilter} (most heads are
   * "the", "in", "at" before a word that starts no term with them, and the pair table is 128 KB).
   */
  boolean pair(int h0, int h1) {
    int key = StereotypeFeatures.pairKey(h0, h1);
    return filterBit(pairFilter, spread(key)) && features.hasPair(key);
  }
}
