package dev.guardrails.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guardrails bench} on the bundled {@code examples/answers.jsonl}, with a user detector
 * compiled into a separate directory at test time (not on the test class path): its id must appear
 * in the report, beside a built-in detector and the whole pipeline. Runs JMH in this JVM
 * ({@code --forks 0}, hidden option) with the shortest allowed time, so the numbers are not
 * asserted, only their presence and sanity.
 */
class BenchCommandTest {

  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private static synchronized Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** Compiles a detector with id {@code test.shouting} (flags all-caps words) into {@code out}. */
  private static void compileUserDetector(Path src, Path out, boolean registerMissingClass) throws Exception {
    Path java = src.resolve("acme/ShoutingDetector.java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, String.join("\n",
        "package acme;",
        "import dev.guardrails.*;",
        "import dev.guardrails.text.AnalyzedText;",
        "public final class ShoutingDetector implements Detector {",
        "  static final FindingType SHOUT = FindingType.of(Category.BIAS, \"SHOUTING\");",
        "  @Override public String id() { return \"test.shouting\"; }",
        "  @Override public java.util.Set<FindingType> types() { return java.util.Set.of(SHOUT); }",
        "  @Override public void detect(AnalyzedText text, CheckContext ctx, FindingSink out) {",
        "    String s = text.original(); int start = -1;",
        "    for (int i = 0; i <= s.length(); i++) {",
        "      boolean up = i < s.length() && Character.isUpperCase(s.charAt(i));",
        "      if (up && start < 0) start = i;",
        "      if (!up && start >= 0) { if (i - start >= 4) out.accept(Finding.of(id(), SHOUT, start, i, 0.4, \"shouting\")); start = -1; }",
        "    }",
        "  }",
        "}"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"), java.toString()));
    assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "the test detector compiles");
    Path services = out.resolve("META-INF/services/dev.guardrails.Detector");
    Files.createDirectories(services.getParent());
    Files.writeString(services, registerMissingClass ? "acme.NoSuchDetector\n" : "acme.ShoutingDetector\n");
  }

  @Test
  void reportsUserDetectorBuiltInAndPipeline() throws Exception {
    Path classes = dir.resolve("classes");
    compileUserDetector(dir.resolve("src"), classes, false);
    Run r = run("bench", "../examples/answers.jsonl", "--detectors", "test.shouting,pii.email",
        "--seconds", "2", "--forks", "0", "--json", "--classpath", classes.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertEquals(14, report.get("answers").asInt());
    List<String> ids = new ArrayList<>();
    for (JsonNode row : report.get("results")) {
      ids.add(row.get("detector").asText());
      double p50 = row.get("p50Micros").asDouble();
      double p99 = row.get("p99Micros").asDouble();
      assertTrue(p50 > 0 && p99 >= p50, "percentiles ordered: " + row);
      assertTrue(row.get("mbPerSecond").asDouble() > 0, "throughput: " + row);
    }
    assertEquals(List.of("test.shouting", "pii.email", "pipeline"), ids);
    assertTrue(r.err().contains("bench: [1/3] test.shouting"), "progress on stderr: " + r.err());
  }

  @Test
  void badInputGivesOneLineAndExitCode() throws Exception {
    Run unknown = run("bench", "../examples/answers.jsonl", "--detectors", "no.such", "--forks", "0");
    assertEquals(Main.EX_USAGE, unknown.code());
    assertTrue(unknown.err().startsWith("guardrails: unknown detector id 'no.such'"), unknown.err());
    assertEquals(1, unknown.err().lines().count());

    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"text\": \"ok\"}\n{\"text\": 42}\n");
    Run malformed = run("bench", bad.toString(), "--forks", "0");
    assertEquals(Main.EX_DATAERR, malformed.code());
    assertTrue(malformed.err().contains("line 2: field \"text\" must be a string"), malformed.err());

    Run missing = run("bench", dir.resolve("nope.jsonl").toString());
    assertEquals(Main.EX_NOINPUT, missing.code());

    Path broken = dir.resolve("broken");
    compileUserDetector(dir.resolve("src2"), broken, true);
    Run load = run("bench", "../examples/answers.jsonl", "--classpath", broken.toString(), "--forks", "0");
    assertEquals(Main.EX_USAGE, load.code());
    assertTrue(load.err().startsWith("guardrails: cannot load the detectors:"), load.err());

    Run seconds = run("bench", "../examples/answers.jsonl", "--seconds", "0");
    assertEquals(Main.EX_USAGE, seconds.code());
  }
}
