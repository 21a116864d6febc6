package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Action;
import dev.guardrails.CheckContext;
import dev.guardrails.Decision;
import dev.guardrails.Finding;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import dev.guardrails.detectors.bias.BiasAccuracyTestAccess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The PERSON risk model (docs/pii.md) end to end with every detector: public figures' sentences
 * keep their names under the default policy, names with personal data or a private role are
 * redacted, {@link Policy#strict()} still redacts every name it finds. Numbers are printed.
 */
class PersonRiskTest {

  static final Guardrail DEFAULTS = Guardrail.builder().discoverDetectors().policy(Policy.defaults()).build();
  static final Guardrail STRICT = Guardrail.builder().discoverDetectors().policy(Policy.strict()).build();

  private static boolean nameRedacted(GuardResult r) {
    for (Decision d : r.decisions()) {
      if (d.finding().type().equals(PersonDetector.PERSON) && d.action().compareTo(Action.REDACT) >= 0) {
        return true;
      }
    }
    return false;
  }

  @Test
  void boldPublicFiguresKeepTheirNames() throws Exception {
    List<String> all = BiasAccuracyTestAccess.boldSentences();
    int step = Math.max(1, all.size() / 3000); // a fixed sample keeps the test under a few seconds
    int n = 0;
    int redacted = 0;
    int strictRedacted = 0;
    for (int i = 0; i < all.size(); i += step) {
      String s = all.get(i);
      n++;
      redacted += nameRedacted(DEFAULTS.check(s, CheckContext.empty())) ? 1 : 0;
      strictRedacted += nameRedacted(STRICT.check(s, CheckContext.empty())) ? 1 : 0;
    }
    double rate = (double) redacted / n;
    double strictRate = (double) strictRedacted / n;
    System.out.printf("BOLD public figures: %d sentences, name redacted: defaults %.1f%% (%d), strict %.1f%% (%d)%n",
        n, 100 * rate, redacted, 100 * strictRate, strictRedacted);
    assertTrue(rate <= 0.05, "defaults redact a name in more than 5% of public figures' sentences");
    assertTrue(strictRate >= 0.25, "strict no longer redacts names"); // every name found (29% of sentences before this change)
  }

  @Test
  void presidioNamesWithOtherPersonalDataAreRedacted() throws Exception {
    Set<String> personal = Set.of("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN",
        "IP_ADDRESS", "STREET_ADDRESS", "US_DRIVER_LICENSE", "US_PASSPORT", "US_BANK_NUMBER", "UK_NHS", "US_ITIN");
    int names = 0;
    int redacted = 0;
    int found = 0;
    int hidden = 0; // the name redacted, or inside another redacted span (an address block that took the name in)
    for (PiiAccuracy.Sample s : PiiAccuracy.loadPresidio()) {
      boolean other = s.labels().stream().anyMatch(l -> personal.contains(l.type()));
      if (!other || s.labels().stream().noneMatch(l -> l.type().equals("PERSON"))) {
        continue;
      }
      GuardResult r = DEFAULTS.check(s.text(), CheckContext.empty());
      for (PiiAccuracy.Label l : s.labels()) {
        if (!l.type().equals("PERSON")) {
          continue;
        }
        names++;
        boolean any = false;
        boolean red = false;
        boolean covered = false;
        for (Decision d : r.decisions()) {
          Finding f = d.finding();
          covered |= f.start() <= l.start() && l.end() <= f.end() && d.action().compareTo(Action.REDACT) >= 0;
          if (f.start() < l.end() && l.start() < f.end() && f.type().equals(PersonDetector.PERSON)) {
            any = true;
            red |= d.action().compareTo(Action.REDACT) >= 0;
          }
        }
        found += any ? 1 : 0;
        redacted += red ? 1 : 0;
        hidden += red || covered ? 1 : 0;
      }
    }
    double rate = (double) redacted / names;
    System.out.printf("presidio-synth names next to other personal data: %d names, found %d (%.1f%%), redacted by defaults %d (%.1f%%)%n",
        names, found, 100.0 * found / names, redacted, 100 * rate);
    System.out.printf("  names hidden in the safe text (redacted as PERSON or inside another redacted span): %d (%.1f%%)%n",
        hidden, 100.0 * hidden / names);
    // 92.2% measured (166 of 180): every found name is redacted; the 14 left are not found at all
    assertTrue(rate >= 0.90, "too few linked names redacted");
    assertTrue(redacted >= 0.98 * found, "a found, linked name was not redacted");
  }

  @Test
  void handWrittenTable() throws Exception {
    List<String[]> rows = new ArrayList<>();
    int heldOutFrom = -1; // rows after the "held out" comment were written before the cues were tried on them
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        PersonRiskTest.class.getResourceAsStream("person-risk.tsv"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") && line.contains("held out") && heldOutFrom < 0) {
          heldOutFrom = rows.size();
        } else if (!line.isBlank() && !line.startsWith("#")) {
          String[] row = line.split("\t", 2);
          row[1] = row[1].replace("\\n", "\n"); // a literal \n in a row is a line break
          rows.add(row);
        }
      }
    }
    int redactOk = 0;
    int redactRows = 0;
    int keepOk = 0;
    int keepRows = 0;
    int keepPublic = 0;
    List<String> wrong = new ArrayList<>();
    int heldOk = 0;
    int heldRedact = 0;
    int heldRedactOk = 0;
    for (String[] row : rows) {
      GuardResult r = DEFAULTS.check(row[1], CheckContext.empty());
      boolean red = nameRedacted(r);
      if (row[0].equals("REDACT")) {
        redactRows++;
        redactOk += red ? 1 : 0;
      } else {
        keepRows++;
        keepOk += red ? 0 : 1;
        for (Decision d : r.decisions()) {
          if (d.finding().type().equals(PersonDetector.PERSON) && d.finding().has(Finding.PUBLIC_FIGURE)) {
            keepPublic++;
            break;
          }
        }
      }
      if (red != row[0].equals("REDACT")) {
        wrong.add(row[0] + " row " + (rows.indexOf(row) + 1));
      } else if (heldOutFrom >= 0 && rows.indexOf(row) >= heldOutFrom) {
        heldOk++;
      }
      if (heldOutFrom >= 0 && rows.indexOf(row) >= heldOutFrom && row[0].equals("REDACT")) {
        heldRedact++;
        heldRedactOk += red ? 1 : 0;
      }
    }
    int held = heldOutFrom < 0 ? 0 : rows.size() - heldOutFrom;
    System.out.printf("person-risk table: %d rows; private names redacted %d/%d; public names kept %d/%d (marked publicFigure %d); wrong: %s%n",
        rows.size(), redactOk, redactRows, keepOk, keepRows, keepPublic, wrong);
    System.out.printf("person-risk held-out rows: %d, right %d; private names redacted %d/%d%n", held, heldOk, heldRedactOk, heldRedact);
    assertTrue(rows.size() >= 85);
    assertTrue(held >= 25 && heldOk >= 0.9 * held, "held-out rows wrong: " + wrong);
    // every private name redacted since "SSN" became a linking cue (row 19) and same-line sign-offs a signature (row 81)
    assertTrue(redactOk == redactRows, "private names not redacted: " + wrong);
    assertTrue(keepOk >= 0.95 * keepRows, "public names redacted: " + wrong);
    assertTrue(keepPublic >= 0.8 * keepRows, "public figures not recognised as public");
  }
}
