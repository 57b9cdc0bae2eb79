package org.axnas.hwsim;

import java.util.Objects;
import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;

/**
 * Source-level operation counts of a function (the kernels count them as they run, a user may
 * give them), priced by the core's per-operation table {@code cpu.ops}. Used where no measured
 * instruction mix exists: a user's own function.
 *
 * @param profile mean operations per invocation
 */
public record CountedOperations(OpProfile profile) implements CpuWorkload {

  public CountedOperations {
    Objects.requireNonNull(profile, "operation profile");
  }

  @Override
  public CpuCost cost(CpuConfig cpu) {
    double cycles = 0;
    double joules = 0;
    for (OpClass c : OpClass.values()) {
      double n = profile.count(c);
      if (n != 0) {
        OpCost op = cpu.op(c);
        cycles += n * op.cycles();
        joules += n * op.joules();
      }
    }
    double seconds = cycles / cpu.clockHz();
    return new CpuCost(cycles, seconds, joules, cpu.staticWatts() * seconds);
  }

  @Override
  public String description() {
    return "counted operations priced per operation (" + Math.round(profile.total())
        + " operations per invocation)";
  }
}
