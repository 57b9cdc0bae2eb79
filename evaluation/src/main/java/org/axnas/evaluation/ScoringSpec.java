package org.axnas.evaluation;

import java.io.Serializable;
import org.axnas.kernels.ErrorMetric;
import org.axnas.kernels.ErrorMetrics;

/**
 * Everything needed to score a candidate the same way on every worker: the benchmark and its
 * error bound, the objective, the hardware, the original function's CPU profile, and where the
 * traces and the model cache live. Immutable and serializable; it travels inside the transform.
 *
 * @param benchmark built-in benchmark name, or a user function's name
 * @param metric error metric: a built-in benchmark's own ("" ) or relative / absolute / classification
 * @param group error-bound group (1 or 2)
 * @param errorBound a sample is correct when its error is under this bound (paper eq. 5)
 * @param objective f_perf coefficients and normalisation
 * @param hardwareYaml the hardware config text (parsed once per worker)
 * @param hardwareName where the hardware config came from, for messages
 * @param cpuOps the original function's operations per invocation, by OpClass ordinal
 * @param instructionMix a user's function's micro-operations per invocation by InstructionClass
 *     ordinal ({@code function.instructionMix}); empty when the CPU side is priced otherwise
 * @param tracesDir folder with train/validation/test-*.avro
 * @param scoreSplit split the accuracy is measured on: validation during the search, test for final figures
 * @param modelDir the evaluation cache: trained models by key
 */
public record ScoringSpec(
    String benchmark,
    String metric,
    int group,
    double errorBound,
    Objective objective,
    String hardwareYaml,
    String hardwareName,
    double[] cpuOps,
    String tracesDir,
    String scoreSplit,
    String modelDir,
    double[] instructionMix) implements Serializable {

  public ScoringSpec {
    if (!(errorBound > 0)) {
      throw new IllegalArgumentException("error bound must be > 0, got " + errorBound);
    }
    cpuOps = cpuOps.clone();
    instructionMix = instructionMix == null ? new double[0] : instructionMix.clone();
  }

  /** A spec whose CPU side is the benchmark's measured mix or the counted operations. */
  public ScoringSpec(String benchmark, String metric, int group, double errorBound, Objective objective,
      String hardwareYaml, String hardwareName, double[] cpuOps, String tracesDir, String scoreSplit, String modelDir) {
    this(benchmark, metric, group, errorBound, objective, hardwareYaml, hardwareName, cpuOps, tracesDir, scoreSplit,
        modelDir, new double[0]);
  }

  @Override
  public double[] cpuOps() {
    return cpuOps.clone();
  }

  @Override
  public double[] instructionMix() {
    return instructionMix.clone();
  }

  /** What the original function costs {@code hardware}'s core: see {@link CpuWorkloads#of}. */
  public org.axnas.hwsim.CpuWorkload cpuWorkload(org.axnas.hwsim.HardwareConfig hardware) {
    return CpuWorkloads.of(hardware, benchmark, cpuOps, instructionMix);
  }

  /** The error metric a sample is judged by (paper eq. 5). */
  public ErrorMetric errorMetric() {
    return ErrorMetrics.of(benchmark, metric);
  }

  /** The same scoring with its trained models looked up (and stored) in {@code dir}. */
  public ScoringSpec withModelDir(String dir) {
    return new ScoringSpec(benchmark, metric, group, errorBound, objective, hardwareYaml, hardwareName, cpuOps,
        tracesDir, scoreSplit, dir);
  }

  public ScoringSpec onSplit(String split) {
    return new ScoringSpec(benchmark, metric, group, errorBound, objective, hardwareYaml, hardwareName, cpuOps,
        tracesDir, split, modelDir, instructionMix);
  }
}
