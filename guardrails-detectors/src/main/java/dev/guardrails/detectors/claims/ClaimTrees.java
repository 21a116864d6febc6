package dev.guardrails.detectors.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small regression trees over {@link ClaimFeatures} whose summed leaf values are added to the claim
 * model's linear log-odds (gradient boosting on the linear model's residual, trained by the test-scope
 * {@code GradientBoosting}). They carry the interactions a linear score cannot, such as high coverage
 * together with a name found nowhere. A split sends {@code x[feature] < threshold} left.
 *
 * <p>Flat arrays, no allocation per call; a depth-2 forest of a hundred trees is a few hundred
 * comparisons per claim. Immutable and thread-safe.
 */
final class ClaimTrees {

  /** No trees: adds 0. */
  static final ClaimTrees NONE = new ClaimTrees(new int[0], new double[0], new int[0], new int[0], new double[0], new int[0]);

  /** Per node: the feature it splits on, or -1 for a leaf. */
  private final int[] feature;
  private final double[] threshold;
  private final int[] left;
  private final int[] right;
  /** Per node: the leaf value (0 for a split). */
  private final double[] value;
  private final int[] roots;

  ClaimTrees(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int[] roots) {
    this.feature = feature.clone();
    this.threshold = threshold.clone();
    this.left = left.clone();
    this.right = right.clone();
    this.value = value.clone();
    this.roots = roots.clone();
    for (int f : feature) {
      if (f >= ClaimFeatures.COUNT) {
        throw new IllegalArgumentException("claim tree feature must be below " + ClaimFeatures.COUNT + ": " + f);
      }
    }
  }

  /** How many trees. */
  int size() {
    return roots.length;
  }

  /** The sum of every tree's leaf value for these features. */
  double sum(double[] x) {
    double s = 0;
    for (int root : roots) {
      int n = root;
      while (feature[n] >= 0) {
        n = x[feature[n]] < threshold[n] ? left[n] : right[n];
      }
      s += value[n];
    }
    return s;
  }

  /** One line per tree: the nodes in preorder, a split as {@code feature<threshold}, a leaf as {@code =value}. */
  void format(StringBuilder b) {
    for (int root : roots) {
      b.append("tree");
      formatNode(b, root);
      b.append('\n');
    }
  }

  private void formatNode(StringBuilder b, int n) {
    b.append('\t');
    if (feature[n] < 0) {
      b.append('=').append(num(value[n]));
    } else {
      b.append(feature[n]).append('<').append(num(threshold[n]));
      formatNode(b, left[n]);
      formatNode(b, right[n]);
    }
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.10g", v);
  }

  /** Collects trees node by node (the trainer and the model file parser). */
  static final class Builder {
    private final List<int[]> split = new ArrayList<>(); // feature, left, right
    private final List<double[]> nums = new ArrayList<>(); // threshold, value
    private final List<Integer> roots = new ArrayList<>();

    /** Adds a leaf and returns its node index. */
    int leaf(double v) {
      split.add(new int[] {-1, -1, -1});
      nums.add(new double[] {0, v});
      return split.size() - 1;
    }

    /** Adds a split whose children are added later ({@link #children}); returns its node index. */
    int split(int f, double t) {
      if (f < 0 || f >= ClaimFeatures.COUNT) {
        throw new IllegalArgumentException("claim tree feature must be in [0, " + ClaimFeatures.COUNT + "): " + f);
      }
      split.add(new int[] {f, -1, -1});
      nums.add(new double[] {t, 0});
      return split.size() - 1;
    }

    void children(int node, int l, int r) {
      split.get(node)[1] = l;
      split.get(node)[2] = r;
    }

    void root(int node) {
      roots.add(node);
    }

    /**
     * Parses one tree line's fields after {@code tree} and adds the tree.
     *
     * @throws IllegalArgumentException when the fields are not one complete preorder tree
     */
    void parse(String[] fields, int from) {
      int[] pos = {from};
      root(parseNode(fields, pos));
      if (pos[0] != fields.length) {
        throw new IllegalArgumentException("claim tree has " + (fields.length - pos[0]) + " fields after its last leaf");
      }
    }

    private int parseNode(String[] f, int[] pos) {
      if (pos[0] >= f.length) {
        throw new IllegalArgumentException("claim tree ends inside a split");
      }
      String s = f[pos[0]++];
      if (s.startsWith("=")) {
        return leaf(Double.parseDouble(s.substring(1)));
      }
      int lt = s.indexOf('<');
      if (lt <= 0) {
        throw new IllegalArgumentException("claim tree node must be 'feature<threshold' or '=value': field " + (pos[0] - 1));
      }
      int n = split(Integer.parseInt(s.substring(0, lt)), Double.parseDouble(s.substring(lt + 1)));
      int l = parseNode(f, pos);
      int r = parseNode(f, pos);
      children(n, l, r);
      return n;
    }

    ClaimTrees build() {
      int n = split.size();
      int[] feature = new int[n];
      int[] left = new int[n];
      int[] right = new int[n];
      double[] threshold = new double[n];
      double[] value = new double[n];
      for (int i = 0; i < n; i++) {
        feature[i] = split.get(i)[0];
        left[i] = split.get(i)[1];
        right[i] = split.get(i)[2];
        threshold[i] = nums.get(i)[0];
        value[i] = nums.get(i)[1];
        if (feature[i] >= 0 && (left[i] < 0 || right[i] < 0)) {
          throw new IllegalStateException("claim tree split " + i + " has no children; call children() before build()");
        }
      }
      return new ClaimTrees(feature, threshold, left, right, value, roots.stream().mapToInt(Integer::intValue).toArray());
    }
  }
}
