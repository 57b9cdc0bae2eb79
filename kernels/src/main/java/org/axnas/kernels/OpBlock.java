package org.axnas.kernels;

import java.util.Arrays;
import org.axnas.core.OpClass;
import org.axnas.core.OpCounter;

/**
 * A fixed bundle of operation counts, the cost of one straight-line stretch of a kernel's C
 * source. Kernels add whole blocks at the points where a path is decided, so counting costs a few
 * array additions per invocation instead of one call per scalar operation. Immutable.
 */
final class OpBlock {
  private static final OpClass[] CLASSES = OpClass.values();
  static final OpBlock EMPTY = new OpBlock(new int[CLASSES.length]);

  private final int[] counts;
  /** Only the non-zero classes, so adding a block touches what it must. */
  private final OpClass[] nonZeroClasses;
  private final int[] nonZeroCounts;

  private OpBlock(int[] counts) {
    this.counts = counts;
    int n = 0;
    for (int c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException(
            "operation counts must be >= 0: " + Arrays.toString(counts));
      }
      n += c > 0 ? 1 : 0;
    }
    nonZeroClasses = new OpClass[n];
    nonZeroCounts = new int[n];
    int k = 0;
    for (OpClass op : CLASSES) {
      if (counts[op.ordinal()] > 0) {
        nonZeroClasses[k] = op;
        nonZeroCounts[k++] = counts[op.ordinal()];
      }
    }
  }

  OpBlock fadd(int n) {
    return with(OpClass.FADD, n);
  }

  OpBlock fmul(int n) {
    return with(OpClass.FMUL, n);
  }

  OpBlock fdiv(int n) {
    return with(OpClass.FDIV, n);
  }

  OpBlock fsqrt(int n) {
    return with(OpClass.FSQRT, n);
  }

  OpBlock fexp(int n) {
    return with(OpClass.FEXP, n);
  }

  OpBlock ftrig(int n) {
    return with(OpClass.FTRIG, n);
  }

  OpBlock integer(int n) {
    return with(OpClass.INT, n);
  }

  OpBlock load(int n) {
    return with(OpClass.LOAD, n);
  }

  OpBlock store(int n) {
    return with(OpClass.STORE, n);
  }

  OpBlock branch(int n) {
    return with(OpClass.BRANCH, n);
  }

  /** This block with n more operations of class op. */
  OpBlock with(OpClass op, int n) {
    int[] c = counts.clone();
    c[op.ordinal()] += n;
    return new OpBlock(c);
  }

  OpBlock plus(OpBlock other) {
    int[] c = counts.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] += other.counts[i];
    }
    return new OpBlock(c);
  }

  OpBlock times(int n) {
    int[] c = counts.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] *= n;
    }
    return new OpBlock(c);
  }

  int count(OpClass op) {
    return counts[op.ordinal()];
  }

  void addTo(OpCounter ops) {
    for (int i = 0; i < nonZeroClasses.length; i++) {
      ops.add(nonZeroClasses[i], nonZeroCounts[i]);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("OpBlock{");
    for (int i = 0; i < nonZeroClasses.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(nonZeroClasses[i]).append('=').append(nonZeroCounts[i]);
    }
    return sb.append('}').toString();
  }
}
