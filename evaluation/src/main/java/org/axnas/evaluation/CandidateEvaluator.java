package org.axnas.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.axnas.core.Network;
import org.axnas.core.OpProfile;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.hwsim.SimulationResult;
import org.axnas.kernels.ErrorMetric;
import org.axnas.runtime.PlainEvaluator;
import org.axnas.runtime.Precision;
import org.axnas.runtime.Quantisation;
import org.axnas.schemas.Candidate;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.traces.TraceStore;
import org.axnas.trainer.AutoTraining;
import org.axnas.trainer.Dataset;
import org.axnas.trainer.TrainedModel;
import org.axnas.trainer.Trainer;
import org.axnas.trainer.TrainingResult;
import org.axnas.trainer.TrainingSettings;
import org.axnas.trainer.TrainingStatus;

/**
 * Trains, scores and simulates one candidate: the work of the evaluation stage, in plain Java.
 *
 * <p>Accuracy is paper eq. 5: the share of samples of the scoring split whose error (the
 * benchmark's metric, on unscaled outputs) is under the error bound. Speedup and energy reduction
 * come from hwsim; f_perf from the objective. A training that diverges, fails or times out gives a
 * failed evaluation with its reason and the worst score; it never throws.
 */
public final class CandidateEvaluator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScoringSpec spec;
  private final Dataset train;
  private final Dataset validation;
  private final Dataset scoring;
  private final ErrorMetric metric;
  private final HardwareConfig hardware;
  private final HardwareFigures figures;
  private final ModelCache cache;
  private final String dataFingerprint;
  private final Map<String, String> versions;

  public CandidateEvaluator(ScoringSpec spec, Dataset train, Dataset validation, Dataset scoring, ErrorMetric metric,
      HardwareConfig hardware) {
    this(spec, train, validation, scoring, metric, hardware, Map.of("axnas", ModelProvenance.AXNAS_VERSION,
        "java", System.getProperty("java.version")));
  }

  /**
   * @param versions what runs the evaluation, for the models' provenance, e.g. {@code axnas},
   *     {@code beam}, {@code java} (written as {@code axnasVersion}, ...)
   */
  public CandidateEvaluator(ScoringSpec spec, Dataset train, Dataset validation, Dataset scoring, ErrorMetric metric,
      HardwareConfig hardware, Map<String, String> versions) {
    this.spec = spec;
    this.train = train;
    this.validation = validation;
    this.scoring = scoring;
    this.metric = metric;
    this.hardware = hardware;
    // AxBench's measured instruction mix at the hardware's CPU baseline; a user's function is
    // priced by the operations it was given with
    this.figures = new HardwareFigures(spec, hardware);
    this.cache = spec.modelDir() == null ? null : new ModelCache(java.nio.file.Path.of(spec.modelDir()));
    this.dataFingerprint = fingerprint(train) + fingerprint(validation);
    this.versions = new java.util.TreeMap<>(versions);
  }

  /**
   * An evaluator for {@code spec} on its traces folder's train and validation splits, scoring on
   * {@code spec.scoreSplit()}; {@code versions} as for the constructor.
   */
  public static CandidateEvaluator of(ScoringSpec spec, Map<String, String> versions) {
    return new CandidateEvaluator(spec,
        TraceStore.load(spec.tracesDir(), "train"),
        TraceStore.load(spec.tracesDir(), "validation"),
        TraceStore.load(spec.tracesDir(), spec.scoreSplit()),
        spec.errorMetric(),
        HardwareConfig.parse(spec.hardwareYaml(), spec.hardwareName()),
        versions);
  }

  /**
   * The evaluation cache's key of a candidate (benchmark, this evaluator's training data, network,
   * training settings, seed): where its trained model is looked up and stored.
   *
   * @throws IllegalArgumentException when the candidate's network is not a network
   */
  public String modelKey(Candidate c) {
    String training = c.getTraining().toString();
    if (isSubset(c)) {
      training += " on " + c.getTrainSamples() + " samples";
    }
    if (c.getContinueFrom() != null) {
      // a continued training is another model than one trained from scratch with the same budget
      training += " continuing " + c.getContinueFrom() + " after " + c.getBudgetSpent();
    }
    return ModelCache.key(spec.benchmark(), dataFingerprint, Network.parse(c.getNetwork()).notation(), training,
        c.getSeed());
  }

  private boolean isSubset(Candidate c) {
    return c.getTrainSamples() > 0 && c.getTrainSamples() < train.size();
  }

  /** An evaluation, plus the reason and error when it failed. */
  public record Outcome(Evaluation evaluation, String failure, Throwable error) {
    public boolean failed() {
      return failure != null;
    }
  }

  public Outcome evaluate(Candidate c) {
    long start = System.nanoTime();
    Evaluation.Builder e = Evaluation.newBuilder()
        .setTrialId(c.getTrialId())
        .setRound(c.getRound())
        .setNetwork(c.getNetwork())
        .setConfig(c.getConfig())
        .setSeed(c.getSeed())
        .setGroup(spec.group())
        .setErrorBound(spec.errorBound())
        .setScoredOn(spec.scoreSplit())
        .setPrecision(hardware.precision().notation());
    if (c.getRung() >= 0) {
      e.setFidelity(c.getFidelity()).setBracket(c.getBracket()).setRung(c.getRung())
          .setParentTrialId(c.getParentTrialId());
    }
    Network network;
    try {
      network = Network.parse(c.getNetwork());
      if (network.inputs() != train.inWidth() || network.outputs() != train.outWidth()) {
        throw new IllegalArgumentException("network " + c.getNetwork() + " does not fit the traces' widths "
            + train.inWidth() + " -> " + train.outWidth());
      }
    } catch (IllegalArgumentException ex) {
      return failed(e, EvaluationStatus.FAILED, ex.getMessage(), ex, start);
    }
    Dataset trainOn = train;
    if (isSubset(c)) {
      // a cheap multi-fidelity rung: a subset drawn by the candidate's seed, nested in the next rung's
      trainOn = train.subset(c.getTrainSamples(), c.getSeed());
    }
    String key = modelKey(c);
    e.setModelKey(key);

    TrainedModel model;
    try {
      Optional<TrainedModel> cached = cached(key, e);
      if (cached.isPresent()) {
        model = cached.get();
        e.setCached(true);
      } else {
        TrainingSettings settings = TrainingSpecs.toSettings(c.getTraining(), c.getSeed());
        if (trainOn != train) {
          // a rung on a subset trains as the whole split would (the same optimiser at every rung)
          settings = AutoTraining.resolve(settings, network, train.size(), validation != null && validation.size() > 0);
        }
        Trainer.Continuation from = null;
        if (c.getContinueFrom() != null) {
          Optional<TrainedModel> parent = cache == null ? Optional.empty()
              : cache.read(cache.modelFile(c.getContinueFrom())).map(TrainedModel::fromJson);
          if (parent.isEmpty()) {
            return failed(e, EvaluationStatus.FAILED, "the model of trial " + c.getParentTrialId() + " it continues ("
                + c.getContinueFrom() + ") is not in the model cache " + spec.modelDir(), null, start);
          }
          from = new Trainer.Continuation(parent.get(), c.getBudgetSpent());
        }
        TrainingResult r = Trainer.train(network, settings, trainOn, validation, from);
        e.setEpochsRun(r.epochsRun()).setTrainingSeconds(r.wallSeconds());
        double[] tl = r.trainLoss();
        double[] vl = r.validationLoss();
        e.setTrainLoss(tl.length == 0 ? 0 : tl[tl.length - 1]).setValidationLoss(vl.length == 0 ? 0 : vl[vl.length - 1]);
        remember(key, r, e, new ModelProvenance(network.notation(), spec.benchmark(), settings, c.getSeed(), dataFingerprint, versions));
        if (r.status() != TrainingStatus.OK) {
          return failed(e, EvaluationStatus.valueOf(r.status().name()), r.reason(), null, start);
        }
        model = r.model();
      }
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError ex) {
      return failed(e, EvaluationStatus.FAILED, "training threw " + ex, ex, start);
    }

    try {
      HardwareScore hs = score(model, scoring, metric, spec.errorBound(), hardware.precision(), train);
      Score s = hs.score();
      if (hs.floatScore() != null) {
        e.setFloatAccuracy(hs.floatScore().accuracy());
      }
      SimulationResult sim = figures.simulate(network);
      double fPerf = spec.objective().fPerf(s.accuracy, sim.speedup(), sim.energyReduction());
      e.setStatus(EvaluationStatus.OK)
          .setAccuracy(s.accuracy)
          .setMse(s.mse)
          .setSpeedup(sim.speedup())
          .setEnergyReduction(sim.energyReduction())
          .setFPerf(fPerf)
          .setNpuCycles(sim.npu().cycles())
          .setNpuEnergyJoules(sim.npu().energyJoules())
          .setCpuCycles(sim.cpu().cycles())
          .setCpuEnergyJoules(sim.cpu().energyJoules())
          .setEvaluationSeconds((System.nanoTime() - start) / 1e9);
      return new Outcome(e.build(), null, null);
    } catch (RuntimeException ex) {
      return failed(e, EvaluationStatus.FAILED, "scoring threw " + ex, ex, start);
    }
  }

  private Outcome failed(Evaluation.Builder e, EvaluationStatus status, String reason, Throwable error, long start) {
    e.setStatus(status).setFailureReason(reason).setFPerf(spec.objective().worst())
        .setEvaluationSeconds((System.nanoTime() - start) / 1e9);
    return new Outcome(e.build(), reason, error);
  }

  /** Accuracy (paper eq. 5) and MSE on the scoring split, on unscaled outputs. */
  public record Score(double accuracy, double mse) {}

  /**
   * A model's score in the hardware's arithmetic; the trainer's float score beside it (null when
   * the hardware computes in the trainer's float, where the two are one); the formats it was
   * computed in (null in the trainer's float).
   */
  public record HardwareScore(Score score, Score floatScore, Quantisation quantisation) {}

  /** The score on the scoring split in the hardware's arithmetic. */
  public HardwareScore score(TrainedModel model) {
    return score(model, scoring, metric, spec.errorBound(), hardware.precision(), train);
  }

  /**
   * Accuracy (paper eq. 5) and MSE of a model on any split in {@code precision}, its binary points
   * calibrated on {@code train}: the one definition of a score, for the search, the Pareto set's
   * test accuracy and the report.
   */
  public static HardwareScore score(TrainedModel model, Dataset scoring, ErrorMetric metric, double errorBound,
      Precision precision, Dataset train) {
    Score trainerFloat = score(model, scoring, metric, errorBound);
    if (precision.isTrainerFloat()) {
      return new HardwareScore(trainerFloat, null, null);
    }
    PlainEvaluator hw = HardwareArithmetic.evaluator(model, precision, train);
    return new HardwareScore(score(HardwareArithmetic.predict(hw, scoring), scoring, metric, errorBound), trainerFloat,
        hw.quantisation().orElseThrow());
  }

  /** Accuracy (paper eq. 5) and MSE of a model in the trainer's float on any split. */
  public static Score score(TrainedModel model, Dataset scoring, ErrorMetric metric, double errorBound) {
    return score(model.predict(scoring.x(), scoring.size()), scoring, metric, errorBound);
  }

  /** Accuracy (paper eq. 5) and MSE of the predictions {@code predicted} (row-major) of a split. */
  static Score score(float[] predicted, Dataset scoring, ErrorMetric metric, double errorBound) {
    int n = scoring.size();
    int out = scoring.outWidth();
    float[] exact = scoring.y();
    float[] p = new float[out];
    float[] y = new float[out];
    long correct = 0;
    double se = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(predicted, i * out, p, 0, out);
      System.arraycopy(exact, i * out, y, 0, out);
      if (metric.correct(p, y, errorBound)) {
        correct++;
      }
      for (int j = 0; j < out; j++) {
        double d = p[j] - y[j];
        se += d * d;
      }
    }
    return new Score((double) correct / n, se / ((double) n * out));
  }

  private Optional<TrainedModel> cached(String key, Evaluation.Builder e) {
    if (cache == null) {
      return Optional.empty();
    }
    Optional<String> model = cache.read(cache.modelFile(key));
    Optional<String> training = cache.read(cache.trainingFile(key));
    if (model.isEmpty() || training.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode t = JSON.readTree(training.get());
      e.setEpochsRun(t.get("epochsRun").asInt())
          .setTrainLoss(t.get("trainLoss").asDouble())
          .setValidationLoss(t.get("validationLoss").asDouble());
      return Optional.of(TrainedModel.fromJson(model.get()));
    } catch (Exception ex) {
      return Optional.empty(); // an unreadable entry is retrained and rewritten
    }
  }

  private void remember(String key, TrainingResult r, Evaluation.Builder e, ModelProvenance provenance) {
    if (cache == null || r.status() != TrainingStatus.OK) {
      return;
    }
    ObjectNode t = JSON.createObjectNode();
    t.put("network", r.model().network().notation());
    t.put("epochsRun", e.getEpochsRun());
    t.put("trainLoss", e.getTrainLoss());
    t.put("validationLoss", e.getValidationLoss());
    cache.write(cache.modelFile(key), provenance.attachTo(r.model().toJson()));
    cache.write(cache.trainingFile(key), t.toString());
  }

  /** SHA-256 over a dataset's shape and values. */
  static String fingerprint(Dataset d) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer b = ByteBuffer.allocate(4 * Math.max(d.x().length, d.y().length) + 12);
      b.putInt(d.size()).putInt(d.inWidth()).putInt(d.outWidth());
      for (float f : d.x()) {
        b.putFloat(f);
      }
      md.update(b.array(), 0, b.position());
      b.clear();
      for (float f : d.y()) {
        b.putFloat(f);
      }
      md.update(b.array(), 0, b.position());
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
