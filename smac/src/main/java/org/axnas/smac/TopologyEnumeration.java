package org.axnas.smac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axnas.core.Activation;

/**
 * The baseline the paper compares against ("fixed topology enumeration", Esmaeilzadeh et al.,
 * MICRO 2012): every MLP with one or two hidden layers whose widths are powers of two from 2 up to
 * the space's maximum width, one activation for all hidden layers (MICRO 2012 used sigmoid).
 *
 * <p>Order (what a best-so-far curve of the baseline follows): one hidden layer before two; within
 * a depth, widths in increasing lexicographic order (first layer, then second); for each
 * topology the activations in the order given. With 128 neurons and sigmoid that is 2, 4, ...,
 * 128, then 2-2, 2-4, ..., 128-128: 7 + 49 = 56 networks.
 */
public final class TopologyEnumeration {
  private TopologyEnumeration() {}

  /** The enumeration with sigmoid only, as in MICRO 2012. */
  public static List<Configuration> of(ConfigurationSpace mlpSpace) {
    return of(mlpSpace, List.of(Activation.SIGMOID));
  }

  /**
   * The enumeration over an {@link MlpSpace}; training hyperparameters, if any, take defaults.
   *
   * @throws IllegalArgumentException when an activation is not a choice of the space
   */
  public static List<Configuration> of(ConfigurationSpace mlpSpace, List<Activation> activations) {
    int depth = Math.min(2, MlpSpace.maxLayers(mlpSpace));
    IntegerHyperparameter width = (IntegerHyperparameter) mlpSpace.parameter(MlpSpace.neurons(1));
    List<Integer> widths = new ArrayList<>();
    for (int w = 2; w <= width.upper(); w *= 2) {
      if (w >= width.lower()) {
        widths.add(w);
      }
    }
    if (widths.isEmpty()) {
      widths.add(width.upper());
    }
    List<Configuration> out = new ArrayList<>();
    for (int layers = 1; layers <= depth; layers++) {
      for (int[] topology : topologies(widths, layers)) {
        for (Activation a : activations) {
          Map<String, Object> values = new LinkedHashMap<>();
          values.put(MlpSpace.LAYERS, layers);
          for (int i = 1; i <= layers; i++) {
            values.put(MlpSpace.neurons(i), topology[i - 1]);
            values.put(MlpSpace.activation(i), a.notation());
          }
          for (String extra : List.of(MlpSpace.LEARNING_RATE, MlpSpace.BATCH_SIZE)) {
            if (mlpSpace.contains(extra)) {
              values.put(extra, mlpSpace.parameter(extra).defaultValue());
            }
          }
          out.add(mlpSpace.configuration(values));
        }
      }
    }
    return out;
  }

  private static List<int[]> topologies(List<Integer> widths, int layers) {
    List<int[]> out = new ArrayList<>();
    if (layers == 1) {
      for (int w : widths) {
        out.add(new int[] {w});
      }
    } else {
      for (int w1 : widths) {
        for (int w2 : widths) {
          out.add(new int[] {w1, w2});
        }
      }
    }
    return out;
  }
}
