package org.axnas.hwsim;

import java.util.Locale;

/** Formats a {@link SimulationResult} as the text table {@code axnas hwsim} prints. */
final class ResultTable {
  private ResultTable() {}

  static String format(SimulationResult r) {
    NpuConfig hw = r.hardware().npu();
    CpuConfig cpuHw = r.hardware().cpu();
    NpuCost npu = r.npu();
    StringBuilder sb = new StringBuilder();
    line(sb, "hwsim: %s on %s", r.network().notation(), r.hardware().name());
    line(sb, "NPU %s: %d x %d = %d PEs, %s, %d-bit words, computes in %s", hw.name(), hw.rows(), hw.cols(),
        hw.pes(), si(hw.clockHz(), "Hz"), hw.wordBits(), hw.precision().notation());
    line(sb, "CPU %s, %s, baseline %s (%s)", cpuHw.name(), si(cpuHw.clockHz(), "Hz"),
        cpuHw.baseline(), cpuHw.baseline().build());
    line(sb, "original function: %s", r.cpuWorkload());
    sb.append('\n');
    line(sb, "%-6s %-9s %-8s %8s %6s %5s %7s %7s %8s %11s", "layer", "shape", "act", "MACs",
        "split", "PEs", "passes", "util", "cycles", "energy");
    for (LayerCost l : npu.layers()) {
      line(sb, "%-6d %-9s %-8s %8d %6d %5d %7d %7.3f %8d %11s", l.index(),
          l.inputs() + "x" + l.neurons(), l.activation().notation(), l.macs(), l.split(),
          l.pesUsed(), l.passes(), l.utilisation(), l.cycles(), si(l.energyJoules(), "J"));
    }
    line(sb, "%-6s %-9s %-8s %8d %6s %5d %7s %7.3f %8d %11s", "NPU", "", "", npu.macs(), "",
        npu.pesUsed(), "", npu.utilisation(), npu.cycles(), si(npu.energyJoules(), "J"));
    sb.append('\n');

    EnergyBreakdown e = npu.energy();
    double total = e.total();
    line(sb, "NPU energy by level:");
    level(sb, "mac", e.mac(), total, npu.macs() + " MACs");
    level(sb, "registerFile", e.registerFile(), total, count(npu.accesses().registerFile()) + " accesses");
    level(sb, "array", e.array(), total, count(npu.accesses().array()) + " words moved");
    level(sb, "globalBuffer", e.globalBuffer(), total, count(npu.accesses().globalBuffer()) + " accesses");
    level(sb, "dram", e.dram(), total, count(npu.accesses().dram()) + " words");
    level(sb, "activation", e.activation(), total, "");
    level(sb, "transfer", e.transfer(), total, r.transfer().words() + " words through the queues");
    level(sb, "leakage", e.leakage(), total, "");
    line(sb, "  %-13s %11s", "total", si(total, "J"));
    WeightPlacement wp = npu.weights();
    line(sb, "parameters: %d in register files, %d in global buffer, %d in DRAM%s",
        wp.registerFile(), wp.globalBuffer(), wp.dram(), wp.fitsOnChip() ? "" : " (fetched every call)");
    sb.append('\n');

    CpuCost cpu = r.cpu();
    line(sb, "%-44s %12s %11s %11s", "", "cycles", "time", "energy");
    line(sb, "%-44s %12.1f %11s %11s", "CPU, original function", cpu.cycles(),
        si(cpu.seconds(), "s"), si(cpu.energyJoules(), "J"));
    line(sb, "%-44s %12d %11s %11s", "NPU", npu.cycles(), si(npu.seconds(), "s"),
        si(npu.energyJoules(), "J"));
    line(sb, "%-44s %12.1f %11s %11s", "CPU queue transfers", r.transfer().cpuCycles(),
        si(r.transfer().cpuSeconds(), "s"), si(r.transfer().cpuJoules(), "J"));
    line(sb, "%-44s %12s %11s %11s", "CPU leakage while sending/waiting", "", "",
        si(cpuHw.staticWatts() * r.regionSeconds(), "J"));
    line(sb, "%-44s %12s %11s %11s", "region with NPU", "", si(r.regionSeconds(), "s"),
        si(r.regionJoules(), "J"));
    sb.append('\n');
    line(sb, "speedup %.3fx, energy reduction %.3fx (function region)", r.speedup(), r.energyReduction());
    r.regionFraction().ifPresent(f -> {
      ApplicationFigures app = r.application(f);
      line(sb, "application (region = %.1f%% of time): speedup %.3fx, energy reduction %.3fx",
          100 * f, app.speedup(), app.energyReduction());
    });
    return sb.toString();
  }

  private static void level(StringBuilder sb, String name, double joules, double total, String note) {
    line(sb, "  %-13s %11s %6.1f%%  %s", name, si(joules, "J"), total > 0 ? 100 * joules / total : 0, note);
  }

  private static String count(double x) {
    return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
  }

  private static void line(StringBuilder sb, String format, Object... args) {
    sb.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
  }

  /** A value with an SI prefix, e.g. {@code 12.3 nJ}. */
  static String si(double v, String unit) {
    if (v == 0) {
      return "0 " + unit;
    }
    if (!Double.isFinite(v)) {
      return v + " " + unit;
    }
    String[] prefixes = {"f", "p", "n", "u", "m", "", "k", "M", "G"};
    int exp = (int) Math.floor(Math.log10(Math.abs(v)) / 3);
    exp = Math.max(-5, Math.min(3, exp));
    double scaled = v / Math.pow(1000, exp);
    return String.format(Locale.ROOT, "%.3g %s%s", scaled, prefixes[exp + 5], unit);
  }
}
