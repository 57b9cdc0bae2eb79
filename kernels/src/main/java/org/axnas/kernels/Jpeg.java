package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;
import org.axnas.core.OpCounter;

/**
 * AxBench jpeg's approximable region: the forward DCT and quantisation of one grey 8x8 block.
 * Input the level-shifted block divided by 256 (row-major); output the 64 quantised coefficients
 * in zig-zag order, divided by 256 — exactly AxBench's {@code dataIn}/{@code dataOut}. See
 * {@link JpegDct} and {@link JpegQuantizer}.
 *
 * <p>The region is integer code only: operation counts are the DCT's two passes of 8 lines
 * (adds, multiplies and shifts as INT, 8 loads and 8 stores per line, one back-edge each) and the
 * 64 quantisation steps; no floating-point operation runs.
 */
final class Jpeg extends AxbenchBenchmark {
  private static final OpBlock REGION =
      JpegDct.ROW_PASS.plus(JpegDct.COLUMN_PASS).plus(JpegQuantizer.QUANTIZE);

  Jpeg() {
    super("jpeg", new MeanAbsoluteDifference("pixel diff"), new ErrorBounds(0.002, 0.005),
        "64-16:sigmoid-64");
  }

  @Override
  public void compute(float[] input, float[] output, OpCounter ops) {
    int[] block = new int[64];
    for (int i = 0; i < 64; i++) {
      block[i] = (short) Math.round(input[i] * 256f); // AxBench's INT16 block
    }
    JpegDct.forward(block);
    int[] zigzag = new int[64];
    JpegQuantizer.quantize(block, zigzag);
    for (int i = 0; i < 64; i++) {
      output[i] = zigzag[i] / 256f;
    }
    REGION.addTo(ops);
    ops.invocation();
  }

  /** The 4096 blocks of each synthetic 512x512 image. */
  @Override
  public InputSource generator(long seed) {
    long perImage = (long) (SyntheticImage.SIZE / 8) * (SyntheticImage.SIZE / 8);
    return new SyntheticImageInputs(name(), seed, perImage,
        n -> new JpegFrame(SyntheticImage.generate(seed, n)));
  }

  /**
   * The whole 8x8 blocks of an AxBench {@code .rgb} image; what is left over at the right and
   * bottom edges is dropped, as AxBench does.
   */
  @Override
  public InputSource reader(Path file) throws IOException {
    RgbImage image = RgbFile.read(file);
    if (image.width() < 8 || image.height() < 8) {
      throw new InputFormatException(file, 1, "size",
          "jpeg needs an image of at least 8x8 pixels, got "
              + image.width() + "x" + image.height());
    }
    return new FileImageInputs(file, new JpegFrame(image));
  }
}
