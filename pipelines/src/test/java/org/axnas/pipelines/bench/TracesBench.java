package org.axnas.pipelines.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.axnas.core.OpCounter;
import org.axnas.core.Splits;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.kernels.InputSource;
import org.axnas.pipelines.run.TraceCollection;

/**
 * bench/traces: trace collection through the Beam pipeline (collect, split, write Avro) on the
 * DirectRunner against the plain kernel loop in the same JVM. Usage: TracesBench SAMPLES RUNS BENCHMARK...
 */
public final class TracesBench {
  public static void main(String[] args) throws Exception {
    long samples = Long.parseLong(args[0]);
    int runs = Integer.parseInt(args[1]);
    List<String> summary = new ArrayList<>();
    for (String name : Arrays.copyOfRange(args, 2, args.length)) {
      Benchmark b = Benchmarks.byName(name);
      double[] plain = new double[runs];
      double[] beam = new double[runs];
      for (int r = 0; r < runs; r++) {
        plain[r] = samples / plainLoop(b, samples);
        beam[r] = samples / beamPipeline(b, samples);
        System.out.printf("%s run %d: plain loop %.0f samples/s, Beam DirectRunner %.0f samples/s%n", name, r + 1, plain[r], beam[r]);
      }
      double p = median(plain);
      double q = median(beam);
      System.out.printf("%s: median plain %.0f samples/s, Beam %.0f samples/s, ratio Beam/plain %.3f%n", name, p, q, q / p);
      summary.add(String.format("%s beam=%.0f plain=%.0f ratio=%.3f", name, q, p, q / p));
    }
    System.out.println("traces: " + samples + " samples; " + String.join("; ", summary));
  }

  /** Seconds for the plain loop: generate, compute, count operations. */
  static double plainLoop(Benchmark b, long n) {
    long start = System.nanoTime();
    InputSource src = b.generator(1);
    OpCounter ops = new OpCounter();
    float[] in = new float[b.inputWidth()];
    double sink = 0;
    for (long i = 0; i < n; i++) {
      src.input(i, in);
      float[] out = new float[b.outputWidth()];
      b.compute(in, out, ops);
      sink += out[0];
    }
    if (sink == 42) {
      System.out.print("");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Seconds for the whole Beam trace stage: collect, split, write Avro. */
  static double beamPipeline(Benchmark b, long n) throws Exception {
    Path dir = Files.createTempDirectory("axnas-bench-traces");
    long start = System.nanoTime();
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    // diagnosis only (-Daxnas.bench.enforce=false): the product keeps the DirectRunner's checks on
    boolean enforce = Boolean.parseBoolean(System.getProperty("axnas.bench.enforce", "true"));
    options.setEnforceImmutability(enforce);
    options.setEnforceEncodability(enforce);
    Pipeline p = Pipeline.create(options);
    TraceCollection.addTo(p, b.name(), new TraceCollection.Source(1, n, null), new Splits(0.7, 0.15, 1), dir);
    PipelineResult result = p.run();
    result.waitUntilFinish();
    double s = (System.nanoTime() - start) / 1e9;
    TraceCollection.Counts c = TraceCollection.counts(result, b.name());
    if (c.train() + c.validation() + c.test() != n) {
      throw new IllegalStateException("lost samples: " + c);
    }
    try (var walk = Files.walk(dir)) {
      for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    return s;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
