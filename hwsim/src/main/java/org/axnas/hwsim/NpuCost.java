package org.axnas.hwsim;

import java.util.List;

/**
 * The NPU's latency and energy for one invocation of a network.
 *
 * @param cycles NPU cycles: queue transfers plus every layer
 * @param seconds {@code cycles / clockHz}
 * @param macs multiply-accumulates
 * @param accesses word accesses per storage level
 * @param energy energy by level, in joules
 * @param weights where the parameters live
 * @param layers per-layer mapping and cost
 * @param pes PEs in the array
 * @param utilisation all MACs divided by (PEs x all compute cycles), in (0, 1]
 */
public record NpuCost(
    long cycles,
    double seconds,
    long macs,
    AccessCounts accesses,
    EnergyBreakdown energy,
    WeightPlacement weights,
    List<LayerCost> layers,
    int pes,
    double utilisation) {

  public NpuCost {
    layers = List.copyOf(layers);
  }

  public double energyJoules() {
    return energy.total();
  }

  /** The most PEs any layer keeps busy at once. */
  public int pesUsed() {
    int max = 0;
    for (LayerCost l : layers) {
      max = Math.max(max, l.pesUsed());
    }
    return max;
  }
}
