package org.axnas.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer perceptron topology in the one notation used everywhere (CLI, logs, reports,
 * JSON): input width, each hidden layer as {@code neurons:activation}, then the output width,
 * optionally with {@code :activation} when the output layer is not linear. Example:
 * {@code 6-8:sigmoid-8:sigmoid-1}.
 */
public record Network(int inputs, List<Layer> hidden, int outputs, Activation outputActivation) {

  public Network {
    if (inputs < 1) {
      throw new IllegalArgumentException("a network needs at least 1 input, got " + inputs);
    }
    if (outputs < 1) {
      throw new IllegalArgumentException("a network needs at least 1 output, got " + outputs);
    }
    hidden = List.copyOf(hidden);
    if (outputActivation == null) {
      outputActivation = Activation.LINEAR;
    }
  }

  /** A network with a linear output layer. */
  public static Network of(int inputs, List<Layer> hidden, int outputs) {
    return new Network(inputs, hidden, outputs, Activation.LINEAR);
  }

  /**
   * Parses the notation. Hidden layers must name their activation; the output layer is linear
   * unless it says otherwise ({@code -2:sigmoid}).
   */
  public static Network parse(String notation) {
    if (notation == null || notation.isBlank()) {
      throw new IllegalArgumentException("empty network; expected e.g. 6-8:sigmoid-8:sigmoid-1");
    }
    String[] parts = notation.trim().split("-");
    if (parts.length < 2) {
      throw new IllegalArgumentException(
          "network '" + notation + "' needs at least an input and an output width, e.g. 6-8:sigmoid-1");
    }
    try {
      int inputs = parseWidth(parts[0], notation);
      List<Layer> hidden = new ArrayList<>();
      for (int i = 1; i < parts.length - 1; i++) {
        String[] p = parts[i].split(":");
        if (p.length != 2) {
          throw new IllegalArgumentException(
              "hidden layer '" + parts[i] + "' of network '" + notation
                  + "' must be neurons:activation (activation one of " + Activation.allowedNames() + ")");
        }
        hidden.add(new Layer(parseWidth(p[0], notation), Activation.parse(p[1])));
      }
      String[] out = parts[parts.length - 1].split(":");
      if (out.length > 2) {
        throw new IllegalArgumentException("output layer '" + parts[parts.length - 1] + "' of '" + notation + "'");
      }
      Activation outAct = out.length == 2 ? Activation.parse(out[1]) : Activation.LINEAR;
      return new Network(inputs, hidden, parseWidth(out[0], notation), outAct);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().contains(notation)) {
        throw e;
      }
      throw new IllegalArgumentException("invalid network '" + notation + "': " + e.getMessage(), e);
    }
  }

  private static int parseWidth(String s, String notation) {
    try {
      int w = Integer.parseInt(s.trim());
      if (w < 1) {
        throw new IllegalArgumentException(
            "layer width " + w + " in network '" + notation + "' must be at least 1");
      }
      return w;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "layer width '" + s + "' in network '" + notation + "' is not a positive integer");
    }
  }

  /** Number of hidden layers. */
  public int depth() {
    return hidden.size();
  }

  /** Widths of every layer, input first, output last. */
  public int[] widths() {
    int[] w = new int[hidden.size() + 2];
    w[0] = inputs;
    for (int i = 0; i < hidden.size(); i++) {
      w[i + 1] = hidden.get(i).neurons();
    }
    w[w.length - 1] = outputs;
    return w;
  }

  /** Activation of each weight layer (hidden layers, then the output layer). */
  public List<Activation> activations() {
    List<Activation> acts = new ArrayList<>();
    for (Layer l : hidden) {
      acts.add(l.activation());
    }
    acts.add(outputActivation);
    return acts;
  }

  /** Multiply-accumulates of one forward pass. */
  public long macs() {
    int[] w = widths();
    long macs = 0;
    for (int i = 0; i + 1 < w.length; i++) {
      macs += (long) w[i] * w[i + 1];
    }
    return macs;
  }

  /** Weights plus biases. */
  public long parameters() {
    int[] w = widths();
    long p = 0;
    for (int i = 0; i + 1 < w.length; i++) {
      p += (long) w[i] * w[i + 1] + w[i + 1];
    }
    return p;
  }

  /** The notation, e.g. {@code 6-8:sigmoid-8:sigmoid-1}. */
  public String notation() {
    StringBuilder sb = new StringBuilder().append(inputs);
    for (Layer l : hidden) {
      sb.append('-').append(l);
    }
    sb.append('-').append(outputs);
    if (outputActivation != Activation.LINEAR) {
      sb.append(':').append(outputActivation.notation());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return notation();
  }
}
