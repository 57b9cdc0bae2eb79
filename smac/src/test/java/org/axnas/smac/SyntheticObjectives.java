package org.axnas.smac;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Cost functions over the conditional MLP space whose optimum is known, with interactions
 * between the number of layers, the widths and the activations, so a search must learn more than
 * one marginal at a time. All are defined for any depth; the tests use SPEC's default space
 * (1..2 layers, 1..128 neurons, relu/sigmoid/tanh), 147,840 configurations, where each optimum
 * is checked by enumeration (SyntheticObjectivesTest).
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
    return List.of(layeredTarget(), shiftedBowl(), curvedValley(), accuracyVersusMacs());
  }

  private static final List<String> ORDER = List.of("relu", "sigmoid", "tanh");

  static Objective shiftedBowl() {
    return new Objective("shifted-bowl", SyntheticObjectives::shiftedBowlCost, 0.0);
  }

  static double shiftedBowlCost(Configuration c) {
    int layers = c.intValue(MlpSpace.LAYERS);
    int a1 = ORDER.indexOf(c.stringValue(MlpSpace.activation(1)));
    double x = log2(c.intValue(MlpSpace.neurons(1)));
    if (layers == 1) {
      return 0.5 + sq(x - 5) / 10 + 0.1 * a1;
    }
    int a2 = ORDER.indexOf(c.stringValue(MlpSpace.activation(2)));
    double y = log2(c.intValue(MlpSpace.neurons(2)));
    double cx = 3 + 1.5 * a1;
    double cy = 2 + a2 + 0.5 * a1;
    double penalty = 0.3 * Math.abs(a1 - 2) + 0.2 * Math.abs(a2 - (a1 + 1) % 3);
    return (sq(x - cx) + sq(y - cy)) / 10 + penalty + 0.5 * (layers - 2);
  }

  /**
   * "Curved valley": for two layers the cost is {@code (y - v(x))^2 / 2 + (x - x*)^2 / 20 +
   * pair penalty} with {@code x = log2 n1}, {@code y = log2 n2}; the valley {@code v(x) = c(a1) +
   * 0.35 (x - 4)^2} bends and moves with the first activation and its centre {@code x*} with the
   * second, so the good second width depends on the first width and both activations. Optimum
   * 64:tanh-21:relu (cost 2.95e-5: the valley's floor falls between integers). One-layer nets
   * cost at least 1.0; deeper ones pay 0.5 per extra layer.
   */
  static Objective curvedValley() {
    return new Objective("curved-valley", SyntheticObjectives::curvedValleyCost, CURVED_VALLEY_OPTIMUM);
  }

  /** The enumerated optimum on the default space (checked in SyntheticObjectivesTest). */
  static final double CURVED_VALLEY_OPTIMUM = 2.951099638015526e-05;

  private static final Map<String, Double> VALLEY_OFFSET = Map.of("relu", 2.0, "tanh", 3.0, "sigmoid", 4.0);
  private static final Map<String, Double> VALLEY_CENTRE = Map.of("relu", 6.0, "tanh", log2(24), "sigmoid", 3.0);
  private static final Map<String, Double> VALLEY_PAIR = Map.of(
      "tanh>relu", 0.0, "relu>relu", 0.15, "sigmoid>tanh", 0.2, "tanh>tanh", 0.3, "relu>tanh", 0.3,
      "tanh>sigmoid", 0.35, "relu>sigmoid", 0.4, "sigmoid>sigmoid", 0.45, "sigmoid>relu", 0.5);
  private static final Map<String, Double> VALLEY_SINGLE = Map.of("sigmoid", 0.0, "tanh", 0.1, "relu", 0.2);

  static double curvedValleyCost(Configuration c) {
    int layers = c.intValue(MlpSpace.LAYERS);
    String a1 = c.stringValue(MlpSpace.activation(1));
    double x = log2(c.intValue(MlpSpace.neurons(1)));
    if (layers == 1) {
      return 1.0 + sq(x - 5) / 16 + VALLEY_SINGLE.get(a1);
    }
    String a2 = c.stringValue(MlpSpace.activation(2));
    double y = log2(c.intValue(MlpSpace.neurons(2)));
    double valley = VALLEY_OFFSET.get(a1) + 0.35 * sq(x - 4);
    return sq(y - valley) / 2 + sq(x - VALLEY_CENTRE.get(a2)) / 20 + VALLEY_PAIR.get(a1 + ">" + a2) + 0.5 * (layers - 2);
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
   * MACs/256). The optimum (found by enumeration, pinned in a test) is 9:tanh-18:sigmoid: accuracy
   * pulls wider, speed narrower. Its near-optimal set is large (a random configuration is within
   * 5% of the optimum with probability ~1%), so random search does well on it.
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
    return -(0.8 * accuracy + 0.2 * speed);
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
