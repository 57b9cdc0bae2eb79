package org.axnas.smac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.axnas.core.Activation;
import org.axnas.core.Layer;
import org.axnas.core.Network;

/**
 * The MLP search space of SPEC section 3: {@code layers} in 1..maxLayers, then for each hidden
 * layer i (1-based) {@code neurons_i} in [minNeurons, maxNeurons] on a log scale and
 * {@code activation_i}; layer i's two hyperparameters are active only when {@code layers >= i}.
 * Optionally {@code learning_rate} (real, log) and {@code batch_size} (integer, log).
 */
public final class MlpSpace {
  public static final String LAYERS = "layers";
  public static final String LEARNING_RATE = "learning_rate";
  public static final String BATCH_SIZE = "batch_size";

  private MlpSpace() {}

  /** Name of the width of hidden layer {@code layer} (1-based). */
  public static String neurons(int layer) {
    return "neurons_" + layer;
  }

  /** Name of the activation of hidden layer {@code layer} (1-based). */
  public static String activation(int layer) {
    return "activation_" + layer;
  }

  /** The space from run-config values, without training hyperparameters. */
  public static ConfigurationSpace build(int maxLayers, int maxNeurons, List<Activation> activations) {
    return builder().maxLayers(maxLayers).maxNeurons(maxNeurons).activations(activations).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The network a configuration of an MLP space stands for. */
  public static Network toNetwork(Configuration c, int inputs, int outputs, Activation outputActivation) {
    int layers = c.intValue(LAYERS);
    List<Layer> hidden = new ArrayList<>(layers);
    for (int i = 1; i <= layers; i++) {
      hidden.add(new Layer(c.intValue(neurons(i)), Activation.parse(c.stringValue(activation(i)))));
    }
    return new Network(inputs, hidden, outputs, outputActivation);
  }

  /**
   * The configuration of a network's hidden layers; training hyperparameters of the space, if
   * any, take their defaults.
   *
   * @throws IllegalArgumentException when the network does not fit the space
   */
  public static Configuration fromNetwork(ConfigurationSpace space, Network network) {
    return fromNetwork(space, network, Map.of());
  }

  /** As {@link #fromNetwork(ConfigurationSpace, Network)} with values for the other hyperparameters. */
  public static Configuration fromNetwork(ConfigurationSpace space, Network network, Map<String, ?> others) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(LAYERS, network.depth());
    for (int i = 1; i <= network.depth(); i++) {
      Layer l = network.hidden().get(i - 1);
      values.put(neurons(i), l.neurons());
      values.put(activation(i), l.activation().notation());
    }
    for (String extra : List.of(LEARNING_RATE, BATCH_SIZE)) {
      if (space.contains(extra)) {
        values.put(extra, others.containsKey(extra) ? others.get(extra) : space.parameter(extra).defaultValue());
      }
    }
    try {
      return space.configuration(values);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("network " + network + " is not in the space: " + e.getMessage(), e);
    }
  }

  /** The learning rate of a configuration, when the space has one. */
  public static OptionalDouble learningRate(Configuration c) {
    return c.has(LEARNING_RATE) ? OptionalDouble.of(c.doubleValue(LEARNING_RATE)) : OptionalDouble.empty();
  }

  /** The mini-batch size of a configuration, when the space has one. */
  public static OptionalInt batchSize(Configuration c) {
    return c.has(BATCH_SIZE) ? OptionalInt.of(c.intValue(BATCH_SIZE)) : OptionalInt.empty();
  }

  /** Largest {@code layers} value of an MLP space. */
  static int maxLayers(ConfigurationSpace space) {
    return ((IntegerHyperparameter) space.parameter(LAYERS)).upper();
  }

  /** Options of the MLP space; defaults are SPEC's: 2 layers, 1..128 neurons, relu/sigmoid/tanh. */
  public static final class Builder {
    private int maxLayers = 2;
    private int minNeurons = 1;
    private int maxNeurons = 128;
    private List<Activation> activations = List.of(Activation.RELU, Activation.SIGMOID, Activation.TANH);
    private double[] learningRate;
    private int[] batchSize;

    private Builder() {}

    public Builder maxLayers(int maxLayers) {
      if (maxLayers < 1) {
        throw new IllegalArgumentException("maxLayers must be at least 1, got " + maxLayers);
      }
      this.maxLayers = maxLayers;
      return this;
    }

    public Builder minNeurons(int minNeurons) {
      if (minNeurons < 1) {
        throw new IllegalArgumentException("minNeurons must be at least 1, got " + minNeurons);
      }
      this.minNeurons = minNeurons;
      return this;
    }

    public Builder maxNeurons(int maxNeurons) {
      if (maxNeurons < 1) {
        throw new IllegalArgumentException("maxNeurons must be at least 1, got " + maxNeurons);
      }
      this.maxNeurons = maxNeurons;
      return this;
    }

    public Builder activations(List<Activation> activations) {
      if (activations == null || activations.isEmpty()) {
        throw new IllegalArgumentException("the MLP space needs at least one activation");
      }
      this.activations = List.copyOf(activations);
      return this;
    }

    /** Adds {@code learning_rate}, log-uniform in [lower, upper]. */
    public Builder learningRate(double lower, double upper) {
      this.learningRate = new double[] {lower, upper};
      return this;
    }

    /** Adds {@code batch_size}, log-uniform integer in [lower, upper]. */
    public Builder batchSize(int lower, int upper) {
      this.batchSize = new int[] {lower, upper};
      return this;
    }

    public ConfigurationSpace build() {
      if (minNeurons > maxNeurons) {
        throw new IllegalArgumentException("minNeurons " + minNeurons + " > maxNeurons " + maxNeurons);
      }
      List<String> choices = activations.stream().map(Activation::notation).distinct().toList();
      ConfigurationSpace.Builder b = ConfigurationSpace.builder()
          .add(IntegerHyperparameter.of(LAYERS, 1, maxLayers));
      for (int i = 1; i <= maxLayers; i++) {
        b.add(minNeurons == maxNeurons
            ? IntegerHyperparameter.of(neurons(i), minNeurons, maxNeurons)
            : IntegerHyperparameter.log(neurons(i), minNeurons, maxNeurons));
        b.add(CategoricalHyperparameter.of(activation(i), choices));
        if (i >= 2) {
          List<Integer> atLeast = IntStream.rangeClosed(i, maxLayers).boxed().toList();
          b.add(Condition.in(neurons(i), LAYERS, atLeast));
          b.add(Condition.in(activation(i), LAYERS, atLeast));
        }
      }
      if (learningRate != null) {
        b.add(RealHyperparameter.log(LEARNING_RATE, learningRate[0], learningRate[1]));
      }
      if (batchSize != null) {
        b.add(IntegerHyperparameter.log(BATCH_SIZE, batchSize[0], batchSize[1]));
      }
      return b.build();
    }
  }
}
