package dev.guardrails.detectors.nlp;

import dev.guardrails.text.Span;
import dev.guardrails.text.AnalysisKey;
import dev.guardrails.text.AnalyzedText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * Shared English sentence analysis over the normalized view of an {@link AnalyzedText}, backed by
 * the Apache OpenNLP English UD-EWT sentence model from Maven Central. The analysis is an
 * {@link AnalysisKey}: it runs at most once per text, and only when a detector asks. (Token and POS
 * analyses were dropped: no detector used them; detectors tokenize with their own linear scanners.)
 *
 * <p>The model loads once per JVM, lazily, on first use. OpenNLP's {@code SentenceDetectorME} is
 * not thread-safe, so each thread gets its own instance over the shared, immutable model. Spans
 * returned by the analysis index the NORMALIZED text; map them with
 * {@link AnalyzedText#toOriginal(int, int)}.
 *
 * <p>Thread-safe.
 */
public final class EnglishNlp {

  private EnglishNlp() {}

  /** Sentence spans over {@link AnalyzedText#normalized()}, in order, never empty unless the text is blank. */
  public static final AnalysisKey<List<Span>> SENTENCES = AnalysisKey.of("en.sentences", EnglishNlp::sentences);

  private static final class Models {
    static final SentenceModel SENT = load("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
    /** The chars the model may end a sentence at ('.', '!', '?'): its candidate sentence ends. */
    static final char[] EOS = SENT.getEosCharacters().clone();
  }

  private interface Loader<T> {
    T load(InputStream in) throws IOException;
  }

  private static <T> T load(String resource, Loader<T> loader) {
    // Through the class loader, not Class.getResourceAsStream: in a named module the latter looks in
    // this module only, and the model sits at the top of its own jar (the same lookup on the class path).
    ClassLoader cl = EnglishNlp.class.getClassLoader();
    try (InputStream in = cl == null ? null : cl.getResourceAsStream(resource.substring(1))) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path; add the opennlp-models-*-en artifacts");
      }
      return loader.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("OpenNLP model " + resource + " could not be read", e);
    }
  }

  private static final ThreadLocal<SentenceDetectorME> SENT = ThreadLocal.withInitial(() -> new SentenceDetectorME(Models.SENT));

  /** Loads the model now instead of on first use (e.g. at application start). */
  public static void preload() {
    SENT.get();
  }

  private static List<Span> sentences(AnalyzedText text) {
    return sentences(text.normalized(), true);
  }

  /**
   * The sentence spans of {@code s}; {@code oneSentenceShortcut} false asks the model about every
   * paragraph (for tests: {@link #oneSentenceEnd} must change nothing).
   */
  static List<Span> sentences(String s, boolean oneSentenceShortcut) {
    List<Span> out = new ArrayList<>();
    // Split paragraphs on line breaks first: the model does not see list items as sentences.
    int i = 0;
    int n = s.length();
    while (i < n) {
      int nl = s.indexOf('\n', i);
      int end = nl < 0 ? n : nl;
      if (end > i && oneSentenceShortcut && oneSentenceEnd(s, i, end)) {
        addTrimmed(s, i, end, out);
      } else if (end > i) {
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

  /**
   * True when the paragraph {@code s[from, to)} holds no candidate sentence end (a char of the
   * model's {@link Models#EOS}) except in the run of such chars that ends its last non-whitespace
   * char ("It works.", "Really?!"). The model then returns the whole paragraph, trimmed, as one
   * sentence whatever it decides: with no candidate it has no end to choose; at a final run it
   * weighs only the run's last char, and a sentence ending there leaves only whitespace after it.
   * So the model need not run (its context features cost tens of microseconds per paragraph);
   * {@code EnglishNlpShortcutTest} compares with the model on every paragraph. Loads the model on
   * first use, like the model path, so a missing model fails the same way.
   */
  static boolean oneSentenceEnd(String s, int from, int to) {
    char[] eos = Models.EOS;
    int last = to - 1;
    while (last >= from && opennlp.tools.util.StringUtil.isWhitespace(s.charAt(last))) {
      last--;
    }
    while (last >= from && isEos(s.charAt(last), eos)) {
      last--;
    }
    for (int k = from; k <= last; k++) {
      if (isEos(s.charAt(k), eos)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEos(char c, char[] eos) {
    for (char e : eos) {
      if (c == e) {
        return true;
      }
    }
    return false;
  }

  /** Adds {@code s[a, b)} trimmed as the model's spans are (OpenNLP's whitespace, then the JDK's), if not empty. */
  private static void addTrimmed(String s, int a, int b, List<Span> out) {
    while (a < b && (opennlp.tools.util.StringUtil.isWhitespace(s.charAt(a)) || Character.isWhitespace(s.charAt(a)))) {
      a++;
    }
    while (b > a && (opennlp.tools.util.StringUtil.isWhitespace(s.charAt(b - 1)) || Character.isWhitespace(s.charAt(b - 1)))) {
      b--;
    }
    if (b > a) {
      out.add(new Span(a, b));
    }
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
    int n = p.length();
    // a whitespace-free run longer than LONG_RUN needs a stretch of that many chars with no ' ' in
    // it: jump from space to space (the last one within reach), and only such a stretch is scanned
    int from = 0;
    while (n - from > LONG_RUN) {
      int sp = p.lastIndexOf(' ', from + LONG_RUN);
      if (sp < from) {
        return maskLongRunsFrom(p, from);
      }
      from = sp + 1;
    }
    return p;
  }

  /** {@link #maskLongRuns} from {@code i}, a run start or whitespace: every run read char by char. */
  private static String maskLongRunsFrom(String p, int i) {
    char[] cs = null;
    int n = p.length();
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
}
