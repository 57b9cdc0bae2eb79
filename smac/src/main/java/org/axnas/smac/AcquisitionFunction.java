package org.axnas.smac;

/**
 * Scores a prediction: how much evaluating that configuration is worth. Higher is better; costs
 * (on the surrogate's scale) are minimised.
 */
public interface AcquisitionFunction {

  /**
   * @param mean predicted cost on the model's scale
   * @param variance predicted variance (> 0)
   * @param best the reference on the model's scale: the incumbent's predicted cost (as SMAC3)
   */
  double value(double mean, double variance, double best);
}
