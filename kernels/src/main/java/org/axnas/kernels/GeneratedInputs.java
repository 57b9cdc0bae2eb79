package org.axnas.kernels;

import java.util.SplittableRandom;

/** An unbounded generator whose input i is drawn from its own per-index random stream. */
final class GeneratedInputs implements InputSource {

  /** Draws one input vector from the given random stream. */
  interface Sampler {
    void sample(SplittableRandom random, float[] dst);
  }

  private final String benchmark;
  private final long seed;
  private final Sampler sampler;

  GeneratedInputs(String benchmark, long seed, Sampler sampler) {
    this.benchmark = benchmark;
    this.seed = seed;
    this.sampler = sampler;
  }

  @Override
  public long size() {
    return Long.MAX_VALUE;
  }

  @Override
  public void input(long index, float[] dst) {
    if (index < 0) {
      throw new IndexOutOfBoundsException("input index must be >= 0, got " + index);
    }
    sampler.sample(InputStreams.random(seed, InputStreams.INPUTS, index), dst);
  }

  @Override
  public String describe() {
    return benchmark + " generator seed=" + seed;
  }
}
