package org.axnas.hwsim;

/**
 * Where a network's parameters (weights and biases) live between invocations. Register files
 * are filled first, then the global buffer (less the room kept for two activation vectors);
 * the rest stays in DRAM and is fetched on every invocation.
 *
 * @param registerFile parameters held in the PEs' register files
 * @param globalBuffer parameters held in the global buffer, streamed into the array per call
 * @param dram parameters fetched from DRAM per call
 */
public record WeightPlacement(long registerFile, long globalBuffer, long dram) {

  public long total() {
    return registerFile + globalBuffer + dram;
  }

  /** True when every parameter stays on chip. */
  public boolean fitsOnChip() {
    return dram == 0;
  }
}
