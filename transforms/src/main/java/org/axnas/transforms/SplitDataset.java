package org.axnas.transforms;

import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.axnas.core.Splits;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.TraceSample;
import org.axnas.traces.TraceBatch;

/**
 * Splits trace samples into train, validation and test by a seeded hash of the sample index:
 * deterministic whatever the runner, the order or the parallelism, and disjoint by construction.
 * Samples holding NaN or infinity go to {@link #FAILURES}, counted.
 *
 * <p>{@link #inBatches()} splits {@link TraceBatch}es instead, one element per batch and part
 * ({@link #TRAIN_BATCHES} and so on): each sample lands in the same part as here, and the counters
 * are the same.
 */
public final class SplitDataset extends PTransform<PCollection<TraceSample>, PCollectionTuple> {
  public static final TupleTag<TraceSample> TRAIN = new TupleTag<>() {};
  public static final TupleTag<TraceSample> VALIDATION = new TupleTag<>() {};
  public static final TupleTag<TraceSample> TEST = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> FAILURES = new TupleTag<>() {};
  public static final TupleTag<TraceBatch> TRAIN_BATCHES = new TupleTag<>() {};
  public static final TupleTag<TraceBatch> VALIDATION_BATCHES = new TupleTag<>() {};
  public static final TupleTag<TraceBatch> TEST_BATCHES = new TupleTag<>() {};
  static final String STAGE = "SplitDataset";

  private final Splits splits;

  private SplitDataset(Splits splits) {
    this.splits = splits;
  }

  /** The default 70 / 15 / 15 split with seed 1. */
  public static SplitDataset create() {
    return new SplitDataset(new Splits(0.70, 0.15, 1L));
  }

  public SplitDataset withFractions(double train, double validation) {
    return new SplitDataset(new Splits(train, validation, splits.seed()));
  }

  public SplitDataset withSeed(long seed) {
    return new SplitDataset(new Splits(splits.train(), splits.validation(), seed));
  }

  @Override
  public PCollectionTuple expand(PCollection<TraceSample> samples) {
    PCollectionTuple out =
        samples.apply(
            "Split",
            ParDo.of(new SplitFn(splits))
                .withOutputTags(TRAIN, TupleTagList.of(VALIDATION).and(TEST).and(FAILURES)));
    AvroCoder<TraceSample> coder = AvroCoder.of(TraceSample.class);
    out.get(TRAIN).setCoder(coder);
    out.get(VALIDATION).setCoder(coder);
    out.get(TEST).setCoder(coder);
    out.get(FAILURES).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }

  /** The same split over batches: outputs {@link #TRAIN_BATCHES}, {@link #VALIDATION_BATCHES}, {@link #TEST_BATCHES}, {@link #FAILURES}. */
  public Batched inBatches() {
    return new Batched(splits);
  }

  /** {@link SplitDataset} over {@link TraceBatch}es; a part of a batch that is empty is left out. */
  public static final class Batched extends PTransform<PCollection<TraceBatch>, PCollectionTuple> {
    private final Splits splits;

    private Batched(Splits splits) {
      this.splits = splits;
    }

    @Override
    public PCollectionTuple expand(PCollection<TraceBatch> batches) {
      PCollectionTuple out =
          batches.apply(
              "Split",
              ParDo.of(new SplitBatchFn(splits))
                  .withOutputTags(TRAIN_BATCHES, TupleTagList.of(VALIDATION_BATCHES).and(TEST_BATCHES).and(FAILURES)));
      out.get(TRAIN_BATCHES).setCoder(TraceBatchCoder.of());
      out.get(VALIDATION_BATCHES).setCoder(TraceBatchCoder.of());
      out.get(TEST_BATCHES).setCoder(TraceBatchCoder.of());
      out.get(FAILURES).setCoder(AvroCoder.of(DeadLetter.class));
      return out;
    }
  }

  /** Name of the counter of samples of a benchmark that went to a part, e.g. "sobel/train". */
  public static String counterName(String benchmark, Splits.Part part) {
    return benchmark + "/" + part.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Name of the counter of samples of a benchmark dropped for NaN or infinity. */
  public static String nonFiniteCounterName(String benchmark) {
    return benchmark + "/nonFinite";
  }

  static final class SplitBatchFn extends DoFn<TraceBatch, TraceBatch> {
    private final Splits splits;

    SplitBatchFn(Splits splits) {
      this.splits = splits;
    }

    @ProcessElement
    public void process(@Element TraceBatch batch, MultiOutputReceiver out) {
      TraceBatch.Parts parts = batch.split(splits);
      for (TraceSample s : parts.nonFinite()) {
        out.get(FAILURES).output(DeadLetters.of(STAGE, s, "non-finite value in sample " + s.getIndex()));
      }
      if (!parts.nonFinite().isEmpty()) {
        Metrics.counter(STAGE, nonFiniteCounterName(batch.benchmark())).inc(parts.nonFinite().size());
      }
      for (Splits.Part part : Splits.Part.values()) {
        TraceBatch p = parts.get(part);
        if (p.size() == 0) {
          continue;
        }
        Metrics.counter(STAGE, counterName(batch.benchmark(), part)).inc(p.size());
        out.get(part == Splits.Part.TRAIN ? TRAIN_BATCHES : part == Splits.Part.VALIDATION ? VALIDATION_BATCHES : TEST_BATCHES)
            .output(p);
      }
    }
  }

  static final class SplitFn extends DoFn<TraceSample, TraceSample> {
    private final Splits splits;

    SplitFn(Splits splits) {
      this.splits = splits;
    }

    @ProcessElement
    public void process(@Element TraceSample s, MultiOutputReceiver out) {
      if (!finite(s)) {
        Metrics.counter(STAGE, nonFiniteCounterName(s.getBenchmark())).inc();
        out.get(FAILURES).output(DeadLetters.of(STAGE, s, "non-finite value in sample " + s.getIndex()));
        return;
      }
      Splits.Part part = splits.of(s.getIndex());
      // per-benchmark counters, so one pipeline can split several benchmarks and report each
      Metrics.counter(STAGE, counterName(s.getBenchmark(), part)).inc();
      switch (part) {
        case TRAIN:
          out.get(TRAIN).output(s);
          break;
        case VALIDATION:
          out.get(VALIDATION).output(s);
          break;
        default:
          out.get(TEST).output(s);
      }
    }

    private static boolean finite(TraceSample s) {
      for (Float f : s.getInput()) {
        if (!Float.isFinite(f)) {
          return false;
        }
      }
      for (Float f : s.getOutput()) {
        if (!Float.isFinite(f)) {
          return false;
        }
      }
      return true;
    }
  }
}
