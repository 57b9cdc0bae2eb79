package org.axnas.hwsim;

import java.util.Map;
import java.util.Objects;
import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;

/**
 * The CPU half of a hardware configuration: a core that runs the original function, priced per
 * micro-operation class of its measured instruction mix (or per counted operation for a user's
 * function), plus the leakage it burns while it runs or waits for the NPU, and the
 * cost of moving one word through the NPU queues (enqueue/dequeue instructions). Immutable.
 *
 * @param name human-readable name
 * @param clockHz core clock
 * @param staticWatts leakage and ungated clock power of the core, charged for every second the
 *     core spends on the function region (running it, or sending to and waiting for the NPU)
 * @param baseline the build of AxBench's functions the speedups are measured against
 * @param instructions cost of each micro-operation class of a measured instruction mix; every
 *     {@link InstructionClass} is present
 * @param ops cost of each source-level operation class, for functions known only by counted
 *     operations (a user's own); every {@link OpClass} is present
 * @param queueCyclesPerWord core cycles to enqueue or dequeue one word
 * @param queueJoulesPerWord dynamic energy of enqueuing or dequeuing one word
 */
public record CpuConfig(
    String name,
    double clockHz,
    double staticWatts,
    CpuBaseline baseline,
    Map<InstructionClass, OpCost> instructions,
    Map<OpClass, OpCost> ops,
    double queueCyclesPerWord,
    double queueJoulesPerWord) {

  public CpuConfig {
    Objects.requireNonNull(baseline, "CPU baseline");
    instructions = EnumTables.complete(instructions, InstructionClass.class,
        "cost of instruction class");
    ops = EnumTables.complete(ops, OpClass.class, "cost of operation class");
  }

  /** The same core measured against another build of AxBench's functions. */
  public CpuConfig withBaseline(CpuBaseline other) {
    return new CpuConfig(name, clockHz, staticWatts, other, instructions, ops, queueCyclesPerWord,
        queueJoulesPerWord);
  }

  public OpCost op(OpClass c) {
    return ops.get(c);
  }

  public OpCost instruction(InstructionClass c) {
    return instructions.get(c);
  }

  /**
   * What running {@code benchmark} costs this core: AxBench's measured instruction mix for this
   * core's baseline build when {@code benchmark} is one of the seven, otherwise the operations
   * {@code counted} when the function ran (a user's function).
   */
  public CpuWorkload workload(String benchmark, OpProfile counted) {
    return MeasuredInstructionMixes.of(benchmark, baseline)
        .<CpuWorkload>map(m -> m)
        .orElseGet(() -> new CountedOperations(counted));
  }
}
