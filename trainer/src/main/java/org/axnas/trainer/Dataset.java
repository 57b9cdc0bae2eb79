package org.axnas.trainer;

/**
 * An immutable set of training samples: {@code n} input rows of {@code inWidth} floats and
 * {@code n} target rows of {@code outWidth} floats, both row-major. The arrays are copied in and
 * out, so neither the caller nor the trainer can change a dataset after it is made.
 */
public final class Dataset {
  private final float[] x;
  private final float[] y;
  private final int inWidth;
  private final int outWidth;
  private final int size;

  private Dataset(float[] x, float[] y, int inWidth, int outWidth) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("a dataset needs input and target arrays, got null");
    }
    if (inWidth < 1 || outWidth < 1) {
      throw new IllegalArgumentException(
          "input and output widths must be at least 1, got " + inWidth + " and " + outWidth);
    }
    if (x.length % inWidth != 0) {
      throw new IllegalArgumentException(
          "inputs hold " + x.length + " floats, not a whole number of rows of width " + inWidth);
    }
    if (y.length % outWidth != 0) {
      throw new IllegalArgumentException(
          "targets hold " + y.length + " floats, not a whole number of rows of width " + outWidth);
    }
    if (x.length / inWidth != y.length / outWidth) {
      throw new IllegalArgumentException(
          "inputs have " + x.length / inWidth + " rows but targets have " + y.length / outWidth);
    }
    this.x = x.clone();
    this.y = y.clone();
    this.inWidth = inWidth;
    this.outWidth = outWidth;
    this.size = x.length / inWidth;
  }

  /** A dataset of row-major inputs {@code x} (n * inWidth) and targets {@code y} (n * outWidth). */
  public static Dataset of(float[] x, float[] y, int inWidth, int outWidth) {
    return new Dataset(x, y, inWidth, outWidth);
  }

  /** Number of samples. */
  public int size() {
    return size;
  }

  public int inWidth() {
    return inWidth;
  }

  public int outWidth() {
    return outWidth;
  }

  /** A copy of the inputs, row-major. */
  public float[] x() {
    return x.clone();
  }

  /** A copy of the targets, row-major. */
  public float[] y() {
    return y.clone();
  }

  /** Input {@code column} of sample {@code row}. */
  public float x(int row, int column) {
    return x[row * inWidth + column];
  }

  /** Target {@code column} of sample {@code row}. */
  public float y(int row, int column) {
    return y[row * outWidth + column];
  }

  /**
   * {@code rows} samples drawn without replacement in the order of a permutation seeded by
   * {@code seed} (the whole dataset when {@code rows >= size()}). The same seed gives nested
   * subsets: the first 600 of the 1,800 drawn are the 600 drawn alone. Multi-fidelity search
   * trains its cheap rungs on such subsets.
   */
  public Dataset subset(int rows, long seed) {
    if (rows < 1) {
      throw new IllegalArgumentException("a subset needs at least one row, got " + rows);
    }
    if (rows >= size) {
      return this;
    }
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int i = size - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    float[] sx = new float[rows * inWidth];
    float[] sy = new float[rows * outWidth];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(x, order[i] * inWidth, sx, i * inWidth, inWidth);
      System.arraycopy(y, order[i] * outWidth, sy, i * outWidth, outWidth);
    }
    return new Dataset(sx, sy, inWidth, outWidth);
  }

  /** Direct access for the trainer, which only reads. */
  float[] xShared() {
    return x;
  }

  float[] yShared() {
    return y;
  }

  @Override
  public String toString() {
    return "Dataset[" + size + " samples, " + inWidth + " -> " + outWidth + "]";
  }
}
