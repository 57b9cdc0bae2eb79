package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlackscholesTest {
  private final Benchmark bs = Benchmarks.byName("blackscholes");

  /**
   * Tolerance per option, in dollars: (S + K) * (7.5e-8 + 4 * 2^-24). The Abramowitz-Stegun
   * polynomial AxBench uses for N(x) is within 7.5e-8 of the true distribution (A&S 26.2.17), and
   * the price is S*N(d1) - K*exp(-rt)*N(d2), so the approximation moves it by at most 7.5e-8 *
   * (S + K). AxBench computes in float: N(x), the two products and their difference are each
   * rounded to 24 bits, about 4 roundings of quantities up to S + K. DerivaGem's reference is
   * exact to 18 digits. For S + K = 210 that is 6.5e-5 $, half a cent's hundredth.
   */
  private static double tolerance(double spot, double strike) {
    return (spot + strike) * (7.5e-8 + 4 * 0x1.0p-24);
  }

  @Test
  void pricesEveryDistinctParsecOptionNearItsDerivaGemPrice() throws IOException {
    Path file = AxbenchData.require("blackscholes/blackscholesTrain_100K.data");
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    Set<String> distinct = new LinkedHashSet<>(lines.subList(1, lines.size()));
    assertEquals(821, distinct.size(), "the file repeats 1000 base lines, 821 of them distinct");
    int checked = 0;
    for (String line : distinct) {
      String[] f = line.trim().split(" +");
      float spot = Float.parseFloat(f[0]);
      float strike = Float.parseFloat(f[1]);
      double reference = Double.parseDouble(f[8]);
      float[] in = {
        (float) (spot / 120.0), (float) (strike / 120.0), Float.parseFloat(f[2]),
        Float.parseFloat(f[4]), Float.parseFloat(f[5]), f[6].equals("P") ? 1 : 0
      };
      double price = Samples.compute(bs, in)[0] * 120.0;
      assertEquals(reference, price, tolerance(spot, strike), line);
      checked++;
    }
    assertEquals(821, checked);
  }

  @Test
  void putAndCallSatisfyParity() {
    // C - P = S - K exp(-rt) holds exactly for the model (N(-x) = 1 - N(x)), so only float
    // rounding separates the two sides
    InputSource options = bs.generator(11);
    for (int i = 0; i < 2000; i++) {
      float[] in = Samples.input(options, bs, i);
      in[5] = 0;
      double call = Samples.compute(bs, in)[0];
      in[5] = 1;
      double put = Samples.compute(bs, in)[0];
      double forward = in[0] - in[1] * Math.exp(-(double) in[2] * in[4]);
      assertEquals(forward, call - put, 1e-6, "option " + i);
    }
  }

  @Test
  void readsParsecOptionFileAsAxbenchScalesIt() throws IOException {
    Path file = AxbenchData.require("blackscholes/in_16.txt");
    InputSource options = bs.reader(file);
    assertEquals(16, options.size());
    // line 2: 42.00 40.00 0.1000 0.00 0.20 0.50 C ...
    assertArrayEquals(new float[] {42f / 120f, 40f / 120f, 0.1f, 0.2f, 0.5f, 0f},
        Samples.input(options, bs, 0), 1e-7f);
    // line 3 is the same option as a put
    assertEquals(1f, Samples.input(options, bs, 1)[5]);
    // line 17: 100.00 90.00 0.1000 0.00 0.25 0.50 C 0.00 16.092638844092299166
    float[] last = Samples.input(options, bs, 15);
    assertEquals(16.092638844092299166, Samples.compute(bs, last)[0] * 120.0, tolerance(100, 90));
    assertEquals(file.toString(), options.describe());
  }

  @Test
  void generatorStaysInParsecRanges() {
    InputSource options = bs.generator(3);
    int puts = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      float[] in = Samples.input(options, bs, i);
      double spot = in[0] * 120.0;
      double strike = in[1] * 120.0;
      assertTrue(spot >= 42 - 1e-3 && spot <= 100 + 1e-3, "S " + spot);
      assertTrue(strike >= 40 - 1e-3 && strike <= 110 + 1e-3, "K " + strike);
      assertTrue(strike / spot >= 0.825 - 1e-5 && strike / spot <= 1.215 + 1e-5, "K/S");
      assertTrue(in[2] >= 0.0275f && in[2] <= 0.10f, "r " + in[2]);
      assertTrue(in[3] >= 0.05f && in[3] <= 0.65f, "v " + in[3]);
      assertTrue(in[4] >= 0.05f && in[4] <= 1.00f, "t " + in[4]);
      assertTrue(in[5] == 0f || in[5] == 1f);
      puts += (int) in[5];
      float price = Samples.compute(bs, in)[0];
      assertTrue(price >= -1e-6f && Float.isFinite(price), "price " + price);
    }
    assertEquals(0.5, (double) puts / n, 0.02, "calls and puts equally likely");
  }
}
