package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratorTest {

  static List<Benchmark> benchmarks() {
    return Benchmarks.all();
  }

  /** Documented range of every input value, per benchmark: [low, high]. */
  private static final Map<String, double[]> RANGES = Map.of(
      "blackscholes", new double[] {0, 1},
      "fft", new double[] {0, 0.5},
      "inversek2j", new double[] {-0.5, 1},
      "jmeint", new double[] {0, 1},
      "jpeg", new double[] {-0.5, 0.5},
      "kmeans", new double[] {0, 1},
      "sobel", new double[] {0, 1});

  /** Spans several synthetic images for the image benchmarks, and huge indices. */
  private static final long[] INDICES = {0, 1, 2, 7, 1000, 262_149, 5_000_000, 4_000_000_000L};

  @ParameterizedTest
  @MethodSource("benchmarks")
  void sameSeedAndIndexGiveTheSameInputInAnyOrder(Benchmark b) {
    float[][] forward = read(b.generator(1), b, order(false, false));
    float[][] backward = read(b.generator(1), b, order(true, false));
    float[][] shuffled = read(b.generator(1), b, order(false, true));
    for (int i = 0; i < INDICES.length; i++) {
      assertArrayEquals(forward[i], backward[i], b.name() + " index " + INDICES[i]);
      assertArrayEquals(forward[i], shuffled[i], b.name() + " index " + INDICES[i]);
    }
    float[][] otherSeed = read(b.generator(2), b, order(false, false));
    boolean differs = false;
    for (int i = 0; i < INDICES.length; i++) {
      differs |= !java.util.Arrays.equals(forward[i], otherSeed[i]);
    }
    assertTrue(differs, b.name() + ": another seed gives other inputs");
  }

  private static List<Integer> order(boolean reverse, boolean shuffle) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < INDICES.length; i++) {
      order.add(i);
    }
    if (reverse) {
      Collections.reverse(order);
    }
    if (shuffle) {
      Collections.shuffle(order, new Random(3));
    }
    return order;
  }

  private static float[][] read(InputSource source, Benchmark b, List<Integer> order) {
    float[][] inputs = new float[INDICES.length][];
    for (int i : order) {
      inputs[i] = Samples.input(source, b, INDICES[i]);
    }
    return inputs;
  }

  @ParameterizedTest
  @MethodSource("benchmarks")
  void inputsStayInTheDocumentedRangeAndGiveFiniteOutputs(Benchmark b) {
    InputSource source = b.generator(7);
    assertEquals(Long.MAX_VALUE, source.size());
    assertTrue(source.describe().contains("seed=7"), source.describe());
    double[] range = RANGES.get(b.name());
    float[] in = new float[b.inputWidth()];
    float[] out = new float[b.outputWidth()];
    org.axnas.core.OpCounter ops = new org.axnas.core.OpCounter();
    for (long i = 0; i < 3000; i++) {
      source.input(i * 31, in);
      for (float v : in) {
        assertTrue(v >= range[0] && v <= range[1], b.name() + " input value " + v);
      }
      b.compute(in, out, ops);
      for (float v : out) {
        assertTrue(Float.isFinite(v), b.name() + " output " + v);
      }
    }
    assertThrows(IndexOutOfBoundsException.class, () -> source.input(-1, in));
  }
}
