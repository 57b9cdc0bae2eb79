package org.axnas.smac;

import org.axnas.core.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.RegressionNode;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.regression.RandomForest;
import smile.regression.RegressionTree;

/**
 * SMAC's random forest: Smile's {@link RandomForest} regression, with the predictive mean and
 * variance taken across the individual trees (Hutter et al. 2011). Defaults are SMAC3's HPO
 * facade: 10 trees, bootstrapping, every feature considered at each split, leaves down to one
 * sample, no depth limit worth the name; the variance is floored at 1e-10. With
 * {@code nominalSplits} (default) categorical columns are Smile nominal features, split as
 * "is choice c" versus the rest, with "inactive" as one more level (SMAC3's forest also splits
 * categories natively); otherwise the choice index is an ordinary number.
 *
 * <p>Smile seeds a tree only when its seed is greater than 1 and otherwise draws from a
 * thread-local generator, so tree seeds are derived to be >= 2: the same data and seed give
 * the same forest, also when Smile trains the trees in parallel.
 *
 * <p>Prediction walks each tree's nodes directly (Smile's own {@code branch} decides each step,
 * so the result equals {@code tree.predict}); the leaves reached are looked up in flat arrays,
 * which lets {@link Surrogate#believe} add a lie to the leaf it falls in, in every tree, without
 * refitting. That is the constant-liar update for a forest whose splits stay fixed: a refit costs
 * ~30 ms at 500 observations and would be needed after every pick of a batch.
 */
public record RandomForestSurrogate(int trees, double ratioFeatures, int nodeSize, int maxDepth, double varianceFloor,
    boolean nominalSplits) implements SurrogateModel {

  public RandomForestSurrogate {
    if (trees < 1) {
      throw new IllegalArgumentException("a forest needs at least one tree, got " + trees);
    }
    if (!(ratioFeatures > 0 && ratioFeatures <= 1)) {
      throw new IllegalArgumentException("ratioFeatures must be in (0, 1], got " + ratioFeatures);
    }
    if (nodeSize < 1 || maxDepth < 2 || !(varianceFloor > 0)) {
      throw new IllegalArgumentException("need nodeSize >= 1, maxDepth >= 2 and a positive variance floor");
    }
  }

  /** SMAC3 HPO facade's forest. */
  public static RandomForestSurrogate defaults() {
    return new RandomForestSurrogate(10, 1.0, 1, 1 << 20, 1e-10, true);
  }

  public RandomForestSurrogate withTrees(int n) {
    return new RandomForestSurrogate(n, ratioFeatures, nodeSize, maxDepth, varianceFloor, nominalSplits);
  }

  @Override
  public Surrogate train(TrainingData data, long seed) {
    int n = data.size();
    if (n < 2) {
      throw new IllegalArgumentException("a random forest needs at least 2 observations, got " + n);
    }
    int d = data.x()[0].length;
    int[] levels = new int[d];
    BaseVector<?, ?, ?>[] columns = new BaseVector<?, ?, ?>[d + 1];
    for (int j = 0; j < d; j++) {
      int k = nominalSplits ? data.categories()[j] : 0;
      if (k > 0) {
        // a categorical column: choice index, with one extra level for "inactive"
        levels[j] = k;
        String[] names = new String[k + 1];
        for (int c = 0; c <= k; c++) {
          names[c] = c < k ? "c" + c : "inactive";
        }
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
          values[i] = level(data.x()[i][j], k);
        }
        columns[j] = IntVector.of(new StructField("x" + j, DataTypes.IntegerType, new NominalScale(names)), values);
      } else {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = data.x()[i][j];
        }
        columns[j] = DoubleVector.of("x" + j, values);
      }
    }
    columns[d] = DoubleVector.of("y", data.y().clone());
    DataFrame frame = DataFrame.of(columns);
    Formula formula = Formula.lhs("y");
    int mtry = Math.max(1, (int) Math.round(ratioFeatures * d));
    long[] seeds = new long[trees];
    for (int t = 0; t < trees; t++) {
      // Smile only seeds a tree whose seed is > 1 (others draw from the thread's generator)
      seeds[t] = (Seeds.derive(seed, SeedPurposes.SURROGATE, t) >>> 2) + 2;
    }
    RandomForest forest = RandomForest.fit(formula, frame, trees, mtry, maxDepth, Math.max(2, n), nodeSize, 1.0,
        LongStream.of(seeds));
    StructType schema = formula.x(frame).schema();
    List<FlatTree> flat = new ArrayList<>();
    for (RegressionTree tree : forest.trees()) {
      flat.add(new FlatTree(tree.root()));
    }
    Forest trained = new Forest(flat.toArray(new FlatTree[0]), schema, levels, varianceFloor);
    trained.smile = forest;
    trained.frame = frame.schema();
    return trained;
  }

  /** The nominal level of a categorical feature: its choice index, or k when inactive. */
  static int level(double feature, int k) {
    return feature < 0 ? k : (int) feature;
  }

  /** A trained forest with its liar overlay. Not thread-safe while {@link #believe} runs. */
  static final class Forest implements Surrogate {
    private final FlatTree[] trees;
    private final StructType schema;
    private final int[] levels;
    private final double varianceFloor;
    /** Smile's own forest and training schema, kept so tests can compare predictions. */
    RandomForest smile;
    StructType frame;

    Forest(FlatTree[] trees, StructType schema, int[] levels, double varianceFloor) {
      this.trees = trees;
      this.schema = schema;
      this.levels = levels;
      this.varianceFloor = varianceFloor;
    }

    @Override
    public void predict(double[][] rows, double[] mean, double[] variance) {
      Row tuple = new Row(schema, levels);
      double[] perTree = new double[trees.length];
      for (int r = 0; r < rows.length; r++) {
        tuple.values = rows[r];
        double sum = 0;
        for (int t = 0; t < trees.length; t++) {
          perTree[t] = trees[t].value(trees[t].leaf(tuple));
          sum += perTree[t];
        }
        summarise(perTree, sum, mean, variance, r);
      }
    }

    @Override
    public PreparedRows prepare(double[][] rows) {
      Row tuple = new Row(schema, levels);
      int[][] leaves = new int[trees.length][rows.length];
      for (int r = 0; r < rows.length; r++) {
        tuple.values = rows[r];
        for (int t = 0; t < trees.length; t++) {
          leaves[t][r] = trees[t].leaf(tuple);
        }
      }
      return (mean, variance) -> {
        double[] perTree = new double[trees.length];
        for (int r = 0; r < rows.length; r++) {
          double sum = 0;
          for (int t = 0; t < trees.length; t++) {
            perTree[t] = trees[t].value(leaves[t][r]);
            sum += perTree[t];
          }
          summarise(perTree, sum, mean, variance, r);
        }
      };
    }

    private void summarise(double[] perTree, double sum, double[] mean, double[] variance, int r) {
      double m = sum / perTree.length;
      double ss = 0;
      for (double p : perTree) {
        ss += (p - m) * (p - m);
      }
      mean[r] = m;
      variance[r] = Math.max(varianceFloor, ss / perTree.length);
    }

    @Override
    public void believe(double[] row, double y) {
      Row tuple = new Row(schema, levels);
      tuple.values = row;
      for (FlatTree t : trees) {
        t.addLie(t.leaf(tuple), y);
      }
    }

    /** Smile's {@code RandomForest.predict} of an encoded row (lies are not included). */
    double smilePredict(double[] row) {
      Object[] values = new Object[row.length + 1];
      for (int j = 0; j < row.length; j++) {
        values[j] = levels[j] > 0 ? (Object) level(row[j], levels[j]) : (Object) row[j];
      }
      values[row.length] = 0.0;
      return smile.predict(Tuple.of(values, frame));
    }

    /** Per-tree predictions, for tests against Smile's own {@code predict}. */
    double[] perTree(double[] row) {
      Row tuple = new Row(schema, levels);
      tuple.values = row;
      double[] out = new double[trees.length];
      for (int t = 0; t < trees.length; t++) {
        out[t] = trees[t].value(trees[t].leaf(tuple));
      }
      return out;
    }
  }

  /**
   * One tree as arrays: internal node k sends a row to {@code next[k][0]} when Smile's split says
   * true, else {@code next[k][1]}; a negative target {@code ~j} is leaf j.
   */
  static final class FlatTree {
    private final InternalNode[] internal;
    private final int[] whenTrue;
    private final int[] whenFalse;
    private final double[] leafMean;
    private final double[] leafSize;
    private final double[] lieSum;
    private final double[] lieCount;
    private final int root;

    FlatTree(Node rootNode) {
      List<InternalNode> nodes = new ArrayList<>();
      List<int[]> links = new ArrayList<>();
      List<RegressionNode> leaves = new ArrayList<>();
      this.root = flatten(rootNode, nodes, links, leaves);
      internal = nodes.toArray(new InternalNode[0]);
      whenTrue = new int[internal.length];
      whenFalse = new int[internal.length];
      for (int k = 0; k < internal.length; k++) {
        whenTrue[k] = links.get(k)[0];
        whenFalse[k] = links.get(k)[1];
      }
      leafMean = new double[leaves.size()];
      leafSize = new double[leaves.size()];
      for (int j = 0; j < leafMean.length; j++) {
        leafMean[j] = leaves.get(j).output();
        leafSize[j] = Math.max(1, leaves.get(j).size());
      }
      lieSum = new double[leafMean.length];
      lieCount = new double[leafMean.length];
    }

    private static int flatten(Node node, List<InternalNode> nodes, List<int[]> links, List<RegressionNode> leaves) {
      if (node instanceof InternalNode in) {
        int k = nodes.size();
        nodes.add(in);
        int[] link = new int[2];
        links.add(link);
        link[0] = flatten(in.trueChild(), nodes, links, leaves);
        link[1] = flatten(in.falseChild(), nodes, links, leaves);
        return k;
      }
      if (node instanceof RegressionNode leaf) {
        leaves.add(leaf);
        return ~(leaves.size() - 1);
      }
      throw new IllegalStateException("unexpected node " + node.getClass().getName() + " in a regression tree");
    }

    int leaf(Tuple row) {
      int k = root;
      while (k >= 0) {
        k = internal[k].branch(row) ? whenTrue[k] : whenFalse[k];
      }
      return ~k;
    }

    double value(int leaf) {
      double c = lieCount[leaf];
      return c == 0 ? leafMean[leaf] : (leafMean[leaf] * leafSize[leaf] + lieSum[leaf]) / (leafSize[leaf] + c);
    }

    void addLie(int leaf, double y) {
      lieSum[leaf] += y;
      lieCount[leaf] += 1;
    }
  }

  /** A row of features seen through Smile's {@link Tuple} without boxing on the hot path. */
  private static final class Row implements Tuple {
    private final StructType schema;
    private final int[] levels;
    double[] values;

    Row(StructType schema, int[] levels) {
      this.schema = schema;
      this.levels = levels;
    }

    @Override
    public StructType schema() {
      return schema;
    }

    @Override
    public Object get(int i) {
      return values[i];
    }

    @Override
    public double getDouble(int i) {
      return values[i];
    }

    @Override
    public int getInt(int i) {
      return levels[i] > 0 ? level(values[i], levels[i]) : (int) values[i];
    }
  }
}
