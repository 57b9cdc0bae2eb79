package org.axnas.pipelines;

import org.axnas.pipelines.run.TraceCollection;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.axnas.core.Splits;
import org.axnas.schemas.TraceSample;
import org.axnas.traces.TraceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCollectionTest {

  /** A user's samples, in batches through the pipeline, land in the files of the part of their index, unchanged. */
  @Test
  void splitsAndWritesAUsersSamplesExactly(@TempDir Path dir) {
    Splits splits = new Splits(0.6, 0.3, 5);
    List<TraceSample> samples = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      long index = 7L * i + 3; // a user's file need not number its samples 0, 1, 2, ...
      samples.add(new TraceSample("mine", index, List.of(i / 3f, Float.intBitsToFloat(i)), List.of(-i * 0.1f)));
    }
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    TraceCollection.splitAndWrite(p, samples, "mine", splits, dir);
    PipelineResult result = p.run();
    result.waitUntilFinish();

    TraceCollection.Counts c = TraceCollection.counts(result, "mine");
    long[] counts = {c.train(), c.validation(), c.test()};
    for (Splits.Part part : Splits.Part.values()) {
      List<TraceSample> want = samples.stream().filter(s -> splits.of(s.getIndex()) == part).toList();
      String name = part.name().toLowerCase(java.util.Locale.ROOT);
      assertEquals(want, TraceStore.samples(dir.resolve(TraceCollection.TRACES), name), name);
      assertEquals(want.size(), counts[part.ordinal()], name);
    }
    assertEquals(0, c.failed());
  }
}
