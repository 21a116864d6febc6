package dev.guardrails.detectors.bias;

import dev.guardrails.Category;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingSink;
import dev.guardrails.FindingType;
import dev.guardrails.Span;
import dev.guardrails.text.AnalyzedText;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds biased phrasing: terms and phrases of the bias lexicon (gendered, ableist, ageist,
 * racial/ethnic, LGBTQ, religious, disability, socioeconomic, condescending and exclusionary
 * technical wording) with neutral suggestions, and generalizations about groups ("women are bad
 * at ...", "old people can't ...").
 *
 * <p>One linear pass over word tokens of the normalized text: each token is one hash lookup in a
 * Lucene {@code CharArrayMap}; phrases are checked only when a token starts one, longest match
 * first. Context suppressions keep neutral text quiet: quoted material, titles and proper names
 * (a match inside a run of capitalized words), allow-listed phrases ("he or she", "lame duck",
 * "Homo sapiens"), and gendered role nouns and pronouns, which are off by default because they
 * are ordinary in biographies. Findings have type {@code BIAS/<CATEGORY>}, a severity-based score
 * (low 0.35, medium 0.6, high 0.85; generalizations 0.75) and up to three suggestions; the first
 * is what {@link dev.guardrails.redact.Redactor#rewrite()} substitutes.
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
      "RELIGION", "DISABILITY", "SOCIOECONOMIC", "CONDESCENDING", "EXCLUSIONARY_TECH_TERM", "STEREOTYPE_GENERALIZATION");

  /** The type of group generalizations. */
  public static final FindingType STEREOTYPE_GENERALIZATION = FindingType.of(Category.BIAS, "STEREOTYPE_GENERALIZATION");

  private static final double GENERALIZATION_SCORE = 0.75;
  private static final int NAME_LOOKBACK = 40;
  private static final int SEGMENT = 16_384;
  private static final int SEGMENT_SLACK = 2_048;
  private static final ThreadLocal<Tokens> SCRATCH = ThreadLocal.withInitial(Tokens::new);

  private final Options options;
  private volatile BiasLexicon lexicon;

  /** Creates the detector with the default configuration; used by {@link java.util.ServiceLoader}. */
  public BiasDetector() {
    this(Options.DEFAULT);
  }

  private BiasDetector(Options options) {
    this.options = options;
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
    t.begin(text, lex);
    try {
      for (int from = 0; from < s.length(); ) {
        int to = segmentEnd(s, from);
        t.reset(s, from, to);
        scan(text, t, lex, out);
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

  private void scan(AnalyzedText text, Tokens t, BiasLexicon lex, FindingSink out) {
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
        emitGeneralization(text, t, i, i + 1, true, lex, out);
      }
      if (node.maxGroup > 0) {
        group(text, t, i, node, pair, lex, out);
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
      Span span = text.toOriginal(t.oStart[i], t.oEnd[end - 1]);
      out.accept(Finding.of(id(), entry.type(), span.start(), span.end(), entry.score(), entry.note())
          .withSuggestions(entry.suggestions()));
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
    Span span = text.toOriginal(t.oStart[start], t.oEnd[end - 1]);
    out.accept(Finding.of(id(), STEREOTYPE_GENERALIZATION, span.start(), span.end(), GENERALIZATION_SCORE,
        "Generalization that attributes a trait to a whole group; qualify it or cite evidence."));
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
  record Options(boolean roles, boolean pronouns, boolean coded, boolean generalizations) {
    static final Options DEFAULT = new Options(false, false, false, true);
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

    private Builder() {}

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
     * Enables or disables the group-generalization rule (on by default).
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
      return new BiasDetector(new Options(roles, pronouns, coded, generalizations));
    }
  }
}
