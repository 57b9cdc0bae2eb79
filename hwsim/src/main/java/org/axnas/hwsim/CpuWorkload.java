package org.axnas.hwsim;

/**
 * What the original function asks of the CPU per invocation: a measured instruction mix of a
 * named build, or operation counts from the kernel as it ran. The CPU model prices either with
 * the core's tables.
 */
public sealed interface CpuWorkload permits InstructionMix, CountedOperations {

  /** The cost of one invocation on {@code cpu}. */
  CpuCost cost(CpuConfig cpu);

  /** One line on what was priced, for results and reports (e.g. the baseline build). */
  String description();
}
