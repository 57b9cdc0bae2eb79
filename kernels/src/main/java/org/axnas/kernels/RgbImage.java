package org.axnas.kernels;

/** An 8-bit RGB image, row-major, top row first; immutable. */
final class RgbImage {
  private final int width;
  private final int height;
  /** 0xRRGGBB per pixel. */
  private final int[] pixels;

  /** Takes ownership of {@code pixels} (width * height values 0xRRGGBB). */
  RgbImage(int width, int height, int[] pixels) {
    if (width < 1 || height < 1 || pixels.length != width * height) {
      throw new IllegalArgumentException(
          "an image of " + width + "x" + height + " needs that many pixels, got " + pixels.length);
    }
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  int red(int x, int y) {
    return (pixels[y * width + x] >> 16) & 0xFF;
  }

  int green(int x, int y) {
    return (pixels[y * width + x] >> 8) & 0xFF;
  }

  int blue(int x, int y) {
    return pixels[y * width + x] & 0xFF;
  }
}
