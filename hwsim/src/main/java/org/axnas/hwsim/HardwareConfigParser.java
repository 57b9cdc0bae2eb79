package org.axnas.hwsim;

import java.util.Locale;
import java.util.Map;
import org.axnas.core.Activation;
import org.axnas.hwsim.yaml.YamlSection;
import org.axnas.core.OpClass;
import org.axnas.runtime.ActivationUnit;
import org.axnas.runtime.Precision;
import org.axnas.runtime.Rounding;

/** Reads the YAML of a {@link HardwareConfig} and validates every field. */
final class HardwareConfigParser {
  private final String source;

  HardwareConfigParser(String source) {
    this.source = source;
  }

  HardwareConfig parse(String yaml) {
    YamlSection root = YamlSection.parse(yaml, source, "a mapping with name, npu and cpu", HardwareConfigException.YAML);
    root.allowOnly("name", "description", "npu", "cpu");
    String name = root.text("name", "short name of the platform, e.g. eyeriss");
    String description = root.optionalText("description", "");
    NpuConfig npu = npu(root.section("npu", "the accelerator"));
    CpuConfig cpu = cpu(root.section("cpu", "the host core"));
    root.finish();
    return new HardwareConfig(name, description, npu, cpu, source);
  }

  private NpuConfig npu(YamlSection s) {
    s.allowOnly("name", "clockHz", "wordBits", "array", "registerFileWeightWords",
        "inputBufferWords", "globalBufferBytes", "busWordsPerCycle", "dramBytesPerSecond",
        "pipelineFillCycles", "layerSyncCycles", "staticWatts", "energy", "activation", "queue", "precision");
    String name = s.text("name", "human-readable NPU name");
    double clockHz = s.positive("clockHz", "NPU clock in Hz");
    int wordBits = s.positiveInt("wordBits", "bits per data word");
    YamlSection array = s.section("array", "rows and cols of the PE array");
    array.allowOnly("rows", "cols");
    int rows = array.positiveInt("rows", "PE rows; a neuron's fan-in is split over a column");
    int cols = array.positiveInt("cols", "PE columns; neurons are spread across columns");
    array.finish();
    if ((long) rows * cols > 1_000_000) {
      throw s.error("array", "rows x cols = " + (long) rows * cols + " PEs; at most 1000000 allowed");
    }
    int rfWords = s.positiveInt("registerFileWeightWords", "weight words kept per PE");
    int inputWords = s.positiveInt("inputBufferWords", "input words held per PE");
    long glbBytes = s.nonNegativeLong("globalBufferBytes", "bytes; 0 = no global buffer");
    int bus = s.positiveInt("busWordsPerCycle", "words per cycle into the array");
    double dramBw = s.positive("dramBytesPerSecond", "DRAM bandwidth in bytes/s");
    int fill = s.nonNegativeInt("pipelineFillCycles", "cycles per layer");
    int sync = s.nonNegativeInt("layerSyncCycles", "cycles per layer");
    double staticWatts = s.nonNegative("staticWatts", "NPU leakage in watts");

    YamlSection e = s.section("energy", "MAC energy and per-access energies relative to a MAC");
    e.allowOnly("macJoules", "registerFileAccessesPerMac", "registerFile", "array",
        "globalBuffer", "dram");
    double macJoules = e.positive("macJoules", "joules per MAC");
    double rfPerMac = e.nonNegative("registerFileAccessesPerMac", "register-file accesses per MAC");
    double rf = e.positive("registerFile", "energy per access in MACs");
    double arr = e.positive("array", "energy per word moved in MACs");
    double glb = e.positive("globalBuffer", "energy per access in MACs");
    double dram = e.positive("dram", "energy per word in MACs");
    e.finish();

    YamlSection a = s.section("activation", "lanes and the cost of " + Activation.allowedNames());
    int lanes = a.positiveInt("lanes", "activations accepted per cycle");
    Map<Activation, ActivationCost> acts = a.enumTable(Activation.class, Activation::notation,
        "activation", "a cost (cycles, energy)", c -> {
          c.allowOnly("cycles", "energy");
          return new ActivationCost(
              c.nonNegativeInt("cycles", "latency in NPU cycles"),
              c.nonNegative("energy", "energy per neuron in MACs"));
        }, "lanes");
    a.finish();

    YamlSection q = s.section("queue", "wordsPerCycle and energy of the CPU-NPU queues");
    q.allowOnly("wordsPerCycle", "energy");
    int qWords = q.positiveInt("wordsPerCycle", "queue words per NPU cycle");
    double qEnergy = q.nonNegative("energy", "NPU-side energy per queued word in MACs");
    q.finish();
    // a file from before precisions is scored in float and priced as written
    Precision precision = s.has("precision") ? precision(s) : Precision.FLOAT;
    s.finish();
    NpuConfig written = new NpuConfig(name, clockHz, wordBits, rows, cols, rfWords, inputWords, glbBytes, bus,
        dramBw, fill, sync, staticWatts, macJoules, rfPerMac, rf, arr, glb, dram, lanes, acts,
        qWords, qEnergy, Precision.FLOAT);
    if (!s.has("precision")) {
      return written;
    }
    if (precision.wordBits() != wordBits || precision.isFixed() == written.floatDatapath()) {
      if (!DatapathEnergy.priced(wordBits, written.floatDatapath())) {
        throw s.error("precision", "a " + precision.notation() + " datapath is priced from the file's wordBits by"
            + " hwsim's table, which has " + DatapathEnergy.ALLOWED_FIXED_BITS + "-bit words; wordBits is " + wordBits
            + ": set wordBits to the precision's width (32 for float) with its own energies");
      }
    }
    return written.withPrecision(precision);
  }

  /**
   * {@code precision: float}, or a mapping: {@code arithmetic} (fixed | float), {@code bits}
   * (fixed only), {@code rounding} (fixed only), {@code activationUnit} ({@code kind}, {@code entries}).
   */
  private static Precision precision(YamlSection npu) {
    String allowed = "float, or a mapping of arithmetic (fixed | float), bits (" + DatapathEnergy.ALLOWED_FIXED_BITS
        + ", fixed only), rounding (" + Rounding.allowed() + ", fixed only; overflow saturates) and activationUnit";
    if (npu.isText("precision")) {
      String text = npu.text("precision", allowed);
      if (!text.equals("float")) {
        throw npu.error("precision", "must be " + allowed + "; got '" + text + "'");
      }
      return Precision.FLOAT;
    }
    YamlSection p = npu.section("precision", allowed);
    p.allowOnly("arithmetic", "bits", "rounding", "activationUnit");
    String arithmetic = p.text("arithmetic", "fixed or float");
    ActivationUnit unit = p.has("activationUnit") ? activationUnit(p.section("activationUnit",
        "kind (" + ActivationUnit.Kind.allowed() + ") and entries")) : ActivationUnit.EXACT;
    Precision out;
    if (arithmetic.equals("float")) {
      if (p.has("bits") || p.has("rounding")) {
        throw p.error(p.has("bits") ? "bits" : "rounding", "only for arithmetic: fixed (float is 32-bit IEEE 754)");
      }
      out = Precision.floatWith(unit);
    } else if (arithmetic.equals("fixed")) {
      int bits = p.positiveInt("bits", "word width: " + DatapathEnergy.ALLOWED_FIXED_BITS);
      if (!DatapathEnergy.priced(bits, false)) {
        throw p.error("bits", "must be " + DatapathEnergy.ALLOWED_FIXED_BITS
            + " (the widths hwsim has MAC energies for, Horowitz ISSCC 2014), got " + bits);
      }
      String rounding = p.text("rounding", Rounding.allowed());
      try {
        out = Precision.fixed(bits, Rounding.parse(rounding), unit);
      } catch (IllegalArgumentException e) {
        throw p.error("rounding", "must be one of " + Rounding.allowed() + ", got '" + rounding + "'");
      }
    } else {
      throw p.error("arithmetic", "must be fixed or float, got '" + arithmetic + "'");
    }
    p.finish();
    return out;
  }

  private static ActivationUnit activationUnit(YamlSection u) {
    u.allowOnly("kind", "entries");
    String text = u.text("kind", ActivationUnit.Kind.allowed());
    ActivationUnit.Kind kind;
    try {
      kind = ActivationUnit.Kind.parse(text);
    } catch (IllegalArgumentException e) {
      throw u.error("kind", "must be one of " + ActivationUnit.Kind.allowed() + ", got '" + text + "'");
    }
    if (kind == ActivationUnit.Kind.EXACT) {
      if (u.has("entries")) {
        throw u.error("entries", "only for a lookup-table or piecewise-linear unit");
      }
      u.finish();
      return ActivationUnit.EXACT;
    }
    int entries = u.positiveInt("entries", "table entries per function, " + ActivationUnit.MIN_ENTRIES + " to "
        + ActivationUnit.MAX_ENTRIES);
    if (entries < ActivationUnit.MIN_ENTRIES || entries > ActivationUnit.MAX_ENTRIES) {
      throw u.error("entries", "must be " + ActivationUnit.MIN_ENTRIES + " to " + ActivationUnit.MAX_ENTRIES
          + " table entries per function, got " + entries);
    }
    u.finish();
    return ActivationUnit.of(kind, entries);
  }

  private CpuConfig cpu(YamlSection s) {
    s.allowOnly("name", "clockHz", "staticWatts", "baseline", "queue", "instructions", "ops");
    String name = s.text("name", "human-readable core name");
    CpuBaseline baseline = CpuBaseline.O2;
    if (s.has("baseline")) {
      String text = s.text("baseline", "the build of AxBench's functions: " + CpuBaseline.allowed());
      try {
        baseline = CpuBaseline.parse(text);
      } catch (IllegalArgumentException e) {
        throw s.error("baseline", "must be one of " + CpuBaseline.allowed()
            + " (O2: gcc -O2 -march=core2; O0: AxBench's own unoptimised build), got '" + text + "'");
      }
    }
    double clockHz = s.positive("clockHz", "core clock in Hz");
    double staticWatts = s.nonNegative("staticWatts", "core leakage and clock power in watts");
    YamlSection q = s.section("queue", "cyclesPerWord and joulesPerWord of enqueue/dequeue");
    q.allowOnly("cyclesPerWord", "joulesPerWord");
    double qCycles = q.nonNegative("cyclesPerWord", "core cycles per queued word");
    double qJoules = q.nonNegative("joulesPerWord", "joules per queued word");
    q.finish();

    YamlSection ins = s.section("instructions",
        "cycles and joules of each micro-operation class of a measured instruction mix");
    Map<InstructionClass, OpCost> insCosts = ins.enumTable(InstructionClass.class,
        InstructionClass::key, "instruction class", "cycles and joules", o -> {
          o.allowOnly("cycles", "joules");
          return new OpCost(
              o.nonNegative("cycles", "core cycles per micro-operation"),
              o.nonNegative("joules", "dynamic joules per micro-operation"));
        });
    ins.finish();

    YamlSection ops = s.section("ops", "cycles and joules of each operation class");
    Map<OpClass, OpCost> costs = ops.enumTable(OpClass.class, c -> c.name().toLowerCase(Locale.ROOT),
        "operation class", "cycles and joules", o -> {
          o.allowOnly("cycles", "joules");
          return new OpCost(
              o.nonNegative("cycles", "effective core cycles per operation"),
              o.nonNegative("joules", "dynamic joules per operation"));
        });
    ops.finish();
    s.finish();
    return new CpuConfig(name, clockHz, staticWatts, baseline, insCosts, costs, qCycles, qJoules);
  }
}
