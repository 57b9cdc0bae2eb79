package org.axnas.hwsim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.axnas.core.Network;

/**
 * What one invocation costs on the NPU (with the breakdown), what the original function costs on
 * the CPU, and the speedup and energy reduction of the function region. Immutable.
 *
 * @param network the simulated network
 * @param hardware the platform
 * @param npu the NPU's cycles, energy by level, accesses and per-layer mapping
 * @param cpu the original function on the CPU
 * @param cpuWorkload what was priced for the original function (its build and instruction count,
 *     or counted operations)
 * @param transfer the CPU's side of the queue transfers
 * @param regionSeconds time of the accelerated region: CPU transfers plus NPU
 * @param regionJoules energy of the accelerated region: NPU, CPU transfers, and the core's
 *     leakage while it sends and waits
 * @param regionFraction the region's share of the program's time, when known
 */
public record SimulationResult(
    Network network,
    HardwareConfig hardware,
    NpuCost npu,
    CpuCost cpu,
    String cpuWorkload,
    TransferCost transfer,
    double regionSeconds,
    double regionJoules,
    OptionalDouble regionFraction) {

  /** CPU time of the original function over the time of the accelerated region. */
  public double speedup() {
    return cpu.seconds() / regionSeconds;
  }

  /** CPU energy of the original function over the energy of the accelerated region. */
  public double energyReduction() {
    return cpu.energyJoules() / regionJoules;
  }

  /**
   * Whole-application speedup and energy reduction by Amdahl's law, for a region that takes
   * {@code regionFraction} of the program's time (its energy share is taken to be the same).
   */
  public ApplicationFigures application(double regionFraction) {
    return ApplicationFigures.of(regionFraction, speedup(), energyReduction());
  }

  /**
   * The JSON document of {@code axnas hwsim --json}: the keys SPEC.md section 1 fixes
   * ({@code network}, {@code hardware}, {@code npu}, {@code cpu}, {@code speedup},
   * {@code energyReduction}) and more (layers, accesses, utilisation, transfer, region, and
   * {@code application} when the region's share is known). Insertion-ordered maps.
   */
  public Map<String, Object> toJson() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("network", network.notation());
    doc.put("hardware", hardware.name());

    Map<String, Object> n = new LinkedHashMap<>();
    n.put("name", hardware.npu().name());
    n.put("precision", hardware.precision().notation());
    n.put("wordBits", hardware.npu().wordBits());
    n.put("cycles", npu.cycles());
    n.put("seconds", npu.seconds());
    n.put("energyJoules", npu.energyJoules());
    n.put("macs", npu.macs());
    EnergyBreakdown e = npu.energy();
    Map<String, Object> levels = new LinkedHashMap<>();
    levels.put("mac", e.mac());
    levels.put("registerFile", e.registerFile());
    levels.put("array", e.array());
    levels.put("globalBuffer", e.globalBuffer());
    levels.put("dram", e.dram());
    levels.put("activation", e.activation());
    levels.put("transfer", e.transfer());
    levels.put("leakage", e.leakage());
    n.put("energyByLevel", levels);
    AccessCounts a = npu.accesses();
    Map<String, Object> accesses = new LinkedHashMap<>();
    accesses.put("registerFile", a.registerFile());
    accesses.put("array", a.array());
    accesses.put("globalBuffer", a.globalBuffer());
    accesses.put("dram", a.dram());
    n.put("accesses", accesses);
    WeightPlacement wp = npu.weights();
    Map<String, Object> weights = new LinkedHashMap<>();
    weights.put("registerFile", wp.registerFile());
    weights.put("globalBuffer", wp.globalBuffer());
    weights.put("dram", wp.dram());
    n.put("weights", weights);
    n.put("pes", npu.pes());
    n.put("pesUsed", npu.pesUsed());
    n.put("utilisation", npu.utilisation());
    List<Object> layers = new ArrayList<>();
    for (LayerCost l : npu.layers()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("layer", l.index());
      m.put("inputs", l.inputs());
      m.put("neurons", l.neurons());
      m.put("activation", l.activation().notation());
      m.put("macs", l.macs());
      m.put("split", l.split());
      m.put("pesUsed", l.pesUsed());
      m.put("passes", l.passes());
      m.put("utilisation", l.utilisation());
      m.put("cycles", l.cycles());
      m.put("energyJoules", l.energyJoules());
      layers.add(m);
    }
    n.put("layers", layers);
    doc.put("npu", n);

    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", hardware.cpu().name());
    c.put("baseline", hardware.cpu().baseline().name());
    c.put("workload", cpuWorkload);
    c.put("cycles", cpu.cycles());
    c.put("seconds", cpu.seconds());
    c.put("energyJoules", cpu.energyJoules());
    c.put("dynamicJoules", cpu.dynamicJoules());
    c.put("staticJoules", cpu.staticJoules());
    doc.put("cpu", c);

    Map<String, Object> t = new LinkedHashMap<>();
    t.put("words", transfer.words());
    t.put("cpuCycles", transfer.cpuCycles());
    t.put("cpuSeconds", transfer.cpuSeconds());
    t.put("cpuJoules", transfer.cpuJoules());
    t.put("npuJoules", e.transfer());
    doc.put("transfer", t);

    Map<String, Object> r = new LinkedHashMap<>();
    r.put("seconds", regionSeconds);
    r.put("energyJoules", regionJoules);
    doc.put("region", r);

    doc.put("speedup", speedup());
    doc.put("energyReduction", energyReduction());
    if (regionFraction.isPresent()) {
      ApplicationFigures app = application(regionFraction.getAsDouble());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("regionFraction", app.regionFraction());
      m.put("speedup", app.speedup());
      m.put("energyReduction", app.energyReduction());
      doc.put("application", m);
    }
    return doc;
  }

  /** A readable text table of the breakdown (what {@code axnas hwsim} prints by default). */
  public String toTable() {
    return ResultTable.format(this);
  }
}
