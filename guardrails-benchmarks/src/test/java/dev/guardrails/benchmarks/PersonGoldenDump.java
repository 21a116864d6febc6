package dev.guardrails.benchmarks;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.detectors.pii.PersonDetector;
import dev.guardrails.detectors.pii.StreetAddressDetector;
import dev.guardrails.text.AnalyzedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Golden dump of every PERSON and STREET_ADDRESS finding (type, span, score, sorted attributes,
 * message), so a speed change can be checked to leave the findings byte-identical: run it with the
 * old jar and the new one and diff the outputs. Sources: {@code datasets/pii/*.json}, the peer
 * suites' texts, the {@link ShortCorpus} answers, the 2 KB and 1 MB {@link Corpus} texts, and
 * random texts from fixed seeds (pieces of the name lexicons, English words, titles, cue and
 * risk phrases, street words, numbers, punctuation and non-ASCII letters). Prints offsets and
 * lengths, never the texts.
 *
 * <p>Run (compiled against a benchmarks jar):
 * {@code java -cp benchmarks.jar:classes dev.guardrails.benchmarks.PersonGoldenDump out.tsv [randomTexts] [peerSuitesDir]}
 */
public final class PersonGoldenDump {

  private PersonGoldenDump() {}

  private static final PersonDetector PERSON = new PersonDetector();
  private static final StreetAddressDetector ADDRESS = new StreetAddressDetector();

  public static void main(String[] args) throws IOException {
    Path outFile = Path.of(args.length > 0 ? args[0] : "person-golden.tsv");
    int random = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path peer = Path.of(args.length > 2 ? args[2] : "../shared/data/peer-suites");
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(outFile, StandardCharsets.UTF_8))) {
      GoldenTexts.data(peer, (id, text) -> dump(out, id, text));
      GoldenTexts.generated((id, text) -> dump(out, id, text));
      Random r = new Random(20261207L);
      Pieces p = new Pieces();
      for (int i = 0; i < random; i++) {
        dump(out, "random:" + i, p.text(r));
      }
    }
  }

  private static void dump(PrintWriter out, String id, String text) {
    List<Finding> found = new ArrayList<>();
    AnalyzedText a = AnalyzedText.of(text);
    ADDRESS.detect(a, CheckContext.empty(), found::add);
    PERSON.detect(a, CheckContext.empty(), found::add);
    for (Finding f : found) {
      print(out, id, f);
    }
  }

  /** One dump line: {@code prefix}, then the finding's type, span, score, attributes and message, tab-separated. */
  static void print(PrintWriter out, String prefix, Finding f) {
    out.print(prefix);
    out.print('\t');
    out.print(f.type());
    out.print('\t');
    out.print(f.span().start());
    out.print('\t');
    out.print(f.span().end());
    out.print('\t');
    out.print(f.score());
    out.print('\t');
    out.print(String.join(",", f.attributes()));
    out.print('\t');
    out.println(f.message());
  }

  /** Random texts from lexicon words and hand-picked pieces. */
  private static final class Pieces {
    final List<String> first = lines("names-first.txt");
    final List<String> last = lines("names-last.txt");
    final List<String> firstUs = lines("names-first-us.txt");
    final List<String> lastUs = lines("names-last-us.txt");
    final List<String> english = lines("english-words.txt");
    final List<String> nonNames = lines("person-nonnames.txt");
    final List<String> blockers = lines("person-blockers.txt");
    final List<String> streets = lines("street-suffixes.txt");
    final List<String> figures = lines("public-figures.txt");
    static final String[] PIECES = {
      "Mr.", "Mrs", "Dr.", "Dear", "Attn:", "my name is", "My name is", "contact", "Contact", "signed",
      "the customer", "patient", "my neighbour", "CEO of", "President", "was an American actor", "said",
      "says", "who", "lives on", "lives at", "Name:", "Email:", "Phone:", "born", "van", "de", "la", "von",
      "and", "or", ",", ".", "!", "?", "\n", "\n\n", ":", ";", "-", "'s", "\u2019s", "(", ")", "\"", "&",
      "LLC", "Inc.", "law firm", "the", "a", "with", "I", "I'm", "Thanks,", "Best regards,", "Hi", "Hello",
      "Yūna", "Saitō", "Kōno", "Sölvi", "Ørsted", "Zoë", "Seo-yeon", "Min-jun", "Park", "Kim", "Haruto",
      "Tanaka", "Wen-Hsiung", "Abdullah", "Popov", "Hosseinzadeh", "Ivanoŭ", "Nováková", "Weeks-Rivas",
      "john", "miller", "grace", "will", "i spoke with", "@", "example.com", "http://x.org/", "St.",
      "Street", "Ave", "Apt 4", "Suite 200", "PO Box 12", "corner of", "FPO", "New York", "Paris", "in",
      "moved to", "Ltd", "& Sons", "U.", "S.", "A.", "J.", "O'Brien", "McDonald", "D'Angelo", "al-", "bin",
      "Ελένη", "Иван", "李", "ß", "İ", "K", "\u017F", "\t", "  ", "|", "/", "Yesterday", "The", "Step", "You"
    };

    static List<String> lines(String name) {
      String res = "/dev/guardrails/detectors/pii/" + name;
      List<String> out = new ArrayList<>();
      try (InputStream in = PersonDetector.class.getResourceAsStream(res)) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          String t = l.strip();
          if (!t.isEmpty() && t.charAt(0) != '#') {
            out.add(t);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    }

    String text(Random r) {
      StringBuilder b = new StringBuilder();
      int words = 2 + r.nextInt(r.nextInt(10) == 0 ? 80 : 25);
      boolean lowerText = r.nextInt(8) == 0;
      for (int w = 0; w < words; w++) {
        String piece = piece(r);
        if (lowerText) {
          piece = piece.toLowerCase(java.util.Locale.ROOT);
        }
        b.append(piece);
        int sep = r.nextInt(20);
        b.append(sep < 14 ? " " : sep < 16 ? ", " : sep < 17 ? ". " : sep < 18 ? "\n" : sep < 19 ? "" : "-");
      }
      return b.toString();
    }

    private String piece(Random r) {
      int k = r.nextInt(100);
      if (k < 14) {
        return cap(pick(r, first), r);
      } else if (k < 26) {
        return cap(pick(r, last), r);
      } else if (k < 30) {
        return cap(pick(r, firstUs), r);
      } else if (k < 34) {
        return cap(pick(r, lastUs), r);
      } else if (k < 52) {
        String e = pick(r, english);
        return r.nextInt(3) == 0 ? cap(e, r) : e;
      } else if (k < 56) {
        return cap(pick(r, nonNames), r);
      } else if (k < 59) {
        return cap(pick(r, blockers), r);
      } else if (k < 62) {
        return cap(pick(r, streets), r);
      } else if (k < 64) {
        return pick(r, figures);
      } else if (k < 70) {
        return Integer.toString(r.nextInt(r.nextBoolean() ? 100 : 100_000));
      } else {
        return PIECES[r.nextInt(PIECES.length)];
      }
    }

    private static String pick(Random r, List<String> l) {
      return l.get(r.nextInt(l.size()));
    }

    private static String cap(String w, Random r) {
      if (w.isEmpty()) {
        return w;
      }
      int m = r.nextInt(20);
      if (m == 0) {
        return w.toUpperCase(java.util.Locale.ROOT);
      }
      if (m == 1) {
        return w;
      }
      return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
  }
}
