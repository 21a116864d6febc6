package dev.guardrails.detectors.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Finding;
import dev.guardrails.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The secret forms gitleaks' suite showed missing (issue 14, point 6), each row hand-written: key
 * names in camelCase or with the key word inside, assignment operators of many languages, XML
 * elements, command-line flags, PGP private key blocks; and documentation placeholders, which must
 * not be reported for any prefixed token kind.
 */
class SecretFormsTest {

  private static final String V = "q8Zt2LmX7vR4kP9wE3nB";

  private static List<Finding> detect(String text) {
    List<Finding> out = new ArrayList<>();
    new SecretDetector().detect(AnalyzedText.of(text), CheckContext.empty(), out::add);
    return out;
  }

  private static void assertCovers(String text, String value) {
    int at = text.indexOf(value);
    boolean hit = false;
    for (Finding f : detect(text)) {
      hit |= f.start() <= at && f.end() >= at + value.length();
    }
    assertTrue(hit, "value not covered in: " + text.replace(value, "<value>"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"clientSecret = \"%s\"", "accessToken: \"%s\"", "dbPassword=\"%s\"", "githubToken = '%s'",
      "privateKey: %s", "some_api_token_123 = \"%s\"", "creds = \"%s\"", "credentials: \"%s\"",
      "\"apiKey\" => \"%s\"", "API_TOKEN ?= %s", "secret_key ::= \"%s\"", "$authToken .= \"%s\";",
      "password := \"%s\"", "System.setProperty(\"db.password\", \"%s\");", "<password>%s</password>",
      "<clientSecret>\n  %s\n</clientSecret>", "mysql --password %s -h db", "tool --api-token %s"})
  void keyNamesAndAssignmentForms(String form) {
    assertCovers(String.format(form, V), V);
  }

  @Test
  void aMatchDoesNotRunFromOneBeginHeaderIntoTheNext() {
    // gitleaks' lazy body ends at the first "KEY-----": here the next block's header. Whole text and
    // the same text from its second header on must agree (a stream rescans from a later point).
    String second = "-----BEGIN RSA PRIVATE KEY-----\n(elided) see the docs.";
    String text = "-----BEGIN RSA PRIVATE KEY-----\n 4111 1111 1111 1111 caf\u00e9 and some words to pass sixty-four characters "
        + second;
    for (Finding f : detect(text)) {
      assertTrue(f.type() != SecretDetector.PRIVATE_KEY, "two headers taken as one key: " + f);
    }
    assertTrue(detect(second).stream().noneMatch(f -> f.type() == SecretDetector.PRIVATE_KEY));
  }

  @Test
  void proseAfterALoneHeaderIsNotAKey() {
    // Letters are base64 characters: 40+ of them in words used to pass for a truncated key body.
    String header = "-----BEGIN RSA PRIVATE KEY-----\n";
    for (String prose : List.of("Paste your own key here and keep the file readable only by you",
        "then your key lines follow here and end with the matching END line",
        "Never share this file with anyone because it grants full access to the server")) {
      List<Finding> fs = detect(header + prose);
      assertTrue(fs.stream().noneMatch(f -> f.type() == SecretDetector.PRIVATE_KEY), prose + " " + fs);
    }
    // a cut-off body (first two lines of the PGP block below) is still a key
    String cut = header + "lQWGBGSVV4YBDAClvRnxezIRy2Yv7SFlzC0iFiRF/O/jePSw+XYhvcrTaqSYTGic\n"
        + "ZmVnZXRpb24gaXMgbm90IGEga2V5IGJ1dCBpdCBsb29rcyBsaWtlIG9uZSB0b28K\n";
    assertTrue(detect(cut).stream().anyMatch(f -> f.type() == SecretDetector.PRIVATE_KEY), "truncated key");
  }

  @Test
  void pgpPrivateKeyBlock() {
    String block = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"
        + "lQWGBGSVV4YBDAClvRnxezIRy2Yv7SFlzC0iFiRF/O/jePSw+XYhvcrTaqSYTGic\n"
        + "ZmVnZXRpb24gaXMgbm90IGEga2V5IGJ1dCBpdCBsb29rcyBsaWtlIG9uZSB0b28K\n=8xQN\n"
        + "-----END PGP PRIVATE KEY BLOCK-----";
    List<Finding> fs = detect("key:\n" + block + "\n");
    assertEquals(1, fs.size(), "findings " + fs);
    assertEquals(SecretDetector.PRIVATE_KEY, fs.get(0).type());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "gho_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
      "github_pat_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "glpat-XXXXXXXXXXXXXXXXXXXX", "glpat-xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx", "AKIAIOSFODNN7EXAMPLE",
      "AKIAXXXXXXXXXXXXXXXX", "xoxp-1234567890", "xoxb-1234567890-1234567890-abcdefghijklmnopqrstuvwx",
      "xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ad", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
      "sk_live_1234567890abcdefghijklmn", "sk-proj-abcdefghijklmnopqrstuvwxyz1234567890ABCD",
      "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
      "npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void placeholdersAreNotReported(String placeholder) {
    for (String form : new String[] {"%s", "token = \"%s\"", "export GITHUB_TOKEN=%s", "Use your key, e.g. %s."}) {
      String text = String.format(form, placeholder);
      assertEquals(List.of(), detect(text), "placeholder reported in form " + form);
    }
  }
}
