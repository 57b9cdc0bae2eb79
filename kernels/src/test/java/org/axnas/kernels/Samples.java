package org.axnas.kernels;

import org.axnas.core.OpCounter;

/** Small helpers for running a benchmark in tests. */
final class Samples {
  private Samples() {}

  static float[] compute(Benchmark b, float... input) {
    float[] out = new float[b.outputWidth()];
    b.compute(input, out, new OpCounter());
    return out;
  }

  static float[] input(InputSource source, Benchmark b, long index) {
    float[] in = new float[b.inputWidth()];
    source.input(index, in);
    return in;
  }
}
