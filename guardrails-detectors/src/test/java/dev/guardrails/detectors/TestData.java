package dev.guardrails.detectors;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the repository's labelled data: the folder named by the system property
 * {@code guardrails.datasets}, else the first {@code datasets} folder in the working directory or
 * one of its parents (Maven runs a module's tests in the module's folder, the data sit at the
 * repository's root).
 */
public final class TestData {

  private TestData() {}

  /**
   * The datasets folder.
   *
   * @return its path
   * @throws IllegalStateException if there is none
   */
  public static Path datasets() {
    String prop = System.getProperty("guardrails.datasets");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("datasets"))) {
        return p.resolve("datasets");
      }
    }
    throw new IllegalStateException("datasets folder not found above " + Path.of("").toAbsolutePath()
        + "; set -Dguardrails.datasets=DIR");
  }
}
