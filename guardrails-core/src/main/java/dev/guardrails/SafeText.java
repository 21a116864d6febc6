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
    List<Finding> redact = new ArrayList<>();
    for (Decision d : decisions) {
      if (d.action().effect() == Action.Effect.REPLACE_SPAN) {
        redact.add(d.finding());
      }
    }
    redact.sort((a, b) -> a.span().compareTo(b.span()));
    List<List<Finding>> clusters = new ArrayList<>();
    List<Finding> cur = null;
    int curEnd = -1;
    for (Finding f : redact) {
      if (cur == null || f.start() >= curEnd) {
        cur = new ArrayList<>();
        clusters.add(cur);
        curEnd = f.end();
      } else {
        curEnd = Math.max(curEnd, f.end());
      }
      cur.add(f);
    }
    for (List<Finding> c : clusters) {
      Finding best = c.get(0);
      for (Finding f : c) {
        if (better(f, best)) {
          best = f;
        }
      }
      c.remove(best);
      c.add(0, best);
    }
    return clusters;
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
