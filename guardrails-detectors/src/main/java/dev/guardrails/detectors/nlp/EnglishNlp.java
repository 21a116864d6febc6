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

  /** Per-thread context generator of the model's factory (it keeps scratch buffers: not thread-safe). */
  private static final ThreadLocal<opennlp.tools.sentdetect.SDContextGenerator> CONTEXT =
      ThreadLocal.withInitial(() -> Models.SENT.getFactory().getSDContextGenerator());

  /**
   * The sentences of {@link #SENTENCES} over {@code s} that hold at least one of
   * {@code offsets[0, count)} (ascending offsets of non-whitespace chars), in order, each once:
   * the same spans, with the model asked only about the candidate ends around those offsets.
   *
   * <p>Why that is the same: the model ({@code SentenceDetectorME.sentPosDetect}) decides each
   * candidate end (the last '.', '!' or '?' of a whitespace-free token) from that candidate's own
   * context only, as this model has no abbreviation list ({@code isAcceptableBreak} is then always
   * true) and its other two conditions cannot hold for such candidates (a candidate before the last
   * sentence start, or right after the previous break), except that a candidate at the paragraph's
   * first char never breaks. A break at a candidate starts the next
   * sentence at the following token (the model ends sentences at token ends), and a sentence is the
   * trimmed text between two consecutive breaks. So the sentence holding offset {@code t} runs from
   * the last break at or before {@code t} to the first one after it: the candidates are asked,
   * nearest first, until one breaks on each side (not the one that closes the paragraph: the
   * sentence ends there either way). {@code EnglishNlpAroundTest} compares with the
   * model's whole-text result.
   *
   * @param s the normalized text
   * @param offsets offsets into {@code s}, ascending, each at a non-whitespace char
   * @param count how many of {@code offsets} to read
   * @return the sentence spans over {@code s} holding an offset, in order
   * @throws IllegalStateException when the OpenNLP model is not on the class path
   */
  public static List<Span> sentencesAround(String s, int[] offsets, int count) {
    List<Span> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    int k = 0;
    while (i < n && k < count) {
      int nl = s.indexOf('\n', i);
      int end = nl < 0 ? n : nl;
      int k0 = k;
      while (k < count && offsets[k] < end) {
        k++;
      }
      if (k > k0 && end > i) {
        if (oneSentenceEnd(s, i, end)) {
          addTrimmed(s, i, end, out);
        } else {
          modelAround(s, i, end, offsets, k0, k, out);
        }
      }
      i = end + 1;
    }
    return out;
  }

  /** {@link #sentencesAround} in the paragraph {@code s[from, to)}, for {@code offsets[k0, k1)}. */
  private static void modelAround(String s, int from, int to, int[] offsets, int k0, int k1, List<Span> out) {
    String p = maskLongRuns(s.substring(from, to));
    int len = p.length();
    char[] eos = Models.EOS;
    // the candidates the model is asked about: the last end char of each whitespace-free token
    int[] cand = new int[8];
    int m = 0;
    // the end chars in order, each found by String.indexOf (a vectorized search) instead of a test
    // of every char against every end char, which was about a tenth of the claims detector's time
    // on short answers; at[e] is the next occurrence of eos[e] not yet visited
    int[] at = new int[eos.length];
    for (int e = 0; e < eos.length; e++) {
      at[e] = p.indexOf(eos[e]);
    }
    while (true) {
      int j = len;
      for (int e = 0; e < eos.length; e++) {
        if (at[e] >= 0 && at[e] < j) {
          j = at[e];
        }
      }
      if (j >= len) {
        break;
      }
      for (int e = 0; e < eos.length; e++) {
        if (at[e] == j) {
          at[e] = p.indexOf(eos[e], j + 1);
        }
      }
      int ws = firstWhitespace(p, j + 1);
      int next = j + 1;
      while (next < ws && !isEos(p.charAt(next), eos)) {
        next++;
      }
      if (next < ws) {
        continue; // another end char before the token's end: only the last one is a candidate
      }
      if (m == cand.length) {
        cand = java.util.Arrays.copyOf(cand, m * 2);
      }
      cand[m++] = j;
    }
    byte[] decided = new byte[m]; // 0: not asked yet, 1: break, 2: no break
    opennlp.tools.sentdetect.SDContextGenerator context = CONTEXT.get();
    opennlp.tools.ml.model.MaxentModel model = Models.SENT.getMaxentModel();
    int lastStart = -1;
    for (int k = k0; k < k1; k++) {
      int t = offsets[k] - from;
      int start = 0;
      int end = len;
      int c = m - 1;
      while (c >= 0 && nextStart(p, cand[c]) > t) {
        c--;
      }
      for (int b = c; b >= 0; b--) {
        if (breaks(p, cand[b], decided, b, context, model)) {
          start = nextStart(p, cand[b]);
          break;
        }
      }
      for (int a = c + 1; a < m; a++) {
        int next = nextStart(p, cand[a]);
        if (next == len) {
          break; // only whitespace after this candidate's token: the sentence ends there, break or not
        }
        if (breaks(p, cand[a], decided, a, context, model)) {
          end = next;
          break;
        }
      }
      if (start == lastStart) {
        continue; // the previous offset's sentence
      }
      lastStart = start;
      // trimmed as the model trims (OpenNLP's whitespace, which holds the JDK's, so sentences()'s
      // second trim finds nothing left); masking keeps every char's whitespace class, so s reads as p
      addTrimmed(s, from + start, from + end, out);
    }
  }

  /** Whether the model breaks at candidate {@code c} (asked once, then remembered in {@code decided[i]}). */
  private static boolean breaks(String p, int c, byte[] decided, int i, opennlp.tools.sentdetect.SDContextGenerator context,
      opennlp.tools.ml.model.MaxentModel model) {
    if (decided[i] == 0 && c == 0) {
      decided[i] = 2; // the model records no break at the paragraph's first char (its break would end an empty sentence)
    } else if (decided[i] == 0) {
      double[] probs = model.eval(context.getContext(p, c));
      decided[i] = SentenceDetectorME.SPLIT.equals(model.getBestOutcome(probs)) ? (byte) 1 : (byte) 2;
    }
    return decided[i] == 1;
  }

  /** Where the model starts the next sentence after a break at {@code c}: the first non-whitespace after the token. */
  private static int nextStart(String p, int c) {
    int i = firstWhitespace(p, c + 1);
    while (i < p.length() && opennlp.tools.util.StringUtil.isWhitespace(p.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int firstWhitespace(String p, int i) {
    while (i < p.length() && !opennlp.tools.util.StringUtil.isWhitespace(p.charAt(i))) {
      i++;
    }
    return i;
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
