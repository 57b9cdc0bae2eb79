package org.axnas.core;

/**
 * Counts dynamic operations while a kernel runs. Kernels call it next to the operations they
 * perform, so the count is of what really executed (loop trip counts, branches taken). Not
 * thread-safe: one counter per thread.
 */
public final class OpCounter {
  private final long[] counts = new long[OpClass.values().length];
  private long invocations;

  public void add(OpClass op, int n) {
    counts[op.ordinal()] += n;
  }

  public void fadd(int n) {
    counts[OpClass.FADD.ordinal()] += n;
  }

  public void fmul(int n) {
    counts[OpClass.FMUL.ordinal()] += n;
  }

  public void fdiv(int n) {
    counts[OpClass.FDIV.ordinal()] += n;
  }

  public void fsqrt(int n) {
    counts[OpClass.FSQRT.ordinal()] += n;
  }

  public void fexp(int n) {
    counts[OpClass.FEXP.ordinal()] += n;
  }

  public void ftrig(int n) {
    counts[OpClass.FTRIG.ordinal()] += n;
  }

  public void integer(int n) {
    counts[OpClass.INT.ordinal()] += n;
  }

  public void load(int n) {
    counts[OpClass.LOAD.ordinal()] += n;
  }

  public void store(int n) {
    counts[OpClass.STORE.ordinal()] += n;
  }

  public void branch(int n) {
    counts[OpClass.BRANCH.ordinal()] += n;
  }

  /** Marks the end of one invocation of the counted function. */
  public void invocation() {
    invocations++;
  }

  public long invocations() {
    return invocations;
  }

  public long total(OpClass op) {
    return counts[op.ordinal()];
  }

  /** Adds another counter's counts and invocations to this one. */
  public void merge(OpCounter other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    invocations += other.invocations;
  }

  /** Mean counts per invocation so far. */
  public OpProfile profile() {
    if (invocations == 0) {
      throw new IllegalStateException("no invocation counted");
    }
    double[] mean = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      mean[i] = (double) counts[i] / invocations;
    }
    return OpProfile.of(mean);
  }
}
