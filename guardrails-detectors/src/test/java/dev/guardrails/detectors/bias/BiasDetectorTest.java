package dev.guardrails.detectors.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.GuardResult;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import dev.guardrails.testing.DetectorContract;

class BiasDetectorTest extends DetectorContract {

  private static final Detector DETECTOR = new BiasDetector();

  @Override
  protected Detector detector() {
    return DETECTOR;
  }

  @Override
  protected List<String> samples() {
    return List.of(
        "We need more manpower; can you man the booth?",
        "Add the host to the whitelist and push to the master branch.",
        "Women are bad at math, he never said.",
        "The Kids Are Alright is a film. \"That is crazy\", she said.",
        "Ob\u200Bviously you people never read the docs.",
        "Chairman Mao met the actress in 1950.");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "We need more manpower on site.|manpower|GENDERED|workforce",
      "Who is manning the booth today?|manning the booth|GENDERED|staff the booth",
      "The chairmen met. That's a crazy idea.|crazy idea|ABLEIST|wild idea",
      "Add it to the whitelist now.|whitelist|EXCLUSIONARY_TECH_TERM|blocklist",
      "Configure the master-slave replication.|master-slave|EXCLUSIONARY_TECH_TERM|primary/replica",
      "My neighbor is getting senile.|senile|AGEIST|person with dementia",
      "He has been wheelchair bound for years.|wheelchair bound|DISABILITY|wheelchair user",
      "Women are bad at math.|Women are bad|STEREOTYPE_GENERALIZATION|",
      "All immigrants are criminals.|All immigrants are criminals|STEREOTYPE_GENERALIZATION|",
      "Old people can't use phones.|Old people can't|STEREOTYPE_GENERALIZATION|",
      "The elderly people in the home need care.|elderly people|AGEIST|older people",
      "We hired the elderly man last week.|elderly man|AGEIST|older people",
  })
  void findsBiasWithSpanAndSuggestion(String text, String span, String type, String suggestion) {
    List<Finding> found = run(text);
    Finding f = found.stream().filter(x -> x.type().name().equals(type)).findFirst().orElseThrow(() -> new AssertionError(type));
    assertEquals(span, text.substring(f.start(), f.end()));
    if (suggestion != null) {
      assertEquals(suggestion, f.suggestions().get(0));
    }
    assertTrue(f.suggestions().size() <= 3);
    assertFalse(f.message().isBlank());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Each user should update his or her password.",
      "She starred in The Kids Are Alright and Bad Girls.",
      "He played in the series Mad Men for four seasons.",
      "The actress and the waitress met the chair.",
      "Some women are bad at chess, like some men.",
      "It is a myth that women are bad at math.",
      "He said that immigrants are lazy, which is false.",
      "Are women bad drivers?",
      "Not all men are violent.",
      "\"Women are weak\" was the slogan of the villain.",
      "The lame duck session ended. Homo sapiens evolved in Africa.",
      "Psychiatrists use a bio-psycho-social model.",
      "Modern web graphics can be made with the GIMP.",
      "The women in the team were tired after the match.",
      "Indigenous Australians never developed pottery.",
      "The blind angel appears in the film.",
      "Older adults should get a flu shot every year.",
      "Women are often underrepresented in engineering.",
      "Men are more likely to be colorblind than women.",
      "In 1900 women could not vote in most countries.",
      // a good or a need lacked is a circumstance, not a trait
      "Immigrants lack access to legal advice.",
      "Rural residents lack reliable broadband.",
      "Refugees lack the documents needed to work.",
      // the speaker's own story: the group is an object, nothing is said about what it is like
      "I started dating women in college.",
      "All my life I have felt different from other women.",
  })
  void neutralTextIsQuiet(String text) {
    assertEquals(List.of(), run(text).stream().map(f -> f.type() + "@" + f.start()).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Immigrants lack discipline.",
      "Old people lack patience.",
      "Immigrants lack any respect for our laws.",
  })
  void aQualityLackedIsStillAStereotype(String text) {
    assertTrue(run(text).stream().anyMatch(f -> f.type().name().startsWith("STEREOTYPE")), text);
  }

  @Test
  void genderedJobTitlesWithANeutralTitleAreFlaggedLow() {
    String text = "Ask the stewardess for water and tell the policeman.";
    List<Finding> found = run(text);
    assertTrue(found.stream().anyMatch(f -> text.substring(f.start(), f.end()).equals("stewardess")
        && f.suggestions().get(0).equals("flight attendant") && f.score() < 0.5), "stewardess");
    assertTrue(found.stream().anyMatch(f -> text.substring(f.start(), f.end()).equals("policeman")
        && f.suggestions().get(0).equals("police officer")), "policeman");
  }

  @Test
  void genderedRoleNounsAndPronounsAreOptIn() {
    Detector on = BiasDetector.builder().genderedRoleNouns(true).genderedPronouns(true).build();
    String text = "Ask the actress; every developer should know his tools.";
    assertTrue(run(text).isEmpty());
    List<Finding> found = findings(on, text);
    assertTrue(found.stream().anyMatch(f -> text.substring(f.start(), f.end()).equals("actress")), "actress");
    assertTrue(found.stream().anyMatch(f -> text.substring(f.start(), f.end()).equals("his")), "his");
    assertTrue(findings(on, "Each user should update his or her password.").isEmpty(), "he or she pairs stay quiet");
    assertTrue(findings(on, "Marie Curie said she loved her lab.").isEmpty(), "pronoun of a named person");
    assertTrue(findings(BiasDetector.builder().generalizations(false).build(), "Women are bad at math.").isEmpty());
  }

  @Test
  void everyKeptRetextPatternFires() {
    BiasDetector.Options defaults = BiasDetector.Options.DEFAULT;
    int checked = 0;
    List<String> silent = new ArrayList<>();
    for (BiasLexicon.Entry e : BiasLexicon.entries()) {
      if (!e.source().startsWith("retext:") || !e.enabled(defaults) || e.allow()) {
        continue;
      }
      for (String form : e.forms()) {
        String text = "They said " + form + " yesterday.";
        checked++;
        if (run(text).isEmpty()) {
          silent.add(form);
        }
      }
    }
    assertTrue(checked > 250, "retext patterns kept: " + checked);
    assertEquals(List.of(), silent, "kept retext patterns that do not fire");
  }

  @Test
  void strictPolicyRewritesWithFirstSuggestionPreservingCase() {
    Guardrail g = Guardrail.builder().detector(new BiasDetector()).policy(Policy.strict()).build();
    GuardResult r = g.check("Manpower is short, so please man the booth. Obviously.", CheckContext.empty());
    assertEquals("Workforce is short, so please staff the booth. Obviously.", r.safeText());
  }

  @Test
  void scoresFollowSeverity() {
    double low = run("Obviously.").get(0).score();
    double medium = run("We need manpower.").get(0).score();
    double high = run("What a retard.").get(0).score();
    assertTrue(low < 0.5 && medium >= 0.5 && high > medium, low + " " + medium + " " + high);
  }

  @Test
  void longTextIsScannedInSegmentsWithoutLosingMatches() {
    StringBuilder b = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; b.length() < 200_000; i++) {
      b.append("The weather was fine and the team shipped the release on time. ");
      if (i % 97 == 0) {
        starts.add(b.length() + "We need more ".length());
        b.append("We need more manpower on the night shift. ");
      }
      if (i % 13 == 0) {
        b.append("A line without a full stop\n");
      }
    }
    String text = b.toString();
    List<Finding> found = run(text);
    assertEquals(starts, found.stream().map(Finding::start).toList());
    found.forEach(f -> assertEquals("manpower", text.substring(f.start(), f.end())));
  }

  @Test
  void generalizationsReadNoFurtherThanTheWindow() {
    // a hedge word or a '?' separated from the claim by one very long token, beyond the declared
    // window: the whole text and the text cut one window before the claim must agree (streaming
    // re-checks see only the window; found by the stream fuzzer)
    String filler = "x".repeat(1500);
    String[] texts = {
        "Some claimed " + filler + " and women are bad at math.",
        "Women are bad at math " + filler + " right?",
        "Women are bad at math, " + filler + " a myth."};
    for (String text : texts) {
      int claim = text.toLowerCase(java.util.Locale.ROOT).indexOf("women");
      int from = Math.max(0, claim - DETECTOR.window());
      int to = Math.min(text.length(), claim + DETECTOR.window());
      List<Finding> whole = findings(DETECTOR, text).stream()
          .filter(f -> f.start() >= claim && f.start() < claim + 30).toList();
      List<Finding> cut = findings(DETECTOR, text.substring(from, to)).stream()
          .filter(f -> f.start() + from >= claim && f.start() + from < claim + 30).toList();
      assertEquals(whole.size(), cut.size(), "findings at the claim differ between the text and its window: " + text.length());
      assertEquals(1, whole.size(), "the claim is flagged: nothing within the window hedges it: " + text.substring(0, 25));
    }
  }

  private static List<Finding> findings(Detector d, String text) {
    return BiasAccuracyTest.findings(d, text);
  }
}
