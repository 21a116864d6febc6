package dev.guardrails.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.detectors.claims.ClaimLanguageDetector;
import dev.guardrails.detectors.pii.PiiPatternDetector;
import dev.guardrails.detectors.secrets.SecretDetector;
import dev.guardrails.text.AnalyzedText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Golden dump of every finding of the pattern-like detectors ({@code pii.patterns} with and without
 * bare check-digit IDs, {@code claims.language} with no sources and with the row's source, {@code
 * secrets}): detector, type, span, score, sorted attributes and message, so a speed change can be
 * checked to leave the findings byte-identical: run it with the old jar and the new one and diff
 * the outputs. Sources: {@code datasets/pii/*.json}, the peer suites' texts, the claims data's
 * responses, the {@link ShortCorpus} answers, the 2 KB and 1 MB {@link Corpus} texts, and random
 * texts from fixed seeds (numbers in phone, card, ID, date and IP layouts, letter-digit tokens, cue
 * and context words, claim trigger words, secret prefixes, punctuation and non-ASCII chars). Prints
 * offsets and lengths, never the texts.
 *
 * <p>Run (compiled against a benchmarks jar, from the repository root):
 * {@code java -cp benchmarks.jar:classes dev.guardrails.benchmarks.PatternsGoldenDump out.tsv [randomTexts] [peerSuitesDir]}
 */
public final class PatternsGoldenDump {

  private PatternsGoldenDump() {}

  private static final Detector PATTERNS = new PiiPatternDetector();
  private static final Detector BARE = PiiPatternDetector.builder().bareCheckDigitIds(true).build();
  private static final Detector CLAIMS = new ClaimLanguageDetector();
  private static final Detector SECRETS = new SecretDetector();

  public static void main(String[] args) throws IOException {
    Path outFile = Path.of(args.length > 0 ? args[0] : "patterns-golden.tsv");
    int random = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path peer = Path.of(args.length > 2 ? args[2] : "../shared/data/peer-suites");
    ObjectMapper json = new ObjectMapper();
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(outFile, StandardCharsets.UTF_8))) {
      GoldenTexts.data(peer, (id, text) -> dump(out, id, text, null));
      List<Path> claims = new ArrayList<>();
      claims.add(Path.of("datasets/claims/frank-validation.jsonl"));
      try (var files = Files.walk(Path.of("datasets/claims/training"))) {
        files.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(claims::add);
      }
      for (Path f : claims) {
        int i = 0;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          JsonNode row = json.readTree(line);
          JsonNode source = row.get("source");
          dump(out, f.getFileName() + ":" + i++, row.get("response").asText(),
              source == null || source.isNull() ? null : source.asText());
        }
      }
      GoldenTexts.generated((id, text) -> dump(out, id, text, null));
      Random r = new Random(20261207L);
      for (int i = 0; i < random; i++) {
        dump(out, "random:" + i, text(r), i % 5 == 0 ? "Smith (2020) found 12.5% in https://example.org/a doi:10.1000/xyz" : null);
      }
    }
  }

  private static void dump(PrintWriter out, String id, String text, String source) {
    AnalyzedText a = AnalyzedText.of(text);
    CheckContext empty = CheckContext.empty();
    run(out, id, PATTERNS, a, empty, "");
    run(out, id, BARE, a, empty, "bare ");
    run(out, id, CLAIMS, a, empty, "");
    if (source != null) {
      run(out, id, CLAIMS, a, CheckContext.builder().source("s", source).build(), "sourced ");
    }
    run(out, id, SECRETS, a, empty, "");
  }

  private static void run(PrintWriter out, String id, Detector d, AnalyzedText a, CheckContext ctx, String tag) {
    List<Finding> found = new ArrayList<>();
    d.detect(a, ctx, found::add);
    for (Finding f : found) {
      PersonGoldenDump.print(out, id + '\t' + tag + d.id(), f);
    }
  }

  static final String[] PIECES = {
    "phone", "call", "tel:", "Tel.", "mobile", "fax", "number", "card", "credit card", "Visa", "SSN", "ssn:",
    "social security", "ITIN", "taxpayer", "SIN", "routing", "ABA", "bank", "passport", "Passport No.",
    "driver", "driver's license", "DL", "born", "born on", "DOB:", "date of birth", "birthday", "NHS",
    "patient", "Aadhaar", "IBAN", "NIE", "NIF", "NINO", "national insurance", "Steuer-ID", "Personalausweis",
    "Führerschein", "Reisepass", "PLZ", "HRB", "order", "invoice", "ISBN", "version", "ref", "ticket", "serial",
    "tracking", "model", "part", "case", "lot", "ip", "IP address", "MAC", "server", "wallet", "bitcoin", "ETH",
    "studies show", "experts agree", "research suggests", "according to", "scientists", "data", "evidence",
    "guaranteed", "100% safe", "always", "never fails", "no risk", "risk-free", "proven fact", "without a doubt",
    "percent", "%", "$", "€", "£", "USD", "dollars", "euros", "[1]", "[12]", "doi:10.1000/182", "https://",
    "http://user:pass@example.com/x", "www.example.org", "api_key", "password=", "secret:", "token",
    "AKIA", "ghp_", "sk-", "xoxb-", "-----BEGIN", "Bearer", "the", "a", "of", "and", "is", "was", "in", "to",
    "with", "for", "my", "your", "at", "on", "it", "Please", "Yes", "The", "I", "We", "you", ",", ".", ":", ";",
    "-", "/", "(", ")", "+", "#", "\"", "'", "\n", "\n\n", "\t", "  ", "Straße", "München", "é", "ü", "İ",
    "\u00a0", "\u2013", "\u2019", "李", "Иван", "١٢٣", "０１２", "\u200b", "@", "example.com", "e.g.", "No.",
    "Nr.", "#:", "x", "ext.", "Apt", "Suite", "Box", "St."
  };

  /** A random text of pieces, numbers in the layouts the scan reads, and letter-digit tokens. */
  static String text(Random r) {
    StringBuilder b = new StringBuilder();
    int words = 2 + r.nextInt(r.nextInt(10) == 0 ? 80 : 20);
    for (int w = 0; w < words; w++) {
      int k = r.nextInt(100);
      if (k < 45) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      } else if (k < 75) {
        number(b, r);
      } else if (k < 88) {
        token(b, r);
      } else if (k < 94) {
        b.append(r.nextInt(256)).append('.').append(r.nextInt(256)).append('.').append(r.nextInt(256)).append('.')
            .append(r.nextInt(r.nextBoolean() ? 256 : 400));
      } else {
        for (int g = 0, groups = 2 + r.nextInt(7); g < groups; g++) {
          if (g > 0) {
            b.append(":-.".charAt(r.nextInt(3)));
          }
          for (int j = 0, len = 1 + r.nextInt(4); j < len; j++) {
            b.append("0123456789abcdefABCDEF".charAt(r.nextInt(22)));
          }
        }
      }
      int sep = r.nextInt(20);
      b.append(sep < 13 ? " " : sep < 15 ? ", " : sep < 16 ? ". " : sep < 17 ? "\n" : sep < 18 ? "" : sep < 19 ? ": " : "-");
    }
    return b.toString();
  }

  private static void number(StringBuilder b, Random r) {
    int kind = r.nextInt(10);
    if (kind == 0) {
      b.append(r.nextBoolean() ? "+" : "+1 ");
    } else if (kind == 1) {
      b.append('(');
    }
    int groups = 1 + r.nextInt(5);
    for (int g = 0; g < groups; g++) {
      if (g > 0) {
        int sep = r.nextInt(8);
        b.append(sep < 3 ? " " : sep < 5 ? "-" : sep < 6 ? "." : sep < 7 ? "/" : ") ");
      }
      int len = 1 + r.nextInt(r.nextInt(3) == 0 ? 16 : 5);
      for (int j = 0; j < len; j++) {
        b.append((char) ('0' + r.nextInt(10)));
      }
    }
  }

  private static void token(StringBuilder b, Random r) {
    int len = 2 + r.nextInt(r.nextInt(4) == 0 ? 40 : 12);
    String alphabet = r.nextBoolean() ? "ABCDEFGHJKLMNPRSTWXYZ0123456789" : "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ123456789";
    for (int j = 0; j < len; j++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
  }
}
