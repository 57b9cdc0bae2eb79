package org.axnas.kernels;

/**
 * An image as kmeans sees it: channels divided by 256 (AxBench's {@code loadRgbImage(..., 256)})
 * and six centroids; input {@code 6 * pixel + c} is (pixel, centroid c).
 */
final class KmeansFrame implements ImageFrame {

  /**
   * AxBench's centroids: {@code initClusters} draws r, g, b of each of its 6 centroids as {@code
   * ((float) rand()) / RAND_MAX}, and kmeans never calls {@code srand}, so with glibc they are the
   * first 18 values of its default sequence (RAND_MAX = 2^31 - 1).
   */
  static final float[] AXBENCH_CENTROIDS = fromRand(
      1804289383, 846930886, 1681692777, 1714636915, 1957747793, 424238335,
      719885386, 1649760492, 596516649, 1189641421, 1025202362, 1350490027,
      783368690, 1102520059, 2044897763, 1967513926, 1365180540, 1540383426);

  private final float[] red;
  private final float[] green;
  private final float[] blue;
  private final float[] centroids;

  KmeansFrame(RgbImage image, float[] centroids) {
    if (centroids.length != 3 * Kmeans.CENTROIDS) {
      throw new IllegalArgumentException("kmeans needs " + Kmeans.CENTROIDS + " centroids");
    }
    int n = image.width() * image.height();
    red = new float[n];
    green = new float[n];
    blue = new float[n];
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        int p = y * image.width() + x;
        red[p] = image.red(x, y) / 256f;
        green[p] = image.green(x, y) / 256f;
        blue[p] = image.blue(x, y) / 256f;
      }
    }
    this.centroids = centroids.clone();
  }

  @Override
  public long samples() {
    return (long) red.length * Kmeans.CENTROIDS;
  }

  @Override
  public void input(long position, float[] dst) {
    int p = (int) (position / Kmeans.CENTROIDS);
    int c = 3 * (int) (position % Kmeans.CENTROIDS);
    dst[0] = red[p];
    dst[1] = green[p];
    dst[2] = blue[p];
    dst[3] = centroids[c];
    dst[4] = centroids[c + 1];
    dst[5] = centroids[c + 2];
  }

  private static float[] fromRand(int... values) {
    float[] c = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      c[i] = ((float) values[i]) / Integer.MAX_VALUE;
    }
    return c;
  }
}
