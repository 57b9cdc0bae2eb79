package org.axnas.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.axnas.traces.KernelProfiles;
import org.axnas.core.OpCounter;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.kernels.InputSource;
import org.axnas.schemas.KernelProfile;
import org.axnas.schemas.TraceSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectTracesTest {

  static TestPipeline pipeline() {
    return TestPipeline.create().enableAbandonedNodeEnforcement(false);
  }

  /** The same samples the plain kernel loop gives, whatever shard computed them. */
  @Test
  void samplesAreTheKernelsOutputsOnGeneratedInputs() {
    Benchmark b = Benchmarks.byName("inversek2j");
    List<TraceSample> expected = new ArrayList<>();
    InputSource src = b.generator(7);
    OpCounter ops = new OpCounter();
    for (long i = 0; i < 300; i++) {
      float[] in = new float[b.inputWidth()];
      float[] out = new float[b.outputWidth()];
      src.input(i, in);
      b.compute(in, out, ops);
      expected.add(new TraceSample("inversek2j", i, CollectTraces.boxed(in), CollectTraces.boxed(out)));
    }

    TestPipeline p = pipeline();
    PCollectionTuple t = p.apply(CollectTraces.of("inversek2j").withGenerator(7, 300).withShardSize(37));
    PAssert.that(t.get(CollectTraces.SAMPLES)).containsInAnyOrder(expected);
    PAssert.that(t.get(CollectTraces.FAILURES)).empty();
    double trig = ops.profile().count(org.axnas.core.OpClass.FTRIG);
    double mul = ops.profile().count(org.axnas.core.OpClass.FMUL);
    PAssert.thatSingleton(t.get(CollectTraces.PROFILE)).satisfies(profile -> {
      assertEquals(300, profile.getInvocations());
      assertEquals(trig, profile.getOpsPerInvocation().get("FTRIG"), 1e-9);
      assertEquals(mul, profile.getOpsPerInvocation().get("FMUL"), 1e-9);
      return null;
    });
    p.run().waitUntilFinish();
  }

  /** A real AxBench input file: one sample per option line, in file order. */
  @Test
  void readsARealInputFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("options.txt");
    Files.writeString(file, "3\n"
        + "42.00 40.00 0.1000 0.00 0.20 0.50 C 0.00 4.759423036851750055\n"
        + "42.00 40.00 0.1000 0.00 0.20 0.50 P 0.00 0.808600016880314021\n"
        + "100.00 100.00 0.0500 0.00 0.15 1.00 P 0.00 3.714600762160557700\n");
    TestPipeline p = pipeline();
    PCollectionTuple t = p.apply(CollectTraces.of("blackscholes").withInputFile(file.toString(), 0));
    PAssert.thatSingleton(t.get(CollectTraces.SAMPLES).apply(Count.globally())).isEqualTo(3L);
    PAssert.that(t.get(CollectTraces.SAMPLES)).satisfies(samples -> {
      for (TraceSample s : samples) {
        assertEquals(6, s.getInput().size());
        // AxBench prices options on S/120 and K/120, so the function's output is price / 120
        float price = s.getOutput().get(0) * 120;
        double reference = s.getIndex() == 0 ? 4.7594 : s.getIndex() == 1 ? 0.8086 : 3.7146;
        assertEquals(reference, price, 0.01 * reference, "option " + s.getIndex());
      }
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void refusesAnUnknownBenchmarkListingTheAllowedOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CollectTraces.of("mandelbrot"));
    assertTrue(e.getMessage().contains("blackscholes"), e.getMessage());
  }

  @Test
  void refusesAZeroCount() {
    assertThrows(IllegalArgumentException.class, () -> CollectTraces.of("sobel").withGenerator(1, 0));
  }

  /** Profile partials of all shards combine to the mean over every invocation. */
  @Test
  void meanProfileWeighsShardsByInvocations() {
    CollectTraces.MeanProfileFn fn = new CollectTraces.MeanProfileFn("x", "test");
    KernelProfile a = KernelProfiles.toAvro("x", "", 1, org.axnas.core.OpProfile.of(java.util.Map.of(org.axnas.core.OpClass.FADD, 10.0)));
    KernelProfile b = KernelProfiles.toAvro("x", "", 3, org.axnas.core.OpProfile.of(java.util.Map.of(org.axnas.core.OpClass.FADD, 2.0)));
    KernelProfile mean = fn.extractOutput(fn.mergeAccumulators(List.of(a, b)));
    assertEquals(4, mean.getInvocations());
    assertEquals(3.0, mean.getOpsPerInvocation().get("FADD"), 1e-12); // (10 + 2) / 4
  }
}
