package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;
import org.axnas.core.OpCounter;

/**
 * AxBench fft's approximable function {@code fftSinCos}: the twiddle factor (sin, cos) of
 * -2*pi*arg for arg = k/N in [0, 0.5), as the radix-2 Cooley-Tukey FFT calls it in every
 * butterfly. As in AxBench, arg is a float and sin/cos are computed in double and stored as
 * floats.
 *
 * <p>Operation counts: one FMUL for {@code -2*PI*x} (the constant product is folded), one FTRIG
 * each for sin and cos, and the two stores through the output pointers.
 */
final class Fft extends AxbenchBenchmark {
  /** Size of AxBench's test FFT ({@code run_NN.sh}); its training run uses 2048. */
  static final int FFT_SIZE = 32768;
  static final int STAGES = Integer.numberOfTrailingZeros(FFT_SIZE);

  private static final OpBlock SIN_COS = OpBlock.EMPTY.fmul(1).ftrig(2).store(2);

  Fft() {
    super("fft", new RelativeError(), new ErrorBounds(0.0001, 0.001), "1-4:sigmoid-4:sigmoid-2");
  }

  @Override
  public void compute(float[] input, float[] output, OpCounter ops) {
    double angle = -2 * Math.PI * input[0];
    output[0] = (float) Math.sin(angle);
    output[1] = (float) Math.cos(angle);
    SIN_COS.addTo(ops);
    ops.invocation();
  }

  /**
   * The argument of a uniformly random butterfly of the {@value #FFT_SIZE}-point FFT: every stage
   * (N = 2, 4, ..., 32768) makes the same number of calls, and within a stage each k in [0, N/2)
   * is called equally often, so a stage is drawn uniformly and then k. This reproduces what the
   * real program asks for, including its many repeated small-denominator arguments (arg = 0 in
   * about 2/15 of the calls), rather than a uniform arg in [0, 0.5) it never sees; AxBench's
   * recorded fft_test.data has the same per-stage make-up.
   */
  @Override
  public InputSource generator(long seed) {
    return new GeneratedInputs(name(), seed, (rnd, dst) -> {
      int n = 2 << rnd.nextInt(STAGES);
      int k = rnd.nextInt(n >> 1);
      dst[0] = (float) k / n;
    });
  }

  /** A FANN file as AxBench recorded (fft_train.data, fft_test.data): 1 input, 2 outputs. */
  @Override
  public InputSource reader(Path file) throws IOException {
    return FannFile.read(file, 1, 2).inputSource(file, 1);
  }
}
