package org.axnas.traces;

import java.util.HashMap;
import java.util.Map;
import org.axnas.core.OpClass;
import org.axnas.core.OpCounter;
import org.axnas.core.OpProfile;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.InputSource;
import org.axnas.schemas.KernelProfile;

/** Conversions between the Avro kernel profile and the CPU model's operation profile. */
public final class KernelProfiles {
  private KernelProfiles() {}

  public static OpProfile toOpProfile(KernelProfile p) {
    Map<OpClass, Double> m = new HashMap<>();
    p.getOpsPerInvocation().forEach((k, v) -> m.put(OpClass.valueOf(k), v));
    return OpProfile.of(m);
  }

  public static KernelProfile toAvro(String benchmark, String source, long invocations, OpProfile p) {
    Map<String, Double> m = new HashMap<>();
    p.toMap().forEach((k, v) -> m.put(k.name(), v));
    return KernelProfile.newBuilder()
        .setBenchmark(benchmark)
        .setSource(source)
        .setInvocations(invocations)
        .setOpsPerInvocation(m)
        .build();
  }

  /** Runs the kernel on n generated inputs and returns its mean operation profile. */
  public static OpProfile measure(Benchmark b, long seed, int n) {
    InputSource src = b.generator(seed);
    OpCounter ops = new OpCounter();
    float[] in = new float[b.inputWidth()];
    float[] out = new float[b.outputWidth()];
    for (int i = 0; i < n; i++) {
      src.input(i, in);
      b.compute(in, out, ops);
    }
    return ops.profile();
  }
}
