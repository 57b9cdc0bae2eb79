package org.axnas.kernels;

/**
 * An image as sobel sees it: the luminance plane of AxBench's {@code makeGrayscale}, in float
 * (0.30/256)r + (0.59/256)g + (0.11/256)b, and one 3x3 window per pixel with zeros beyond the
 * borders (AxBench's {@code HALF_WINDOW}).
 */
final class SobelFrame implements ImageFrame {
  private static final float RED = (float) (0.30 / 256.0);
  private static final float GREEN = (float) (0.59 / 256.0);
  private static final float BLUE = (float) (0.11 / 256.0);

  private final int width;
  private final int height;
  private final float[] luminance;

  SobelFrame(RgbImage image) {
    width = image.width();
    height = image.height();
    luminance = new float[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        luminance[y * width + x] =
            (RED * image.red(x, y)) + (GREEN * image.green(x, y)) + (BLUE * image.blue(x, y));
      }
    }
  }

  @Override
  public long samples() {
    return (long) width * height;
  }

  @Override
  public void input(long position, float[] dst) {
    int x = (int) (position % width);
    int y = (int) (position / width);
    for (int i = 0; i < 3; i++) {
      int yy = y - 1 + i;
      for (int j = 0; j < 3; j++) {
        int xx = x - 1 + j;
        boolean inside = yy >= 0 && yy < height && xx >= 0 && xx < width;
        dst[3 * i + j] = inside ? luminance[yy * width + xx] : 0f;
      }
    }
  }
}
