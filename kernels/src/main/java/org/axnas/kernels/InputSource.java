package org.axnas.kernels;

/**
 * Random-access inputs of a benchmark: input number {@code index} is always the same vector, no
 * matter which inputs were read before, so parallel workers can each take a range of indices.
 */
public interface InputSource {

  /** Number of inputs; {@link Long#MAX_VALUE} for an unbounded generator. */
  long size();

  /**
   * Writes input number {@code index} into {@code dst} (length = the benchmark's input width).
   *
   * @throws IndexOutOfBoundsException when index is negative or not below {@link #size()}
   */
  void input(long index, float[] dst);

  /** Where the inputs come from, e.g. {@code generator seed=1} or a file path. */
  String describe();
}
