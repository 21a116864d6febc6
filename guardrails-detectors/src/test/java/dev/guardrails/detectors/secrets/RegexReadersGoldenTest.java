package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every regex reader's answer for every vendored rule, against a golden file written from the
 * readers as they stood before they shared one parse ({@code reader-golden.txt}): what
 * {@link RegexReach}, {@link RunTail}, {@link KeywordLed} and {@link RunFloor} read from each
 * rule's source, and what {@link GitleaksRules.Rule} made of it (its reach, whole-group, keyword-led,
 * fixed-length and run-tail facts). With {@code -Dsecparse.dump=DIR} it also writes its answers
 * to {@code DIR/rules.txt} (the golden file's form: a reader whose answers change on purpose
 * copies it over the golden file) and the same answers for mutated rule sources (cut, with a char
 * dropped or inserted; fixed seed) to {@code DIR/fuzz.txt}, for comparing two builds.
 */
class RegexReadersGoldenTest {

  private static final String[] TRIGGERS = {"-h", "-u", "kind:"};

  @Test
  void everyRuleReadsAsBefore() throws IOException {
    GitleaksRules g = GitleaksRules.defaults();
    StringBuilder out = new StringBuilder();
    for (GitleaksRules.Rule r : g.rules) {
      out.append(r.id).append('\t').append(answers(r.source, r.keywords)).append('\t')
          .append(r.reach).append(' ').append(r.whole).append(' ').append(r.led).append(' ').append(r.fixed)
          .append(' ').append(r.runTail == null ? "-" : r.runTail.pre + "," + r.runTail.post).append('\n');
    }
    String dir = System.getProperty("secparse.dump");
    if (dir != null) {
      Files.writeString(Path.of(dir, "rules.txt"), out);
      Files.writeString(Path.of(dir, "fuzz.txt"), fuzz(g));
    }
    String golden;
    try (InputStream in = getClass().getResourceAsStream("reader-golden.txt")) {
      golden = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(golden, out.toString());
  }

  private static String fuzz(GitleaksRules g) {
    Random rnd = new Random(15);
    String alphabet = "()[]{}|?*+\\-^$.:,0123456789aAzZkKsS_<>Pp!#xdwbBQ";
    StringBuilder out = new StringBuilder();
    for (GitleaksRules.Rule r : g.rules) {
      String s = r.source;
      List<String> variants = new ArrayList<>();
      for (int k = 0; k < 60; k++) {
        int a = rnd.nextInt(s.length() + 1);
        int b = a + rnd.nextInt(s.length() + 1 - a);
        String v;
        switch (k % 4) {
          case 0 -> v = s.substring(a, b);
          case 1 -> v = s.substring(0, a) + s.substring(Math.min(s.length(), a + 1));
          case 2 -> v = s.substring(0, a) + alphabet.charAt(rnd.nextInt(alphabet.length())) + s.substring(a);
          default -> v = s.substring(0, a) + alphabet.charAt(rnd.nextInt(alphabet.length()))
              + alphabet.charAt(rnd.nextInt(alphabet.length())) + s.substring(b);
        }
        variants.add(v);
      }
      for (String v : variants) {
        out.append(v).append('\t').append(answers(v, r.keywords)).append('\n');
      }
    }
    return out.toString();
  }

  /** Every reader's answer for one source, on one line. */
  private static String answers(String src, List<String> keywords) {
    StringBuilder b = new StringBuilder();
    int max = RegexReach.maxLength(src);
    b.append(max).append(' ');
    if (max != RegexReach.UNBOUNDED) {
      for (int len = Math.max(0, max - 1); len <= max + 1; len++) {
        b.append(RegexReach.fixedLength(src, len) ? 'F' : 'f');
      }
    }
    b.append(' ').append(RegexReach.holdsKeyword(src, keywords) ? 'H' : 'h');
    for (String t : TRIGGERS) {
      b.append(RegexReach.holdsKeyword(src, List.of(t)) ? 'T' : 't');
    }
    b.append(RegexReach.holdsKeyword(src, List.of(TRIGGERS)) ? 'A' : 'a');
    b.append(' ').append(RegexReach.wholeGroup(src) ? 'W' : 'w');
    b.append(' ').append(KeywordLed.test(src, keywords) ? 'L' : 'l');
    RunFloor.Floor f = RunFloor.of(src);
    b.append(' ').append(f.run()).append(',').append(f.end()).append(',').append(RunFloor.maxLength(src));
    RunTail t = RunTail.of(src);
    if (t == null) {
      b.append(" -");
    } else {
      b.append(' ').append(t.pre).append(',').append(t.post).append(',');
      long[] bits = new long[5];
      for (int c = 0; c <= 256; c++) {
        if (t.inRun((char) c)) {
          bits[c >> 6] |= 1L << (c & 63);
        }
      }
      for (long w : bits) {
        b.append(Long.toHexString(w)).append(':');
      }
    }
    return b.toString();
  }
}
