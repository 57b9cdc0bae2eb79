package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.axnas.core.OpCounter;

/**
 * AxBench kmeans' approximable function {@code euclideanDistance}: the distance between a pixel
 * (r, g, b)/256 and a centroid (r, g, b), both in [0, 1], summed in float and square-rooted.
 *
 * <p>Inputs come as AxBench's segmentation makes them: its one k-means iteration compares every
 * pixel with each of k = 6 centroids (pixel-major), so an image gives 6 inputs per pixel. AxBench
 * draws the centroids once per run as {@code rand()/RAND_MAX} per channel; the reader uses the
 * very values glibc's unseeded {@code rand()} gives ({@link KmeansFrame#AXBENCH_CENTROIDS}), the
 * generator six uniform centroids per synthetic image.
 *
 * <p>Operation counts: 3 subtractions, 3 squares and 3 additions (the repeated difference is one
 * common subexpression), one FSQRT, six loads of the pixel and centroid channels, one store.
 */
final class Kmeans extends AxbenchBenchmark {
  /** AxBench's k ({@code initClusters(&clusters, 6, 1)}). */
  static final int CENTROIDS = 6;

  private static final OpBlock DISTANCE = OpBlock.EMPTY.fadd(6).fmul(3).fsqrt(1).load(6).store(1);

  Kmeans() {
    super("kmeans", new MeanAbsoluteDifference("output diff"), new ErrorBounds(0.05, 0.1),
        "6-8:sigmoid-4:sigmoid-1");
  }

  @Override
  public void compute(float[] input, float[] output, OpCounter ops) {
    float r = 0;
    float dr = input[0] - input[3];
    r += dr * dr;
    float dg = input[1] - input[4];
    r += dg * dg;
    float db = input[2] - input[5];
    r += db * db;
    output[0] = (float) Math.sqrt(r);
    DISTANCE.addTo(ops);
    ops.invocation();
  }

  /**
   * Synthetic 512x512 images, each with its own six centroids uniform on [0, 1)^3, 6 inputs per
   * pixel (pixel-major, centroids 0..5).
   */
  @Override
  public InputSource generator(long seed) {
    long perImage = (long) SyntheticImage.SIZE * SyntheticImage.SIZE * CENTROIDS;
    return new SyntheticImageInputs(name(), seed, perImage,
        n -> new KmeansFrame(SyntheticImage.generate(seed, n), centroids(seed, n)));
  }

  private static float[] centroids(long seed, long image) {
    SplittableRandom rnd = InputStreams.random(seed, InputStreams.CENTROIDS, image);
    float[] c = new float[3 * CENTROIDS];
    for (int i = 0; i < c.length; i++) {
      c[i] = InputStreams.unitFloat(rnd);
    }
    return c;
  }

  /** An AxBench {@code .rgb} image with AxBench's own six centroids, 6 inputs per pixel. */
  @Override
  public InputSource reader(Path file) throws IOException {
    KmeansFrame frame = new KmeansFrame(RgbFile.read(file), KmeansFrame.AXBENCH_CENTROIDS);
    return new FileImageInputs(file, frame);
  }
}
