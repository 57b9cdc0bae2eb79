package org.axnas.core;

/** One dense layer of a network: its width and activation. */
public record Layer(int neurons, Activation activation) {
  public Layer {
    if (neurons < 1) {
      throw new IllegalArgumentException("a layer needs at least 1 neuron, got " + neurons);
    }
    if (activation == null) {
      throw new IllegalArgumentException("a layer needs an activation");
    }
  }

  @Override
  public String toString() {
    return neurons + ":" + activation.notation();
  }
}
