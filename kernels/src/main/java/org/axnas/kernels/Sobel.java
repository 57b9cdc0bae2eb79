package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;
import org.axnas.core.OpCounter;

/**
 * AxBench sobel: the gradient magnitude of a 3x3 window of luminance values (0.30r + 0.59g +
 * 0.11b)/256, window row-major (input 4 is the centre pixel), as AxBench's {@code sobel()} computes
 * it in float: two 3x3 convolutions accumulated in the C loop order, {@code sqrt(sx*sx + sy*sy)},
 * and results at or above 256/sqrt(2*256^2) clamped to 255/sqrt(2*256^2).
 *
 * <p>Operation counts mirror the C source as written (loops not unrolled): each {@code convolve}
 * runs 9 multiply-adds reading the window and the kernel matrix (18 loads), with 9 inner and 3
 * outer loop increments and back-edges; then 2 FMUL, 1 FADD, 1 FSQRT, the clamp comparison and
 * branch, and the store of the result.
 */
final class Sobel extends AxbenchBenchmark {
  private static final float[] KX = {-1, -2, -1, 0, 0, 0, 1, 2, 1};
  private static final float[] KY = {-1, 0, 1, -2, 0, 2, -1, 0, 1};
  private static final double CLAMP_AT = 256 / Math.sqrt(256 * 256 + 256 * 256);
  private static final float CLAMPED = (float) (255 / Math.sqrt(256 * 256 + 256 * 256));

  private static final OpBlock CONVOLVE =
      OpBlock.EMPTY.fadd(9).fmul(9).load(18).integer(12).branch(12);
  private static final OpBlock MAGNITUDE =
      CONVOLVE.times(2).plus(OpBlock.EMPTY.fadd(2).fmul(2).fsqrt(1).branch(1).store(1));

  Sobel() {
    super("sobel", new MeanAbsoluteDifference("pixel diff"), new ErrorBounds(0.01, 0.05),
        "9-8:sigmoid-1");
  }

  @Override
  public void compute(float[] input, float[] output, OpCounter ops) {
    float sx = convolve(input, KY);
    float sy = convolve(input, KX);
    float s = (float) Math.sqrt(sx * sx + sy * sy);
    if (s >= CLAMP_AT) {
      s = CLAMPED;
    }
    output[0] = s;
    MAGNITUDE.addTo(ops);
    ops.invocation();
  }

  /** AxBench's {@code convolve(w, k)}: sum of w[i][j] * k[j][i], j outer, i inner. */
  private static float convolve(float[] window, float[] kernel) {
    float r = 0.0f;
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < 3; i++) {
        r += window[3 * i + j] * kernel[3 * j + i];
      }
    }
    return r;
  }

  /** One window per pixel of synthetic 512x512 images, pixels in row-major order. */
  @Override
  public InputSource generator(long seed) {
    return new SyntheticImageInputs(name(), seed, (long) SyntheticImage.SIZE * SyntheticImage.SIZE,
        n -> new SobelFrame(SyntheticImage.generate(seed, n)));
  }

  /** One window per pixel of an AxBench {@code .rgb} image, in AxBench's (row-major) order. */
  @Override
  public InputSource reader(Path file) throws IOException {
    return new FileImageInputs(file, new SobelFrame(RgbFile.read(file)));
  }
}
