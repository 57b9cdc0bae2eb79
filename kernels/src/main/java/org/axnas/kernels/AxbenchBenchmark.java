package org.axnas.kernels;

import org.axnas.core.Activation;
import org.axnas.core.Network;

/**
 * What every benchmark states the same way: its name, its metric, its Table 2 bounds and AxBench's
 * network, from which the input and output widths and the output activation are read, so they
 * cannot disagree.
 */
abstract class AxbenchBenchmark implements Benchmark {
  private final String name;
  private final ErrorMetric metric;
  private final ErrorBounds bounds;
  private final Network network;

  /**
   * @param network AxBench's hand-designed network in the project's notation; its output
   *     activation is the one the benchmark needs
   */
  AxbenchBenchmark(String name, ErrorMetric metric, ErrorBounds bounds, String network) {
    this.name = name;
    this.metric = metric;
    this.bounds = bounds;
    this.network = Network.parse(network);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int inputWidth() {
    return network.inputs();
  }

  @Override
  public final int outputWidth() {
    return network.outputs();
  }

  @Override
  public final ErrorMetric metric() {
    return metric;
  }

  @Override
  public final double errorBound(int group) {
    return bounds.of(group);
  }

  @Override
  public final Network axbenchNetwork() {
    return network;
  }

  @Override
  public final Activation outputActivation() {
    return network.outputActivation();
  }

  @Override
  public String toString() {
    return name;
  }
}
