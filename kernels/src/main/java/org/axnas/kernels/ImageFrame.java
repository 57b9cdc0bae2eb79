package org.axnas.kernels;

/**
 * One image prepared for an image benchmark (grey plane, blocks, pixels and centroids), from
 * which the benchmark's inputs are read by position. Immutable.
 */
interface ImageFrame {

  /** Number of inputs this image gives. */
  long samples();

  /** Writes input number {@code position} (0 <= position < samples) into {@code dst}. */
  void input(long position, float[] dst);
}
