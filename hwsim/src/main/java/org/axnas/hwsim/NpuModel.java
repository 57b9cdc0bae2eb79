package org.axnas.hwsim;

import java.util.ArrayList;
import java.util.List;
import org.axnas.core.Activation;
import org.axnas.core.Network;

/**
 * The analytical NPU model: maps each fully connected layer onto the PE array, counts MACs and
 * word accesses per storage level, and turns them into cycles and joules. Stateless; the
 * formulas are written out in hwsim/README.md ("NPU model").
 *
 * <p>Mapping. A layer of {@code n_in x n_out} splits each neuron's fan-in over
 * {@code s = min(rows, n_in)} PEs of a column (their partial sums are added PE to PE down the
 * column, as Eyeriss accumulates partial sums vertically) and spreads neurons across columns,
 * {@code floor(rows / s)} neurons per column. Neurons beyond one array-full take further passes.
 * The layer's inputs are multicast over the bus, {@code busWords} per cycle; a PE whose input
 * slice ({@code ceil(n_in / s)} words) fits its input buffer keeps it for every pass, otherwise
 * the inputs are sent again each pass. A pass that receives inputs lasts
 * {@code max(ceil(n_in / s), ceil(n_in / busWords))} MAC cycles, one that reuses them
 * {@code ceil(n_in / s)}.
 */
final class NpuModel {
  private NpuModel() {}

  static NpuCost cost(Network network, NpuConfig hw) {
    int[] w = network.widths();
    List<Activation> acts = network.activations();
    int maxWidth = 0;
    for (int x : w) {
      maxWidth = Math.max(maxWidth, x);
    }

    WeightPlacement placement = place(network.parameters(), maxWidth, hw);
    double params = placement.total();
    double glbShare = placement.globalBuffer() / params;
    double dramShare = placement.dram() / params;

    final int rows = hw.rows();
    final int cols = hw.cols();
    final int bus = hw.busWordsPerCycle();
    final int pes = hw.pes();
    final double dramWordsPerCycle = hw.dramWordsPerCycle();
    final boolean glb = hw.hasGlobalBuffer();
    final double macJ = hw.macJoules();

    long macs = 0;
    double rf = 0;
    double array = 0;
    double gb = 0;
    double dram = 0;
    double activationUnits = 0;
    long cycles = 0;
    long computeCyclesAll = 0;
    List<LayerCost> layers = new ArrayList<>(w.length - 1);

    for (int l = 1; l < w.length; l++) {
      int nIn = w[l - 1];
      int nOut = w[l];
      Activation act = acts.get(l - 1);
      ActivationCost actCost = hw.activation(act);

      // mapping
      int split = Math.min(rows, nIn);
      long perPass = (long) cols * (rows / split);
      long passes = ceilDiv(nOut, perPass);
      long slice = ceilDiv(nIn, split);
      long broadcasts = slice <= hw.inputBufferWords() ? 1 : passes;
      long macCycles = broadcasts * Math.max(slice, ceilDiv(nIn, bus)) + (passes - broadcasts) * slice;
      int pesUsed = (int) (Math.min(nOut, perPass) * split);

      // weights that live off the register files are streamed in on every call
      long layerMacs = (long) nIn * nOut;
      long layerParams = layerMacs + nOut;
      double glbStream = layerParams * glbShare;
      double dramStream = layerParams * dramShare;
      long streamCycles = ceilFractional((glbStream + dramStream) / bus + dramStream / dramWordsPerCycle);
      long computeCycles = Math.max(macCycles, streamCycles);

      long activationCycles = actCost.cycles() == 0
          ? 0
          : actCost.cycles() + ceilDiv(nOut, hw.activationLanes()) - 1;
      long layerCycles = hw.pipelineFillCycles() + computeCycles + (split - 1)
          + ceilDiv(nOut, bus) + activationCycles + hw.layerSyncCycles();

      // accesses
      double lRf = layerMacs * hw.registerFileAccessesPerMac() + nOut + glbStream + dramStream;
      double lArray = (double) nIn * broadcasts + (double) (split - 1) * nOut + nOut + glbStream + dramStream;
      double lGb = glbStream;
      double vectorAccesses = (double) nIn * broadcasts + nOut; // inputs read per multicast, outputs written
      if (glb) {
        lGb += vectorAccesses;
      } else {
        lRf += vectorAccesses;
      }
      double lAct = nOut * actCost.energy();

      double layerJoules = macJ * (layerMacs + lRf * hw.registerFileEnergy()
          + lArray * hw.arrayEnergy() + lGb * hw.globalBufferEnergy()
          + dramStream * hw.dramEnergy() + lAct);
      layers.add(new LayerCost(l, nIn, nOut, act, layerMacs, split, pesUsed, passes,
          (double) layerMacs / ((double) pes * computeCycles), layerCycles, layerJoules));

      macs += layerMacs;
      rf += lRf;
      array += lArray;
      gb += lGb;
      dram += dramStream;
      activationUnits += lAct;
      cycles += layerCycles;
      computeCyclesAll += computeCycles;
    }

    // the queues: inputs arrive from the CPU, outputs leave for it
    int words = w[0] + w[w.length - 1];
    cycles += ceilDiv(w[0], hw.queueWordsPerCycle()) + ceilDiv(w[w.length - 1], hw.queueWordsPerCycle());
    if (glb) {
      gb += words;
    } else {
      rf += words;
    }

    double seconds = cycles / hw.clockHz();
    EnergyBreakdown energy = new EnergyBreakdown(
        macJ * macs,
        macJ * rf * hw.registerFileEnergy(),
        macJ * array * hw.arrayEnergy(),
        macJ * gb * hw.globalBufferEnergy(),
        macJ * dram * hw.dramEnergy(),
        macJ * activationUnits,
        macJ * words * hw.queueEnergy(),
        hw.staticWatts() * seconds);
    return new NpuCost(cycles, seconds, macs, new AccessCounts(rf, array, gb, dram), energy,
        placement, layers, pes, (double) macs / ((double) pes * computeCyclesAll));
  }

  /**
   * Register files first, then the global buffer less two activation vectors (the input and
   * output of the layer in flight), then DRAM.
   */
  static WeightPlacement place(long params, int maxWidth, NpuConfig hw) {
    long rfCapacity = (long) hw.pes() * hw.registerFileWeightWords();
    long glbCapacity = hw.hasGlobalBuffer() ? Math.max(0, hw.globalBufferWords() - 2L * maxWidth) : 0;
    long onRf = Math.min(params, rfCapacity);
    long onGlb = Math.min(params - onRf, glbCapacity);
    return new WeightPlacement(onRf, onGlb, params - onRf - onGlb);
  }

  /** Ceiling of a fractional cycle count, ignoring rounding noise below 1e-9 cycles. */
  private static long ceilFractional(double x) {
    return (long) Math.ceil(x - 1e-9);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
