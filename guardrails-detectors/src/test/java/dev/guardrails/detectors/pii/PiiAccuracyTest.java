package dev.guardrails.detectors.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Guardrail;
import dev.guardrails.detectors.secrets.SecretDetector;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accuracy floors of issue 3 on Presidio's synthetic PII data, asserted for every type whose
 * detector is on the class path (so each floor starts to bind as soon as its detector lands), and
 * the per-type table printed.
 */
class PiiAccuracyTest {

  private static final Set<String> STRICT = Set.of("EMAIL_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS");

  private static PiiAccuracy.Report report;
  private static Set<String> present;

  @BeforeAll
  static void run() throws Exception {
    Guardrail guard = PiiAccuracy.allDetectors();
    List<PiiAccuracy.Sample> samples = PiiAccuracy.loadPresidio();
    present = PiiAccuracy.emittedTypes(guard);
    report = PiiAccuracy.run(guard, samples);
    System.out.println("PII accuracy on presidio-synth-v2.json (" + samples.size() + " texts)");
    System.out.print(report.table());
    String dump = System.getProperty("pii.dump");
    if (dump != null) {
      PiiAccuracy.dump(guard, samples, dump, Integer.getInteger("pii.dump.max", 60));
    }
  }

  @Test
  void strictTypesHavePrecisionAndRecallAtLeast95() {
    for (String t : STRICT) {
      if (present.contains(t)) {
        PiiAccuracy.Counts c = report.byType().get(t);
        assertTrue(c.precision() >= 0.95, t + " precision " + c.precision());
        assertTrue(c.recall() >= 0.95, t + " recall " + c.recall());
      }
    }
  }

  @Test
  void f1Floors() {
    Map<String, Double> floors = Map.of("PHONE_NUMBER", 0.85, "PERSON", 0.75, "STREET_ADDRESS", 0.6);
    floors.forEach((t, floor) -> {
      if (present.contains(t)) {
        double f1 = report.byType().get(t).f1();
        assertTrue(f1 >= floor, t + " F1 " + f1 + " < " + floor);
      }
    });
  }

  @Test
  void namesAndAddressesArePresent() {
    assertTrue(present.contains("PERSON") && present.contains("STREET_ADDRESS"), "detectors registered: " + present);
  }

  /**
   * BOLD's Wikipedia sentences each start from a real person's page, and most name that person:
   * the share of sentences with a PERSON finding is reported (a loose floor guards regressions).
   */
  @Test
  void personRateOnBoldWikipedia() throws Exception {
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(PiiAccuracy.datasets().resolve("bias/bold-neutral/bold_gender_wiki.json").toFile());
    Guardrail guard = Guardrail.builder().detector(new PersonDetector()).policy(dev.guardrails.Policy.reportOnly()).build();
    int sentences = 0;
    int withPerson = 0;
    for (com.fasterxml.jackson.databind.JsonNode group : root) {
      for (com.fasterxml.jackson.databind.JsonNode person : group) {
        for (com.fasterxml.jackson.databind.JsonNode sentence : person) {
          sentences++;
          if (!guard.check(sentence.asText(), dev.guardrails.CheckContext.empty()).findings().isEmpty()) {
            withPerson++;
          }
        }
      }
    }
    double rate = (double) withPerson / sentences;
    System.out.printf(java.util.Locale.ROOT, "BOLD gender wiki: PERSON in %d of %d sentences (%.3f)%n", withPerson, sentences, rate);
    assertTrue(rate >= 0.5, "PERSON rate on BOLD " + rate);
  }

  /**
   * Issue 3: no email, card, IBAN, SSN, IP or secret finding on any BOLD Wikipedia sentence (prose
   * full of years, page numbers and figures, and no personal data of those kinds).
   */
  @Test
  void patternEntitiesSilentOnBoldWikipedia() throws Exception {
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(PiiAccuracy.datasets().resolve("bias/bold-neutral/bold_gender_wiki.json").toFile());
    Guardrail guard = Guardrail.builder().detector(new PiiPatternDetector()).detector(new SecretDetector())
        .detector(new EmailDetector()).policy(dev.guardrails.Policy.reportOnly()).build();
    Set<String> strict = new java.util.HashSet<>(Set.of("EMAIL", "CREDIT_CARD", "IBAN", "US_SSN", "IP_ADDRESS"));
    countryIds().forEach(strict::add); // issue 15: no country-specific ID in prose without one
    java.util.List<String> hits = new java.util.ArrayList<>();
    int sentences = 0;
    for (com.fasterxml.jackson.databind.JsonNode group : root) {
      for (com.fasterxml.jackson.databind.JsonNode person : group) {
        for (com.fasterxml.jackson.databind.JsonNode sentence : person) {
          sentences++;
          String text = sentence.asText();
          for (dev.guardrails.Finding f : guard.check(text, dev.guardrails.CheckContext.empty()).findings()) {
            if (strict.contains(f.type().name()) || f.category() == dev.guardrails.Category.SECRET) {
              hits.add(f.type() + " in: " + text);
            }
          }
        }
      }
    }
    System.out.printf(java.util.Locale.ROOT, "BOLD gender wiki: %d pattern-entity findings in %d sentences%n", hits.size(), sentences);
    assertTrue(hits.isEmpty(), String.join("\n", hits));
  }

  /** Names of the country-specific ID types (issue 15). */
  static Set<String> countryIds() {
    Set<String> out = new java.util.TreeSet<>();
    NationalId.TYPES.forEach(t -> out.add(t.name()));
    IdTokens.TYPES.forEach(t -> out.add(t.name()));
    GermanIds.TYPES.forEach(t -> out.add(t.name())); // German types, part B
    return out;
  }

  /**
   * Issue 15: presidio-synth's 1,500 texts hold phones, cards, dates, street numbers, order and
   * account numbers but none of the country-specific IDs: none may be reported.
   */
  @Test
  void countryIdsSilentOnPresidioSynth() throws Exception {
    Guardrail guard = PiiAccuracy.allDetectors();
    Set<String> ids = countryIds();
    java.util.List<String> hits = new java.util.ArrayList<>();
    for (PiiAccuracy.Sample s : PiiAccuracy.loadPresidio()) {
      for (dev.guardrails.Finding f : guard.check(s.text(), dev.guardrails.CheckContext.empty()).findings()) {
        if (ids.contains(f.type().name())) {
          hits.add(f.type().name() + " in: " + s.text());
        }
      }
    }
    System.out.printf(java.util.Locale.ROOT, "presidio-synth: %d country-specific ID findings%n", hits.size());
    assertTrue(hits.isEmpty(), String.join("\n", hits));
  }

  /** Issue 14: PERSON F1 on presidio-synth at least 0.85. */
  @Test
  void personF1AtLeast85() {
    PiiAccuracy.Counts c = report.byType().get("PERSON");
    System.out.printf(java.util.Locale.ROOT, "PERSON P %.3f R %.3f F1 %.3f%n", c.precision(), c.recall(), c.f1());
    assertTrue(c.f1() >= 0.85, "PERSON F1 " + c.f1());
  }

  /** Issue 14: names in texts written without capitals ("i spoke with john miller") are found. */
  @Test
  void personRecallOnLowerCaseTexts() throws Exception {
    Guardrail guard = Guardrail.builder().detector(new PersonDetector()).policy(dev.guardrails.Policy.reportOnly()).build();
    int gold = 0;
    int found = 0;
    for (PiiAccuracy.Sample s : PiiAccuracy.loadPresidio()) {
      if (!s.text().equals(s.text().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      java.util.List<dev.guardrails.Finding> fs = guard.check(s.text(), dev.guardrails.CheckContext.empty()).findings();
      for (PiiAccuracy.Label l : s.labels()) {
        if (l.type().equals("PERSON")) {
          gold++;
          if (fs.stream().anyMatch(f -> f.start() < l.end() && l.start() < f.end())) {
            found++;
          }
        }
      }
    }
    double r = (double) found / gold;
    System.out.printf(java.util.Locale.ROOT, "PERSON recall on all-lower-case presidio texts: %d of %d (%.3f)%n", found, gold, r);
    assertTrue(r >= 0.6, "lower-case PERSON recall " + r);
  }

  @Test
  void macroPrecisionAtLeast90() {
    assertTrue(report.macroPrecision() >= 0.90, "macro precision " + report.macroPrecision());
  }
}
