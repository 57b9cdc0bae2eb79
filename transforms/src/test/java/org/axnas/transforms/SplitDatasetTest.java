package org.axnas.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.axnas.core.Splits;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.TraceSample;
import org.junit.jupiter.api.Test;

class SplitDatasetTest {
  private static final int N = 20_000;

  static List<TraceSample> samples(int n) {
    List<TraceSample> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(new TraceSample("toy", (long) i, List.of((float) i, 1f), List.of((float) (2 * i))));
    }
    return l;
  }

  /** Which indices land in each part, computed independently of the transform. */
  static Set<Long> expected(Splits.Part part, double train, double validation, long seed, int n) {
    Splits s = new Splits(train, validation, seed);
    Set<Long> set = new HashSet<>();
    for (long i = 0; i < n; i++) {
      if (s.of(i) == part) {
        set.add(i);
      }
    }
    return set;
  }

  @Test
  void splitsBySeededHashIntoDisjointPartsOfTheRightSizes() {
    TestPipeline p = CollectTracesTest.pipeline();
    PCollection<TraceSample> in = p.apply(Create.of(samples(N)).withCoder(AvroCoder.of(TraceSample.class)));
    PCollectionTuple parts = in.apply(SplitDataset.create().withFractions(0.6, 0.2).withSeed(42));

    for (Splits.Part part : Splits.Part.values()) {
      Set<Long> want = expected(part, 0.6, 0.2, 42, N);
      double share = part == Splits.Part.TRAIN ? 0.6 : 0.2;
      // sizes within 4 standard deviations of a binomial draw
      assertTrue(Math.abs(want.size() - share * N) < 4 * Math.sqrt(N * share * (1 - share)), part + ": " + want.size());
      PCollection<TraceSample> got = parts.get(part == Splits.Part.TRAIN ? SplitDataset.TRAIN
          : part == Splits.Part.VALIDATION ? SplitDataset.VALIDATION : SplitDataset.TEST);
      PAssert.that(got).satisfies(samples -> {
        Set<Long> idx = new HashSet<>();
        for (TraceSample s : samples) {
          idx.add(s.getIndex());
        }
        assertEquals(want, idx);
        return null;
      });
    }
    PAssert.that(parts.get(SplitDataset.FAILURES)).empty();
    p.run().waitUntilFinish();

    // the three parts are disjoint and cover every sample
    Set<Long> all = new HashSet<>();
    int total = 0;
    for (Splits.Part part : Splits.Part.values()) {
      Set<Long> s = expected(part, 0.6, 0.2, 42, N);
      total += s.size();
      all.addAll(s);
    }
    assertEquals(N, total);
    assertEquals(N, all.size());
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    assertEquals(expected(Splits.Part.TEST, 0.7, 0.15, 5, 5000), expected(Splits.Part.TEST, 0.7, 0.15, 5, 5000));
    assertTrue(!expected(Splits.Part.TEST, 0.7, 0.15, 5, 5000).equals(expected(Splits.Part.TEST, 0.7, 0.15, 6, 5000)));
  }

  @Test
  void nonFiniteSamplesGoToTheFailureOutput() {
    List<TraceSample> in = samples(10);
    in.set(3, new TraceSample("toy", 3L, List.of(Float.NaN, 1f), List.of(0f)));
    in.set(7, new TraceSample("toy", 7L, List.of(1f, 1f), List.of(Float.POSITIVE_INFINITY)));
    TestPipeline p = CollectTracesTest.pipeline();
    PCollectionTuple parts = p.apply(Create.of(in).withCoder(AvroCoder.of(TraceSample.class)))
        .apply(SplitDataset.create());
    PAssert.that(parts.get(SplitDataset.FAILURES)).satisfies(failures -> {
      Set<String> reasons = new HashSet<>();
      for (DeadLetter d : failures) {
        assertEquals("SplitDataset", d.getStage());
        reasons.add(d.getReason());
      }
      assertEquals(Set.of("non-finite value in sample 3", "non-finite value in sample 7"), reasons);
      return null;
    });
    PCollection<TraceSample> kept = org.apache.beam.sdk.values.PCollectionList.of(parts.get(SplitDataset.TRAIN))
        .and(parts.get(SplitDataset.VALIDATION)).and(parts.get(SplitDataset.TEST))
        .apply(org.apache.beam.sdk.transforms.Flatten.pCollections());
    PAssert.thatSingleton(kept.apply(Count.globally())).isEqualTo(8L);
    p.run().waitUntilFinish();
  }
}
