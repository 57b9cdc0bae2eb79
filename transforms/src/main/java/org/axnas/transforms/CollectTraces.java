package org.axnas.transforms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.axnas.core.OpClass;
import org.axnas.core.OpCounter;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.kernels.InputSource;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.KernelProfile;
import org.axnas.schemas.TraceSample;
import org.axnas.traces.TraceBatch;

/**
 * Runs a benchmark's real kernel over inputs and records (input, exact output) samples plus the
 * kernel's dynamic operation profile.
 *
 * <p>Inputs come from the benchmark's seeded generator ({@link #withGenerator}) or from a real
 * AxBench input file ({@link #withInputFile}). The index space is cut into shards that workers
 * compute independently, so collection scales with the runner's parallelism and sample i is the
 * same whoever computes it. Samples whose input or output holds NaN or an infinity go to
 * {@link #FAILURES}, counted, never into the traces.
 *
 * <p>Outputs: {@link #SAMPLES} (TraceSample), {@link #PROFILE} (one KernelProfile with mean
 * counts per invocation) and {@link #FAILURES} (DeadLetter). {@link #inBatches()} gives the same
 * samples as one {@link TraceBatch} per shard under {@link #BATCHES}: what the traces stage uses,
 * because a runner pays per element and a million one-sample elements cost minutes where the
 * kernel takes a second.
 */
public final class CollectTraces extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<TraceSample> SAMPLES = new TupleTag<>() {};
  /** The output of {@link #inBatches()}: the samples of each shard, in index order. */
  public static final TupleTag<TraceBatch> BATCHES = new TupleTag<>() {};
  public static final TupleTag<KernelProfile> PROFILE = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> FAILURES = new TupleTag<>() {};
  private static final TupleTag<KernelProfile> PARTIAL_PROFILES = new TupleTag<>() {};

  static final String STAGE = "CollectTraces";
  // A shard is one element and, on the DirectRunner, a few bundles whose fixed cost (the runner
  // walks the pipeline graph and translates the DoFn per bundle) outweighs the kernel's: on
  // bench/traces (2 shared cores) 1M samples took 7.4 s in shards of 20,000, 4.8 s in 100,000 (larger
  // gained nothing). 100,000 samples are 50 ms of kernel time, so a large run still spreads widely.
  private static final long DEFAULT_SHARD_SIZE = 100_000;
  private static final long MAX_SHARD_SIZE = 10_000_000;

  private final String benchmark;
  private final Long seed;
  private final long count;
  private final String inputFile;
  private final long shardSize;

  private CollectTraces(String benchmark, Long seed, long count, String inputFile, long shardSize) {
    this.benchmark = benchmark;
    this.seed = seed;
    this.count = count;
    this.inputFile = inputFile;
    this.shardSize = shardSize;
  }

  /** Traces of the named benchmark; choose the inputs with withGenerator or withInputFile. */
  public static CollectTraces of(String benchmark) {
    Benchmarks.byName(benchmark); // fails early, listing the allowed names
    return new CollectTraces(benchmark, null, 0, null, DEFAULT_SHARD_SIZE);
  }

  /** count samples from the benchmark's generator with this seed. */
  public CollectTraces withGenerator(long seed, long count) {
    if (count < 1) {
      throw new IllegalArgumentException("sample count must be at least 1, got " + count);
    }
    return new CollectTraces(benchmark, seed, count, null, shardSize);
  }

  /**
   * Every input of a real AxBench input file, at most maxSamples of them (0 for all). The path
   * must be readable where the workers run (on one machine a local path is fine).
   */
  public CollectTraces withInputFile(String path, long maxSamples) {
    if (maxSamples < 0) {
      throw new IllegalArgumentException("maxSamples must be >= 0, got " + maxSamples);
    }
    return new CollectTraces(benchmark, null, maxSamples, path, shardSize);
  }

  /** Samples per unit of work (default 100,000), at most 10,000,000: a shard travels as one element. */
  public CollectTraces withShardSize(long shardSize) {
    if (shardSize < 1 || shardSize > MAX_SHARD_SIZE) {
      throw new IllegalArgumentException("shard size must be between 1 and " + MAX_SHARD_SIZE + ", got " + shardSize);
    }
    return new CollectTraces(benchmark, seed, count, inputFile, shardSize);
  }

  /** The same collection with the samples of each shard in one {@link TraceBatch} (tag {@link #BATCHES}). */
  public Batched inBatches() {
    return new Batched(this);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple batched = begin.apply("Batched", inBatches());
    PCollection<TraceSample> samples = batched.get(BATCHES)
        .apply("Unbatch", ParDo.of(new UnbatchFn()))
        .setCoder(AvroCoder.of(TraceSample.class));
    return PCollectionTuple.of(SAMPLES, samples)
        .and(PROFILE, batched.get(PROFILE))
        .and(FAILURES, batched.get(FAILURES));
  }

  /** {@link CollectTraces} with one element per shard: outputs {@link #BATCHES}, {@link #PROFILE}, {@link #FAILURES}. */
  public static final class Batched extends PTransform<PBegin, PCollectionTuple> {
    private final CollectTraces config;

    private Batched(CollectTraces config) {
      this.config = config;
    }

    @Override
    public PCollectionTuple expand(PBegin begin) {
      return config.collect(begin);
    }
  }

  private PCollectionTuple collect(PBegin begin) {
    if (seed == null && inputFile == null) {
      throw new IllegalStateException(
          "CollectTraces of " + benchmark + ": choose withGenerator(seed, count) or withInputFile(path, max)");
    }
    long total = count;
    if (inputFile != null) {
      long available = openFile(Benchmarks.byName(benchmark), inputFile).size();
      total = count == 0 ? available : Math.min(count, available);
    }
    List<KV<Long, Long>> shards = new ArrayList<>();
    for (long start = 0; start < total; start += shardSize) {
      shards.add(KV.of(start, Math.min(total, start + shardSize)));
    }
    PCollectionTuple out =
        begin
            .apply("Shards", Create.of(shards).withCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
            .apply("Spread", Reshuffle.viaRandomKey())
            .apply(
                "RunKernel",
                ParDo.of(new RunKernelFn(benchmark, seed, inputFile))
                    .withOutputTags(BATCHES, TupleTagList.of(PARTIAL_PROFILES).and(FAILURES)));
    out.get(BATCHES).setCoder(TraceBatchCoder.of());
    out.get(FAILURES).setCoder(AvroCoder.of(DeadLetter.class));
    PCollection<KernelProfile> partial = out.get(PARTIAL_PROFILES).setCoder(AvroCoder.of(KernelProfile.class));
    PCollection<KernelProfile> profile =
        partial
            .apply("MeanProfile", Combine.globally(new MeanProfileFn(benchmark, describeSource())))
            .setCoder(AvroCoder.of(KernelProfile.class));
    return PCollectionTuple.of(BATCHES, out.get(BATCHES))
        .and(PROFILE, profile)
        .and(FAILURES, out.get(FAILURES));
  }

  private String describeSource() {
    return inputFile != null ? "file " + inputFile : "generator seed=" + seed;
  }

  static InputSource openFile(Benchmark b, String path) {
    try {
      return b.reader(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read input file " + path + " of " + b.name(), e);
    }
  }

  /** Computes one shard of samples with the real kernel, counting its operations. */
  static final class RunKernelFn extends DoFn<KV<Long, Long>, TraceBatch> {
    private final String benchmarkName;
    private final Long seed;
    private final String inputFile;
    private final Counter samples = Metrics.counter(STAGE, "samples");
    private final Counter nonFinite;
    private transient Benchmark benchmark;
    private transient InputSource source;

    RunKernelFn(String benchmarkName, Long seed, String inputFile) {
      this.benchmarkName = benchmarkName;
      this.seed = seed;
      this.inputFile = inputFile;
      this.nonFinite = Metrics.counter(STAGE, failureCounterName(benchmarkName));
    }

    @Setup
    public void setup() {
      benchmark = Benchmarks.byName(benchmarkName);
      source = inputFile != null ? openFile(benchmark, inputFile) : benchmark.generator(seed);
    }

    @ProcessElement
    public void process(@Element KV<Long, Long> shard, MultiOutputReceiver out) {
      OpCounter ops = new OpCounter();
      float[] in = new float[benchmark.inputWidth()];
      TraceBatch.Builder batch = TraceBatch.builder(benchmarkName, benchmark.inputWidth(), benchmark.outputWidth())
          .withCapacity(Math.toIntExact(shard.getValue() - shard.getKey()));
      for (long i = shard.getKey(); i < shard.getValue(); i++) {
        source.input(i, in);
        float[] result = new float[benchmark.outputWidth()];
        benchmark.compute(in, result, ops);
        if (!finite(in) || !finite(result)) {
          nonFinite.inc();
          out.get(FAILURES)
              .output(DeadLetters.of(STAGE, sampleJson(i, in, result), "non-finite value in sample " + i + " of " + source.describe()));
          continue;
        }
        batch.add(i, in, result);
      }
      samples.inc(batch.size());
      if (batch.size() > 0) {
        out.get(BATCHES).output(batch.build());
      }
      out.get(PARTIAL_PROFILES).output(totals(benchmarkName, ops));
    }
  }

  /** Every sample of a batch as its own element, in the batch's order. */
  static final class UnbatchFn extends DoFn<TraceBatch, TraceSample> {
    @ProcessElement
    public void process(@Element TraceBatch batch, OutputReceiver<TraceSample> out) {
      for (int i = 0; i < batch.size(); i++) {
        out.output(batch.sample(i));
      }
    }
  }

  /** Name of the counter of samples of a benchmark dropped for NaN or infinity. */
  public static String failureCounterName(String benchmark) {
    return benchmark + "/nonFinite";
  }

  static boolean finite(float[] v) {
    for (float f : v) {
      if (!Float.isFinite(f)) {
        return false;
      }
    }
    return true;
  }

  static List<Float> boxed(float[] v) {
    List<Float> l = new ArrayList<>(v.length);
    for (float f : v) {
      l.add(f);
    }
    return l;
  }

  private static String sampleJson(long index, float[] in, float[] out) {
    return "{\"index\":" + index + ",\"input\":" + java.util.Arrays.toString(in) + ",\"output\":" + java.util.Arrays.toString(out) + "}";
  }

  /** A partial profile: total counts (not means) over the shard's invocations. */
  private static KernelProfile totals(String benchmark, OpCounter ops) {
    Map<String, Double> m = new HashMap<>();
    for (OpClass c : OpClass.values()) {
      m.put(c.name(), (double) ops.total(c));
    }
    return KernelProfile.newBuilder()
        .setBenchmark(benchmark)
        .setInvocations(ops.invocations())
        .setOpsPerInvocation(m)
        .build();
  }

  /** Sums partial totals and divides by the invocations: mean operations per invocation. */
  static final class MeanProfileFn extends Combine.CombineFn<KernelProfile, KernelProfile, KernelProfile> {
    private final String benchmark;
    private final String source;

    MeanProfileFn(String benchmark, String source) {
      this.benchmark = benchmark;
      this.source = source;
    }

    @Override
    public KernelProfile createAccumulator() {
      Map<String, Double> m = new HashMap<>();
      for (OpClass c : OpClass.values()) {
        m.put(c.name(), 0.0);
      }
      return KernelProfile.newBuilder().setBenchmark(benchmark).setInvocations(0).setOpsPerInvocation(m).build();
    }

    @Override
    public KernelProfile addInput(KernelProfile acc, KernelProfile in) {
      return mergeAccumulators(List.of(acc, in));
    }

    @Override
    public KernelProfile mergeAccumulators(Iterable<KernelProfile> accs) {
      KernelProfile sum = createAccumulator();
      Map<String, Double> m = new HashMap<>(sum.getOpsPerInvocation());
      long n = 0;
      for (KernelProfile a : accs) {
        n += a.getInvocations();
        a.getOpsPerInvocation().forEach((k, v) -> m.merge(k, v, Double::sum));
      }
      return KernelProfile.newBuilder(sum).setInvocations(n).setOpsPerInvocation(m).build();
    }

    @Override
    public KernelProfile extractOutput(KernelProfile acc) {
      Map<String, Double> mean = new HashMap<>();
      long n = Math.max(1, acc.getInvocations());
      acc.getOpsPerInvocation().forEach((k, v) -> mean.put(k, v / n));
      return KernelProfile.newBuilder(acc).setSource(source).setOpsPerInvocation(mean).build();
    }
  }
}
