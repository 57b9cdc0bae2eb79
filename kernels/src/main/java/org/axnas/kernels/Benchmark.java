package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;
import org.axnas.core.Activation;
import org.axnas.core.Network;
import org.axnas.core.OpCounter;

/**
 * One AxBench function that a neural network may stand in for: the exact function, its inputs
 * (a seeded generator and a reader of AxBench's own input files), the error metric and the two
 * error bounds of the paper's Table 2. Implementations are stateless and thread-safe.
 */
public interface Benchmark {

  /** Lower-case AxBench name, e.g. {@code blackscholes}. */
  String name();

  int inputWidth();

  int outputWidth();

  ErrorMetric metric();

  /**
   * The error bound of the paper's Table 2 for error-bound group 1 or 2.
   *
   * @throws IllegalArgumentException for any other group
   */
  double errorBound(int group);

  /** AxBench's hand-designed network (SPEC section 2); hidden layers sigmoid. */
  Network axbenchNetwork();

  /** Activation of a network's output layer for this benchmark. */
  Activation outputActivation();

  /**
   * The exact function on one input, as AxBench computes it; counts the operations it really
   * executes into {@code ops} and marks one invocation.
   */
  void compute(float[] input, float[] output, OpCounter ops);

  /**
   * Seeded synthetic inputs following AxBench's distributions; input i depends only on (seed, i),
   * not on which inputs were read before. Unbounded ({@code size()} is {@link Long#MAX_VALUE}).
   * The source may cache state (the image benchmarks keep the current synthetic image), so it is
   * not thread-safe: make one per thread.
   */
  InputSource generator(long seed);

  /**
   * Inputs read from a real AxBench input file (format in axbench-data/SOURCES.md), parsed
   * eagerly; the source is immutable and thread-safe.
   *
   * @throws InputFormatException naming file, line, field and what is allowed
   */
  InputSource reader(Path file) throws IOException;
}
