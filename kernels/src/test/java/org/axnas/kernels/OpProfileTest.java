package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axnas.core.OpClass;
import org.axnas.core.OpCounter;
import org.axnas.core.OpProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpProfileTest {
  private static final int SAMPLES = 3000;

  static Iterable<Benchmark> benchmarks() {
    return Benchmarks.all();
  }

  private static OpProfile profile(Benchmark b, long seed) {
    InputSource source = b.generator(seed);
    OpCounter ops = new OpCounter();
    float[] in = new float[b.inputWidth()];
    float[] out = new float[b.outputWidth()];
    for (long i = 0; i < SAMPLES; i++) {
      source.input(i * 7, in);
      b.compute(in, out, ops);
    }
    assertEquals(SAMPLES, ops.invocations(), b.name() + ": one invocation per compute");
    return ops.profile();
  }

  @ParameterizedTest
  @MethodSource("benchmarks")
  void countsAreDeterministicAndPlausible(Benchmark b) {
    OpProfile p = profile(b, 1);
    assertEquals(p, profile(b, 1), b.name() + ": same inputs, same counts");
    assertTrue(p.total() >= 5, b.name() + " " + p);
    assertTrue(p.count(OpClass.LOAD) + p.count(OpClass.STORE) >= b.outputWidth(), b.name() + " " + p);
  }

  private static OpProfile of(String name) {
    return profile(Benchmarks.byName(name), 1);
  }

  @Test
  void eachKernelCountsTheOperationsItsSourceRuns() {
    OpProfile bs = of("blackscholes");
    assertEquals(4, bs.count(OpClass.FEXP), "log, exp and one exp per CNDF: " + bs);
    assertEquals(1, bs.count(OpClass.FSQRT), bs.toString());
    assertEquals(4, bs.count(OpClass.FDIV), bs.toString());
    assertTrue(bs.count(OpClass.FMUL) >= 30, bs.toString());

    OpProfile fft = of("fft");
    assertEquals(2, fft.count(OpClass.FTRIG), "sin and cos: " + fft);
    assertEquals(1, fft.count(OpClass.FMUL), fft.toString());

    OpProfile arm = of("inversek2j");
    assertEquals(4, arm.count(OpClass.FTRIG), "acos, cos, sin, asin: " + arm);
    assertEquals(2, arm.count(OpClass.FDIV), arm.toString());

    OpProfile tri = of("jmeint");
    assertTrue(tri.count(OpClass.FADD) > 27 && tri.count(OpClass.FMUL) > 20, tri.toString());
    assertTrue(tri.count(OpClass.FDIV) > 0 && tri.count(OpClass.FDIV) < 4,
        "divisions only when both planes are crossed: " + tri);
    assertEquals(0, tri.count(OpClass.FTRIG) + tri.count(OpClass.FEXP) + tri.count(OpClass.FSQRT));

    OpProfile jpeg = of("jpeg");
    assertEquals(1168, jpeg.count(OpClass.INT), "two 8-line DCT passes and 64 quantisations: " + jpeg);
    assertEquals(0, jpeg.count(OpClass.FADD) + jpeg.count(OpClass.FMUL), "integer-only region");

    OpProfile kmeans = of("kmeans");
    assertEquals(1, kmeans.count(OpClass.FSQRT), kmeans.toString());
    assertEquals(3, kmeans.count(OpClass.FMUL), kmeans.toString());

    OpProfile sobel = of("sobel");
    assertEquals(1, sobel.count(OpClass.FSQRT), sobel.toString());
    assertEquals(20, sobel.count(OpClass.FMUL), "two 3x3 convolutions and two squares: " + sobel);
  }

  @Test
  void pathDependentKernelsCountTheirPath() {
    Benchmark jmeint = Benchmarks.byName("jmeint");
    OpCounter reject = new OpCounter();
    jmeint.compute(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 1, 0, 2, 0, 1, 2}, new float[2], reject);
    OpCounter coplanar = new OpCounter();
    jmeint.compute(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0.1f, 0.1f, 0, 0.3f, 0.1f, 0, 0.1f, 0.3f, 0},
        new float[2], coplanar);
    assertTrue(coplanar.total(OpClass.BRANCH) > 3 * reject.total(OpClass.BRANCH));
    assertEquals(0, reject.total(OpClass.FDIV), "rejected before any interval is computed");

    Benchmark bs = Benchmarks.byName("blackscholes");
    OpCounter call = new OpCounter();
    bs.compute(new float[] {0.5f, 0.5f, 0.05f, 0.2f, 0.5f, 0}, new float[1], call);
    OpCounter put = new OpCounter();
    bs.compute(new float[] {0.5f, 0.5f, 0.05f, 0.2f, 0.5f, 1}, new float[1], put);
    assertEquals(call.total(OpClass.FADD) + 2, put.total(OpClass.FADD), "a put computes 1 - N twice");
  }
}
