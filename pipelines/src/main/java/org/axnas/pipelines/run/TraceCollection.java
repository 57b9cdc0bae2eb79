package org.axnas.pipelines.run;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.axnas.core.Splits;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.KernelProfile;
import org.axnas.schemas.TraceSample;
import org.axnas.traces.TraceBatch;
import org.axnas.transforms.CollectTraces;
import org.axnas.transforms.SplitDataset;
import org.axnas.transforms.TraceBatchCoder;
import org.axnas.transforms.TraceBatchSink;

/**
 * The traces stage of a run folder: collect a benchmark's traces, split them and write
 * {@code <benchmarkDir>/traces/{train,validation,test}-*.avro}, {@code profile.avro} and
 * {@code failures-*.avro}. Beam's file sinks write to temporary files and rename, so a killed
 * run never leaves a half-written trace file.
 *
 * <p>Samples travel in batches (one element per shard of the index space and part of the split),
 * not one element per sample: a runner's cost per element, above all the DirectRunner's checks and
 * the grouping into one file per part, made a million samples take minutes.
 */
public final class TraceCollection {
  public static final String TRACES = "traces";
  /** Samples per element when splitting a user's trace file (the kernels' shards are as large). */
  static final int USER_TRACE_BATCH = 100_000;

  private TraceCollection() {}

  /** Where a source of inputs comes from: a generator (seed, count) or a file (path, max). */
  public record Source(long seed, long samples, String inputFile) {}

  /** Adds collection, split and writing of one benchmark to a pipeline. */
  public static void addTo(Pipeline p, String benchmark, Source source, Splits splits, Path benchmarkDir) {
    CollectTraces collect = CollectTraces.of(benchmark);
    collect = source.inputFile() != null
        ? collect.withInputFile(source.inputFile(), source.samples())
        : collect.withGenerator(source.seed(), source.samples());
    String dir = benchmarkDir.resolve(TRACES).toAbsolutePath().toString();
    PCollectionTuple traces = p.apply("CollectTraces " + benchmark, collect.inBatches());
    traces.get(CollectTraces.PROFILE).apply("WriteProfile " + benchmark,
        AvroIO.write(KernelProfile.class).to(dir + "/profile").withSuffix(".avro").withoutSharding());
    split(traces.get(CollectTraces.BATCHES), traces.get(CollectTraces.FAILURES), benchmark, splits, dir);
  }

  /** Splits samples that came from elsewhere (a user's trace file) and writes them the same way. */
  public static void splitAndWrite(Pipeline p, List<TraceSample> samples, String benchmark, Splits splits,
      Path benchmarkDir) {
    String dir = benchmarkDir.resolve(TRACES).toAbsolutePath().toString();
    PCollection<TraceBatch> batches = p.apply("UserTraces " + benchmark,
        Create.of(TraceBatch.of(samples, USER_TRACE_BATCH)).withCoder(TraceBatchCoder.of()));
    PCollection<DeadLetter> none = p.apply("NoCollectionFailures " + benchmark, Create.empty(AvroCoder.of(DeadLetter.class)));
    split(batches, none, benchmark, splits, dir);
  }

  private static void split(PCollection<TraceBatch> batches, PCollection<DeadLetter> failures, String benchmark,
      Splits splits, String dir) {
    PCollectionTuple parts = batches.apply("SplitDataset " + benchmark,
        SplitDataset.create().withFractions(splits.train(), splits.validation()).withSeed(splits.seed()).inBatches());
    write(parts, SplitDataset.TRAIN_BATCHES, dir, "train", benchmark);
    write(parts, SplitDataset.VALIDATION_BATCHES, dir, "validation", benchmark);
    write(parts, SplitDataset.TEST_BATCHES, dir, "test", benchmark);
    PCollectionList.of(failures).and(parts.get(SplitDataset.FAILURES))
        .apply("AllFailures " + benchmark, Flatten.pCollections())
        .apply("WriteFailures " + benchmark,
            AvroIO.write(DeadLetter.class).to(dir + "/failures").withSuffix(".avro").withNumShards(1));
  }

  /** One file per part, {@code <name>-00000-of-00001.avro}, as AvroIO.write names it. */
  private static void write(PCollectionTuple parts, TupleTag<TraceBatch> tag, String dir, String name, String benchmark) {
    parts.get(tag).apply("Write " + name + " " + benchmark,
        TraceBatchSink.write(dir + "/" + name, 1));
  }

  /** Counts from the finished pipeline's metrics. */
  public record Counts(long train, long validation, long test, long failed) {}

  public static Counts counts(PipelineResult result, String benchmark) {
    return new Counts(
        counter(result, SplitDataset.class, SplitDataset.counterName(benchmark, Splits.Part.TRAIN)),
        counter(result, SplitDataset.class, SplitDataset.counterName(benchmark, Splits.Part.VALIDATION)),
        counter(result, SplitDataset.class, SplitDataset.counterName(benchmark, Splits.Part.TEST)),
        counter(result, CollectTraces.class, CollectTraces.failureCounterName(benchmark))
            + counter(result, SplitDataset.class, SplitDataset.nonFiniteCounterName(benchmark)));
  }

  static long counter(PipelineResult result, Class<?> stage, String name) {
    String namespace = stage.getSimpleName();
    MetricQueryResults q = result.metrics().queryMetrics(
        MetricsFilter.builder().addNameFilter(MetricNameFilter.named(namespace, name)).build());
    long total = 0;
    for (MetricResult<Long> c : q.getCounters()) {
      Long v;
      try {
        v = c.getCommitted();
      } catch (UnsupportedOperationException e) {
        v = c.getAttempted();
      }
      total += v == null ? 0 : v;
    }
    return total;
  }
}
