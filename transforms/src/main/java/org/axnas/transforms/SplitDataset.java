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

/**
 * Splits trace samples into train, validation and test by a seeded hash of the sample index:
 * deterministic whatever the runner, the order or the parallelism, and disjoint by construction.
 * Samples holding NaN or infinity go to {@link #FAILURES}, counted.
 */
public final class SplitDataset extends PTransform<PCollection<TraceSample>, PCollectionTuple> {
  public static final TupleTag<TraceSample> TRAIN = new TupleTag<>() {};
  public static final TupleTag<TraceSample> VALIDATION = new TupleTag<>() {};
  public static final TupleTag<TraceSample> TEST = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> FAILURES = new TupleTag<>() {};
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

  /** Name of the counter of samples of a benchmark that went to a part, e.g. "sobel/train". */
  public static String counterName(String benchmark, Splits.Part part) {
    return benchmark + "/" + part.name().toLowerCase(java.util.Locale.ROOT);
  }

  static final class SplitFn extends DoFn<TraceSample, TraceSample> {
    private final Splits splits;

    SplitFn(Splits splits) {
      this.splits = splits;
    }

    @ProcessElement
    public void process(@Element TraceSample s, MultiOutputReceiver out) {
      if (!finite(s)) {
        Metrics.counter(STAGE, s.getBenchmark() + "/nonFinite").inc();
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
