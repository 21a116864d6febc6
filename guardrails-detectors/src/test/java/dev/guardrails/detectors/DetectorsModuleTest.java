package dev.guardrails.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.Detector;
import dev.guardrails.detectors.pii.EmailDetector;
import dev.guardrails.testing.ModuleDescriptors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reads the detectors' compiled module descriptor: it exports the detector packages only (not
 * {@code detectors.internal} nor {@code detectors.nlp}), requires core, and provides the same
 * detectors, in the same order, as {@code META-INF/services/dev.guardrails.Detector} (the class
 * path's list), so the module path and the class path see one pipeline.
 */
class DetectorsModuleTest {

  static ModuleDescriptor descriptor() throws IOException {
    return ModuleDescriptors.of(EmailDetector.class);
  }

  @Test
  void exportsTheDetectorPackagesOnly() throws Exception {
    ModuleDescriptor d = descriptor();
    assertEquals("dev.guardrails.detectors", d.name());
    Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("dev.guardrails.detectors.bias", "dev.guardrails.detectors.claims",
        "dev.guardrails.detectors.pii", "dev.guardrails.detectors.secrets"), exported);
    assertTrue(d.packages().containsAll(Set.of("dev.guardrails.detectors.internal", "dev.guardrails.detectors.nlp")),
        "the internal packages are in the module, unexported: " + d.packages());
    assertTrue(d.requires().stream().anyMatch(r -> r.name().equals("dev.guardrails")), "requires core");
  }

  @Test
  void providesWhatTheServiceFileLists() throws Exception {
    ModuleDescriptor d = descriptor();
    List<String> provided = d.provides().stream()
        .filter(p -> p.service().equals(Detector.class.getName()))
        .flatMap(p -> p.providers().stream())
        .toList();
    List<String> listed;
    try (InputStream in = EmailDetector.class.getResourceAsStream("/META-INF/services/dev.guardrails.Detector");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      listed = r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
    assertEquals(listed, provided);
  }
}
