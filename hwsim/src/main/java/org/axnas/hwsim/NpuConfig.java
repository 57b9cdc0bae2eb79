package org.axnas.hwsim;

import java.util.EnumMap;
import java.util.Map;
import org.axnas.core.Activation;
import org.axnas.runtime.Precision;

/**
 * The NPU half of a hardware configuration: a rows x cols array of processing engines (PEs),
 * each with a register file that keeps weights, an optional global buffer, DRAM behind it, an
 * activation unit and the queues to the CPU. Energies other than {@link #macJoules()} are per
 * word access, in multiples of one MAC's energy, as in Eyeriss (ISCA 2016) and nn_dataflow.
 * Immutable; see {@code hwsim/README.md} for the meaning and source of every field.
 *
 * @param name human-readable name
 * @param clockHz NPU clock
 * @param wordBits data word width (weights, activations, partial sums)
 * @param rows PE rows: a neuron's fan-in is split down a column over up to this many PEs, whose
 *     partial sums are accumulated PE to PE (Eyeriss's vertical psum accumulation)
 * @param cols PE columns: neurons are spread across columns
 * @param registerFileWeightWords weight words each PE keeps in its register file
 * @param inputBufferWords input words a PE can hold; when a PE's slice of a layer's inputs fits,
 *     the inputs are multicast once per layer and reused by every pass, otherwise once per pass
 * @param globalBufferBytes on-chip global buffer; 0 means there is none (activations then travel
 *     PE to PE over the bus, as in the MICRO 2012 NPU)
 * @param busWordsPerCycle words per cycle from the global buffer (or the bus) into the array
 * @param dramBytesPerSecond DRAM bandwidth for weights that do not fit on chip
 * @param pipelineFillCycles cycles from a layer's first input read to its first MAC result
 * @param layerSyncCycles per-layer synchronisation (barrier, buffer swap)
 * @param staticWatts leakage power of the NPU, charged for its busy time
 * @param macJoules energy of one multiply-accumulate on this word size
 * @param registerFileAccessesPerMac register-file accesses each MAC needs
 * @param registerFileEnergy energy of one register-file access, in MACs
 * @param arrayEnergy energy of one word moved over the array network or bus, in MACs
 * @param globalBufferEnergy energy of one global-buffer access, in MACs
 * @param dramEnergy energy of one DRAM word access, in MACs
 * @param activationLanes activations the unit accepts per cycle (pipelined)
 * @param activations cost of each activation function; every {@link Activation} is present
 * @param queueWordsPerCycle words per NPU cycle through the CPU-NPU queues
 * @param queueEnergy NPU-side energy per word through a queue, in MACs
 * @param precision the arithmetic the NPU computes in (what scoring reproduces); a config's
 *     constants describe a datapath of {@code wordBits}: float when 32, fixed point otherwise
 */
public record NpuConfig(
    String name,
    double clockHz,
    int wordBits,
    int rows,
    int cols,
    int registerFileWeightWords,
    int inputBufferWords,
    long globalBufferBytes,
    int busWordsPerCycle,
    double dramBytesPerSecond,
    int pipelineFillCycles,
    int layerSyncCycles,
    double staticWatts,
    double macJoules,
    double registerFileAccessesPerMac,
    double registerFileEnergy,
    double arrayEnergy,
    double globalBufferEnergy,
    double dramEnergy,
    int activationLanes,
    Map<Activation, ActivationCost> activations,
    int queueWordsPerCycle,
    double queueEnergy,
    Precision precision) {

  public NpuConfig {
    activations = EnumTables.complete(activations, Activation.class, "activation cost");
  }

  /** True when the datapath the constants describe is floating point (a 32-bit word). */
  public boolean floatDatapath() {
    return wordBits == 32;
  }

  /**
   * This NPU computing in {@code p}. A precision of this datapath's width and kind changes
   * nothing but the arithmetic; another one rebuilds the datapath at its width
   * ({@link DatapathEnergy}): MAC energy from Horowitz's table, every word access in proportion
   * to the word's bits, register files, input buffers and the bus holding as many words as their
   * bits allow, the global buffer and DRAM bandwidth counted in bytes (as they are). Cycle counts
   * change only through those capacities.
   *
   * @throws IllegalArgumentException if hwsim has no MAC energy for either width
   */
  public NpuConfig withPrecision(Precision p) {
    if (p.wordBits() == wordBits && p.isFixed() != floatDatapath()) {
      return new NpuConfig(name, clockHz, wordBits, rows, cols, registerFileWeightWords, inputBufferWords,
          globalBufferBytes, busWordsPerCycle, dramBytesPerSecond, pipelineFillCycles, layerSyncCycles, staticWatts,
          macJoules, registerFileAccessesPerMac, registerFileEnergy, arrayEnergy, globalBufferEnergy, dramEnergy,
          activationLanes, activations, queueWordsPerCycle, queueEnergy, p);
    }
    int bits = p.wordBits();
    double macRatio = DatapathEnergy.macJoules(p) / DatapathEnergy.macJoules(wordBits, floatDatapath());
    double widthRatio = (double) bits / wordBits;
    double access = widthRatio / macRatio; // a word access, in the new MAC's energy
    Map<Activation, ActivationCost> acts = new EnumMap<>(Activation.class);
    activations.forEach((a, c) -> acts.put(a, new ActivationCost(c.cycles(), c.energy() * access)));
    return new NpuConfig(name, clockHz, bits, rows, cols, words(registerFileWeightWords, bits),
        words(inputBufferWords, bits), globalBufferBytes, words(busWordsPerCycle, bits), dramBytesPerSecond,
        pipelineFillCycles, layerSyncCycles, staticWatts, macJoules * macRatio, registerFileAccessesPerMac,
        registerFileEnergy * access, arrayEnergy * access, globalBufferEnergy * access, dramEnergy * access,
        activationLanes, acts, queueWordsPerCycle, queueEnergy * access, p);
  }

  /** A store of {@code n} words of this width holds this many words of {@code bits} (at least 1). */
  private int words(int n, int bits) {
    return (int) Math.max(1, (long) n * wordBits / bits);
  }

  /** Number of processing engines. */
  public int pes() {
    return rows * cols;
  }

  /** Global-buffer capacity in words (0 when there is no global buffer). */
  public long globalBufferWords() {
    return globalBufferBytes * 8 / wordBits;
  }

  public boolean hasGlobalBuffer() {
    return globalBufferBytes > 0;
  }

  public double bytesPerWord() {
    return wordBits / 8.0;
  }

  /** DRAM words delivered per NPU cycle. */
  public double dramWordsPerCycle() {
    return dramBytesPerSecond / clockHz / bytesPerWord();
  }

  public ActivationCost activation(Activation a) {
    return activations.get(a);
  }
}
