package org.axnas.smac;

/** Learns a cost model from training data (SMAC's empirical performance model). */
public interface SurrogateModel {

  /** A model of {@code data}; the same data and seed give the same model. */
  Surrogate train(TrainingData data, long seed);

  /** A trained model: predictive mean and variance of the cost of encoded configurations. */
  interface Surrogate {

    /** Mean and variance for each row (rows as {@link ConfigurationSpace#encode} makes them). */
    void predict(double[][] rows, double[] mean, double[] variance);

    default Prediction predict(double[] row) {
      double[] m = new double[1];
      double[] v = new double[1];
      predict(new double[][] {row}, m, v);
      return new Prediction(m[0], v[0]);
    }

    /**
     * Rows that will be predicted again after further {@link #believe} calls; an implementation
     * may do the expensive part once here (the forest finds each row's leaves).
     */
    default PreparedRows prepare(double[][] rows) {
      return (mean, variance) -> predict(rows, mean, variance);
    }

    /**
     * Acts as if {@code y} had been observed at {@code row} (a constant liar or kriging believer
     * uses this between the picks of a batch), without retraining.
     */
    void believe(double[] row, double y);
  }

  /** Rows fixed in advance whose predictions reflect every lie believed so far. */
  interface PreparedRows {
    void predict(double[] mean, double[] variance);
  }
}
