package dev.guardrails.detectors.bias;

import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.text.Span;
import dev.guardrails.text.AnalyzedText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds biased phrasing: terms and phrases of the bias lexicon (gendered, ableist, ageist,
 * racial/ethnic, LGBTQ, religious, disability, socioeconomic, condescending and exclusionary
 * technical wording) with neutral suggestions, and generalizations about groups ("women are bad
 * at ...", "old people can't ...").
 *
 * <p>One linear pass over word tokens of the normalized text: each token is one probe of an
 * open-addressing table of the words that start a lexicon or group phrase, keyed by the hash the
 * tokenizer computed; longer phrases are looked up only when a token starts one, longest match
 * first. Context suppressions keep neutral text quiet: quoted material, titles and proper names
 * (a match inside a run of capitalized words), allow-listed phrases ("he or she", "lame duck",
 * "Homo sapiens"), and gendered role nouns and pronouns, which are off by default because they
 * are ordinary in biographies. Findings have type {@code BIAS/<CATEGORY>}, a severity-based score
 * (low 0.35, medium 0.6, high 0.85; generalizations 0.75) and up to three suggestions; the first
 * is what {@link dev.guardrails.Redactor#rewrite()} substitutes.
 *
 * <pre>{@code
 * Detector d = BiasDetector.builder().genderedRoleNouns(true).build();
 * }</pre>
 *
 * <p>The lexicon loads once per JVM on first use and is shared. Immutable and thread-safe.
 */
public final class BiasDetector implements Detector {

  /** Type names this detector reports, each under {@link Category#BIAS}. */
  public static final List<String> TYPE_NAMES = List.of("GENDERED", "ABLEIST", "AGEIST", "RACIAL_ETHNIC", "LGBTQ",
      "RELIGION", "DISABILITY", "SOCIOECONOMIC", "CONDESCENDING", "EXCLUSIONARY_TECH_TERM", "STEREOTYPE_GENERALIZATION",
      "STEREOTYPE");

  /** The type of group generalizations. */
  public static final FindingType STEREOTYPE_GENERALIZATION = FindingType.of(Category.BIAS, "STEREOTYPE_GENERALIZATION");

  /** The type of stereotypes found by the sentence model alone (no generalization rule fired in the sentence). */
  public static final FindingType STEREOTYPE = FindingType.of(Category.BIAS, "STEREOTYPE");

  private static final double GENERALIZATION_SCORE = 0.75;
  /** Score of a {@link #STEREOTYPE} finding from the harm frame where the model alone is below its threshold. */
  private static final double HARM_SCORE = 0.75;
  /**
   * Score of a {@link #STEREOTYPE} finding from the reason or lack frame ({@link StereotypeFrames#reason},
   * {@link StereotypeFrames#lack}) where the model alone is below its threshold.
   */
  private static final double REASON_SCORE = 0.7;
  /** Score of a {@link #STEREOTYPE} finding from the attribution frame where the model is silent or unsure. */
  private static final double ATTRIBUTION_SCORE = 0.7;
  private static final String STEREOTYPE_NOTE =
      "Generalizes a trait to a whole group; qualify it, attribute it or cite evidence.";
  private static final int NAME_LOOKBACK = 40;
  private static final int SEGMENT = 16_384;
  private static final int SEGMENT_SLACK = 2_048;
  private static final ThreadLocal<Tokens> SCRATCH = ThreadLocal.withInitial(Tokens::new);

  private final Options options;
  private final StereotypeScorer scorer; // null: rules only
  private volatile BiasLexicon lexicon;

  /** Creates the detector with the default configuration; used by {@link java.util.ServiceLoader}. */
  public BiasDetector() {
    this(Options.DEFAULT);
  }

  private BiasDetector(Options options) {
    this.options = options;
    this.scorer = options.model() ? sharedScorer() : null;
  }

  private static volatile StereotypeScorer sharedScorer;

  /**
   * The stereotype model, loaded once per JVM when the first detector that uses it is built; a
   * failed load is not cached, so every build names the missing or corrupt file.
   */
  private static StereotypeScorer sharedScorer() {
    StereotypeScorer s = sharedScorer;
    if (s == null) {
      synchronized (BiasDetector.class) {
        s = sharedScorer;
        if (s == null) {
          s = new StereotypeScorer(StereotypeModel.load(), StereotypeFeatures.INSTANCE);
          sharedScorer = s;
        }
      }
    }
    return s;
  }

  /**
   * Returns a builder for a non-default configuration.
   *
   * @return a new builder (not thread-safe; the built detector is)
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return "bias.lexicon";
  }

  @Override
  public Set<FindingType> types() {
    return Types.ALL;
  }

  /** With the stereotype model on, findings depend on the whole sentence. */
  @Override
  public boolean sentenceScoped() {
    return scorer != null;
  }

  @Override
  public int window() {
    return 512;
  }

  @Override
  public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(out, "out");
    BiasLexicon lex = lexicon();
    Tokens t = SCRATCH.get();
    String s = text.normalized();
    t.begin(text, lex, scorer != null); // rules only: no stereotype marks (term() probes its table itself)
    try {
      for (int from = 0; from < s.length(); ) {
        int to = segmentEnd(s, from);
        t.reset(s, from, to);
        if (scorer == null) {
          scan(text, t, lex, out, out);
        } else {
          StereotypeScorer.Scratch sc = t.modelScratch(); // held by the tokens: one thread-local read a check
          sc.rules.clear();
          try {
            scan(text, t, lex, out, sc.ruleSink);
            stereotypes(text, t, sc, out);
          } finally {
            sc.rules.clear();
          }
        }
        from = to;
      }
    } finally {
      t.end();
    }
  }

  /**
   * End of the segment starting at {@code from}: about {@value #SEGMENT} chars, cut after a
   * sentence end or line break (phrases and generalizations never cross those), else at a space.
   */
  static int segmentEnd(String s, int from) {
    int n = s.length();
    if (n - from <= SEGMENT + SEGMENT_SLACK) {
      return n;
    }
    int limit = from + SEGMENT + SEGMENT_SLACK;
    int space = -1;
    for (int i = from + SEGMENT; i < limit; i++) {
      char c = s.charAt(i);
      if (c == '\n' || ((c == '.' || c == '!' || c == '?') && i + 1 < n && s.charAt(i + 1) == ' ')) {
        return i + 1;
      }
      if (space < 0 && c == ' ') {
        space = i + 1;
      }
    }
    return space > 0 ? space : limit;
  }

  /**
   * Runs the stereotype model on each sentence of the segment that mentions a group and merges
   * its verdict with the rule's generalizations there: a sentence yields one finding, the rule's
   * if it fired, else, if the model fires, a {@link #STEREOTYPE} finding on the group mention. (No
   * sentence span as evidence and no score mixing: a streaming check sees other context and must
   * report the same findings.)
   */
  private void stereotypes(AnalyzedText text, Tokens t, StereotypeScorer.Scratch sc, FindingSink out) {
    List<Finding> rules = sc.rules;
    final int[] fl = t.flags;
    final int n = t.count;
    for (int from = 0; from < n; ) {
      // StereotypeScorer.sentenceEnd, and the sentence's marks on the way: with no token that may start a group term,
      // is "who"/"that" or an attribution anchor, the mention finder finds nothing and the attribution frame has no
      // anchor, so the sentence yields nothing and is skipped here (most sentences of most texts). Skipped too when
      // every token is asked or quoted (QUESTION or QUOTED, folded onto the QUOTED bit): whichever mention a verdict or
      // frame would report, dropReasons drops it as ASKED
      int to = from + 1;
      int marks = fl[from];
      int asked = marks | marks >>> 1;
      while (to < n && (fl[to] & Tokens.SENT_START) == 0) {
        int f = fl[to];
        marks |= f;
        asked &= f | f >>> 1;
        to++;
      }
      if ((marks & Tokens.STEREOTYPE_MARKS) == 0 || (asked & Tokens.QUOTED) != 0) {
        from = to;
        continue;
      }
      int capped = Math.min(to, from + StereotypeFeatures.MAX_TOKENS);
      // the mention finder visits only tokens marked GROUP_HEAD or GROUP_WHO: a sentence with neither (only an anchor,
      // 0.25 of the 0.86 marked sentences of a short answer) goes straight to the attribution frame
      boolean mentioned = (marks & (Tokens.GROUP_HEAD | Tokens.GROUP_WHO)) != 0 && scorer.extract(t, from, to, sc);
      double p = mentioned ? scorer.model.probability(scorer.margin(sc)) : 0;
      if (!mentioned || p < scorer.model.threshold) {
        // the harm frame, else the reason, lack and predicate frames (each mention's genericness read once for them)
        int r = mentioned ? StereotypeFrames.modelFrames(t, from, capped, sc.spans, sc.mentions) : -1;
        if (r == StereotypeFrames.HARM_FRAME) {
          p = HARM_SCORE; // the harm frame: a stereotype even where the model is unsure
        } else if (r >= 0) {
          // the reason, lack and predicate frames: a trait given as the group's reason, a virtue the group is said to
          // lack, a trait in a noun phrase, object or tied clause
          p = REASON_SCORE;
          int s0 = sc.spans[0];
          int e0 = sc.spans[1];
          sc.spans[0] = sc.spans[2 * r]; // the finding's group first; the mention it displaces kept in r's place
          sc.spans[1] = sc.spans[2 * r + 1];
          sc.spans[2 * r] = s0;
          sc.spans[2 * r + 1] = e0;
        } else {
          // the attribution frame: a trait or role put down to one person's group ("because she is a woman"), found
          // only at a token marked ANCHOR
          long a = (marks & Tokens.ANCHOR) != 0 ? StereotypeFrames.attribution(t, from, capped) : -1;
          if (a < 0) {
            from = to;
            continue;
          }
          p = ATTRIBUTION_SCORE;
          sc.spans[0] = (int) (a >>> 32);
          sc.spans[1] = (int) a;
          sc.mentions = 1;
        }
      }
      Span sentence = text.toOriginal(t.oStart[from], t.oEnd[to - 1]);
      boolean merged = false;
      for (int k = 0; k < rules.size(); k++) { // indexed: no iterator per sentence
        Finding f = rules.get(k);
        if (f.start() >= sentence.start() && f.start() < sentence.end()) {
          merged = true; // the rule's finding stands for the sentence
        }
      }
      if (!merged && !qualified(t, from, to, sc.spans, sc.mentions)) {
        Span g = text.toOriginal(t.oStart[sc.spans[0]], t.oEnd[sc.spans[1] - 1]);
        out.accept(new Finding(id(), STEREOTYPE, g, p, STEREOTYPE_NOTE, List.of(), Optional.empty()));
      }
      from = to;
    }
    for (int k = 0; k < rules.size(); k++) { // indexed: the iterator was the detector's one allocation per clean text
      out.accept(rules.get(k));
    }
  }

  /**
   * True if the sentence {@code [from, to)} asks, quotes, qualifies or debunks what it says about
   * its group mentions ({@code mentions} token spans in {@code spans}), as the generalization rule
   * reads it: a question or quotation; a hedge, negation or report before a mention ("not all",
   * "the myth that", "she said", "whether lgb parents are ..."; with several mentions the claim may be
   * about any of them, so before the last); a qualifier anywhere ("often", "more likely", "some");
   * advice ("should get a flu shot", but not "should not be allowed", which denies the group
   * something); a debunking word after the first mention; or the speaker's own story: a first-person
   * word before the first mention, every mention an object or complement inside its clause and none
   * followed by a copula, modal or "tend"-type word ("i started dating women", "i felt different from
   * other women"): it says what the speaker did or felt, not what the group is like; or a frame of
   * {@link StereotypeFrames#notAboutTraits} (a role's duty or definition, words about a word, rights
   * a group won); or a practice, right or need described with no trait ({@link StereotypeFrames#practice}).
   */
  static boolean qualified(Tokens t, int from, int to, int[] spans, int mentions) {
    return dropReasons(t, from, to, spans, mentions) != 0;
  }

  /** {@link #dropReasons}: asked or quoted. */
  static final int ASKED = 1;
  /** {@link #dropReasons}: the speaker's own story, or a frame of {@link StereotypeFrames#notAboutTraits}. */
  static final int NOT_ABOUT_TRAITS = 2;
  /** {@link #dropReasons}: a hedge, negation or report before a mention, or a debunking word after one. */
  static final int HEDGED = 4;
  /** {@link #dropReasons}: a qualifier of frequency or quantity anywhere ("often", "some", "more likely"). */
  static final int QUANTIFIED = 8;
  /** {@link #dropReasons}: advice with "should". */
  static final int ADVICE = 16;

  /**
   * {@link #dropReasons}: the practice veto of {@link StereotypeFrames#practice}: a practice, holiday, rite, custom,
   * right or need described, no trait beside it.
   */
  static final int PRACTICE = 32;

  /** Why {@link #qualified} drops the sentence: a bit set of {@link #ASKED} ... {@link #PRACTICE}, 0 if it does not. */
  static int dropReasons(Tokens t, int from, int to, int[] spans, int mentions) {
    int g = spans[0];
    int gEnd = spans[1];
    int lastG = spans[2 * (mentions - 1)];
    if (t.is(g, Tokens.QUESTION) || t.is(g, Tokens.QUOTED)) {
      return ASKED;
    }
    if (ownStory(t, from, to, spans, mentions)
        || StereotypeFrames.notAboutTraits(t, from, Math.min(to, from + StereotypeFeatures.MAX_TOKENS), spans, mentions)) {
      return NOT_ABOUT_TRAITS;
    }
    if (StereotypeFrames.practice(t, from, Math.min(to, from + StereotypeFeatures.MAX_TOKENS), spans, mentions)) {
      return PRACTICE;
    }
    int reasons = 0;
    for (int k = from; k < to; k++) {
      int c = t.cStart[k];
      int n = t.len(k);
      if ((k < lastG && (Generalizations.HEDGE.contains(t.canon, c, n) || REPORTED.contains(t.canon, c, n)))
          || (k >= gEnd && Generalizations.DEBUNK.contains(t.canon, c, n))) {
        reasons |= HEDGED;
      }
      if ((Generalizations.QUALIFIER.contains(t.canon, c, n) && !GENERIC.contains(t.canon, c, n))
          || QUALIFIED.contains(t.canon, c, n)) {
        reasons |= QUANTIFIED;
      }
      if (Generalizations.SHOULD.contains(t.canon, c, n) && !denied(t, k, to)) {
        reasons |= ADVICE;
      }
    }
    return reasons;
  }

  private static boolean ownStory(Tokens t, int from, int to, int[] spans, int mentions) {
    boolean speaker = false;
    for (int k = from; k < spans[0] && !speaker; k++) {
      speaker = StereotypeFeatures.FIRST.contains(t.canon, t.cStart[k], t.len(k));
    }
    if (!speaker) {
      return false;
    }
    for (int m = 0; m < mentions; m++) {
      int s = spans[2 * m];
      int e = spans[2 * m + 1];
      if (s == from || t.is(s, Tokens.HARD_BEFORE)) {
        return false; // a mention opening a clause is what the clause is about
      }
      for (int k = e; k < to && k < e + 3; k++) {
        int c = t.cStart[k];
        int n = t.len(k);
        if (StereotypeFeatures.COPULA.contains(t.canon, c, n) || StereotypeFeatures.MODAL.contains(t.canon, c, n)
            || StereotypeFeatures.TEND.contains(t.canon, c, n)) {
          return false;
        }
      }
    }
    return true;
  }

  /** "should not", "shouldn't", "should never": the sentence denies the group something, not advice. */
  private static boolean denied(Tokens t, int should, int to) {
    if (t.canon[t.cEnd[should] - 1] == 't') {
      return true; // shouldn't
    }
    int k = should + 1;
    return k < to && NOT.contains(t.canon, t.cStart[k], t.len(k));
  }

  private static final org.apache.lucene.analysis.CharArraySet NOT = new org.apache.lucene.analysis.CharArraySet(
      List.of("not", "never"), false);
  /**
   * Qualifiers of the rule that generalize rather than hedge: "X are generally lazy" is the claim itself, so a model
   * verdict is not dropped for them (the rule still reads them as hedges).
   */
  private static final org.apache.lucene.analysis.CharArraySet GENERIC = new org.apache.lucene.analysis.CharArraySet(
      List.of("typically", "generally", "usually"), false);
  /** Words that report or attribute a claim, beside the rule's hedges: "the insinuation that X are ...". */
  private static final org.apache.lucene.analysis.CharArraySet REPORTED = new org.apache.lucene.analysis.CharArraySet(
      List.of("insinuation", "insinuate", "insinuates", "insinuating", "implied", "implies", "imply", "implying",
          "asserting", "assert", "asserts", "asserted", "narrative", "stereotypically", "propaganda"), false);
  private static final org.apache.lucene.analysis.CharArraySet QUALIFIED = new org.apache.lucene.analysis.CharArraySet(
      List.of("likely", "likelier", "unlikely", "some", "many", "percent", "%", "average", "historically"), false);

  private void scan(AnalyzedText text, Tokens t, BiasLexicon lex, FindingSink out, FindingSink generalizations) {
    int n = t.count;
    int lexiconEnd = 0; // tokens before this index are covered by a lexicon match
    int[] hash = t.hash;
    int[] flags = t.flags;
    for (int i = 0; i < n; i++) {
      // A head matters alone (single-word entry, group term) or with the next token: a quarter of all
      // tokens are phrase heads such as "the" or "in", and a phrase grows past them only if the next
      // token may follow. Both filters (run by the tokenizer) say no for most tokens: no lookup.
      int f = flags[i];
      if ((f & (Tokens.MAY_ALONE | Tokens.MAY_PAIR)) == 0) {
        continue;
      }
      boolean pair = (f & Tokens.MAY_PAIR) != 0;
      BiasLexicon.Node node = lex.head(t.canon, t.cStart[i], t.len(i), hash[i]);
      if (node == null) {
        continue;
      }
      if (node.singular && i > 0 && !t.is(i, Tokens.HARD_BEFORE)
          && Generalizations.ARTICLE.contains(t.canon, t.cStart[i - 1], t.len(i - 1))) {
        emitGeneralization(text, t, i, i + 1, true, lex, generalizations);
      }
      if (node.maxGroup > 0) {
        group(text, t, i, node, pair, lex, generalizations);
      }
      if (i < lexiconEnd) {
        continue;
      }
      int end = -1;
      BiasLexicon.Entry entry = null;
      for (int len = 2; pair && len <= node.maxPhrase && i + len <= n && !t.is(i + len - 1, Tokens.HARD_BEFORE); len++) {
        int keyLen = t.gram(i, i + len);
        BiasLexicon.Entry e = lex.phrases.get(t.gram, 0, keyLen);
        if (e != null) {
          entry = e; // longest match wins: keep growing while a longer phrase may follow
          end = i + len;
        }
        if (!lex.prefixes.contains(t.gram, 0, keyLen)) {
          break;
        }
      }
      if (entry == null && node.single != null) {
        entry = node.single;
        end = i + 1;
      }
      if (entry == null) {
        continue;
      }
      if (entry.nominal() && nounFollows(t, end)) {
        continue; // "the elderly people": an adjective here, so the phrases inside it are still read
      }
      lexiconEnd = end;
      if (entry.allow() || suppressed(t, i, end, entry) || (entry.pronoun() && namedBefore(t, i))) {
        continue;
      }
      // one finding built with its suggestions (not Finding.of and a copy), on the span toOriginal made
      out.accept(new Finding(id(), entry.type(), text.toOriginal(t.oStart[i], t.oEnd[end - 1]), entry.score(),
          entry.note(), entry.suggestions(), Optional.empty()));
    }
  }

  private void group(AnalyzedText text, Tokens t, int i, BiasLexicon.Node node, boolean pair, BiasLexicon lex, FindingSink out) {
    int best = node.group != null ? i + 1 : -1;
    for (int len = 2; pair && len <= node.maxGroup && i + len <= t.count && !t.is(i + len - 1, Tokens.HARD_BEFORE); len++) {
      int keyLen = t.gram(i, i + len);
      if (lex.groups.containsKey(t.gram, 0, keyLen)) {
        best = i + len;
      }
      if (!lex.prefixes.contains(t.gram, 0, keyLen)) {
        break;
      }
    }
    if (best > 0) {
      emitGeneralization(text, t, i, best, false, lex, out);
    }
  }

  private void emitGeneralization(AnalyzedText text, Tokens t, int g, int gEnd, boolean singular, BiasLexicon lex, FindingSink out) {
    int end = Generalizations.match(t, g, gEnd, singular, lex);
    if (end < 0) {
      return;
    }
    int start = startsWithQuantifier(t, g) ? g - 1 : g;
    out.accept(new Finding(id(), STEREOTYPE_GENERALIZATION, text.toOriginal(t.oStart[start], t.oEnd[end - 1]),
        GENERALIZATION_SCORE, "Generalization that attributes a trait to a whole group; qualify it or cite evidence.",
        List.of(), Optional.empty()));
  }

  private static boolean startsWithQuantifier(Tokens t, int g) {
    return g > 0 && !t.is(g, Tokens.HARD_BEFORE) && (Generalizations.QUANT.contains(t.canon, t.cStart[g - 1], t.len(g - 1))
        || Generalizations.ARTICLE.contains(t.canon, t.cStart[g - 1], t.len(g - 1)));
  }

  /**
   * Quoted material; part of a hyphenated compound (bio-psycho-social); an acronym (GIMP); a
   * capitalized word inside a sentence or a run of capitalized words (titles and names: "Mad
   * Men", "the Psycho franchise"), unless the form is normally capitalized (Eskimo).
   */
  private static boolean suppressed(Tokens t, int start, int end, BiasLexicon.Entry entry) {
    if (t.is(start, Tokens.QUOTED)) {
      return true;
    }
    if (end - start == 1 && (t.is(start, Tokens.HYPHEN_BEFORE) || (end < t.count && t.is(end, Tokens.HYPHEN_BEFORE)))) {
      return true;
    }
    if (end - start == 1 && t.is(start, Tokens.UPPER) && !(start > 0 && t.is(start - 1, Tokens.UPPER))
        && !(end < t.count && t.is(end, Tokens.UPPER))) {
      return true;
    }
    boolean capMatch = false;
    for (int k = start; k < end; k++) {
      if (titleWord(t, k)) {
        if (!entry.proper() && !t.is(k, Tokens.SENT_START)) {
          return true; // a capitalized word inside a sentence: a name or a title
        }
        capMatch = true;
      }
    }
    if (!capMatch) {
      return false;
    }
    boolean nextCap = end < t.count && !t.is(end, Tokens.HARD_BEFORE) && titleWord(t, end);
    boolean prevCap = start > 0 && !t.is(start, Tokens.HARD_BEFORE) && !t.is(start, Tokens.SENT_START)
        && titleWord(t, start - 1) && !t.is(start - 1, Tokens.SENT_START);
    return nextCap || prevCap;
  }

  /** True if a content word follows token {@code end - 1} in the same clause. */
  private static boolean nounFollows(Tokens t, int end) {
    return end < t.count && !t.is(end, Tokens.HARD_BEFORE)
        && Character.isLetter(t.canon[t.cStart[end]])
        && !Generalizations.FUNCTION.contains(t.canon, t.cStart[end], t.len(end));
  }

  private static boolean titleWord(Tokens t, int k) {
    return t.is(k, Tokens.CAP) && !t.is(k, Tokens.UPPER);
  }

  /** True if a capitalized word that does not start a sentence (a name) precedes token {@code i}. */
  private static boolean namedBefore(Tokens t, int i) {
    for (int k = i - 1; k >= 0 && i - k <= NAME_LOOKBACK; k--) {
      if (t.is(k, Tokens.CAP) && !t.is(k, Tokens.SENT_START) && !(t.len(k) == 1 && t.canon[t.cStart[k]] == 'i')) {
        return true;
      }
    }
    return false;
  }

  private BiasLexicon lexicon() {
    BiasLexicon l = lexicon;
    if (l == null) {
      l = BiasLexicon.of(options);
      lexicon = l;
    }
    return l;
  }

  private static final class Types {
    static final Set<FindingType> ALL = all();

    private static Set<FindingType> all() {
      return TYPE_NAMES.stream().map(n -> FindingType.of(Category.BIAS, n)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
  }

  /** Configuration switches; {@link #DEFAULT} is what the no-arg constructor uses. */
  record Options(boolean roles, boolean pronouns, boolean coded, boolean generalizations, boolean model) {
    static final Options DEFAULT = new Options(false, false, false, true, true);
  }

  /**
   * Builds a {@link BiasDetector} with non-default switches. Not thread-safe; the built detector is
   * immutable and thread-safe.
   */
  public static final class Builder {
    private boolean roles;
    private boolean pronouns;
    private boolean coded;
    private boolean generalizations = true;
    private boolean model = true;

    private Builder() {}

    /**
     * Enables or disables the sentence-level stereotype model (on by default). With it off the
     * detector runs the lexicon and generalization rules only; with it on, a missing or corrupt
     * {@code stereotype-model.bin} fails {@link #build()} with a message naming the file.
     *
     * @param on whether to run the model
     * @return this builder
     */
    public Builder stereotypeModel(boolean on) {
      this.model = on;
      return this;
    }

    /**
     * Also flags gendered role nouns and word pairs (chairman, actress, waitress, mankind pairs).
     * Off by default: they are ordinary in biographies.
     *
     * @param on whether to flag them
     * @return this builder
     */
    public Builder genderedRoleNouns(boolean on) {
      this.roles = on;
      return this;
    }

    /**
     * Also flags gendered pronouns used generically (he, his, himself), except "he or she" pairs
     * and pronouns after a named person. Off by default.
     *
     * @param on whether to flag them
     * @return this builder
     */
    public Builder genderedPronouns(boolean on) {
      this.pronouns = on;
      return this;
    }

    /**
     * Also flags single gender-coded job-ad words (aggressive, dominant, nurturing). Off by default.
     *
     * @param on whether to flag them
     * @return this builder
     */
    public Builder genderCodedWording(boolean on) {
      this.coded = on;
      return this;
    }

    /**
     * Enables or disables the group-generalization rule and the stereotype model (on by default).
     *
     * @param on whether to report STEREOTYPE_GENERALIZATION findings
     * @return this builder
     */
    public Builder generalizations(boolean on) {
      this.generalizations = on;
      return this;
    }

    /**
     * Builds the detector; its lexicon compiles on first use.
     *
     * @return an immutable, thread-safe detector
     */
    public BiasDetector build() {
      return new BiasDetector(new Options(roles, pronouns, coded, generalizations, generalizations && model));
    }
  }
}
