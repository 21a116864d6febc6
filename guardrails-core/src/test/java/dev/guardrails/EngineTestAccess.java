package dev.guardrails;

import java.util.List;

/**
 * Test access to the engine's package-private helpers ({@link SafeText}, {@link Linker}) for tests
 * in other packages, such as the stream property test, which builds its oracle from the same
 * overlap strategy that {@code check} documents.
 */
public final class EngineTestAccess {

  /** The default link window of {@link Guardrail.Builder#linkWindow(int)}. */
  public static final int DEFAULT_LINK_WINDOW = Linker.DEFAULT_WINDOW;

  private EngineTestAccess() {}

  /**
   * Returns the REDACT decisions grouped into clusters of overlapping spans, best finding first.
   *
   * @param decisions the decisions
   * @return the clusters
   */
  public static List<List<Finding>> redactionClusters(List<Decision> decisions) {
    return SafeText.redactionClusters(decisions);
  }

  /**
   * Returns a cluster's union start.
   *
   * @param cluster a cluster
   * @return its start
   */
  public static int start(List<Finding> cluster) {
    return SafeText.start(cluster);
  }

  /**
   * Returns a cluster's union end.
   *
   * @param cluster a cluster
   * @return its end
   */
  public static int end(List<Finding> cluster) {
    return SafeText.end(cluster);
  }

  /**
   * Applies REDACT decisions to a text.
   *
   * @param original the text
   * @param decisions the decisions
   * @param policy gives the redaction operators
   * @param scope the redaction state
   * @return the redacted text
   */
  public static String apply(String original, List<Decision> decisions, Policy policy, Redactor.Scope scope) {
    return SafeText.apply(original, decisions, policy, scope);
  }
}
