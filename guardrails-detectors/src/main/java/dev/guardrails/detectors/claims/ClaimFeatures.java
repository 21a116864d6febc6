package dev.guardrails.detectors.claims;

import java.util.Arrays;

/**
 * The per-claim features the learned support score reads (see docs/claims.md): the lexical
 * alignment of the claim with its best source passages (content, bigram and run coverage, rank
 * gap), where the claim's entities, numbers and predicate words are found (the best passage,
 * elsewhere in the sources, nowhere), relation evidence (whether the claim's words, and its names and
 * numbers, share one source sentence rather than being scattered over several; whether the claim's
 * subject, verb and object stand near each other in some passage), word order (how much of the claim
 * a kept passage holds in the claim's order), polarity flips
 * (negation scoping an aligned word, antonyms), a subject-object swap around an aligned word,
 * first-person talk the source lacks, and the claim's length and position.
 *
 * <p>One pass over the claim per candidate passage plus one over the kept passages: linear in
 * claim and candidate length, scratch arrays per thread. Stateless and thread-safe.
 */
final class ClaimFeatures {

  /** Feature names, in vector order; the model file lists the same names in the same order. */
  static final String[] NAMES = {
    "run_coverage", "content_coverage", "bigram_coverage", "longest_run", "union_coverage", "source_coverage",
    "rank_gap", "candidates", "entity_best", "entity_elsewhere", "entity_nowhere", "number_best",
    "number_elsewhere", "number_nowhere", "number_clash", "predicate_best", "predicate_elsewhere",
    "predicate_nowhere", "negation_claim_only", "negation_passage_only", "antonym_flip", "swap",
    "first_person", "length", "position", "repetition", "unknown_count", "missing_union_count", "source_size",
    "claim_count", "pair_support", "weakest_link", "anchors_together", "anchor_predicate", "content_pairs_any",
    "subject_verb", "head_pair", "verb_object", "subject_object", "ordered_coverage", "ordered_union",
  };

  static final int RUN_COVERAGE = 0;
  static final int CONTENT_COVERAGE = 1;
  static final int BIGRAM_COVERAGE = 2;
  static final int LONGEST_RUN = 3;
  static final int UNION_COVERAGE = 4;
  static final int SOURCE_COVERAGE = 5;
  static final int RANK_GAP = 6;
  static final int CANDIDATES = 7;
  static final int ENTITY_BEST = 8;
  static final int ENTITY_ELSEWHERE = 9;
  static final int ENTITY_NOWHERE = 10;
  static final int NUMBER_BEST = 11;
  static final int NUMBER_ELSEWHERE = 12;
  static final int NUMBER_NOWHERE = 13;
  static final int NUMBER_CLASH = 14;
  static final int PREDICATE_BEST = 15;
  static final int PREDICATE_ELSEWHERE = 16;
  static final int PREDICATE_NOWHERE = 17;
  static final int NEGATION_CLAIM_ONLY = 18;
  static final int NEGATION_PASSAGE_ONLY = 19;
  static final int ANTONYM_FLIP = 20;
  static final int SWAP = 21;
  static final int FIRST_PERSON = 22;
  static final int LENGTH = 23;
  static final int POSITION = 24;
  static final int REPETITION = 25;
  static final int UNKNOWN_COUNT = 26;
  static final int MISSING_UNION_COUNT = 27;
  static final int SOURCE_SIZE = 28;
  static final int CLAIM_COUNT = 29;
  static final int PAIR_SUPPORT = 30;
  static final int WEAKEST_LINK = 31;
  static final int ANCHORS_TOGETHER = 32;
  static final int ANCHOR_PREDICATE = 33;
  static final int CONTENT_PAIRS_ANY = 34;
  static final int SUBJECT_VERB = 35;
  static final int HEAD_PAIR = 36;
  static final int VERB_OBJECT = 37;
  static final int SUBJECT_OBJECT = 38;
  static final int ORDERED_COVERAGE = 39;
  static final int ORDERED_UNION = 40;
  /** The near-relation features, in the order {@link Relations} computes them. */
  private static final int[] NEAR = {SUBJECT_VERB, HEAD_PAIR, VERB_OBJECT, SUBJECT_OBJECT};
  /**
   * Tokens either side of an occurrence within which two claim words count as "near" in a passage:
   * news sources glue captions into one long "sentence", so sharing a sentence says little.
   */
  static final int NEAR_WINDOW = 8;

  static final int COUNT = NAMES.length;
  /**
   * Whether a claim word the sources write capitalized counts as a name even when the claim is
   * lower-cased. Off: on FRANK it moved names out of the predicate words and cost AUC (0.790 to 0.751,
   * FRANK-only 5-fold); kept for the swap check only.
   */
  static final boolean SOURCE_NAMES = false;

  private static final int RETRIEVE = 10;
  private static final int KEEP = 3;
  private static final int MIN_FRAGMENT = 3;

  private ClaimFeatures() {}

  /** The alignment of one claim: its feature vector, best passage and the token behind each flag. */
  static final class Aligned {
    final double[] x = new double[COUNT];
    /** Index of the best passage in the index, or -1. */
    int best = -1;
    /** Per feature, the claim token that raised it (for the reason), or -1. */
    final int[] cue = new int[COUNT];

    Aligned() {
      Arrays.fill(cue, -1);
    }
  }

  /** Per-thread scratch: a stamp per term id, so "does this passage hold term x" is one array read. */
  static final class Marks {
    private static final ThreadLocal<Marks> LOCAL = ThreadLocal.withInitial(Marks::new);
    int[] stamps = new int[0];
    /** Claim-side stamps: which term ids the current claim holds (same generations as {@link #stamps}). */
    int[] claimStamps = new int[0];
    /** Per term id: the claim's slot for the term (valid where {@link #claimStamps} is current), or -1. */
    int[] claimSlots = new int[0];
    /** Per passage position: the bit of the claim slot there, or 0 (scratch for the near relations). */
    long[] bits = new long[64];
    int gen;

    static Marks get(int vocabulary) {
      Marks m = LOCAL.get();
      if (m.stamps.length < vocabulary) {
        int size = Math.max(vocabulary, m.stamps.length * 2);
        m.stamps = new int[size];
        m.claimStamps = new int[size];
        m.claimSlots = new int[size];
        m.gen = 0;
      }
      return m;
    }

    int next() {
      if (++gen == Integer.MAX_VALUE) {
        Arrays.fill(stamps, 0);
        Arrays.fill(claimStamps, 0);
        gen = 1;
      }
      return gen;
    }

    void mark(int[] passage, int g) {
      for (int id : passage) {
        stamps[id] = g;
      }
    }
  }

  /**
   * Aligns a claim with the index and computes its features.
   *
   * @param seq the claim's terms
   * @param position the claim's index among the answer's claims
   * @param claims how many claims the answer has
   * @param index the sources
   * @return the alignment
   */
  static Aligned compute(Terms.Seq seq, int position, int claims, SourceIndex index) {
    Aligned a = new Aligned();
    double[] x = a.x;
    int n = seq.size();
    x[LENGTH] = Math.log1p(n);
    x[POSITION] = claims <= 1 ? 0 : (double) position / (claims - 1);
    x[SOURCE_SIZE] = Math.log1p(index.passageCount());
    x[CLAIM_COUNT] = Math.log1p(claims);
    int[] ids = new int[n];
    java.util.Set<String> query = index.retrieves() ? SourceIndex.newQuery() : java.util.Set.of();
    for (int i = 0; i < n; i++) {
      ids[i] = index.id(seq.terms[i]);
      if (ids[i] >= 0 && index.retrieves() && seq.isContent(i)) {
        query.add(seq.terms[i]);
      }
    }
    boolean[] unique = uniqueContent(seq);
    int contentTotal = 0;
    int contentKnown = 0;
    for (int i = 0; i < n; i++) {
      if (unique[i]) {
        contentTotal++;
        if (ids[i] >= 0) {
          contentKnown++;
        }
      }
    }
    x[SOURCE_COVERAGE] = contentTotal == 0 ? 1 : (double) contentKnown / contentTotal;
    x[UNKNOWN_COUNT] = Math.min(3, contentTotal - contentKnown);
    int contentTokens = 0;
    for (int i = 0; i < n; i++) {
      if (seq.isContent(i)) {
        contentTokens++;
      }
    }
    x[REPETITION] = contentTokens == 0 ? 0 : (double) (contentTokens - contentTotal) / contentTokens;
    int[] hits = index.candidates(ids, query, RETRIEVE);
    x[CANDIDATES] = Math.log1p(hits.length);
    Marks marks = Marks.get(index.vocabularySize());
    int[] stamps = marks.stamps;
    Relations rel = new Relations(seq, ids, index, unique, marks);
    double bestRank = -1;
    double secondRank = 0;
    double bestCov = 0;
    double bestBi = 0;
    // Top KEEP by rank (content + bigram coverage), ties to the earlier passage.
    int[] top = new int[KEEP];
    double[] topRank = new double[KEEP];
    int kept = 0;
    for (int h = 0; h < hits.length; h++) {
      int[] p = index.passages[hits[h]].ids;
      int g = marks.next();
      marks.mark(p, g);
      double cov = contentCoverage(unique, ids, stamps, g);
      double bi = bigramCoverage(ids, p, stamps, g);
      rel.add(p, stamps, g);
      double rank = cov + bi;
      if (rank > bestRank) {
        secondRank = Math.max(bestRank, 0);
        bestRank = rank;
        bestCov = cov;
        bestBi = bi;
      } else if (rank > secondRank) {
        secondRank = rank;
      }
      int at = kept;
      while (at > 0 && topRank[at - 1] < rank) {
        at--;
      }
      if (at < KEEP) {
        int last = Math.min(kept, KEEP - 1);
        for (int k = last; k > at; k--) {
          top[k] = top[k - 1];
          topRank[k] = topRank[k - 1];
        }
        top[at] = hits[h];
        topRank[at] = rank;
        kept = Math.min(KEEP, kept + 1);
      }
    }
    x[CONTENT_COVERAGE] = bestCov;
    x[BIGRAM_COVERAGE] = bestBi;
    x[RANK_GAP] = kept == 0 ? 0 : bestRank - (hits.length > 1 ? secondRank : 0);
    x[RUN_COVERAGE] = fragmentCoverage(ids, index, top, kept);
    rel.finish(x, a.cue);
    if (kept == 0) {
      // Nothing in the sources shares a content word: every entity, number and predicate is nowhere
      // or only elsewhere.
      whereabouts(seq, ids, index, null, stamps, -1, x, a.cue);
      x[MISSING_UNION_COUNT] = Math.min(4, contentTotal);
      return a;
    }
    a.best = top[0];
    SourceIndex.Passage bp = index.passages[top[0]];
    // Union of the kept passages: multi-passage support (sentence fusion).
    int gu = marks.next();
    for (int k = 0; k < kept; k++) {
      marks.mark(index.passages[top[k]].ids, gu);
    }
    x[UNION_COVERAGE] = contentCoverage(unique, ids, stamps, gu);
    int missing = 0;
    for (int i = 0; i < n; i++) {
      if (unique[i] && (ids[i] < 0 || stamps[ids[i]] != gu)) {
        missing++;
      }
    }
    x[MISSING_UNION_COUNT] = Math.min(4, missing);
    int g = marks.next();
    marks.mark(bp.ids, g);
    x[LONGEST_RUN] = n == 0 ? 0 : (double) longestRun(ids, bp.ids) / n;
    ordered(seq, ids, index, top, kept, x);
    whereabouts(seq, ids, index, bp, stamps, g, x, a.cue);
    polarity(seq, ids, bp, index, stamps, g, bestCov, x, a.cue);
    x[SWAP] = swap(seq, ids, index, bp, stamps, g, a.cue);
    return a;
  }

  /**
   * Relation evidence over the candidate passages, from one bit mask per passage of which of the
   * claim's known content terms it holds (the first 64): whether the claim's words share a source
   * sentence pairwise (scattered words that each exist somewhere are not a supported relation), its
   * least connected word, whether its anchors (names, numbers) stand together in one sentence and
   * with how many of its other words, and whether its consecutive content words follow each other
   * (stop words skipped) in some passage. Near relations: the claim's subject (its first name or number)
   * and verb (the first other word after it), its first two content words, the verb and the word after
   * it, and the subject and the next name or number after the verb, each checked for one occurrence
   * within {@value #NEAR_WINDOW} tokens of the other in some passage (who did what: a copied sentence
   * whose name or role moved to another person has every word but not these pairs together). Linear
   * in candidate length; a few small arrays per claim.
   */
  static final class Relations {
    private final int[] slot;
    private final int known;
    private final long anchorMask;
    private final long predicateMask;
    private final long[] together;
    private int maxAnchors;
    private double anchorPredicate;
    private final long[] pairs;
    private final boolean[] pairFound;
    private final int[] claimStamps;
    private final int claimGen;
    private final SourceIndex index;
    private final int[] ids;
    private final Marks marks;
    /** Per near relation (in {@link #NEAR} order): its two claim slots, or -1 when the claim has no such pair. */
    private final int[] nearA = new int[NEAR.length];
    private final int[] nearB = new int[NEAR.length];
    private final boolean[] nearFound = new boolean[NEAR.length];
    /** The claim token of each relation's first word (the cue). */
    private final int[] nearCue = new int[NEAR.length];
    /** How many defined near relations no passage has shown yet (none left: passages need no scan). */
    private int nearPending;

    Relations(Terms.Seq seq, int[] ids, SourceIndex index, boolean[] unique, Marks marks) {
      this.index = index;
      this.ids = ids;
      this.marks = marks;
      int n = ids.length;
      slot = new int[Math.min(64, n)];
      int k = 0;
      long anchors = 0;
      long preds = 0;
      for (int i = 0; i < n && k < 64; i++) {
        if (unique[i] && ids[i] >= 0) {
          slot[k] = i;
          boolean anchor = seq.kinds[i] != Terms.WORD || isEntity(seq, i) || index.isName(ids[i]);
          if (anchor) {
            anchors |= 1L << k;
          } else {
            preds |= 1L << k;
          }
          k++;
        }
      }
      known = k;
      anchorMask = anchors;
      predicateMask = preds;
      together = new long[k];
      anchorPredicate = Long.bitCount(anchors) == 0 || preds == 0 ? 1 : 0;
      // Consecutive content terms of the claim (stop words skipped), both known to the sources.
      long[] pr = new long[n];
      int np = 0;
      int prev = -1;
      claimGen = marks.next();
      claimStamps = marks.claimStamps;
      for (int i = 0; i < n; i++) {
        if (!seq.isContent(i)) {
          continue;
        }
        if (ids[i] >= 0) {
          claimStamps[ids[i]] = claimGen;
          marks.claimSlots[ids[i]] = -1;
        }
        if (prev >= 0 && ids[prev] >= 0 && ids[i] >= 0 && ids[prev] != ids[i]) {
          long key = ((long) ids[prev] << 32) | ids[i];
          boolean dup = false;
          for (int q = 0; q < np && !dup; q++) {
            dup = pr[q] == key;
          }
          if (!dup) {
            pr[np++] = key;
          }
        }
        prev = i;
      }
      pairs = Arrays.copyOf(pr, np);
      pairFound = new boolean[np];
      for (int s = 0; s < known; s++) {
        marks.claimSlots[ids[slot[s]]] = s;
      }
      nearPairs(seq, n);
    }

    /** The claim's slot at token {@code i}, or -1 (a stop word, a word no source holds, past the 64th). */
    private int slotAt(Terms.Seq seq, int i) {
      return seq.isContent(i) && ids[i] >= 0 && claimStamps[ids[i]] == claimGen ? marks.claimSlots[ids[i]] : -1;
    }

    private boolean isAnchorSlot(int s) {
      return (anchorMask & (1L << s)) != 0;
    }

    /** Picks the word pairs of the near relations from the claim's token order. */
    private void nearPairs(Terms.Seq seq, int n) {
      int subject = -1;
      int verb = -1;
      int head = -1;
      int headNext = -1;
      int object = -1;
      int objectAnchor = -1;
      int subjectAt = -1;
      int verbAt = -1;
      int headAt = -1;
      boolean afterVerb = false;
      for (int i = 0; i < n; i++) {
        int s = slotAt(seq, i);
        if (s < 0) {
          continue;
        }
        boolean anchor = isAnchorSlot(s);
        if (head < 0) {
          head = s;
          headAt = i;
        } else if (headNext < 0 && s != head && !anchor) {
          headNext = s;
        }
        if (subject < 0 && anchor) {
          subject = s;
          subjectAt = i;
        } else if (subject >= 0 && verb < 0 && !anchor) {
          verb = s;
          verbAt = i;
        }
        if (afterVerb && s != verb) {
          if (object < 0) {
            object = s;
          }
          if (objectAnchor < 0 && s != subject && anchor) {
            objectAnchor = s;
          }
        }
        if (verb >= 0 && s == verb) {
          afterVerb = true;
        }
      }
      int[][] pairs = {{subject, verb, subjectAt}, {head, headNext, headAt}, {verb, object, verbAt},
          {subject, objectAnchor, subjectAt}};
      for (int r = 0; r < NEAR.length; r++) {
        boolean defined = pairs[r][0] >= 0 && pairs[r][1] >= 0 && pairs[r][0] != pairs[r][1];
        nearA[r] = defined ? pairs[r][0] : -1;
        nearB[r] = defined ? pairs[r][1] : -1;
        nearCue[r] = defined ? pairs[r][2] : -1;
        nearPending += defined ? 1 : 0;
      }
    }

    /** Adds one candidate passage, whose terms carry stamp {@code g}. */
    void add(int[] p, int[] stamps, int g) {
      long m = 0;
      for (int k = 0; k < known; k++) {
        int id = indexId(k);
        if (stamps[id] == g) {
          m |= 1L << k;
        }
      }
      if (m == 0) {
        return;
      }
      for (int k = 0; k < known; k++) {
        if ((m & (1L << k)) != 0) {
          together[k] |= m;
        }
      }
      int a = Long.bitCount(m & anchorMask);
      int totalAnchors = Long.bitCount(anchorMask);
      maxAnchors = Math.max(maxAnchors, a);
      if (totalAnchors > 0 && predicateMask != 0 && a >= Math.min(2, totalAnchors)) {
        anchorPredicate = Math.max(anchorPredicate,
            (double) Long.bitCount(m & predicateMask) / Long.bitCount(predicateMask));
      }
      if (nearPending > 0 && Long.bitCount(m) >= 2) {
        near(p);
      }
      if (pairs.length > 0 && Long.bitCount(m) >= 2) {
        int prev = -1;
        for (int id : p) {
          if (index.isStop(id)) {
            continue;
          }
          if (claimStamps[id] != claimGen) {
            prev = -1;
            continue;
          }
          if (prev >= 0) {
            long key = ((long) prev << 32) | id;
            for (int q = 0; q < pairs.length; q++) {
              if (pairs[q] == key) {
                pairFound[q] = true;
              }
            }
          }
          prev = id;
        }
      }
    }

    /** Marks the near relations this passage holds: both words within {@value #NEAR_WINDOW} tokens. */
    private void near(int[] p) {
      int len = p.length;
      if (marks.bits.length < len) {
        marks.bits = new long[Math.max(len, marks.bits.length * 2)];
      }
      long[] bits = marks.bits;
      int[] slots = marks.claimSlots;
      for (int q = 0; q < len; q++) {
        int id = p[q];
        bits[q] = claimStamps[id] == claimGen && slots[id] >= 0 ? 1L << slots[id] : 0;
      }
      for (int j = 0; j < len && nearPending > 0; j++) {
        long bj = bits[j];
        if (bj == 0) {
          continue;
        }
        for (int r = 0; r < NEAR.length; r++) {
          if (nearA[r] < 0 || nearFound[r] || bj != 1L << nearA[r]) {
            continue;
          }
          long b = 1L << nearB[r];
          int to = Math.min(len - 1, j + NEAR_WINDOW);
          for (int q = Math.max(0, j - NEAR_WINDOW); q <= to; q++) {
            if (bits[q] == b) {
              nearFound[r] = true;
              nearPending--;
              break;
            }
          }
        }
      }
    }

    private int indexId(int k) {
      return ids[slot[k]];
    }

    /** Writes the relation features, and the claim token behind the weakest link and the anchors. */
    void finish(double[] x, int[] cue) {
      for (int r = 0; r < NEAR.length; r++) {
        // 1 = held together somewhere, or no such pair in the claim; 0 = both words known, never near.
        x[NEAR[r]] = known < 2 || nearA[r] < 0 || nearFound[r] ? 1 : 0;
        if (x[NEAR[r]] == 0) {
          cue[NEAR[r]] = nearCue[r];
        }
      }
      if (known < 2) {
        x[PAIR_SUPPORT] = 1;
        x[WEAKEST_LINK] = 1;
      } else {
        int linked = 0;
        double weakest = 1;
        for (int k = 0; k < known; k++) {
          int others = Long.bitCount(together[k] & ~(1L << k));
          linked += others;
          double share = (double) others / (known - 1);
          if (share < weakest) {
            weakest = share;
            cue[WEAKEST_LINK] = slot[k];
          }
        }
        x[PAIR_SUPPORT] = (double) linked / (known * (known - 1));
        x[WEAKEST_LINK] = weakest;
      }
      int anchors = Long.bitCount(anchorMask);
      if (anchors > 0) {
        cue[ANCHORS_TOGETHER] = slot[Long.numberOfTrailingZeros(anchorMask)];
      }
      x[ANCHORS_TOGETHER] = anchors == 0 ? 1 : (double) maxAnchors / anchors;
      x[ANCHOR_PREDICATE] = anchorPredicate;
      int found = 0;
      for (boolean f : pairFound) {
        found += f ? 1 : 0;
      }
      x[CONTENT_PAIRS_ANY] = pairs.length == 0 ? 1 : (double) found / pairs.length;
    }
  }

  /** Where the claim's entities, numbers and predicate words are: best passage, elsewhere, nowhere. */
  private static void whereabouts(Terms.Seq seq, int[] ids, SourceIndex index, SourceIndex.Passage bp, int[] stamps,
      int g, double[] x, int[] cue) {
    int[] ent = new int[3];
    int[] num = new int[3];
    int[] pred = new int[3];
    boolean clash = false;
    boolean firstPerson = false;
    for (int i = 0; i < ids.length; i++) {
      String t = seq.terms[i];
      if (seq.kinds[i] == Terms.WORD && isFirstPerson(t)) {
        firstPerson = true;
      }
      if (!seq.isContent(i)) {
        continue;
      }
      int where = ids[i] < 0 ? 2 : bp != null && stamps[ids[i]] == g ? 0 : 1;
      int feature;
      if (seq.kinds[i] != Terms.WORD) {
        num[where]++;
        feature = NUMBER_BEST + where;
        if (where != 0 && bp != null && hasKind(bp, seq.kinds[i]) && !clash) {
          clash = true;
          cue[NUMBER_CLASH] = i;
        }
      } else if (isEntity(seq, i) || (SOURCE_NAMES && index.isName(ids[i]))) {
        ent[where]++;
        feature = ENTITY_BEST + where;
      } else {
        pred[where]++;
        feature = PREDICATE_BEST + where;
      }
      if (cue[feature] < 0) {
        cue[feature] = i;
      }
    }
    share(ent, x, ENTITY_BEST);
    share(num, x, NUMBER_BEST);
    share(pred, x, PREDICATE_BEST);
    x[NUMBER_CLASH] = clash ? 1 : 0;
    if (firstPerson && (bp == null || !index.hasFirstPerson(bp))) {
      x[FIRST_PERSON] = 1;
    }
  }

  static boolean isFirstPerson(String t) {
    return t.equals("i") || t.equals("my") || t.equals("me") || t.equals("we") || t.equals("our") || t.equals("mine");
  }

  /** A capitalized word that is not the claim's first word and not a function word: a name. */
  static boolean isEntity(Terms.Seq seq, int i) {
    return i > 0 && seq.kinds[i] == Terms.WORD && seq.capitalized[i] && !Lexicon.STOP.contains(seq.terms[i]);
  }

  private static void share(int[] c, double[] x, int at) {
    int total = c[0] + c[1] + c[2];
    for (int k = 0; k < 3; k++) {
      x[at + k] = total == 0 ? 0 : (double) c[k] / total;
    }
  }

  /** How far (in tokens) a negation reaches: "not" in "did not approve the merger" scopes "approve". */
  static final int NEGATION_SCOPE = 3;

  /**
   * Negation present on one side only, and an antonym of a claim word in the passage instead. A
   * negation counts only where it scopes an aligned word (one of the next {@value #NEGATION_SCOPE}
   * tokens is a content word both the claim and the passage hold): a "not" elsewhere in a long
   * passage says nothing about the claim.
   */
  private static void polarity(Terms.Seq seq, int[] ids, SourceIndex.Passage p, SourceIndex index, int[] stamps, int g,
      double coverage, double[] x, int[] cue) {
    int claimNeg = -1;
    for (int i = 0; i < seq.size(); i++) {
      if (Lexicon.NEGATIONS.contains(seq.terms[i])) {
        if (claimNeg < 0 && scopesAligned(seq, ids, stamps, g, i)) {
          claimNeg = i;
        }
        continue;
      }
      String anti = Lexicon.ANTONYMS.get(seq.terms[i]);
      if (anti != null && x[ANTONYM_FLIP] == 0) {
        int antiId = index.id(anti);
        if (antiId >= 0 && stamps[antiId] == g && (ids[i] < 0 || stamps[ids[i]] != g)) {
          x[ANTONYM_FLIP] = coverage;
          cue[ANTONYM_FLIP] = i;
        }
      }
    }
    boolean claimHasNeg = false;
    for (int i = 0; i < seq.size() && !claimHasNeg; i++) {
      claimHasNeg = Lexicon.NEGATIONS.contains(seq.terms[i]);
    }
    boolean passageNeg = false;
    boolean passageNegScoped = false;
    int[] pi = p.ids;
    for (int j = 0; j < pi.length && !passageNegScoped; j++) {
      if (index.isNegation(pi[j])) {
        passageNeg = true;
        for (int k = j + 1; k < pi.length && k <= j + NEGATION_SCOPE && !passageNegScoped; k++) {
          passageNegScoped = !index.isStop(pi[k]) && contains(ids, pi[k]);
        }
      }
    }
    if (claimNeg >= 0 && !passageNeg) {
      x[NEGATION_CLAIM_ONLY] = coverage;
      cue[NEGATION_CLAIM_ONLY] = claimNeg;
    } else if (!claimHasNeg && passageNegScoped) {
      x[NEGATION_PASSAGE_ONLY] = coverage;
    }
  }

  /** Whether a claim negation at {@code i} scopes a content word the stamped passage also holds. */
  private static boolean scopesAligned(Terms.Seq seq, int[] ids, int[] stamps, int g, int i) {
    for (int k = i + 1; k < ids.length && k <= i + NEGATION_SCOPE; k++) {
      if (seq.isContent(k) && ids[k] >= 0 && stamps[ids[k]] == g) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * A subject-object swap around an aligned word: a claim word w found in the passage with a name
   * before it in the claim that the passage has only after w, and a name after it that the passage
   * has only before w ("Smith beat Jones" against "Jones beat Smith").
   */
  private static double swap(Terms.Seq seq, int[] ids, SourceIndex index, SourceIndex.Passage p, int[] stamps, int g,
      int[] cue) {
    int n = ids.length;
    for (int v = 1; v + 1 < n; v++) {
      if (ids[v] < 0 || stamps[ids[v]] != g || !seq.isContent(v) || isEntity(seq, v) || index.isName(ids[v])
          || seq.kinds[v] != Terms.WORD) {
        continue;
      }
      int pv = indexOf(p.ids, ids[v]);
      boolean before = false;
      for (int i = 0; i < v && !before; i++) {
        if ((isEntity(seq, i) || index.isName(ids[i])) && ids[i] >= 0 && stamps[ids[i]] == g) {
          int pi = indexOf(p.ids, ids[i]);
          before = pi > pv && indexOf(p.ids, ids[i], 0, pv) < 0;
        }
      }
      if (!before) {
        continue;
      }
      for (int j = v + 1; j < n; j++) {
        if ((isEntity(seq, j) || index.isName(ids[j])) && ids[j] >= 0 && stamps[ids[j]] == g && ids[j] != ids[v]) {
          int pj = indexOf(p.ids, ids[j]);
          if (pj < pv && indexOf(p.ids, ids[j], pv + 1, p.ids.length) < 0) {
            cue[SWAP] = v;
            return 1;
          }
        }
      }
    }
    return 0;
  }

  private static int indexOf(int[] a, int v) {
    return indexOf(a, v, 0, a.length);
  }

  private static int indexOf(int[] a, int v, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /** Marks the first occurrence of each distinct content term of the claim. */
  static boolean[] uniqueContent(Terms.Seq seq) {
    boolean[] u = new boolean[seq.size()];
    for (int i = 0; i < u.length; i++) {
      if (!seq.isContent(i)) {
        continue;
      }
      u[i] = true;
      for (int j = 0; j < i; j++) {
        if (u[j] && seq.terms[j].equals(seq.terms[i])) {
          u[i] = false;
          break;
        }
      }
    }
    return u;
  }

  /** Share of the claim's distinct content terms that the stamped passage holds. */
  static double contentCoverage(boolean[] unique, int[] ids, int[] stamps, int gen) {
    int total = 0;
    int found = 0;
    for (int i = 0; i < ids.length; i++) {
      if (unique[i]) {
        total++;
        if (ids[i] >= 0 && stamps[ids[i]] == gen) {
          found++;
        }
      }
    }
    return total == 0 ? 1 : (double) found / total;
  }

  /** Share of the claim's adjacent term pairs that occur adjacent in the passage. */
  static double bigramCoverage(int[] ids, int[] passage, int[] stamps, int gen) {
    int total = ids.length - 1;
    if (total <= 0) {
      return ids.length == 1 && ids[0] >= 0 && stamps[ids[0]] == gen ? 1 : 0;
    }
    int found = 0;
    for (int i = 0; i < total; i++) {
      int x = ids[i];
      int y = ids[i + 1];
      if (x >= 0 && y >= 0 && stamps[x] == gen && stamps[y] == gen && containsPair(passage, x, y)) {
        found++;
      }
    }
    return (double) found / total;
  }

  /** Longest run of claim terms found contiguous and in order in the passage. */
  static int longestRun(int[] ids, int[] p) {
    int longest = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0) {
        continue;
      }
      for (int j = 0; j < p.length; j++) {
        if (p[j] == ids[i]) {
          int l = 1;
          while (i + l < ids.length && j + l < p.length && p[j + l] == ids[i + l]) {
            l++;
          }
          longest = Math.max(longest, l);
        }
      }
    }
    return longest;
  }

  /**
   * Word order: the most of the claim's content tokens one kept passage holds in the claim's order
   * ({@code ordered_coverage}: longest common subsequence, as a share of the claim's content tokens),
   * and the same over the kept passages read in source order as one text ({@code ordered_union}: a
   * claim fused from neighbouring sentences). Words moved around a copied sentence keep their coverage
   * but lose their order. O(claim content tokens x passage length) per kept passage; one small array.
   */
  static void ordered(Terms.Seq seq, int[] ids, SourceIndex index, int[] top, int keep, double[] x) {
    int c = 0;
    for (int i = 0; i < ids.length; i++) {
      if (seq.isContent(i)) {
        c++;
      }
    }
    if (c == 0) {
      x[ORDERED_COVERAGE] = 1;
      x[ORDERED_UNION] = 1;
      return;
    }
    int[] q = new int[c];
    int k = 0;
    for (int i = 0; i < ids.length; i++) {
      if (seq.isContent(i)) {
        q[k++] = ids[i];
      }
    }
    int[] row = new int[c + 1];
    int best = 0;
    for (int t = 0; t < keep; t++) {
      Arrays.fill(row, 0);
      lcsRow(q, index.passages[top[t]].ids, row);
      best = Math.max(best, row[c]);
    }
    x[ORDERED_COVERAGE] = (double) best / c;
    int[] order = Arrays.copyOf(top, keep);
    Arrays.sort(order);
    Arrays.fill(row, 0);
    for (int t = 0; t < keep; t++) {
      lcsRow(q, index.passages[order[t]].ids, row);
    }
    x[ORDERED_UNION] = (double) row[c] / c;
  }

  /** Extends a longest-common-subsequence row of {@code q} against the tokens of {@code p}. */
  private static void lcsRow(int[] q, int[] p, int[] row) {
    int c = q.length;
    for (int id : p) {
      int diag = 0;
      for (int j = 1; j <= c; j++) {
        int up = row[j];
        row[j] = q[j - 1] == id && id >= 0 ? diag + 1 : Math.max(up, row[j - 1]);
        diag = up;
      }
    }
  }

  /** Share of claim tokens inside runs of {@value #MIN_FRAGMENT}+ tokens found in order in a kept passage. */
  static double fragmentCoverage(int[] ids, SourceIndex index, int[] top, int keep) {
    if (ids.length == 0) {
      return 0;
    }
    int covered = 0;
    int i = 0;
    while (i < ids.length) {
      int longest = 0;
      if (ids[i] >= 0) {
        for (int k = 0; k < keep; k++) {
          int[] p = index.passages[top[k]].ids;
          for (int j = 0; j < p.length; j++) {
            if (p[j] == ids[i]) {
              int l = 1;
              while (i + l < ids.length && j + l < p.length && p[j + l] == ids[i + l]) {
                l++;
              }
              longest = Math.max(longest, l);
            }
          }
        }
      }
      if (longest >= Math.min(MIN_FRAGMENT, ids.length)) { // a claim shorter than a run counts when found whole
        covered += longest;
      }
      i += Math.max(1, longest);
    }
    return (double) covered / ids.length;
  }

  static boolean hasKind(SourceIndex.Passage p, byte kind) {
    for (byte k : p.kinds) {
      if (k == kind) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsPair(int[] a, int x, int y) {
    for (int j = 0; j + 1 < a.length; j++) {
      if (a[j] == x && a[j + 1] == y) {
        return true;
      }
    }
    return false;
  }
}
