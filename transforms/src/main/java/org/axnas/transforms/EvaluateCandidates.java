package org.axnas.transforms;

import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.axnas.traces.TraceStore;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.schemas.Candidate;
import org.axnas.schemas.DeadLetter;
import org.axnas.schemas.Evaluation;
import org.axnas.evaluation.CandidateEvaluator;
import org.axnas.evaluation.ModelProvenance;
import org.axnas.evaluation.ScoringSpec;

/**
 * Trains, scores and simulates candidate networks: the expensive stage of every round.
 *
 * <p>A {@link Reshuffle} first spreads the candidates over workers. Each worker reads the training
 * and scoring splits once ({@link TraceStore}'s per-JVM cache, filled in {@code @Setup}), not once
 * per candidate. Every candidate gives one {@link Evaluation} on {@link #EVALUATIONS}; one that
 * fails, diverges or times out is an evaluation with that status and reason (so the optimiser
 * learns of it) and also a {@link DeadLetter} on {@link #FAILURES}; the round goes on.
 */
public final class EvaluateCandidates extends PTransform<PCollection<Candidate>, PCollectionTuple> {
  public static final TupleTag<Evaluation> EVALUATIONS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> FAILURES = new TupleTag<>() {};
  static final String STAGE = "EvaluateCandidates";

  private final ScoringSpec spec;
  private final boolean reshuffle;

  private EvaluateCandidates(ScoringSpec spec, boolean reshuffle) {
    this.spec = spec;
    this.reshuffle = reshuffle;
  }

  /** Evaluates candidates as the spec says (benchmark, bound, objective, hardware, traces). */
  public static EvaluateCandidates with(ScoringSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("a scoring spec is required");
    }
    return new EvaluateCandidates(spec, true);
  }

  /** Skips the Reshuffle, for inputs that are already spread. */
  public EvaluateCandidates withoutReshuffle() {
    return new EvaluateCandidates(spec, false);
  }

  @Override
  public PCollectionTuple expand(PCollection<Candidate> candidates) {
    HardwareConfig.parse(spec.hardwareYaml(), spec.hardwareName()); // a bad config fails at construction, not on workers
    spec.errorMetric();
    PCollection<Candidate> spread = reshuffle ? candidates.apply("Spread", Reshuffle.viaRandomKey()) : candidates;
    PCollectionTuple out = spread.apply("TrainScoreSimulate",
        ParDo.of(new EvaluateFn(spec)).withOutputTags(EVALUATIONS, TupleTagList.of(FAILURES)));
    out.get(EVALUATIONS).setCoder(AvroCoder.of(Evaluation.class));
    out.get(FAILURES).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }

  static final class EvaluateFn extends DoFn<Candidate, Evaluation> {
    private final ScoringSpec spec;
    private final Counter evaluated = Metrics.counter(STAGE, "evaluations");
    private final Counter failed = Metrics.counter(STAGE, "failures");
    private final Counter cacheHits = Metrics.counter(STAGE, "cacheHits");
    private final Distribution trainingMillis = Metrics.distribution(STAGE, "trainingMillis");
    private transient CandidateEvaluator evaluator;

    EvaluateFn(ScoringSpec spec) {
      this.spec = spec;
    }

    @Setup
    public void setup() {
      // what trains, for each model's provenance: Beam's version as Beam reports it
      evaluator = CandidateEvaluator.of(spec,
          Map.of("axnas", ModelProvenance.AXNAS_VERSION, "beam", ReleaseInfo.getReleaseInfo().getVersion(),
              "java", System.getProperty("java.version")));
    }

    @ProcessElement
    public void process(@Element Candidate c, MultiOutputReceiver out) {
      CandidateEvaluator.Outcome o = evaluator.evaluate(c);
      evaluated.inc();
      if (o.evaluation().getCached()) {
        cacheHits.inc();
      } else {
        trainingMillis.update(Math.round(o.evaluation().getTrainingSeconds() * 1000));
      }
      out.get(EVALUATIONS).output(o.evaluation());
      if (o.failed()) {
        failed.inc();
        out.get(FAILURES).output(DeadLetters.of(STAGE, c, o.failure(), o.error()));
      }
    }
  }
}
