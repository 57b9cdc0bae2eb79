package org.axnas.kernels;

import java.util.function.LongFunction;

/**
 * Inputs of an image benchmark over an endless sequence of synthetic images: input i is position
 * {@code i % perImage} of image {@code i / perImage}. The image last used is cached, so a worker
 * reading a range of indices builds each image once. Not thread-safe (the cache); give each
 * thread its own source.
 */
final class SyntheticImageInputs implements InputSource {
  private final String benchmark;
  private final long seed;
  private final long perImage;
  private final LongFunction<ImageFrame> frameOfImage;
  private long cachedImage = -1;
  private ImageFrame cachedFrame;

  /**
   * @param frameOfImage prepares image number n (of this seed); must give {@code perImage} inputs
   */
  SyntheticImageInputs(String benchmark, long seed, long perImage,
      LongFunction<ImageFrame> frameOfImage) {
    this.benchmark = benchmark;
    this.seed = seed;
    this.perImage = perImage;
    this.frameOfImage = frameOfImage;
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
    long image = index / perImage;
    if (image != cachedImage) {
      cachedFrame = frameOfImage.apply(image);
      cachedImage = image;
    }
    cachedFrame.input(index % perImage, dst);
  }

  @Override
  public String describe() {
    return benchmark + " generator seed=" + seed + " (synthetic " + SyntheticImage.SIZE + "x"
        + SyntheticImage.SIZE + " images, " + perImage + " inputs each)";
  }
}
