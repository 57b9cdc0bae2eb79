package org.axnas.evaluation;

import org.axnas.runtime.PlainEvaluator;
import org.axnas.runtime.Precision;
import org.axnas.trainer.Dataset;
import org.axnas.trainer.TrainedModel;

/**
 * A trained model computed as the hardware computes it: the runtime's {@link PlainEvaluator} in
 * the hardware's {@link Precision}, its binary points calibrated on the train split. Scoring goes
 * through this class, so what a program embedding {@code PlainEvaluator} with the exported
 * model's quantisation block computes is what was scored, bit for bit, by construction.
 */
public final class HardwareArithmetic {
  private HardwareArithmetic() {}

  /**
   * The model in {@code precision}, calibrated on {@code calibration} (the train split: the
   * quantisation is fixed after training, from data the scoring never sees).
   */
  public static PlainEvaluator evaluator(TrainedModel model, Precision precision, Dataset calibration) {
    PlainEvaluator f = PlainEvaluator.fromJson(model.toJson()); // the exported model, read as a program reads it
    return f.withQuantisation(f.calibrate(precision, calibration.x(), calibration.size()));
  }

  /** The outputs for every row of a split, row-major. */
  public static float[] predict(PlainEvaluator f, Dataset d) {
    int in = d.inWidth();
    int out = d.outWidth();
    float[] x = d.x();
    float[] y = new float[d.size() * out];
    float[] row = new float[in];
    for (int i = 0; i < d.size(); i++) {
      System.arraycopy(x, i * in, row, 0, in);
      System.arraycopy(f.evaluate(row), 0, y, i * out, out);
    }
    return y;
  }
}
