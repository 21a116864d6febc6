package dev.guardrails.detectors.nlp;

import dev.guardrails.Span;
import dev.guardrails.text.AnalysisKey;
import dev.guardrails.text.AnalyzedText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Shared English NLP analyses over the normalized view of an {@link AnalyzedText}, backed by the
 * Apache OpenNLP English UD-EWT models from Maven Central. Each analysis is an {@link AnalysisKey}:
 * it runs at most once per text, and only when a detector asks.
 *
 * <p>Models load once per JVM, lazily, on first use (about 350 ms for all three). OpenNLP's
 * {@code *ME} classes are not thread-safe, so each thread gets its own instance over the shared,
 * immutable model. Spans returned by these analyses index the NORMALIZED text; map them with
 * {@link AnalyzedText#toOriginal(int, int)}.
 *
 * <p>Thread-safe.
 */
public final class EnglishNlp {

  private EnglishNlp() {}

  /** Sentence spans over {@link AnalyzedText#normalized()}, in order, never empty unless the text is blank. */
  public static final AnalysisKey<List<Span>> SENTENCES = AnalysisKey.of("en.sentences", EnglishNlp::sentences);

  /**
   * Token spans over {@link AnalyzedText#normalized()}, per sentence of {@link #SENTENCES}:
   * {@code tokens.get(i)} are the tokens of sentence {@code i}.
   */
  public static final AnalysisKey<List<List<Span>>> TOKENS = AnalysisKey.of("en.tokens", EnglishNlp::tokens);

  /** Universal POS tags per token of {@link #TOKENS}, per sentence. */
  public static final AnalysisKey<List<List<String>>> POS = AnalysisKey.of("en.pos", EnglishNlp::pos);

  private static final class Models {
    static final SentenceModel SENT = load("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
    static final TokenizerModel TOK = load("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
  }

  private static final class PosModel {
    static final POSModel POS = load("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
  }

  private interface Loader<T> {
    T load(InputStream in) throws IOException;
  }

  private static <T> T load(String resource, Loader<T> loader) {
    try (InputStream in = EnglishNlp.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path; add the opennlp-models-*-en artifacts");
      }
      return loader.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("OpenNLP model " + resource + " could not be read", e);
    }
  }

  private static final ThreadLocal<SentenceDetectorME> SENT = ThreadLocal.withInitial(() -> new SentenceDetectorME(Models.SENT));
  private static final ThreadLocal<TokenizerME> TOK = ThreadLocal.withInitial(() -> new TokenizerME(Models.TOK));
  private static final ThreadLocal<POSTaggerME> TAG = ThreadLocal.withInitial(() -> new POSTaggerME(PosModel.POS));

  /** Loads the models now instead of on first use (e.g. at application start). */
  public static void preload() {
    SENT.get();
    TOK.get();
    TAG.get();
  }

  private static List<Span> sentences(AnalyzedText text) {
    String s = text.normalized();
    List<Span> out = new ArrayList<>();
    // Split paragraphs on line breaks first: the model does not see list items as sentences.
    int i = 0;
    int n = s.length();
    while (i < n) {
      int nl = s.indexOf('\n', i);
      int end = nl < 0 ? n : nl;
      if (end > i) {
        for (opennlp.tools.util.Span sp : SENT.get().sentPosDetect(maskLongRuns(s.substring(i, end)))) {
          int a = i + sp.getStart();
          int b = i + sp.getEnd();
          while (a < b && Character.isWhitespace(s.charAt(a))) {
            a++;
          }
          while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
            b--;
          }
          if (b > a) {
            out.add(new Span(a, b));
          }
        }
      }
      i = end + 1;
    }
    return List.copyOf(out);
  }

  /** Whitespace-free runs longer than this are opaque to the sentence model (URLs, base64, "....."). */
  static final int LONG_RUN = 100;

  /**
   * Returns the paragraph with every '.', '!' and '?' inside a whitespace-free run longer than
   * {@link #LONG_RUN} replaced by '_', except the run's last char (so "see example.com/long-path."
   * still ends a sentence). Same length, so offsets are unchanged. OpenNLP builds the context of
   * each candidate sentence end by scanning its whole whitespace-delimited token, which made
   * 100,000 dots (or "a.a.a....") take tens of seconds: quadratic in the run length.
   */
  static String maskLongRuns(String p) {
    char[] cs = null;
    int n = p.length();
    int i = 0;
    while (i < n) {
      if (Character.isWhitespace(p.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && !Character.isWhitespace(p.charAt(j))) {
        j++;
      }
      if (j - i > LONG_RUN) {
        for (int k = i; k < j - 1; k++) {
          char c = p.charAt(k);
          if (c == '.' || c == '!' || c == '?') {
            if (cs == null) {
              cs = p.toCharArray();
            }
            cs[k] = '_';
          }
        }
      }
      i = j;
    }
    return cs == null ? p : new String(cs);
  }

  private static List<List<Span>> tokens(AnalyzedText text) {
    String s = text.normalized();
    List<List<Span>> out = new ArrayList<>();
    for (Span sent : text.analysis(SENTENCES)) {
      List<Span> toks = new ArrayList<>();
      for (opennlp.tools.util.Span sp : TOK.get().tokenizePos(s.substring(sent.start(), sent.end()))) {
        toks.add(new Span(sent.start() + sp.getStart(), sent.start() + sp.getEnd()));
      }
      out.add(List.copyOf(toks));
    }
    return List.copyOf(out);
  }

  private static List<List<String>> pos(AnalyzedText text) {
    String s = text.normalized();
    List<List<String>> out = new ArrayList<>();
    for (List<Span> toks : text.analysis(TOKENS)) {
      String[] words = new String[toks.size()];
      for (int i = 0; i < words.length; i++) {
        words[i] = s.substring(toks.get(i).start(), toks.get(i).end());
      }
      out.add(List.of(TAG.get().tag(words)));
    }
    return List.copyOf(out);
  }
}
