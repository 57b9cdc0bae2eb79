package org.axnas.pipelines.search;

import org.apache.beam.sdk.options.PipelineOptions;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.TraceMemory;

/** The heap a run's traces need, checked before a pipeline starts. */
final class MemoryCheck {
  private MemoryCheck() {}

  /**
   * Refuses up front a config whose traces would not fit in this JVM's memory, saying what to
   * change, instead of failing (or, on the DirectRunner, hanging after an OutOfMemoryError) halfway.
   */
  static void check(RunConfig config, RunInputs in, PipelineOptions options, long maxHeapBytes) {
    TraceShape t = in.userTraces() != null
        ? new TraceShape(in.userTraces().samples().size(), in.userTraces().samples().get(0).getInput().size(),
            in.userTraces().samples().get(0).getOutput().size())
        : builtInTraces(config);
    boolean collectedHere = TraceMemory.collectsInThisJvm(options);
    long perSample = TraceMemory.peakBytes(1, t.values(), collectedHere);
    long fits = Math.max(0, TraceMemory.usable(maxHeapBytes) / perSample);
    TraceMemory.check(config.file(), in.userTraces() != null ? "function.traces" : "traces.samples",
        (double) t.samples() * perSample, maxHeapBytes,
        String.format(java.util.Locale.ROOT, "%d samples of %d values (%d in, %d out) %s", t.samples(), t.values(),
            t.inputs(), t.outputs(), collectedHere ? "to collect and split in this JVM" : "for the driver to read the splits"),
        in.userTraces() != null ? "use a trace file of at most " + fits + " samples"
            : "lower traces.samples to at most " + fits);
  }

  /** How many samples of how many values a run's traces hold. */
  record TraceShape(long samples, int inputs, int outputs) {
    int values() {
      return inputs + outputs;
    }
  }

  /** The traces of a built-in benchmark of {@code config}, or null for a user function's trace file. */
  static TraceShape builtInTraces(RunConfig config) {
    if (config.isUserFunction()) {
      return null;
    }
    Benchmark b = Benchmarks.byName(config.benchmark());
    return new TraceShape(config.traces().samples(), b.inputWidth(), b.outputWidth());
  }
}
