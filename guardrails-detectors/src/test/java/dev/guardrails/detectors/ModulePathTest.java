package dev.guardrails.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Puts core and the detectors on a real module path: resolves their compiled descriptors with their
 * dependencies' jars ({@link Configuration#resolve}), defines them in a module layer with a third
 * module ({@code probe}, which requires only {@code dev.guardrails.detectors}) and asks the layer what
 * that module may use. Resolution fails on a missing or misnamed {@code requires}, a split package
 * or two modules exporting one package, which the descriptor files alone do not show; the layer
 * answers accessibility as the JVM enforces it: {@code probe} reads core (through the detectors'
 * {@code requires transitive}), sees the API packages, and not {@code dev.guardrails.internal} nor
 * the detectors' {@code internal} and {@code nlp}. The detectors are found by {@link ServiceLoader}
 * through the layer ({@code provides}). Offline (the jars are the test class path's) and fast: no
 * detector is instantiated.
 */
class ModulePathTest {

  static final String CORE = "dev.guardrails";
  static final String DETECTORS = "dev.guardrails.detectors";

  @Test
  void coreAndDetectorsResolveAsModulesAndHideTheirInternals() throws Exception {
    long t0 = System.nanoTime();
    Map<String, ModuleReference> observable = modulesOnTheClassPath();
    Map<String, ModuleReference> chosen = closure(observable, DETECTORS);
    assertTrue(chosen.containsKey(CORE), "the detectors require core: " + chosen.keySet());

    ModuleDescriptor probeDescriptor = ModuleDescriptor.newModule("probe").requires(DETECTORS).build();
    ModuleFinder finder = finderOf(chosen, new EmptyModule(probeDescriptor));
    Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of("probe"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());

    Module probe = layer.findModule("probe").orElseThrow();
    Module core = layer.findModule(CORE).orElseThrow();
    Module detectors = layer.findModule(DETECTORS).orElseThrow();
    assertTrue(probe.canRead(detectors), "probe reads the detectors");
    assertTrue(probe.canRead(core), "probe reads core through the detectors' requires transitive");

    assertTrue(core.getPackages().contains("dev.guardrails.internal"), "core holds the internal package");
    for (String api : List.of("dev.guardrails", "dev.guardrails.client", "dev.guardrails.stream", "dev.guardrails.text")) {
      assertTrue(core.isExported(api, probe), api + " is visible to a third module");
    }
    assertFalse(core.isExported("dev.guardrails.internal", probe), "dev.guardrails.internal is visible to a third module");
    assertFalse(core.isOpen("dev.guardrails.internal", probe), "dev.guardrails.internal is open to a third module");
    assertFalse(core.isExported("dev.guardrails.internal", detectors), "dev.guardrails.internal is visible to the detectors");
    for (String hidden : List.of("dev.guardrails.detectors.internal", "dev.guardrails.detectors.nlp")) {
      assertTrue(detectors.getPackages().contains(hidden), "the detectors hold " + hidden);
      assertFalse(detectors.isExported(hidden, probe), hidden + " is visible to a third module");
    }
    for (String api : List.of("bias", "claims", "pii", "secrets")) {
      assertTrue(detectors.isExported("dev.guardrails.detectors." + api, probe), api + " is exported");
    }

    // The layer's own Detector type: the services its modules provide, as the module path sees them.
    Class<?> service = Class.forName(core, "dev.guardrails.Detector");
    assertEquals(core, service.getModule(), "Detector is loaded from the layer's core module");
    List<String> providers = ServiceLoader.load(layer, service).stream()
        .map(p -> p.type().getName())
        .toList();
    List<String> declared = detectors.getDescriptor().provides().stream()
        .filter(p -> p.service().equals("dev.guardrails.Detector"))
        .flatMap(p -> p.providers().stream())
        .toList();
    assertEquals(declared, providers);
    assertEquals(8, providers.size(), "the eight built-in detectors: " + providers);

    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(millis < 5_000, "module path check took " + millis + " ms");
  }

  /**
   * Every module the test class path holds, by name: directories with a {@code module-info.class}
   * (core's and the detectors' classes) and jars (explicit or automatic modules). Directories without
   * a descriptor (test classes) and jars that are no valid module are skipped; of two entries with
   * one name the first wins, as on the class path.
   */
  static Map<String, ModuleReference> modulesOnTheClassPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Map<String, ModuleReference> byName = new LinkedHashMap<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path p = Path.of(entry);
      boolean module = Files.isDirectory(p) ? Files.exists(p.resolve("module-info.class")) : entry.endsWith(".jar") && Files.exists(p);
      if (!module) {
        continue;
      }
      try {
        for (ModuleReference ref : ModuleFinder.of(p).findAll()) {
          byName.putIfAbsent(ref.descriptor().name(), ref);
        }
      } catch (FindException ex) {
        // not a valid module (e.g. a jar whose file name gives no module name): not ours to resolve
      }
    }
    return byName;
  }

  /** The modules {@code root} needs, transitively, that the JDK does not provide. */
  static Map<String, ModuleReference> closure(Map<String, ModuleReference> observable, String root) {
    Map<String, ModuleReference> out = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (out.containsKey(name) || ModuleLayer.boot().findModule(name).isPresent()) {
        continue;
      }
      ModuleReference ref = observable.get(name);
      assertTrue(ref != null, "module " + name + " is not on the test class path; found " + observable.keySet());
      out.put(name, ref);
      for (ModuleDescriptor.Requires r : ref.descriptor().requires()) {
        if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
          todo.push(r.name());
        }
      }
    }
    return out;
  }

  private static ModuleFinder finderOf(Map<String, ModuleReference> refs, ModuleReference extra) {
    Map<String, ModuleReference> all = new LinkedHashMap<>(refs);
    all.put(extra.descriptor().name(), extra);
    Set<ModuleReference> set = all.values().stream().collect(Collectors.toUnmodifiableSet());
    return new ModuleFinder() {
      @Override
      public Optional<ModuleReference> find(String name) {
        return Optional.ofNullable(all.get(name));
      }

      @Override
      public Set<ModuleReference> findAll() {
        return set;
      }
    };
  }

  /** A module with a descriptor and no classes: the third module that only requires. */
  private static final class EmptyModule extends ModuleReference {
    EmptyModule(ModuleDescriptor descriptor) {
      super(descriptor, null);
    }

    @Override
    public ModuleReader open() {
      return new ModuleReader() {
        @Override
        public Optional<URI> find(String name) {
          return Optional.empty();
        }

        @Override
        public Stream<String> list() {
          return Stream.empty();
        }

        @Override
        public void close() throws IOException {}
      };
    }
  }
}
