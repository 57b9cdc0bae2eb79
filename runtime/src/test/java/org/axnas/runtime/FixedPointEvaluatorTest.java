package org.axnas.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PlainEvaluator} in fixed point: a network by hand, the JSON block, and a real trained model. */
class FixedPointEvaluatorTest {
  /** 2-1:relu-1 with identity scaling: h = relu(0.75 x0 + 0.5 x1 - 0.25), y = 1.5 h + 0.1. */
  private static final String TINY = "{\"format\":\"axnas-mlp\",\"version\":1,\"network\":\"2-1:relu-1\","
      + "\"inputScaling\":{\"mean\":[0,0],\"std\":[1,1]},\"outputScaling\":{\"mean\":[0],\"std\":[1]},"
      + "\"layers\":[{\"weights\":[[0.75],[0.5]],\"biases\":[-0.25],\"activation\":\"relu\"},"
      + "{\"weights\":[[1.5]],\"biases\":[0.1],\"activation\":\"linear\"}]}";
  private static final Quantisation EIGHT_BITS = new Quantisation(
      Precision.fixed(8, Rounding.NEAREST, ActivationUnit.EXACT), new int[] {6, 6}, new int[] {4, 3, 4}, new int[] {3, 4});

  @Test
  void aTinyNetworkComputesTheHandComputedWords() {
    PlainEvaluator f = PlainEvaluator.fromJson(TINY).withQuantisation(EIGHT_BITS);
    // sum -576 / 2^10 = -0.5625 -> -4 / 2^3; relu 0; 0.1 -> 6 / 2^6; 48 / 2^9 -> 2 / 2^4 = 0.125
    assertEquals(0.125f, f.evaluate(new float[] {1.25f, -2.5f})[0]);
    // sum 1792 / 2^10 = 1.75 -> 14 / 2^3; 48 + 96 * 14 = 1392 / 2^9 = 2.71875 -> 44 / 2^4 = 2.75 (float: 2.725)
    assertEquals(2.75f, f.evaluate(new float[] {2f, 1f})[0]);
    assertEquals(2.725f, PlainEvaluator.fromJson(TINY).evaluate(new float[] {2f, 1f})[0], 1e-6);
    // inputs 8 saturate at 127 / 2^4; 9904 / 2^10 -> 77 / 2^3; 48 + 96 * 77 = 7440 -> 233 / 2^4 saturates at 127
    assertEquals(7.9375f, f.evaluate(new float[] {8f, 8f})[0]);
  }

  @Test
  void theQuantisationBlockTravelsInTheModelJson() {
    String attached = EIGHT_BITS.attachTo(TINY);
    PlainEvaluator read = PlainEvaluator.fromJson(attached);
    assertEquals(EIGHT_BITS, read.quantisation().orElseThrow());
    assertEquals("fixed8", read.precision().notation());
    assertEquals(2.75f, read.evaluate(new float[] {2f, 1f})[0]);
    // a model from before precisions (no block) is float
    assertEquals(Precision.FLOAT, PlainEvaluator.fromJson(TINY).precision());
    assertFalse(PlainEvaluator.fromJson(TINY).quantisation().isPresent());
    assertThrows(IllegalArgumentException.class,
        () -> PlainEvaluator.fromJson(attached.replace("\"rounding\":\"nearest\"", "\"rounding\":\"stochastic\"")));
    assertThrows(IllegalArgumentException.class, () -> PlainEvaluator.fromJson(TINY).withQuantisation(
        new Quantisation(EIGHT_BITS.precision(), new int[] {6}, new int[] {4, 4}, new int[] {3})));
  }

  @Test
  void calibrationPicksTheBinaryPointsFromTheRanges() {
    float[] rows = {1.25f, -2.5f, 2f, 1f, 0.5f, 0.5f};
    Quantisation q = PlainEvaluator.fromJson(TINY).calibrate(Precision.fixed(8, Rounding.NEAREST, ActivationUnit.EXACT), rows, 3);
    // weights up to 0.75 -> 7; 1.5 -> 6; inputs up to 2.5 -> 5; hidden sums up to 1.75 -> 6,
    // hidden outputs 1.75 -> 6; output sums up to 2.725 -> 5 and outputs 2.725 -> 5
    assertArrayEquals(new int[] {7, 6}, q.weightFractionBits());
    assertArrayEquals(new int[] {5, 6, 5}, q.inputFractionBits());
    assertArrayEquals(new int[] {6, 5}, q.sumFractionBits());
    assertEquals(Quantisation.of(Precision.floatWith(ActivationUnit.EXACT)),
        PlainEvaluator.fromJson(TINY).calibrate(Precision.FLOAT, rows, 3));
  }

  @Test
  void aTrainedNetworkLosesLittleAt16BitsAndMoreAt8(@TempDir Path tmp) throws Exception {
    FinishedRun run = FinishedRun.open(FinishedRunTest.fixture());
    PlainEvaluator net = run.selectedModel(); // 6-32:tanh-18:sigmoid-1
    float[] rows = new float[6 * 200];
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) r.nextDouble(0, 1);
    }
    PlainEvaluator f16 = net.withQuantisation(net.calibrate(
        Precision.fixed(16, Rounding.NEAREST, ActivationUnit.of(ActivationUnit.Kind.PIECEWISE_LINEAR, 256)), rows, 200));
    PlainEvaluator f8 = net.withQuantisation(net.calibrate(Precision.fixed(8, Rounding.NEAREST, ActivationUnit.EXACT), rows, 200));
    double e16 = maxError(net, f16, rows);
    double e8 = maxError(net, f8, rows);
    assertTrue(e16 < 2e-3, "16 bits: " + e16);
    assertTrue(e8 > e16, "8 bits " + e8 + " vs 16 bits " + e16);
    assertNotEquals(0.0, e16);
    // 32 bits with exact activations: the wide accumulator keeps the sums exact, so the network
    // computes as in float to within the float's own rounding (a long accumulator overflowed here)
    double e32 = maxError(net, net.withQuantisation(
        net.calibrate(Precision.fixed(32, Rounding.NEAREST, ActivationUnit.EXACT), rows, 200)), rows);
    double e16exact = maxError(net, net.withQuantisation(
        net.calibrate(Precision.fixed(16, Rounding.NEAREST, ActivationUnit.EXACT), rows, 200)), rows);
    assertTrue(e32 < 1e-5, "32 bits: " + e32);
    assertTrue(e32 < e16exact / 10, "32 bits " + e32 + " vs 16 bits " + e16exact);
    // the run's pareto.json with a member's quantisation: FinishedRun.model computes in it
    Path copy = tmp.resolve("run");
    Files.createDirectories(copy.resolve("models"));
    try (var files = Files.list(FinishedRunTest.fixture().resolve("models"))) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.copy(p, copy.resolve("models").resolve(p.getFileName()));
      }
    }
    String block = f16.quantisation().orElseThrow().toJson();
    String pareto = Files.readString(FinishedRunTest.fixture().resolve("pareto.json"))
        .replaceFirst("\"trialId\"\\s*:\\s*5\\s*,", "\"trialId\":5,\"quantisation\":" + java.util.regex.Matcher.quoteReplacement(block) + ",");
    Files.writeString(copy.resolve("pareto.json"), pareto);
    FinishedRun moved = FinishedRun.open(copy);
    float[] x = java.util.Arrays.copyOf(rows, 6);
    assertArrayEquals(f16.evaluate(x), moved.model(moved.member(5).orElseThrow().scores()).evaluate(x));
  }

  /** The largest difference of {@code f}'s output from float {@code net}'s over the 6-input rows. */
  private static double maxError(PlainEvaluator net, PlainEvaluator f, float[] rows) {
    double e = 0;
    for (int i = 0; i < rows.length / 6; i++) {
      float[] x = java.util.Arrays.copyOfRange(rows, 6 * i, 6 * i + 6);
      e = Math.max(e, Math.abs(f.evaluate(x)[0] - net.evaluate(x)[0]));
    }
    return e;
  }
}
