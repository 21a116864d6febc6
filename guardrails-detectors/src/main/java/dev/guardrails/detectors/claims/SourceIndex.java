package dev.guardrails.detectors.claims;

import dev.guardrails.Source;
import dev.guardrails.text.Span;
import dev.guardrails.detectors.nlp.RuleSentences;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The grounding sources of one check, split into sentence passages and (above {@value #EXHAUSTIVE}
 * passages) indexed in memory with Lucene (BM25), plus what claim scoring needs beside retrieval: each passage's term ids, the set
 * of all terms and quantities in the sources.
 *
 * <p>Built once per distinct set of sources and cached by a SHA-256 of their ids and texts in the
 * {@link SourceIndexCache} of the detector that uses it (bounded by the chars it holds), so a
 * multi-turn chat over the same context does not re-index. Immutable after construction and
 * thread-safe ({@link IndexSearcher} is).
 */
final class SourceIndex {

  private static final String FIELD = "t";
  private static final int MAX_QUERY_TERMS = 64;
  /**
   * Up to this many passages, every passage that shares a term with a claim is scored directly:
   * exact, and cheaper than building a Lucene index and running a query per claim (tens of
   * microseconds each). Larger sources are indexed with Lucene and BM25 retrieves the candidates.
   */
  static final int EXHAUSTIVE = 256;

  /** One passage: a sentence of a source. */
  static final class Passage {
    final int source;
    final int start;
    final int end;
    final int[] ids;
    final byte[] kinds;

    Passage(int source, int start, int end, int[] ids, byte[] kinds) {
      this.source = source;
      this.start = start;
      this.end = end;
      this.ids = ids;
      this.kinds = kinds;
    }
  }

  final List<Source> sources;
  final Passage[] passages;
  private final Map<String, Integer> vocab;
  private final String[] terms;
  /** Per term id: a function word. */
  private final boolean[] isStop;
  /** Per term id: a negation word ({@link Lexicon#NEGATIONS}). */
  private final boolean[] isNegation;
  /** Per term id: a first-person pronoun. */
  private final boolean[] isFirstPerson;
  /** Per term id: mostly capitalized inside source sentences (a name), so a lower-cased claim still shows it. */
  private final boolean[] isName;
  /** The Lucene BM25 index, or null when the sources are small enough to score exhaustively. */
  private final IndexSearcher searcher;

  private SourceIndex(List<Source> sources) {
    this.origin = null;
    this.sources = List.copyOf(sources);
    Map<String, Integer> v = new HashMap<>();
    List<String> termList = new ArrayList<>();
    List<Passage> ps = new ArrayList<>();
    // Per term id: capitalized (+1) or lower-case (-1) occurrences not at a sentence start.
    List<int[]> caps = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int si = 0; si < sources.size(); si++) {
      String text = sources.get(si).text();
      for (Span sent : RuleSentences.split(text)) {
        Terms.Seq seq = Terms.tokenize(text, sent.start(), sent.end());
        if (seq.size() == 0) {
          continue;
        }
        int[] ids = new int[seq.size()];
        for (int i = 0; i < ids.length; i++) {
          String t = seq.terms[i];
          Integer id = v.get(t);
          if (id == null) {
            id = termList.size();
            v.put(t, id);
            termList.add(t);
            caps.add(new int[1]);
          }
          ids[i] = id;
          if (i > 0 && seq.kinds[i] == Terms.WORD) {
            caps.get(id)[0] += seq.capitalized[i] ? 1 : -1;
          }
        }
        ps.add(new Passage(si, sent.start(), sent.end(), ids, seq.kinds));
      }
    }
    this.vocab = Map.copyOf(v);
    this.terms = termList.toArray(new String[0]);
    this.passages = ps.toArray(new Passage[0]);
    this.searcher = passages.length > EXHAUSTIVE ? lucene(passages, terms) : null;
    this.isStop = new boolean[terms.length];
    this.isNegation = new boolean[terms.length];
    this.isFirstPerson = new boolean[terms.length];
    this.isName = new boolean[terms.length];
    for (int i = 0; i < terms.length; i++) {
      isName[i] = caps.get(i)[0] > 0 && !Lexicon.STOP.contains(terms[i]);
      isStop[i] = Lexicon.STOP.contains(terms[i]);
      isNegation[i] = Lexicon.NEGATIONS.contains(terms[i]);
      isFirstPerson[i] = ClaimFeatures.isFirstPerson(terms[i]);
    }
  }

  /** Indexes the passages in memory, one document per passage, in passage order. */
  private static IndexSearcher lucene(Passage[] passages, String[] terms) {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig cfg = new IndexWriterConfig(); // its analyzer is unused: fields come pre-tokenized
    cfg.setSimilarity(new BM25Similarity());
    cfg.setRAMBufferSizeMB(64);
    cfg.setMergePolicy(new LogByteSizeMergePolicy()); // merges adjacent segments: doc order is kept
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      StringBuilder field = new StringBuilder();
      for (Passage p : passages) {
        field.setLength(0);
        for (int id : p.ids) {
          field.append(terms[id]).append(' ');
        }
        Document d = new Document();
        d.add(new TextField(FIELD, new WhitespaceTokens(field.toString())));
        w.addDocument(d);
      }
      w.forceMerge(1);
      w.commit();
      IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
      searcher.setSimilarity(new BM25Similarity());
      searcher.setQueryCache(null); // every claim query is new: caching only costs
      return searcher;
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory source index could not be built", e);
    }
  }

  /** The list this view was looked up with (identity fast path); null for cached instances. */
  final List<Source> origin;

  private SourceIndex(SourceIndex base, List<Source> origin) {
    this.sources = base.sources;
    this.passages = base.passages;
    this.vocab = base.vocab;
    this.terms = base.terms;
    this.searcher = base.searcher;
    this.isStop = base.isStop;
    this.isNegation = base.isNegation;
    this.isFirstPerson = base.isFirstPerson;
    this.isName = base.isName;
    this.origin = origin;
  }

  SourceIndex withOrigin(List<Source> list) {
    return new SourceIndex(this, list);
  }

  /**
   * The tokens Lucene's {@code WhitespaceAnalyzer} would make of a string (runs of non-whitespace
   * code points, cut at {@value #MAX_TOKEN} chars), without pulling in lucene-analysis-common for
   * that one class.
   */
  static final class WhitespaceTokens extends TokenStream {
    static final int MAX_TOKEN = 255;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final String s;
    private int at;

    WhitespaceTokens(String s) {
      this.s = s;
    }

    @Override
    public boolean incrementToken() {
      clearAttributes();
      int n = s.length();
      while (at < n && Character.isWhitespace(s.codePointAt(at))) {
        at += Character.charCount(s.codePointAt(at));
      }
      if (at >= n) {
        return false;
      }
      int start = at;
      while (at < n && at - start < MAX_TOKEN) {
        int c = s.codePointAt(at);
        if (Character.isWhitespace(c)) {
          break;
        }
        at += Character.charCount(c);
      }
      term.setEmpty().append(s, start, at);
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      at = 0;
    }
  }

  /** Builds an index without a cache (benchmarks measure the build on its own). */
  static SourceIndex build(List<Source> sources) {
    return new SourceIndex(sources);
  }

  /**
   * The chars these sources hold (ids and texts): the index keeps the texts and a lower-cased copy
   * alive, and its term ids grow with them, so cache weights are a multiple of this.
   */
  static long chars(List<Source> sources) {
    long n = 0;
    for (Source s : sources) {
      n += s.id().length() + s.text().length();
    }
    return n;
  }

  static String key(List<Source> sources) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Source s : sources) {
        md.update(s.id().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(s.text().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 1);
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Returns the id of a term, or -1 when no source contains it. */
  int id(String term) {
    Integer id = vocab.get(term);
    return id == null ? -1 : id;
  }

  /** Returns the number of distinct terms in the sources (term ids are below it). */
  int vocabularySize() {
    return terms.length;
  }

  /** Whether the term of this id is a function word ({@link Lexicon#STOP}). */
  boolean isStop(int id) {
    return isStop[id];
  }

  /** Whether the term of this id is a negation word. */
  boolean isNegation(int id) {
    return isNegation[id];
  }

  /** Whether the term of this id is written capitalized inside source sentences (a name). */
  boolean isName(int id) {
    return id >= 0 && isName[id];
  }

  /** Number of passages. */
  int passageCount() {
    return passages.length;
  }

  /** Whether the passage holds a first-person pronoun ("I", "my", "we" ...). */
  boolean hasFirstPerson(Passage p) {
    for (int id : p.ids) {
      if (isFirstPerson[id]) {
        return true;
      }
    }
    return false;
  }

  /** Returns the term of an id. */
  String term(int id) {
    return terms[id];
  }

  /**
   * Returns the indexes of the best passages for these query terms, best first (BM25); empty
   * when the index has no Lucene part (see {@link #candidates}).
   *
   * @param query terms of the claim's content words (known to the sources)
   * @param k how many
   * @return passage indexes
   */
  int[] search(Set<String> query, int k) {
    if (query.isEmpty() || passages.length == 0 || searcher == null) {
      return new int[0];
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    for (String t : query) {
      if (n++ == MAX_QUERY_TERMS) {
        break;
      }
      b.add(new TermQuery(new Term(FIELD, t)), BooleanClause.Occur.SHOULD);
    }
    try {
      // Top-k pruning (block-max WAND): only the k best passages are needed, not a hit count.
      TopDocs top = searcher.search(b.build(), new TopScoreDocCollectorManager(k, null, k));
      int[] out = new int[top.scoreDocs.length];
      int i = 0;
      for (ScoreDoc sd : top.scoreDocs) {
        out[i++] = sd.doc; // one segment after forceMerge(1): doc ids are passage indexes
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory source search failed", e);
    }
  }

  /**
   * Returns the candidate passages for a claim: BM25's top {@code k} when the sources are large
   * enough to have a Lucene index, otherwise every passage that shares a content term with the
   * claim, in passage order (the caller ranks them by coverage).
   *
   * @param ids the claim's term ids, -1 for unknown terms
   * @param query the claim's content terms that some source holds
   * @param k how many BM25 hits
   * @return passage indexes
   */
  int[] candidates(int[] ids, Set<String> query, int k) {
    if (searcher != null) {
      return search(query, k);
    }
    boolean[] want = new boolean[terms.length];
    boolean any = false;
    for (int id : ids) {
      if (id >= 0 && !isStop[id]) {
        want[id] = true;
        any = true;
      }
    }
    if (!any) {
      return new int[0];
    }
    int[] out = new int[passages.length];
    int n = 0;
    for (int p = 0; p < passages.length; p++) {
      for (int x : passages[p].ids) {
        if (want[x]) {
          out[n++] = p;
          break;
        }
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Whether candidates come from a Lucene BM25 query (large sources) rather than an exhaustive scan. */
  boolean retrieves() {
    return searcher != null;
  }

  /** Returns the set of all term ids (for quick "does any source contain it" checks). */
  boolean contains(String term) {
    return vocab.containsKey(term);
  }

  static Set<String> newQuery() {
    return new HashSet<>();
  }
}
