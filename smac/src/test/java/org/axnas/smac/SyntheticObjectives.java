package org.axnas.smac;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Cost functions over the conditional MLP space whose optimum is known, with interactions
 * between the number of layers, the widths and the activations, so a search must learn more than
 * one marginal at a time. Both are defined for any depth; the tests use SPEC's default space
 * (1..2 layers, 1..128 neurons, relu/sigmoid/tanh), 147,840 configurations, where the optimum is
 * also checked by enumeration.
 */
final class SyntheticObjectives {
  private SyntheticObjectives() {}

  /** A named objective with its known optimum (cost) on the default space. */
  record Objective(String name, ToDoubleFunction<Configuration> cost, double optimum) {
    double applyAsDouble(Configuration c) {
      return cost.applyAsDouble(c);
    }
  }

  static List<Objective> all() {
    return List.of(layeredTarget(), accuracyVersusMacs());
  }

  /**
   * "Layered target": the best network is 24:tanh-6:sigmoid (cost 0). What the best widths are
   * depends on the first activation, what the best second activation is depends on the first,
   * and the best one-layer net (48:relu, cost 0.6) shares nothing with it; deeper nets pay 0.5
   * per extra layer on top of their first two layers' cost.
   */
  static Objective layeredTarget() {
    return new Objective("layered-target", SyntheticObjectives::layeredTargetCost, 0.0);
  }

  private static final Map<String, double[]> TARGET_WIDTHS = Map.of(
      "tanh", new double[] {24, 6},
      "relu", new double[] {64, 12},
      "sigmoid", new double[] {16, 16});

  private static final Map<String, Double> PAIR_PENALTY = Map.of(
      "tanh>sigmoid", 0.0, "relu>tanh", 0.1, "relu>sigmoid", 0.2, "tanh>tanh", 0.25,
      "relu>relu", 0.3, "tanh>relu", 0.3, "sigmoid>sigmoid", 0.35, "sigmoid>tanh", 0.4, "sigmoid>relu", 0.45);

  private static final Map<String, Double> SINGLE_PENALTY = Map.of("relu", 0.0, "tanh", 0.15, "sigmoid", 0.3);

  static double layeredTargetCost(Configuration c) {
    int layers = c.intValue(MlpSpace.LAYERS);
    String a1 = c.stringValue(MlpSpace.activation(1));
    double n1 = log2(c.intValue(MlpSpace.neurons(1)));
    if (layers == 1) {
      return 0.6 + sq(n1 - log2(48)) / 8 + SINGLE_PENALTY.get(a1);
    }
    String a2 = c.stringValue(MlpSpace.activation(2));
    double n2 = log2(c.intValue(MlpSpace.neurons(2)));
    double[] t = TARGET_WIDTHS.get(a1);
    double cost = (sq(n1 - log2(t[0])) + sq(n2 - log2(t[1]))) / 8 + PAIR_PENALTY.get(a1 + ">" + a2);
    return cost + 0.5 * (layers - 2);
  }

  /**
   * "Accuracy versus MACs", shaped like the paper's f_perf (eq. 4) and told as cost = -f_perf:
   * {@code f = 0.8 * accuracy + 0.2 * speed} for a 6-input, 1-output approximator. Accuracy
   * saturates in an effective capacity: each layer adds log2(1 + width) times a factor of its
   * activation that, from the second layer on, depends on the activation below it (tanh then
   * sigmoid composes best, anything on top of sigmoid composes badly) and is capped by twice the
   * width below (a narrow layer bottlenecks the next). Speed is 1 / (1 +
   * MACs/256). The optimum (found by enumeration, pinned in a test) is a two-layer tanh-sigmoid
   * net of moderate width: accuracy pulls wider, speed narrower.
   */
  static Objective accuracyVersusMacs() {
    return new Objective("accuracy-vs-macs", SyntheticObjectives::accuracyVersusMacsCost, ACCURACY_VS_MACS_OPTIMUM);
  }

  /** The enumerated optimum on the default space (checked in SyntheticObjectivesTest). */
  static final double ACCURACY_VS_MACS_OPTIMUM = -0.7680661680573604;

  private static final Map<String, Double> FIRST_FACTOR = Map.of("tanh", 1.0, "relu", 0.9, "sigmoid", 0.75);

  private static final Map<String, Double> STACK_FACTOR = Map.of(
      "tanh>sigmoid", 1.3, "tanh>relu", 1.0, "tanh>tanh", 0.9,
      "relu>relu", 1.1, "relu>tanh", 1.0, "relu>sigmoid", 0.7,
      "sigmoid>sigmoid", 0.6, "sigmoid>tanh", 0.6, "sigmoid>relu", 0.6);

  static double accuracyVersusMacsCost(Configuration c) {
    int layers = c.intValue(MlpSpace.LAYERS);
    double capacity = 0;
    long macs = 0;
    int below = 6;
    String previous = null;
    for (int i = 1; i <= layers; i++) {
      int n = c.intValue(MlpSpace.neurons(i));
      String a = c.stringValue(MlpSpace.activation(i));
      double factor = previous == null ? FIRST_FACTOR.get(a) : STACK_FACTOR.get(previous + ">" + a);
      // a layer cannot carry more than twice what the layer below passes on (no 1-neuron bottlenecks)
      capacity += log2(1 + Math.min(n, 2 * below)) * factor;
      macs += (long) below * n;
      below = n;
      previous = a;
    }
    macs += below;
    double accuracy = 1 - Math.exp(-capacity / 5);
    double speed = 1 / (1 + macs / 256.0);
    double wa = Double.parseDouble(System.getProperty("wa", "0.8"));
    if (System.getProperty("energy") != null) {
      long params = macs + below + layers; // crude: weights + biases
      double energy = 1 / (1 + params / 512.0);
      return -(wa * accuracy + (1 - wa) / 2 * speed + (1 - wa) / 2 * energy);
    }
    return -(wa * accuracy + (1 - wa) * speed);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static double sq(double x) {
    return x * x;
  }

  /** Branin on x1 in [-5, 10], x2 in [0, 15]; minimum 0.397887 at three points. */
  static double branin(Configuration c) {
    double x1 = c.doubleValue("x1");
    double x2 = c.doubleValue("x2");
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double cc = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    return sq(x2 - b * x1 * x1 + cc * x1 - 6) + 10 * (1 - t) * Math.cos(x1) + 10;
  }

  static final double BRANIN_OPTIMUM = 0.397887357729738;

  static ConfigurationSpace braninSpace() {
    return ConfigurationSpace.builder()
        .add(RealHyperparameter.of("x1", -5, 10))
        .add(RealHyperparameter.of("x2", 0, 15))
        .build();
  }
}
