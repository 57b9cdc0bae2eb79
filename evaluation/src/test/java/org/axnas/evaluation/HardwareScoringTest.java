package org.axnas.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axnas.core.OpClass;
import org.axnas.core.OpCounter;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.kernels.InputSource;
import org.axnas.runtime.ActivationUnit;
import org.axnas.runtime.PlainEvaluator;
import org.axnas.runtime.Precision;
import org.axnas.runtime.Rounding;
import org.axnas.schemas.Candidate;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.TrainingSpec;
import org.axnas.trainer.Dataset;
import org.axnas.trainer.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scoring in the hardware's arithmetic, on blackscholes's real kernel: the accuracy that enters
 * f_perf is the fixed-point one on a fixed-point config, the float one is kept beside it, and a
 * program that reads the exported model with its quantisation block computes the very outputs
 * that were scored.
 */
class HardwareScoringTest {
  private static final Benchmark BS = Benchmarks.byName("blackscholes");

  private static Dataset samples(long seed, int n) {
    InputSource src = BS.generator(seed);
    float[] x = new float[n * BS.inputWidth()];
    float[] y = new float[n * BS.outputWidth()];
    float[] in = new float[BS.inputWidth()];
    float[] out = new float[BS.outputWidth()];
    OpCounter ops = new OpCounter();
    for (int i = 0; i < n; i++) {
      src.input(i, in);
      BS.compute(in, out, ops);
      System.arraycopy(in, 0, x, i * in.length, in.length);
      System.arraycopy(out, 0, y, i * out.length, out.length);
    }
    return Dataset.of(x, y, BS.inputWidth(), BS.outputWidth());
  }

  /** eyeriss.yaml, or the same hardware computing in float ({@code precision: float}). */
  private static String eyeriss(boolean inFloat) throws Exception {
    String yaml = Files.readString(Path.of("run-configs/hardware/eyeriss.yaml"));
    if (!inFloat) {
      return yaml;
    }
    int from = yaml.indexOf("  precision:");
    int to = yaml.indexOf("  array:");
    assertTrue(from > 0 && to > from, "eyeriss.yaml has a precision block before array");
    return yaml.substring(0, from) + "  precision: float\n" + yaml.substring(to);
  }

  private static CandidateEvaluator evaluator(boolean inFloat, Dataset train, Dataset validation, Path models)
      throws Exception {
    String yaml = eyeriss(inFloat);
    String hardwareFile = inFloat ? "eyeriss-float.yaml" : "eyeriss.yaml";
    double[] cpu = new double[OpClass.values().length];
    java.util.Arrays.fill(cpu, 4);
    ScoringSpec spec = new ScoringSpec("blackscholes", "", 2, BS.errorBound(2), new Objective(0.8, 0.1, 0.1, 1, 1),
        yaml, hardwareFile, cpu, "unused", "validation", models.toString());
    return new CandidateEvaluator(spec, train, validation, validation, BS.metric(), HardwareConfig.parse(yaml, hardwareFile));
  }

  private static Candidate candidate() {
    TrainingSpec t = TrainingSpec.newBuilder().setEpochs(40).setBatchSize(64).setLearningRate(0.01).setOptimizer("adam")
        .setPatience(0).setBackend("FAST").setTimeLimitSeconds(0).build();
    return Candidate.newBuilder().setTrialId(0).setRound(1).setNetwork("6-16:sigmoid-8:tanh-1").setSeed(5).setTraining(t).build();
  }

  @Test
  void theFixedPointAccuracyIsScoredAndAProgramReproducesItBitForBit(@TempDir Path dir) throws Exception {
    Dataset train = samples(1, 3000);
    Dataset validation = samples(2, 1500);
    Path models = dir.resolve("models");
    Evaluation fixed = evaluator(false, train, validation, models).evaluate(candidate()).evaluation();
    assertEquals(EvaluationStatus.OK, fixed.getStatus(), String.valueOf(fixed.getFailureReason()));
    assertEquals("fixed16/pwl256", fixed.getPrecision());
    // the same trained model (from the cache) scored on float hardware: no floatAccuracy, and it is the float one
    Evaluation flt = evaluator(true, train, validation, models).evaluate(candidate()).evaluation();
    assertTrue(flt.getCached());
    assertEquals("float", flt.getPrecision());
    assertNull(flt.getFloatAccuracy());
    assertEquals(flt.getAccuracy(), fixed.getFloatAccuracy());
    assertEquals(fixed.getModelKey(), flt.getModelKey(), "the precision is not part of the trained model's key");

    // a program: the exported model, its quantisation calibrated on the train split, the runtime alone
    TrainedModel model = TrainedModel.fromJson(Files.readString(models.resolve(fixed.getModelKey() + ".json")));
    PlainEvaluator plain = PlainEvaluator.fromJson(Files.readString(models.resolve(fixed.getModelKey() + ".json")));
    Precision eyeriss = Precision.fixed(16, Rounding.NEAREST, ActivationUnit.of(ActivationUnit.Kind.PIECEWISE_LINEAR, 256));
    String exported = plain.calibrate(eyeriss, train.x(), train.size()).attachTo(model.toJson());
    PlainEvaluator program = PlainEvaluator.fromJson(exported);
    float[] scored = HardwareArithmetic.predict(HardwareArithmetic.evaluator(model, eyeriss, train), validation);
    float[] row = new float[6];
    long correct = 0;
    int differsFromFloat = 0;
    float[] trainerFloat = model.predict(validation.x(), validation.size());
    for (int i = 0; i < validation.size(); i++) {
      System.arraycopy(validation.x(), i * 6, row, 0, 6);
      float out = program.evaluate(row)[0];
      assertEquals(Float.floatToIntBits(scored[i]), Float.floatToIntBits(out), "row " + i);
      differsFromFloat += out != trainerFloat[i] ? 1 : 0;
      if (BS.metric().correct(new float[] {out}, new float[] {validation.y()[i]}, BS.errorBound(2))) {
        correct++;
      }
    }
    assertEquals(fixed.getAccuracy(), (double) correct / validation.size(), 0.0);
    assertTrue(differsFromFloat > validation.size() / 2, "fixed point is not float: " + differsFromFloat);
    assertNotEquals(fixed.getFloatAccuracy(), fixed.getAccuracy());
    // f_perf is built on the fixed-point accuracy
    Objective o = new Objective(0.8, 0.1, 0.1, 1, 1);
    assertEquals(o.fPerf(fixed.getAccuracy(), fixed.getSpeedup(), fixed.getEnergyReduction()), fixed.getFPerf(), 0.0);
  }
}
