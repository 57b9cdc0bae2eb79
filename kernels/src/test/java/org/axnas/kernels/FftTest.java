package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FftTest {
  private final Benchmark fft = Benchmarks.byName("fft");

  @Test
  void matchesJavaSinAndCosAtEveryButterflyArgument() {
    // every arg k/N a 4096-point radix-2 FFT uses, and a sample of the 32768-point one's
    for (int n = 2; n <= 32768; n <<= 1) {
      int step = Math.max(1, n / 4096);
      for (int k = 0; k < n / 2; k += step) {
        float arg = (float) k / n;
        float[] out = Samples.compute(fft, arg);
        // float results of double sin/cos: within half an ulp of values <= 1, plus libm's ulp
        assertEquals(Math.sin(-2 * Math.PI * k / n), out[0], 1e-7, "sin at " + k + "/" + n);
        assertEquals(Math.cos(-2 * Math.PI * k / n), out[1], 1e-7, "cos at " + k + "/" + n);
      }
    }
  }

  @Test
  void matchesAxbenchRecordedPairs() throws IOException {
    for (String name : new String[] {"fft/fft_train.data", "fft/fft_test.data"}) {
      Path file = AxbenchData.require(name);
      String[] t = Files.readString(file).trim().split("\\s+");
      int samples = Integer.parseInt(t[0]);
      assertEquals(3 + 3 * samples, t.length);
      for (int s = 0; s < samples; s++) {
        float arg = Float.parseFloat(t[3 + 3 * s]);
        float[] out = Samples.compute(fft, arg);
        // AxBench printed the argument and the outputs with %f (6 decimals): the printed arg is
        // up to 5e-7 from the one the outputs were computed at, which moves sin/cos by up to
        // 2*pi*5e-7, and each output is rounded by up to 5e-7; float adds 6e-8.
        double tolerance = 2 * Math.PI * 5e-7 + 5e-7 + 6e-8;
        assertEquals(Double.parseDouble(t[4 + 3 * s]), out[0], tolerance, name + " sample " + s);
        assertEquals(Double.parseDouble(t[5 + 3 * s]), out[1], tolerance, name + " sample " + s);
      }
    }
  }

  @Test
  void readerGivesTheRecordedArguments() throws IOException {
    Path file = AxbenchData.require("fft/fft_train.data");
    InputSource args = fft.reader(file);
    assertEquals(196, args.size());
    assertEquals(0.265625f, Samples.input(args, fft, 0)[0]);
    assertEquals(0.273438f, Samples.input(args, fft, 1)[0]);
  }

  @Test
  void generatorAsksForButterflyArgumentsOfThe32768PointFft() {
    InputSource args = fft.generator(5);
    int zeros = 0;
    int n = 30_000;
    for (int i = 0; i < n; i++) {
      float arg = Samples.input(args, fft, i)[0];
      assertTrue(arg >= 0 && arg < 0.5f, "arg " + arg);
      double scaled = arg * 32768.0;
      assertEquals(Math.rint(scaled), scaled, 0.0, "arg " + arg + " is k/N with N | 32768");
      zeros += arg == 0 ? 1 : 0;
    }
    // each of the 15 stages calls k = 0 in 2/N of its calls: sum over N of 2/N, / 15
    double expectedZeros = 0;
    for (int size = 2; size <= 32768; size <<= 1) {
      expectedZeros += 2.0 / size / 15;
    }
    assertEquals(expectedZeros, (double) zeros / n, 0.01);
  }

  @Test
  void relativeErrorStaysMeaningfulWhereSinIsZero() {
    float[] exact = Samples.compute(fft, 0f); // (sin, cos) = (0, 1)
    assertEquals(0, exact[0], 0.0);
    float[] predicted = {1e-5f, exact[1]};
    // the norm of (sin, cos) is 1, so an absolute miss of 1e-5 is a relative error of 1e-5
    assertEquals(1e-5, fft.metric().error(predicted, exact), 1e-9);
    assertTrue(fft.metric().correct(predicted, exact, fft.errorBound(1)));
  }
}
