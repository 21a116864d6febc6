package dev.guardrails.detectors.bias;

/**
 * Runs {@link StereotypeModel} on the sentences of a tokenized segment: a sentence is scored only
 * if it mentions a group (the cheap pre-filter: one hash probe per token), and only on its first
 * {@link StereotypeFeatures#MAX_TOKENS} tokens. A model with dense weights adds the share of the sentence's word
 * vectors ({@link StereotypeFeatures#denseMargin}). Thread-safe; per-thread scratch arrays are passed in.
 */
final class StereotypeScorer {

  final StereotypeModel model;
  final StereotypeFeatures features;

  /** The word vectors to extract the dense feature vector with, for training ({@link Scratch#dense}); else null. */
  final StereotypeEmbeddings extractVectors;

  StereotypeScorer(StereotypeModel model, StereotypeFeatures features) {
    this(model, features, null);
  }

  StereotypeScorer(StereotypeModel model, StereotypeFeatures features, StereotypeEmbeddings extractVectors) {
    this.model = model;
    this.features = features;
    this.extractVectors = extractVectors;
  }

  /** Per-thread working arrays. */
  static final class Scratch {
    final int[] spans = new int[2 * StereotypeFeatures.MAX_TOKENS];
    final int[] sym = new int[StereotypeFeatures.MAX_TOKENS + 2];
    /** Where each mention sits in {@link #sym}. */
    final int[] gPos = new int[StereotypeFeatures.MAX_TOKENS];
    final int[] feats = new int[StereotypeFeatures.MAX_FEATURES];
    /** The dense features ({@link StereotypeFeatures#dense}) when extracted for training, sized on first use. */
    float[] dense = new float[0];
    /** Per dense block, its share of the margin ({@link StereotypeFeatures#denseMargin}). */
    final float[] denseAcc = new float[StereotypeFeatures.DENSE_BLOCKS];
    /** The dense features' share of the margin of the sentence last extracted. */
    double denseMargin;
    /** The rule's findings of the current segment, held until the model has read its sentences (cleared after each). */
    final java.util.ArrayList<dev.guardrails.Finding> rules = new java.util.ArrayList<>();
    final dev.guardrails.FindingSink ruleSink = rules::add;
    int mentions;
    int featureCount;
  }

  /** The token index one past the sentence that starts at {@code from}. */
  static int sentenceEnd(Tokens t, int from) {
    int k = from + 1;
    while (k < t.count && !t.is(k, Tokens.SENT_START)) {
      k++;
    }
    return k;
  }

  /**
   * Extracts the features of sentence {@code [from, to)} (capped) into {@code s}.
   *
   * @return false if it mentions no group (then nothing is to be scored)
   */
  boolean extract(Tokens t, int from, int to, Scratch s) {
    int end = Math.min(to, from + StereotypeFeatures.MAX_TOKENS);
    s.mentions = features.mentions(t, from, end, s.spans);
    if (s.mentions == 0) {
      return false;
    }
    s.featureCount = features.features(t, from, end, s.spans, s.mentions, model.mask, s.sym, s.gPos, s.feats);
    s.denseMargin = model.projected == null ? 0
        : features.denseMargin(t, from, end, s.spans, s.mentions, model.embeddings, model.projected, s.denseAcc);
    if (extractVectors != null) {
      if (s.dense.length < StereotypeFeatures.DENSE_BLOCKS * extractVectors.dims) {
        s.dense = new float[StereotypeFeatures.DENSE_BLOCKS * extractVectors.dims];
      }
      features.dense(t, from, end, s.spans, s.mentions, extractVectors, s.dense);
    }
    return true;
  }

  /** The margin of the features last extracted into {@code s}. */
  double margin(Scratch s) {
    return model.margin(s.feats, s.featureCount) + s.denseMargin;
  }
}
