package dev.guardrails.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a library module's compiled descriptor as a file: tests run on the class path (see the
 * poms), so the module layer is not there to ask.
 */
public final class ModuleDescriptors {

  private ModuleDescriptors() {}

  /**
   * Returns the descriptor in {@code module-info.class} beside the classes of {@code member}'s
   * module. javac writes no ModulePackages attribute, so the packages come from the class files
   * beside it.
   *
   * @param member any class compiled into the module
   * @return the descriptor, with its packages
   * @throws IOException if the descriptor cannot be read
   */
  public static ModuleDescriptor of(Class<?> member) throws IOException {
    Path classes;
    try {
      classes = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("class location of " + member.getName() + " is not a path", e);
    }
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in, () -> packagesIn(classes));
    }
  }

  private static Set<String> packagesIn(Path classes) {
    try (Stream<Path> files = Files.walk(classes)) {
      return files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
          .map(f -> classes.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.'))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
