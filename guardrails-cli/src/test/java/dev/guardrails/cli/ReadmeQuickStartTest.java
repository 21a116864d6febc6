package dev.guardrails.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run; and a check that the README still shows this code. */
class ReadmeQuickStartTest {

  private static String quickStart(String modelAnswer, String retrievedPassage, String userEmail, String fallbackMessage) {
    // --- begin README quick start ---
    Guardrail guard = Guardrail.builder()
        .discoverDetectors()                       // PII, bias and claims detectors on the class path
        .policy(Policy.defaults())                 // or Policy.strict(), Policy.lenient(), Policy.load(file)
        .build();                                  // immutable and thread-safe: build once, share
    CheckContext ctx = CheckContext.builder()
        .source("kb-1", retrievedPassage)          // what the answer should rest on (claims)
        .userValue(userEmail)                      // the user's own data is an echo, not a leak
        .build();
    GuardResult result = guard.check(modelAnswer, ctx);
    String shown = result.blocked() ? fallbackMessage : result.safeText();
    // --- end README quick start ---
    return shown;
  }

  @Test
  void quickStartRuns() {
    String shown = quickStart("Write to me@example.com or to boss@example.com.", "Support hours are 9 to 5.",
        "me@example.com", "Sorry, I can't share that.");
    assertTrue(shown.contains("me@example.com"), "the user's own email is an echo");
    assertFalse(shown.contains("boss@example.com"), "a new email is redacted");
  }

  @Test
  void readmeShowsTheSameCode() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("README.md"))) {
      root = root.getParent();
    }
    assertTrue(root != null, "README.md not found above " + Path.of("").toAbsolutePath());
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    int a = readme.indexOf("<!-- quickstart:start -->");
    int b = readme.indexOf("<!-- quickstart:end -->");
    assertTrue(a >= 0 && b > a, "README quick start markers");
    String block = readme.substring(a, b).replace("```java", "").replace("```", "").replace("<!-- quickstart:start -->", "");
    String test = Files.readString(root.resolve("guardrails-cli/src/test/java/dev/guardrails/cli/ReadmeQuickStartTest.java"), StandardCharsets.UTF_8);
    String body = test.substring(test.indexOf("// --- begin README quick start ---"), test.indexOf("// --- end README quick start ---"));
    assertEquals(normalize(block), normalize(body.replace("// --- begin README quick start ---", "")));
  }

  private static String normalize(String code) {
    return code.replaceAll("\\s+", " ").trim();
  }

  @Test
  void verdictNamesMatchTheContract() {
    assertEquals("PASS FLAG REDACT BLOCK", String.join(" ",
        java.util.Arrays.stream(Verdict.values()).map(Enum::name).toArray(String[]::new)));
  }
}
