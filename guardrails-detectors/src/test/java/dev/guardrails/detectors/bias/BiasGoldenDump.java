package dev.guardrails.detectors.bias;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.text.AnalyzedText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A developer tool, not a test: dumps every finding of the default {@link BiasDetector} (and of a
 * configuration with every option on) over fixed inputs to one file per input set, so a speed change
 * can be diffed against the findings before it. Inputs: the bias test tables and the string literals
 * of the bias tests, every text of {@code datasets/bias} (BOLD gender and profession, the training
 * sets), presidio-synth, the benchmarks' generated 2 KB and 1 MB corpus, and 100,000 random texts from a fixed seed built from lexicon forms, their
 * inflections, group terms, traits, odd capitalization, punctuation and non-ASCII characters. A line starts with its
 * text's index in the set, except in the tables set, whose files grow with every new test: there it starts with a hash
 * of the text ({@link #textKey}), so a new literal adds lines without renumbering the others.
 *
 * <p>Usage (from the repository root): {@code java -cp <test classpath> dev.guardrails.detectors.bias.BiasGoldenDump OUTDIR}.
 */
public final class BiasGoldenDump {

  private BiasGoldenDump() {}

  /**
   * Writes the dump.
   *
   * @param args the output directory
   * @throws IOException if an input cannot be read or the output written
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    BiasDetector def = new BiasDetector();
    BiasDetector opts = BiasDetector.builder().genderedRoleNouns(true).genderedPronouns(true).genderCodedWording(true).build();
    BiasDetector rules = BiasDetector.builder().stereotypeModel(false).build();
    Map<String, List<String>> sets = new java.util.LinkedHashMap<>();
    sets.put("short", shortCorpus());
    sets.put("tables", tables());
    sets.put("datasets-bias", datasets());
    sets.put("presidio", presidio());
    sets.put("random", random(100_000));
    sets.put("corpus", corpus());
    for (Map.Entry<String, List<String>> set : sets.entrySet()) {
      try (BufferedWriter w = Files.newBufferedWriter(out.resolve(set.getKey() + ".txt"), StandardCharsets.UTF_8)) {
        List<String> texts = set.getValue();
        // the tables' texts come from files that grow: keyed by the text, so a new literal adds its own lines and
        // shifts no other (the fixed sets keep their index)
        boolean byText = set.getKey().equals("tables");
        for (int i = 0; i < texts.size(); i++) {
          String t = texts.get(i);
          String key = byText ? textKey(t) : Integer.toString(i);
          dump(w, key, "d", def, t);
          dump(w, key, "o", opts, t);
          if (!set.getKey().equals("random")) {
            dump(w, key, "r", rules, t);
          }
        }
      }
      System.out.println(set.getKey() + ": " + set.getValue().size() + " texts");
    }
  }

  /** A text's key in the tables' dump: 64-bit FNV-1a of its chars, in hex. */
  static String textKey(String text) {
    long h = 0xcbf29ce484222325L;
    for (int k = 0; k < text.length(); k++) {
      h = (h ^ text.charAt(k)) * 0x100000001b3L;
    }
    return String.format(Locale.ROOT, "%016x", h);
  }

  private static void dump(BufferedWriter w, String key, String cfg, BiasDetector d, String text) throws IOException {
    List<Finding> fs = new ArrayList<>();
    d.detect(AnalyzedText.of(text), CheckContext.empty(), fs::add);
    for (Finding f : fs) {
      w.write(String.format(Locale.ROOT, "%s %s %s %d %d %.6f %s %s %s %s%n", key, cfg, f.type(), f.start(), f.end(),
          f.score(), f.attributes(), f.message(), f.suggestions(), f.evidence().isPresent()));
    }
  }

  /** ShortCorpus of the benchmarks module, when its classes are on the class path. */
  @SuppressWarnings("unchecked")
  private static List<String> shortCorpus() {
    try {
      return (List<String>) Class.forName("dev.guardrails.benchmarks.ShortCorpus").getMethod("answers").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("put guardrails-benchmarks/target/classes on the class path", e);
    }
  }

  /** The benchmarks' generated corpus: 2 KB at each density and 1 MB typical, seed 42 (as BiasBenchmark reads it). */
  private static List<String> corpus() {
    try {
      Class<?> c = Class.forName("dev.guardrails.benchmarks.Corpus");
      Class<?> density = Class.forName("dev.guardrails.benchmarks.Corpus$Density");
      java.lang.reflect.Method gen = c.getMethod("generate", int.class, density, long.class);
      List<String> out = new ArrayList<>();
      for (Object d : density.getEnumConstants()) {
        out.add((String) gen.invoke(null, 2048, d, 42L));
      }
      out.add((String) gen.invoke(null, 1 << 20, Enum.valueOf(density.asSubclass(Enum.class), "TYPICAL"), 42L));
      return out;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("put guardrails-benchmarks/target/classes on the class path", e);
    }
  }

  private static List<String> tables() throws IOException {
    List<String> out = new ArrayList<>();
    Path res = Path.of("guardrails-detectors/src/test/resources/dev/guardrails/detectors/bias");
    try (var files = Files.list(res)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        for (String line : Files.readAllLines(p)) {
          out.add(line);
          for (String col : line.split("\t")) {
            out.add(col);
          }
        }
      }
    }
    Pattern lit = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    Path tests = Path.of("guardrails-detectors/src/test/java/dev/guardrails/detectors/bias");
    try (var files = Files.list(tests)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        if (p.getFileName().toString().startsWith("BiasGoldenDump") || p.getFileName().toString().startsWith("BiasSpeedProbe")) {
          continue; // the developer tools: their own literals are no test inputs
        }
        Matcher m = lit.matcher(Files.readString(p));
        while (m.find()) {
          out.add(m.group(1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\t", "\t"));
        }
      }
    }
    return out;
  }

  private static List<String> datasets() throws IOException {
    List<String> out = new ArrayList<>();
    ObjectMapper om = new ObjectMapper();
    for (String f : List.of("datasets/bias/bold-neutral/bold_gender_wiki.json", "datasets/bias/bold-neutral/bold_profession_wiki.json")) {
      JsonNode root = om.readTree(Path.of(f).toFile());
      collect(root, out);
    }
    try (var walk = Files.walk(Path.of("datasets/bias/training"))) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        String name = p.toString();
        if (name.endsWith(".jsonl")) {
          for (String line : Files.readAllLines(p)) {
            if (!line.isBlank()) {
              collect(om.readTree(line), out);
            }
          }
        } else if (name.endsWith(".csv")) {
          for (String line : Files.readAllLines(p)) {
            out.add(line.replace(',', ' '));
          }
        }
      }
    }
    return out;
  }

  /** Every string value of at least 12 chars. */
  private static void collect(JsonNode n, List<String> out) {
    if (n.isTextual()) {
      if (n.asText().length() >= 12) {
        out.add(n.asText());
      }
    } else {
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  private static List<String> presidio() throws IOException {
    List<String> out = new ArrayList<>();
    JsonNode root = new ObjectMapper().readTree(Path.of("datasets/pii/presidio-synth-v2.json").toFile());
    for (JsonNode n : root) {
      out.add(n.get("full_text").asText());
    }
    return out;
  }

  private static List<String> random(int count) {
    List<String> words = new ArrayList<>();
    for (BiasLexicon.Entry e : BiasLexicon.entries()) {
      for (String f : e.forms()) {
        words.add(f);
        for (String w : f.split(" ")) {
          words.add(w);
          words.add(Inflections.plural(w));
        }
      }
    }
    // sorted: Map.copyOf iterates in a per-JVM order
    words.addAll(BiasLexicon.Parsed.GROUPS.keySet().stream().map(k -> k.startsWith("@") ? k.substring(1) : k).sorted().toList());
    for (Object k : BiasLexicon.Parsed.TRAITS) {
      words.add(new String((char[]) k));
    }
    String[] glue = {"the", "a", "all", "every", "most", "are", "is", "always", "never", "can't", "should", "not",
        "some", "people", "men", "women", "who", "because", "she", "he", "they", "I", "my", "so", "like", "for", "of",
        "from", "with", "in", "lazy", "good", "bad", "at", "math", "tend", "to", "be", "known", "likely", "said", "that",
        "Mexico", "the United States", "people of", "being", "typical", "any", "each", "those", "has", "have", "no"};
    String[] punct = {" ", " ", " ", " ", " ", ", ", ". ", "? ", "! ", "\n", "\n\n", "-", "/", "; ", ": ", " \"", "\" ",
        " (", ") ", "'s ", "\u2019s ", " \u201C", "\u201D ", "\u2014", "...", " & ", "  "};
    String[] odd = {"\u00E9", "\u00DF", "\u0130", "\u0131", "\u00C9", "\u03A3", "\u0436", "\u200B", "\u00A0", "\uD83D\uDE00",
        "\uFF21", "\u212A", "\u00FC", "\u2019", "'", "0", "42"};
    SplittableRandom r = new SplittableRandom(20261207L);
    List<String> out = new ArrayList<>(count);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.setLength(0);
      int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 60 : 14);
      for (int j = 0; j < n; j++) {
        String w = r.nextInt(3) == 0 ? glue[r.nextInt(glue.length)] : words.get(r.nextInt(words.size()));
        switch (r.nextInt(12)) {
          case 0 -> w = w.toUpperCase(Locale.ROOT);
          case 1 -> w = w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
          case 2 -> {
            int p = w.isEmpty() ? 0 : r.nextInt(w.length() + 1);
            w = w.substring(0, p) + odd[r.nextInt(odd.length)] + w.substring(p);
          }
          case 3 -> w = w + (r.nextBoolean() ? "s" : "ed");
          default -> { }
        }
        sb.append(w);
        sb.append(j + 1 < n ? punct[r.nextInt(punct.length)] : r.nextBoolean() ? "." : "");
      }
      out.add(sb.toString());
    }
    return out;
  }
}
