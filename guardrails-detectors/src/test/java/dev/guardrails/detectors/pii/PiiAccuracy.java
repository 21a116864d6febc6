package dev.guardrails.detectors.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardrails.CheckContext;
import dev.guardrails.Detector;
import dev.guardrails.Finding;
import dev.guardrails.FindingType;
import dev.guardrails.Guardrail;
import dev.guardrails.Policy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Entity-level accuracy of the PII detectors on Presidio's labelled synthetic data
 * ({@code datasets/pii/presidio-synth-v2.json}).
 *
 * <p>Runs a {@link Guardrail} with every detector on the class path and a report-only policy, maps
 * our finding types to Presidio's entity types, and counts per type: a labelled span is recalled
 * when a finding of the mapped type overlaps it; a finding is correct when it overlaps a labelled
 * span of its mapped type. Presidio types we do not emit (GPE, ORGANIZATION, DATE_TIME...) are
 * ignored. Lives with the tests because it parses JSON with Jackson, a test-only dependency.
 * Not thread-safe: one run per instance.
 */
final class PiiAccuracy {

  /** Our type name -> Presidio entity type. */
  static final Map<String, String> TYPE_MAP = Map.of(
      "EMAIL", "EMAIL_ADDRESS",
      "PHONE", "PHONE_NUMBER",
      "CREDIT_CARD", "CREDIT_CARD",
      "IBAN", "IBAN_CODE",
      "US_SSN", "US_SSN",
      "IP_ADDRESS", "IP_ADDRESS",
      "PERSON", "PERSON",
      "STREET_ADDRESS", "STREET_ADDRESS");

  /** One labelled span. */
  record Label(String type, int start, int end) {}

  /** One labelled text. */
  record Sample(String text, List<Label> labels) {}

  /** Counts for one Presidio type. */
  static final class Counts {
    int predicted;
    int predictedCorrect;
    int gold;
    int goldFound;

    double precision() {
      return predicted == 0 ? 1.0 : (double) predictedCorrect / predicted;
    }

    double recall() {
      return gold == 0 ? 1.0 : (double) goldFound / gold;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Result: counts per Presidio type, for the types our detectors emit. */
  record Report(Map<String, Counts> byType) {

    double macroPrecision() {
      return byType.values().stream().mapToDouble(Counts::precision).average().orElse(1.0);
    }

    String table() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%-16s %6s %6s %6s %6s %6s %6s %6s%n",
          "type", "gold", "pred", "TP", "FN", "P", "R", "F1"));
      for (Map.Entry<String, Counts> e : byType.entrySet()) {
        Counts c = e.getValue();
        sb.append(String.format(Locale.ROOT, "%-16s %6d %6d %6d %6d %6.3f %6.3f %6.3f%n",
            e.getKey(), c.gold, c.predicted, c.predictedCorrect, c.gold - c.goldFound,
            c.precision(), c.recall(), c.f1()));
      }
      sb.append(String.format(Locale.ROOT, "macro precision %.3f over %d types%n", macroPrecision(), byType.size()));
      return sb.toString();
    }
  }

  /** Finds the repository's datasets folder: the surefire property, else walk up from user.dir. */
  static Path datasets() {
    return dev.guardrails.detectors.TestData.datasets();
  }

  static List<Sample> loadPresidio() throws IOException {
    JsonNode root = new ObjectMapper().readTree(datasets().resolve("pii/presidio-synth-v2.json").toFile());
    List<Sample> out = new ArrayList<>();
    for (JsonNode r : root) {
      List<Label> labels = new ArrayList<>();
      for (JsonNode sp : r.path("spans")) {
        labels.add(new Label(sp.get("entity_type").asText(), sp.get("start_position").asInt(), sp.get("end_position").asInt()));
      }
      out.add(new Sample(r.get("full_text").asText(), labels));
    }
    return out;
  }

  /** The Presidio types that the detectors of {@code guard} can emit. */
  static Set<String> emittedTypes(Guardrail guard) {
    Set<String> out = new TreeSet<>();
    for (Detector d : guard.detectors()) {
      for (FindingType t : d.types()) {
        String mapped = TYPE_MAP.get(t.name());
        if (mapped != null) {
          out.add(mapped);
        }
      }
    }
    return out;
  }

  static Guardrail allDetectors() {
    return Guardrail.builder().discoverDetectors().policy(Policy.reportOnly()).build();
  }

  static Report run(Guardrail guard, List<Sample> samples) {
    Set<String> types = emittedTypes(guard);
    Map<String, Counts> counts = new TreeMap<>();
    for (String t : types) {
      counts.put(t, new Counts());
    }
    for (Sample s : samples) {
      List<Finding> found = guard.check(s.text(), CheckContext.empty()).findings();
      for (Label l : s.labels()) {
        Counts c = counts.get(l.type());
        if (c == null) {
          continue;
        }
        c.gold++;
        for (Finding f : found) {
          if (l.type().equals(TYPE_MAP.get(f.type().name())) && f.start() < l.end() && l.start() < f.end()) {
            c.goldFound++;
            break;
          }
        }
      }
      for (Finding f : found) {
        String mapped = TYPE_MAP.get(f.type().name());
        Counts c = mapped == null ? null : counts.get(mapped);
        if (c == null) {
          continue;
        }
        c.predicted++;
        for (Label l : s.labels()) {
          if (l.type().equals(mapped) && f.start() < l.end() && l.start() < f.end()) {
            c.predictedCorrect++;
            break;
          }
        }
      }
    }
    return new Report(new LinkedHashMap<>(counts));
  }

  /** Prints misses and false alarms of one type (for development, not asserted). */
  static void dump(Guardrail guard, List<Sample> samples, String type, int max) {
    int shown = 0;
    for (Sample s : samples) {
      if (shown >= max) {
        return;
      }
      List<Finding> found = guard.check(s.text(), CheckContext.empty()).findings();
      StringBuilder sb = new StringBuilder();
      for (Label l : s.labels()) {
        if (l.type().equals(type) && found.stream().noneMatch(f -> type.equals(TYPE_MAP.get(f.type().name())) && f.start() < l.end() && l.start() < f.end())) {
          sb.append(" FN[").append(s.text(), l.start(), l.end()).append(']');
        }
      }
      for (Finding f : found) {
        if (type.equals(TYPE_MAP.get(f.type().name())) && s.labels().stream().noneMatch(l -> l.type().equals(type) && f.start() < l.end() && l.start() < f.end())) {
          sb.append(" FP[").append(s.text(), f.start(), f.end()).append(']');
        }
      }
      if (sb.length() > 0) {
        shown++;
        System.out.println(sb + "  <<" + s.text().replace('\n', '|') + ">>");
      }
    }
  }
}
