package dev.guardrails.detectors.bias;

/**
 * The stereotype path's per-token tests, answered once per token by {@link Tokens} while the token's hash is at
 * hand: may it start a group term ({@link Tokens#GROUP_HEAD}), is it a one-token term ({@link Tokens#GROUP_SINGLE}),
 * may it and the next token start one ({@link Tokens#GROUP_PAIR}), is it "who"/"that" ({@link Tokens#GROUP_WHO}),
 * is it an attribution anchor ({@link Tokens#ANCHOR}). The group-mention finder and the attribution frame then
 * read flags instead of each probing its own table on a second pass over the tokens.
 *
 * <p>The head, single and anchor sets, all exact on the token hash like the tables they come from
 * ({@link StereotypeFeatures#headHashes}, {@link StereotypeFeatures#singleHashes},
 * {@link StereotypeFrames#anchorHashes}), share one open-addressing table of {@code hash | flags << 32}
 * (0 = empty), so a token that is none of them costs one probe, usually one load. Built once, immutable,
 * thread-safe.
 */
final class TokenMarks {

  private static final class Holder {
    static final TokenMarks INSTANCE = new TokenMarks(StereotypeFeatures.INSTANCE);
  }

  /** The marks of the shipped group terms and anchors (built on first use). */
  static TokenMarks get() {
    return Holder.INSTANCE;
  }

  private final StereotypeFeatures features;
  private final long[] table;
  private final int mask;
  private final int shift;

  private TokenMarks(StereotypeFeatures features) {
    this.features = features;
    int[] heads = features.headHashes();
    int[] singles = features.singleHashes();
    int[] anchors = StereotypeFrames.anchorHashes();
    int entries = heads.length + singles.length + anchors.length + 2;
    int slots = Integer.highestOneBit(Math.max(16, entries * 3)) * 2; // load at most 1/3
    table = new long[slots];
    mask = slots - 1;
    shift = 32 - Integer.numberOfTrailingZeros(slots);
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
  }

  private int slot(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  private void add(int h, int flag) {
    int i = slot(h);
    while (table[i] != 0 && (int) table[i] != h) {
      i = (i + 1) & mask;
    }
    table[i] = (h & 0xffffffffL) | ((table[i] >>> 32 | flag) << 32);
  }

  /** The flags of a token hashed {@code h}: a bit set of GROUP_HEAD, GROUP_SINGLE, GROUP_WHO, ANCHOR; 0 for most. */
  int of(int h) {
    for (int i = slot(h); ; i = (i + 1) & mask) {
      long v = table[i];
      if (v == 0) {
        return 0;
      }
      if ((int) v == h) {
        return (int) (v >>> 32);
      }
    }
  }

  /** True if tokens hashed {@code h0}, {@code h1} (the first a {@link Tokens#GROUP_HEAD}) may start a group term. */
  boolean pair(int h0, int h1) {
    return features.mayBePair(h0, h1);
  }
}
