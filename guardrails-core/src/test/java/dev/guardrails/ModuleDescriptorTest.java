package dev.guardrails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guardrails.testing.ModuleDescriptors;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the compiled module descriptor ({@code module-info.class} next to {@link Guardrail}'s
 * classes) and checks what the module exports: the API packages, never {@code dev.guardrails.internal}.
 * Tests run on the class path (see the pom), so this reads the descriptor as a file rather than
 * relying on the module layer.
 */
class ModuleDescriptorTest {

  static final Set<String> API = Set.of(
      "dev.guardrails", "dev.guardrails.client", "dev.guardrails.stream", "dev.guardrails.text");

  static ModuleDescriptor descriptor() throws IOException {
    return ModuleDescriptors.of(Guardrail.class);
  }

  @Test
  void internalIsNotExported() throws Exception {
    ModuleDescriptor d = descriptor();
    assertEquals("dev.guardrails", d.name());
    assertTrue(d.packages().contains("dev.guardrails.internal"), "the module holds the internal package: " + d.packages());
    for (ModuleDescriptor.Exports e : d.exports()) {
      assertFalse(e.source().equals("dev.guardrails.internal"), "internal is exported: " + e);
    }
    assertTrue(d.opens().isEmpty(), "nothing is opened: " + d.opens());
  }

  @Test
  void exportsExactlyTheApiPackages() throws Exception {
    ModuleDescriptor d = descriptor();
    Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(API), exported);
    for (ModuleDescriptor.Exports e : d.exports()) {
      assertFalse(e.isQualified(), "exported to everyone or not at all: " + e);
    }
    // Every package of the sources is either API or internal: a new package must be placed on purpose.
    Set<String> sources;
    try (Stream<Path> files = Files.walk(ArchitectureTest.MAIN)) {
      sources = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"))
          .map(f -> ArchitectureTest.MAIN.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> expected = new TreeSet<>(API);
    expected.add("dev.guardrails.internal");
    assertEquals(expected, sources);
    assertTrue(d.uses().contains(Detector.class.getName()), "ServiceLoader use declared: " + d.uses());
  }
}
