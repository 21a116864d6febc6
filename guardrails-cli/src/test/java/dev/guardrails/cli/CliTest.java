package dev.guardrails.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's exit codes and its JSONL contract. Runs Main in-process with captured streams. */
class CliTest {

  @TempDir
  Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int code, String out, String err) {}

  private static synchronized Run run(byte[] stdin, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin));
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      System.setIn(oldIn);
    }
  }

  private static Run run(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  @Test
  void scansAFileAndRedactsPii() throws Exception {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "Mail me at jane.doe@example.com today.");
    Run r = run("", "scan", f.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("Verdict: REDACT"), r.out());
    assertTrue(r.out().contains("<EMAIL_1>"), r.out());
    assertFalse(r.out().contains("jane.doe@example.com"), r.out());
  }

  @Test
  void jsonlCarriesAttributesOfALinkedName() throws Exception {
    Run r = run("{\"text\": \"Please call Maria Gonzalez at maria.gonzalez@example.com today.\"}\n", "scan", "--jsonl");
    com.fasterxml.jackson.databind.JsonNode line = JSON.readTree(r.out().strip());
    boolean linked = false;
    for (com.fasterxml.jackson.databind.JsonNode f : line.get("findings")) {
      if (f.get("type").asText().equals("PERSON")) {
        linked = f.path("attributes").toString().contains("\"linked\"");
        assertEquals("REDACT", f.get("action").asText());
      }
    }
    assertTrue(linked, r.out());
    assertFalse(line.get("safeText").asText().contains("Maria"), r.out());
  }

  @Test
  void cleanTextExitsZero() {
    Run r = run("Nothing sensitive here.", "scan", "-");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Verdict: PASS"));
  }

  @Test
  void jsonOutputFollowsTheContract() throws Exception {
    Run r = run("Mail jane.doe@example.com", "scan", "--json");
    JsonNode o = JSON.readTree(r.out());
    assertEquals("REDACT", o.get("verdict").asText());
    assertEquals("Mail <EMAIL_1>", o.get("safeText").asText());
    JsonNode f = o.get("findings").get(0);
    assertEquals("PII", f.get("category").asText());
    assertEquals("EMAIL", f.get("type").asText());
    assertEquals(5, f.get("start").asInt());
    assertEquals(25, f.get("end").asInt());
    assertTrue(f.get("score").asDouble() > 0.5);
    assertTrue(f.get("suggestions").isArray());
    assertTrue(f.has("detector") && f.has("message"));
    assertTrue(o.get("timingsMicros").isObject());
  }

  @Test
  void jsonlGivesOneLinePerInputLineInOrderEvenWhenMalformed() throws Exception {
    byte[] bad = {'"', 'a', (byte) 0xC3, (byte) 0x28, '"', '\n'};
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write(String.join("\n",
        "{\"text\": \"Contact agent.smith@example.org\"}",
        "\"bare string\"",
        "{\"text\": \"me: jane@example.com\", \"userValues\": [\"jane@example.com\"], \"prompt\": \"p\", \"sources\": [\"s\"]}",
        "not json",
        "{\"prompt\": \"no text\"}",
        "",
        "[1, 2]",
        "{\"text\": \"ok\", \"sources\": [1]}").getBytes(StandardCharsets.UTF_8));
    in.write('\n');
    in.write(bad);
    in.write("{\"text\": \"last\"}\r\n".getBytes(StandardCharsets.UTF_8));
    Run r = run(in.toByteArray(), "scan", "--jsonl");
    String[] lines = r.out().split("\n", -1);
    assertEquals(11, lines.length, r.out()); // 10 lines + trailing newline
    assertEquals("REDACT", JSON.readTree(lines[0]).get("verdict").asText());
    assertEquals("PASS", JSON.readTree(lines[1]).get("verdict").asText());
    // the user's own email is an echo: found, allowed, kept; the sentence itself is an ungrounded
    // claim against the given source, so the line's verdict is FLAG
    JsonNode echo = JSON.readTree(lines[2]);
    assertEquals("me: jane@example.com", echo.get("safeText").asText(), "user's own email is an echo");
    boolean emailAllowed = false;
    for (JsonNode f : echo.get("findings")) {
      if (f.get("type").asText().equals("EMAIL")) {
        emailAllowed = f.get("action").asText().equals("ALLOW");
      }
      assertFalse(f.get("category").asText().equals("PII") && !f.get("action").asText().equals("ALLOW"), lines[2]);
    }
    assertTrue(emailAllowed, lines[2]);
    assertEquals("CLAIM", echo.get("findings").get(0).get("category").asText(), "claims grounded against the line's sources");
    for (int i : new int[] {3, 4, 5, 6, 7, 8}) {
      JsonNode e = JSON.readTree(lines[i]);
      assertTrue(e.has("error"), lines[i]);
      assertTrue(e.get("error").asText().startsWith("line " + (i + 1) + ":"), lines[i]);
    }
    assertEquals("PASS", JSON.readTree(lines[9]).get("verdict").asText());
    assertEquals("", lines[10]);
    assertEquals(Main.EX_DATAERR, r.code());
    assertFalse(r.out().contains("no text"), "errors never quote the input");
  }

  @Test
  void badInputGetsOneClearLineAndACode() throws Exception {
    Run missing = run("", "scan", dir.resolve("nope.txt").toString());
    assertEquals(Main.EX_NOINPUT, missing.code());
    assertTrue(missing.err().startsWith("guardrails: no such file:"), missing.err());
    assertEquals(1, missing.err().strip().lines().count());

    Path bin = dir.resolve("bin.txt");
    Files.write(bin, new byte[] {'a', (byte) 0xFF, 'b'});
    Run invalid = run("", "scan", bin.toString());
    assertEquals(Main.EX_DATAERR, invalid.code());
    assertTrue(invalid.err().contains("not valid UTF-8"), invalid.err());

    Run policy = run("x", "scan", "--policy", "nonsense");
    assertEquals(Main.EX_USAGE, policy.code());
    assertTrue(policy.err().contains("unknown policy 'nonsense'"), policy.err());

    Path badPolicy = dir.resolve("p.policy");
    Files.writeString(badPolicy, "PII = REDAKT\n");
    Run bp = run("x", "scan", "--policy", badPolicy.toString());
    assertEquals(Main.EX_USAGE, bp.code());
    assertEquals("guardrails: policy line 1: action must be ALLOW, FLAG, REDACT or BLOCK: REDAKT", bp.err().strip());

    Run usage = run("", "scan", "--bogus");
    assertEquals(Main.EX_USAGE, usage.code());
    Run both = run("", "scan", "--json", "--jsonl");
    assertEquals(Main.EX_USAGE, both.code());
    assertFalse((missing.err() + invalid.err() + policy.err() + usage.err()).contains("\tat "), "no stack traces");
  }

  @Test
  void policyFileAndBlockExitCode() throws Exception {
    Path p = dir.resolve("block.policy");
    Files.writeString(p, "PII = BLOCK\n");
    Run r = run("Mail jane.doe@example.com", "scan", "--policy", p.toString(), "--block-message", "[withheld]");
    assertEquals(2, r.code());
    assertTrue(r.out().contains("[withheld]"));
    assertFalse(r.out().contains("jane.doe@example.com"));
  }
}
