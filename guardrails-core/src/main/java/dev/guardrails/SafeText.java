package dev.guardrails;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the safe text from the decisions: the one overlap strategy of the library lives here.
 *
 * <p><b>Overlaps (UNION_BEST_LABEL):</b> REDACT spans that overlap form one cluster; the whole
 * union is replaced, so no char of any redacted finding survives, and the label comes from the
 * cluster's best finding: highest score, then longest span, then earliest start. Not part of the
 * public API.
 */
final class SafeText {

  private SafeText() {}

  /**
   * Returns the REDACT decisions grouped into clusters of overlapping spans, in text order; each
   * cluster's first element is its best finding.
   *
   * @param decisions all decisions, in any order
   * @return clusters, each a non-empty list
   */
  public static List<List<Finding>> redactionClusters(List<Decision> decisions) {
    List<Finding> redact = null;
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      if (d.action().effect() == Action.Effect.REPLACE_SPAN) {
        if (redact == null) {
          redact = new ArrayList<>(decisions.size() - i);
        }
        redact.add(d.finding());
      }
    }
    if (redact == null) {
      return List.of();
    }
    if (redact.size() == 1) {
      return List.of(List.of(redact.get(0))); // the common redacted answer: one finding, one cluster
    }
    redact.sort((a, b) -> a.span().compareTo(b.span()));
    List<List<Finding>> clusters = new ArrayList<>();
    int from = 0;
    int curEnd = redact.get(0).end();
    for (int i = 1; i <= redact.size(); i++) {
      if (i == redact.size() || redact.get(i).start() >= curEnd) {
        clusters.add(cluster(redact, from, i));
        from = i;
        if (i < redact.size()) {
          curEnd = redact.get(i).end();
        }
      } else {
        curEnd = Math.max(curEnd, redact.get(i).end());
      }
    }
    return clusters;
  }

  /** The cluster of {@code sorted[from, to)}, its best finding first, then the others in span order. */
  private static List<Finding> cluster(List<Finding> sorted, int from, int to) {
    if (to - from == 1) {
      return List.of(sorted.get(from));
    }
    Finding best = sorted.get(from);
    for (int i = from + 1; i < to; i++) {
      if (better(sorted.get(i), best)) {
        best = sorted.get(i);
      }
    }
    List<Finding> c = new ArrayList<>(to - from);
    c.add(best);
    for (int i = from; i < to; i++) {
      Finding f = sorted.get(i);
      if (f != best) {
        c.add(f);
      }
    }
    return c;
  }

  private static boolean better(Finding a, Finding b) {
    if (a.score() != b.score()) {
      return a.score() > b.score();
    }
    if (a.span().length() != b.span().length()) {
      return a.span().length() > b.span().length();
    }
    return a.start() < b.start();
  }

  /**
   * Returns the union span start of a cluster.
   *
   * @param cluster a cluster from {@link #redactionClusters(List)}
   * @return the smallest start
   */
  public static int start(List<Finding> cluster) {
    int s = Integer.MAX_VALUE;
    for (Finding f : cluster) {
      s = Math.min(s, f.start());
    }
    return s;
  }

  /**
   * Returns the union span end of a cluster.
   *
   * @param cluster a cluster from {@link #redactionClusters(List)}
   * @return the largest end
   */
  public static int end(List<Finding> cluster) {
    int e = 0;
    for (Finding f : cluster) {
      e = Math.max(e, f.end());
    }
    return e;
  }

  /**
   * Returns the replacement text for one cluster.
   *
   * @param original the checked text
   * @param cluster the cluster, best finding first
   * @param policy gives the redaction operator
   * @param scope per-result redaction state
   * @return the replacement
   */
  public static String replacement(CharSequence original, List<Finding> cluster, Policy policy, Redactor.Scope scope) {
    Finding best = cluster.get(0);
    Redactor r = policy.redactor(best.type());
    String out = r.replace(best, original.subSequence(best.start(), best.end()), scope);
    if (out == null) {
      throw new IllegalStateException("redactor " + r.getClass().getName() + " returned null for " + best.type());
    }
    return out;
  }

  /**
   * Applies REDACT decisions to the text.
   *
   * @param original the checked text
   * @param decisions the decisions
   * @param policy gives the redaction operators
   * @param scope per-result redaction state
   * @return the redacted text (the original itself when nothing is redacted)
   */
  public static String apply(String original, List<Decision> decisions, Policy policy, Redactor.Scope scope) {
    if (decisions.isEmpty()) {
      return original;
    }
    List<List<Finding>> clusters = redactionClusters(decisions);
    if (clusters.isEmpty()) {
      return original;
    }
    StringBuilder b = new StringBuilder(original.length());
    int pos = 0;
    for (List<Finding> c : clusters) {
      int s = start(c);
      b.append(original, pos, s).append(replacement(original, c, policy, scope));
      pos = end(c);
    }
    return b.append(original, pos, original.length()).toString();
  }

  /**
   * Returns the text with every finding's span, whatever its action, replaced by its type tag: the
   * form audit events and logs may carry.
   *
   * @param original the checked text
   * @param decisions all decisions
   * @return the fully tagged text
   */
  public static String auditText(String original, List<Decision> decisions) {
    List<Decision> all = new ArrayList<>(decisions.size());
    for (Decision d : decisions) {
      all.add(new Decision(d.finding(), Action.REDACT));
    }
    return apply(original, all, AUDIT, new Redactor.Scope());
  }

  private static final Policy AUDIT = Policy.builder().defaultRedactor(Redactor.typeTag()).build();
}
