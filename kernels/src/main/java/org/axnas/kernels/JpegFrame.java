package org.axnas.kernels;

/**
 * An image as AxBench's jpeg sees it: grey values {@code (INT16)(0.30r + 0.59g + 0.11b)} in float,
 * the image cut down to whole 8x8 blocks, and one input per block (blocks row-major, as the
 * encoder walks them): the block level-shifted by -128 and divided by 256.
 */
final class JpegFrame implements ImageFrame {
  private final int width;
  private final int blocksPerRow;
  private final int blocks;
  private final short[] grey;

  JpegFrame(RgbImage image) {
    width = image.width();
    blocksPerRow = image.width() / 8;
    blocks = blocksPerRow * (image.height() / 8);
    grey = new short[width * image.height()];
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < width; x++) {
        float luminance =
            0.30f * image.red(x, y) + 0.59f * image.green(x, y) + 0.11f * image.blue(x, y);
        grey[y * width + x] = (short) luminance;
      }
    }
  }

  @Override
  public long samples() {
    return blocks;
  }

  @Override
  public void input(long position, float[] dst) {
    int bx = (int) (position % blocksPerRow) * 8;
    int by = (int) (position / blocksPerRow) * 8;
    for (int i = 0; i < 8; i++) {
      int row = (by + i) * width + bx;
      for (int j = 0; j < 8; j++) {
        dst[i * 8 + j] = (grey[row + j] - 128) / 256f;
      }
    }
  }
}
