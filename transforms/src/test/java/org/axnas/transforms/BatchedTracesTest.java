package org.axnas.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.axnas.core.OpCounter;
import org.axnas.core.Splits;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.kernels.InputSource;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.TraceSample;
import org.axnas.traces.TraceBatch;
import org.junit.jupiter.api.Test;

/** The batched traces stage gives exactly the samples and the split of the one-sample-per-element stage. */
class BatchedTracesTest {
  private static final Splits SPLITS = new Splits(0.6, 0.25, 11);

  @Test
  void batchedCollectionAndSplitMatchTheSampleBySampleOnes() {
    TestPipeline p = CollectTracesTest.pipeline();
    CollectTraces collect = CollectTraces.of("sobel").withGenerator(4, 1000).withShardSize(130);
    PCollectionTuple batches = p.apply("Batched", collect.inBatches());
    PCollectionTuple samples = p.apply("Samples", collect);

    // one batch per shard, its samples in index order, none lost or repeated
    PAssert.that(batches.get(CollectTraces.BATCHES)).satisfies(bs -> {
      Set<Long> seen = new HashSet<>();
      int n = 0;
      for (TraceBatch b : bs) {
        n++;
        assertEquals(0, b.index(0) % 130, b.toString());
        for (int i = 0; i < b.size(); i++) {
          assertEquals(b.index(0) + i, b.index(i));
          assertTrue(seen.add(b.index(i)));
        }
      }
      assertEquals(8, n);
      assertEquals(1000, seen.size());
      return null;
    });

    PCollectionTuple batchedParts = batches.get(CollectTraces.BATCHES)
        .apply("SplitBatches", SplitDataset.create().withFractions(0.6, 0.25).withSeed(11).inBatches());
    PCollectionTuple sampleParts = samples.get(CollectTraces.SAMPLES)
        .apply("SplitSamples", SplitDataset.create().withFractions(0.6, 0.25).withSeed(11));
    List<TupleTag<TraceBatch>> batchTags =
        List.of(SplitDataset.TRAIN_BATCHES, SplitDataset.VALIDATION_BATCHES, SplitDataset.TEST_BATCHES);
    List<TupleTag<TraceSample>> sampleTags = List.of(SplitDataset.TRAIN, SplitDataset.VALIDATION, SplitDataset.TEST);
    for (int k = 0; k < 3; k++) {
      Splits.Part part = Splits.Part.values()[k];
      PCollection<TraceSample> unbatched = batchedParts.get(batchTags.get(k))
          .apply("Unbatch " + part, ParDo.of(new CollectTraces.UnbatchFn()))
          .setCoder(AvroCoder.of(TraceSample.class));
      List<TraceSample> expected = new ArrayList<>();
      for (TraceSample s : expectedSamples()) {
        if (SPLITS.of(s.getIndex()) == part) {
          expected.add(s);
        }
      }
      PAssert.that(unbatched).containsInAnyOrder(expected);
      PAssert.that(sampleParts.get(sampleTags.get(k))).containsInAnyOrder(expected);
    }
    PAssert.that(batchedParts.get(SplitDataset.FAILURES)).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void batchedSplitSendsNonFiniteSamplesToFailuresAndCountsEachPart() {
    List<TraceSample> in = SplitDatasetTest.samples(500);
    in.set(3, new TraceSample("toy", 3L, List.of(Float.NaN, 1f), List.of(0f)));
    in.set(7, new TraceSample("toy", 7L, List.of(1f, 1f), List.of(Float.POSITIVE_INFINITY)));
    TestPipeline p = CollectTracesTest.pipeline();
    PCollectionTuple parts = p.apply(Create.of(TraceBatch.of(in, 64)).withCoder(TraceBatchCoder.of()))
        .apply(SplitDataset.create().withFractions(0.6, 0.25).withSeed(11).inBatches());
    PAssert.that(parts.get(SplitDataset.FAILURES)).satisfies(failures -> {
      Set<String> reasons = new HashSet<>();
      for (DeadLetter d : failures) {
        assertEquals("SplitDataset", d.getStage());
        reasons.add(d.getReason());
      }
      assertEquals(Set.of("non-finite value in sample 3", "non-finite value in sample 7"), reasons);
      return null;
    });
    PipelineResult result = p.run();
    result.waitUntilFinish();
    long[] want = new long[3];
    for (TraceSample s : in) {
      if (s.getIndex() != 3 && s.getIndex() != 7) {
        want[SPLITS.of(s.getIndex()).ordinal()]++;
      }
    }
    for (Splits.Part part : Splits.Part.values()) {
      assertEquals(want[part.ordinal()], counter(result, SplitDataset.counterName("toy", part)), part.name());
    }
    assertEquals(2, counter(result, SplitDataset.nonFiniteCounterName("toy")));
  }

  private static List<TraceSample> expectedSamples() {
    Benchmark b = Benchmarks.byName("sobel");
    InputSource src = b.generator(4);
    OpCounter ops = new OpCounter();
    List<TraceSample> l = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      float[] in = new float[b.inputWidth()];
      float[] out = new float[b.outputWidth()];
      src.input(i, in);
      b.compute(in, out, ops);
      l.add(new TraceSample("sobel", i, CollectTraces.boxed(in), CollectTraces.boxed(out)));
    }
    return l;
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(SplitDataset.STAGE, name)).build()).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
