package org.axnas.pipelines;

import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.axnas.core.Splits;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.KernelProfile;
import org.axnas.schemas.TraceSample;
import org.axnas.transforms.CollectTraces;
import org.axnas.transforms.SplitDataset;

/**
 * The traces stage of a run folder: collect a benchmark's traces, split them and write
 * {@code <benchmarkDir>/traces/{train,validation,test}-*.avro}, {@code profile.avro} and
 * {@code failures-*.avro}. Beam's file sinks write to temporary files and rename, so a killed
 * run never leaves a half-written trace file.
 */
public final class TraceCollection {
  public static final String TRACES = "traces";

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
    PCollectionTuple traces = p.apply("CollectTraces " + benchmark, collect);
    traces.get(CollectTraces.PROFILE).apply("WriteProfile " + benchmark,
        AvroIO.write(KernelProfile.class).to(dir + "/profile").withSuffix(".avro").withoutSharding());
    split(traces.get(CollectTraces.SAMPLES), traces.get(CollectTraces.FAILURES), benchmark, splits, dir);
  }

  /** Splits samples that came from elsewhere (a user's trace file) and writes them the same way. */
  public static void splitAndWrite(PCollection<TraceSample> samples, String benchmark, Splits splits, Path benchmarkDir) {
    String dir = benchmarkDir.resolve(TRACES).toAbsolutePath().toString();
    PCollection<DeadLetter> none = samples.getPipeline()
        .apply("NoCollectionFailures " + benchmark, Create.empty(AvroCoder.of(DeadLetter.class)));
    split(samples, none, benchmark, splits, dir);
  }

  private static void split(PCollection<TraceSample> samples, PCollection<DeadLetter> failures, String benchmark,
      Splits splits, String dir) {
    PCollectionTuple parts = samples.apply("SplitDataset " + benchmark,
        SplitDataset.create().withFractions(splits.train(), splits.validation()).withSeed(splits.seed()));
    write(parts, SplitDataset.TRAIN, dir, "train", benchmark);
    write(parts, SplitDataset.VALIDATION, dir, "validation", benchmark);
    write(parts, SplitDataset.TEST, dir, "test", benchmark);
    PCollectionList.of(failures).and(parts.get(SplitDataset.FAILURES))
        .apply("AllFailures " + benchmark, Flatten.pCollections())
        .apply("WriteFailures " + benchmark,
            AvroIO.write(DeadLetter.class).to(dir + "/failures").withSuffix(".avro").withNumShards(1));
  }

  private static void write(PCollectionTuple parts, org.apache.beam.sdk.values.TupleTag<TraceSample> tag,
      String dir, String name, String benchmark) {
    parts.get(tag).apply("Write " + name + " " + benchmark,
        AvroIO.write(TraceSample.class).to(dir + "/" + name).withSuffix(".avro").withNumShards(1));
  }

  /** Counts from the finished pipeline's metrics. */
  public record Counts(long train, long validation, long test, long failed) {}

  public static Counts counts(PipelineResult result, String benchmark) {
    return new Counts(
        counter(result, SplitDataset.class, SplitDataset.counterName(benchmark, Splits.Part.TRAIN)),
        counter(result, SplitDataset.class, SplitDataset.counterName(benchmark, Splits.Part.VALIDATION)),
        counter(result, SplitDataset.class, SplitDataset.counterName(benchmark, Splits.Part.TEST)),
        counter(result, CollectTraces.class, CollectTraces.failureCounterName(benchmark))
            + counter(result, SplitDataset.class, benchmark + "/nonFinite"));
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
