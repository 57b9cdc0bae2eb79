package org.axnas.pipelines;

import org.axnas.pipelines.run.TraceCollection;
import org.axnas.pipelines.flink.BeamOptions;
import org.axnas.pipelines.run.JsonOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.axnas.core.Splits;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.run.OutputFolder;
import org.axnas.pipelines.run.TraceMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code axnas traces}: run real kernels over inputs and write split Avro traces. */
@Command(
    name = "traces",
    mixinStandardHelpOptions = true,
    footer = BeamOptions.HELP_FOOTER,
    description = "Collect traces of AxBench kernels with a Beam pipeline and split them into train/validation/test Avro files.")
public final class TracesCommand implements Callable<Integer> {
  @Option(names = "--benchmark", required = true,
      description = "blackscholes, fft, inversek2j, jmeint, jpeg, kmeans, sobel, or all")
  String benchmark;

  @Option(names = "--samples", defaultValue = "100000", description = "Samples per benchmark (with --input: at most this many; default ${DEFAULT-VALUE}).")
  long samples;

  @Option(names = "--out", required = true, description = "Output folder; traces go to OUT/<benchmark>/traces/.")
  Path out;

  @Option(names = "--input", description = "A real AxBench input file instead of the seeded generator.")
  Path input;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the generator and the split (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--train", defaultValue = "0.7", description = "Train fraction (default ${DEFAULT-VALUE}).")
  double train;

  @Option(names = "--validation", defaultValue = "0.15", description = "Validation fraction (default ${DEFAULT-VALUE}); the rest is test.")
  double validation;

  @Option(names = "--json", description = "Print one JSON document on stdout.")
  boolean json;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  /**
   * All benchmarks are collected by one pipeline: refuses up front what would not fit in this JVM
   * (on the DirectRunner an OutOfMemoryError in a worker thread hangs the pipeline).
   */
  void checkMemory(List<Benchmark> benchmarks, PipelineOptions options, long maxHeapBytes) {
    boolean collectedHere = TraceMemory.collectsInThisJvm(options);
    if (!collectedHere) {
      return; // collected by the cluster's workers; the driver reads nothing back
    }
    long perRound = 0;
    int values = 0;
    for (Benchmark b : benchmarks) {
      perRound += TraceMemory.peakBytes(1, b.inputWidth() + b.outputWidth(), true);
      values += b.inputWidth() + b.outputWidth();
    }
    long fits = Math.max(0, TraceMemory.usable(maxHeapBytes) / perRound);
    TraceMemory.check("command line", "--samples", (double) samples * perRound, maxHeapBytes,
        String.format(java.util.Locale.ROOT, "%d samples of %s (%d values a sample%s) to collect and split in this JVM",
            samples, benchmarks.size() == 1 ? benchmarks.get(0).name() : benchmarks.size() + " benchmarks", values,
            benchmarks.size() == 1 ? "" : " in all"),
        "lower --samples to at most " + fits + " or run on a Flink cluster");
  }

  @Override
  public Integer call() {
    List<Benchmark> benchmarks = "all".equals(benchmark) ? Benchmarks.all() : List.of(byName(benchmark));
    if (input != null && benchmarks.size() != 1) {
      throw new ConfigException("--input", "input", "an input file belongs to one benchmark; name it with --benchmark");
    }
    if (input != null) {
      OutputFolder.checkReadableFile(input, "--input");
    }
    OutputFolder.checkWritable(out, "--out");
    if (samples < 1) {
      throw new ConfigException("--samples", "samples", "must be at least 1, got " + samples);
    }
    Splits splits;
    try {
      splits = new Splits(train, validation, seed);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--train/--validation", "train", e.getMessage());
    }
    for (Benchmark b : benchmarks) {
      Path dir = out.resolve(b.name()).resolve(TraceCollection.TRACES);
      if (nonEmpty(dir)) {
        throw new ConfigException(dir.toString(), null, "already holds traces; choose another --out or remove it (nothing was overwritten)");
      }
    }

    PipelineOptions options = BeamOptions.parse(beamArgs);
    checkMemory(benchmarks, options, Runtime.getRuntime().maxMemory());
    long start = System.nanoTime();
    Pipeline p = Pipeline.create(options);
    for (Benchmark b : benchmarks) {
      TraceCollection.addTo(p, b.name(),
          new TraceCollection.Source(seed, samples, input == null ? null : input.toString()),
          splits, out.resolve(b.name()));
    }
    PipelineResult result = p.run();
    result.waitUntilFinish();
    double seconds = (System.nanoTime() - start) / 1e9;

    List<Map<String, Object>> rows = new ArrayList<>();
    for (Benchmark b : benchmarks) {
      TraceCollection.Counts c = TraceCollection.counts(result, b.name());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("benchmark", b.name());
      row.put("train", c.train());
      row.put("validation", c.validation());
      row.put("test", c.test());
      row.put("failed", c.failed());
      row.put("dir", out.resolve(b.name()).resolve(TraceCollection.TRACES).toString());
      rows.add(row);
    }
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("outDir", out.toString());
      doc.put("benchmarks", rows);
      doc.put("seconds", seconds);
      JsonOutput.print(doc);
    } else {
      System.out.printf("%-13s %10s %10s %10s %8s  %s%n", "benchmark", "train", "validation", "test", "failed", "written to");
      for (Map<String, Object> r : rows) {
        System.out.printf("%-13s %10d %10d %10d %8d  %s%n", r.get("benchmark"), r.get("train"), r.get("validation"),
            r.get("test"), r.get("failed"), r.get("dir"));
      }
      System.out.printf("traces written in %.1f s%n", seconds);
    }
    return 0;
  }

  private static Benchmark byName(String name) {
    try {
      return Benchmarks.byName(name);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--benchmark", "benchmark", e.getMessage() + " (or all)");
    }
  }

  static boolean nonEmpty(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    } catch (IOException e) {
      return true;
    }
  }
}
