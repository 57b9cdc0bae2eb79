package org.axnas.hwsim;

import java.util.Map;
import org.axnas.core.OpClass;

/**
 * The CPU half of a hardware configuration: a core that runs the original function, priced per
 * dynamic operation class, plus the leakage it burns while it runs or waits for the NPU, and the
 * cost of moving one word through the NPU queues (enqueue/dequeue instructions). Immutable.
 *
 * @param name human-readable name
 * @param clockHz core clock
 * @param staticWatts leakage and ungated clock power of the core, charged for every second the
 *     core spends on the function region (running it, or sending to and waiting for the NPU)
 * @param ops cost of each operation class; every {@link OpClass} is present
 * @param queueCyclesPerWord core cycles to enqueue or dequeue one word
 * @param queueJoulesPerWord dynamic energy of enqueuing or dequeuing one word
 */
public record CpuConfig(
    String name,
    double clockHz,
    double staticWatts,
    Map<OpClass, OpCost> ops,
    double queueCyclesPerWord,
    double queueJoulesPerWord) {

  public CpuConfig {
    ops = EnumTables.complete(ops, OpClass.class, "cost of operation class");
  }

  public OpCost op(OpClass c) {
    return ops.get(c);
  }
}
