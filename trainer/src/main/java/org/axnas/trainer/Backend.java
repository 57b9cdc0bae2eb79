package org.axnas.trainer;

/** Which implementation trains a network; both start from the same weights and data order. */
public enum Backend {
  /**
   * Plain-Java dense kernels written for small MLPs: float rows, loops the JIT vectorises, no
   * native code. The default: faster than DL4J and PyTorch on every network size we measured.
   */
  FAST,
  /** DL4J {@code MultiLayerNetwork} (nd4j-native CPU), fitted on in-memory minibatch arrays. */
  DL4J
}
