package org.axnas.pipelines.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axnas.core.Activation;
import org.axnas.core.OpClass;
import org.axnas.evaluation.Objective;
import org.axnas.hwsim.InstructionClass;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.smac.MlpSpace;
import org.axnas.hwsim.yaml.YamlSection;

/**
 * A run-config: one benchmark (or a user's own function), its traces, the search, the training,
 * the objective and the hardware. Immutable and validated: {@link #load} rejects unknown keys,
 * wrong types and out-of-range values with the file, the field and what is allowed.
 */
public record RunConfig(
    String file,
    String yaml,
    String benchmark,
    UserFunction function,
    long seed,
    Traces traces,
    int group,
    double errorBound,
    Search search,
    Training training,
    Objective.Weights objective,
    String hardware,
    double regionFraction,
    Selection selection) {

  public static final String DEFAULT_HARDWARE = "run-configs/hardware/eyeriss.yaml";

  /** How traces are made and split. */
  public record Traces(long samples, String inputFile, double train, double validation, boolean dropNonFinite) {}

  /** The search loop. */
  public record Search(
      int budget,
      int parallelism,
      int maxLayers,
      int maxNeurons,
      List<Activation> activations,
      int initialDesign,
      double randomProbability,
      double wallClockMinutes,
      Fidelity fidelity,
      String proposals,
      List<String> warmStart,
      List<String> initial) {
    /** The proposal rules {@code search.proposals} allows. */
    public static final List<String> PROPOSALS = List.of("fperf", "parego", "ehvi");

    /** True when the search runs successive-halving brackets ({@code search.fidelity}). */
    public boolean multiFidelity() {
      return fidelity != null;
    }
  }

  /**
   * {@code search.fidelity}: multi-fidelity search (Hyperband brackets of successive halving).
   * The resource is {@code samples}, the number of train samples a rung trains on (a subset drawn
   * by the candidate's seed), or {@code epochs}, the training budget {@code training.epochs}
   * (epochs, or L-BFGS iterations under {@code auto}); each rung trains its candidates with
   * {@code min * eta^j} of it, up to {@code max}, and promoted candidates continue from their
   * weights.
   *
   * @param min the cheapest rung's budget; 0 for {@code max / eta^2}
   * @param max the top rung's budget; 0 for the whole train split ({@code samples} only)
   * @param brackets {@code hyperband} (SMAC3's multi-fidelity default: every bracket in turn) or
   *     {@code successive-halving} (the most aggressive bracket only)
   */
  public record Fidelity(String resource, int min, int max, int eta, String brackets) {
    public boolean samples() {
      return resource.equals("samples");
    }

    /** The budgets with the defaults filled in for a train split of {@code trainSamples}. */
    public Fidelity resolved(int trainSamples) {
      int top = max > 0 ? max : trainSamples;
      return new Fidelity(resource, min > 0 ? min : Math.max(1, top / (eta * eta)), top, eta, brackets);
    }
  }

  /** How each candidate is trained. */
  public record Training(
      int epochs,
      int batchSize,
      String optimizer,
      double learningRate,
      int patience,
      String backend,
      double timeLimitSeconds,
      String schedule) {}

  /** Online selection defaults (paper Table 1, eq. 6). */
  public record Selection(String mode, double minAccuracy, double minEnergyReduction, double theta) {}

  /**
   * A user's own function: traces from a file instead of a built-in kernel, its error metric and
   * bounds, and its CPU cost per invocation (cycles, an operation profile, or a measured instruction
   * mix priced by the hardware's {@code cpu.instructions} table).
   */
  public record UserFunction(
      String traces,
      List<String> inputColumns,
      List<String> outputColumns,
      String metric,
      List<Double> errorBounds,
      double cyclesPerInvocation,
      Map<OpClass, Double> opsPerInvocation,
      Activation outputActivation,
      Map<InstructionClass, Double> instructionMix) {}

  public boolean isUserFunction() {
    return function != null;
  }

  /** SHA-256 of the config text: part of the run manifest. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RunConfig load(Path path) {
    return parse(YamlSection.readFile(path, ConfigException.YAML), path.toString());
  }

  public static RunConfig parse(String yaml, String file) {
    YamlSection root = YamlSection.parse(yaml, file, "a YAML mapping", ConfigException.YAML)
        .allowOnly("benchmark", "function", "seed", "traces", "group", "errorBound", "search",
            "training", "objective", "hardware", "regionFraction", "selection");

    String benchmark = root.requiredString("benchmark");
    UserFunction function = null;
    double[] bounds;
    if (root.has("function")) {
      function = userFunction(root.section("function"));
      bounds = new double[] {function.errorBounds().get(0), function.errorBounds().get(function.errorBounds().size() - 1)};
    } else {
      Benchmark b;
      try {
        b = Benchmarks.byName(benchmark);
      } catch (IllegalArgumentException e) {
        throw root.error("benchmark", e.getMessage() + " (or describe your own under 'function')");
      }
      bounds = new double[] {b.errorBound(1), b.errorBound(2)};
    }
    long seed = root.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);

    YamlSection t = root.section("traces").allowOnly("samples", "input", "train", "validation", "nonFinite");
    double train = t.doubleValue("train", 0.70, 0, true, 1);
    double validation = t.doubleValue("validation", 0.15, 0, true, 1);
    if (train + validation >= 1.0) {
      throw t.error("validation", "train + validation must leave a test part (sum < 1), got " + (train + validation));
    }
    Traces traces = new Traces(
        t.longValue("samples", 20_000, 10, 50_000_000),
        t.string("input", null),
        train,
        validation,
        "drop".equals(t.oneOf("nonFinite", "drop", "drop", "refuse")));

    int group = root.intValue("group", 1, 1, 2);
    double errorBound = root.doubleValue("errorBound", bounds[group - 1], 0, true, Double.MAX_VALUE);

    YamlSection s = root.section("search").allowOnly("budget", "parallelism", "maxLayers", "maxNeurons",
        "activations", "initialDesign", "randomProbability", "wallClockMinutes", "fidelity", "proposals", "warmStart",
        "initial");
    List<Activation> activations = parseActivations(s, "activations", List.of("relu", "sigmoid", "tanh"));
    int budget = s.intValue("budget", 100, 1, 100_000);
    int maxLayers = s.intValue("maxLayers", 2, 1, 8);
    int maxNeurons = s.intValue("maxNeurons", 128, 1, 4096);
    Search searchWithoutFidelity = new Search(
        budget,
        s.intValue("parallelism", 2, 1, 4096),
        maxLayers,
        maxNeurons,
        activations,
        s.intValue("initialDesign", 0, 0, 100_000),
        s.doubleValue("randomProbability", 0.2, 0, false, 1),
        s.doubleValue("wallClockMinutes", 0, 0, false, Double.MAX_VALUE),
        null,
        s.oneOf("proposals", "fperf", Search.PROPOSALS.toArray(String[]::new)),
        SearchStart.warmStartRuns(s),
        SearchStart.initialNetworks(s, function == null ? Benchmarks.byName(benchmark) : null,
            MlpSpace.build(maxLayers, maxNeurons, activations)));

    YamlSection tr = root.section("training").allowOnly("epochs", "batchSize", "optimizer", "learningRate",
        "patience", "backend", "timeLimitSeconds", "schedule");
    String optimizer = tr.oneOf("optimizer", "auto", "auto", "adam", "sgd", "lbfgs", "lm");
    Training training = new Training(
        // Under auto, epochs only caps the budget the trainer picks (trainer/README.md).
        tr.intValue("epochs", optimizer.equals("auto") ? 10_000 : 100, 1, 100_000),
        tr.intValue("batchSize", 128, 1, 1_000_000),
        optimizer,
        tr.doubleValue("learningRate", 0.01, 0, true, Double.MAX_VALUE),
        tr.intValue("patience", 0, 0, 100_000),
        tr.oneOf("backend", "FAST", "FAST", "DL4J"),
        tr.doubleValue("timeLimitSeconds", 0, 0, false, Double.MAX_VALUE),
        tr.oneOf("schedule", "constant", "constant", "cosine", "one-cycle"));
    if (training.backend().equals("DL4J") && (optimizer.equals("lbfgs") || optimizer.equals("lm")
        || !training.schedule().equals("constant"))) {
      throw tr.error("backend", "DL4J trains adam or sgd at a constant learning rate only; use backend FAST for "
          + "optimizer lbfgs, lm or a schedule");
    }

    Search search = s.has("fidelity") ? withFidelity(searchWithoutFidelity, fidelity(s.section("fidelity"), training))
        : searchWithoutFidelity;

    YamlSection o = root.section("objective").allowOnly("alpha", "beta", "epsilon");
    double alpha = o.requiredDouble("alpha", 0, false, Double.MAX_VALUE);
    double beta = o.requiredDouble("beta", 0, false, Double.MAX_VALUE);
    double epsilon = o.requiredDouble("epsilon", 0, false, Double.MAX_VALUE);
    if (alpha + beta + epsilon <= 0) {
      throw o.error("alpha", "alpha, beta and epsilon are all zero; at least one must be positive");
    }
    Objective.Weights objective = new Objective.Weights(alpha, beta, epsilon);

    YamlSection sel = root.section("selection").allowOnly("mode", "minAccuracy", "minEnergyReduction", "theta");
    Selection selection = new Selection(
        sel.oneOf("mode", "energy", "quality", "energy", "integrated"),
        sel.doubleValue("minAccuracy", 0.9, 0, false, 1),
        sel.doubleValue("minEnergyReduction", 0, 0, false, Double.MAX_VALUE),
        sel.doubleValue("theta", 0.5, 0, false, 1));

    return new RunConfig(file, yaml, benchmark, function, seed, traces, group, errorBound, search, training,
        objective, root.string("hardware", DEFAULT_HARDWARE),
        root.doubleValue("regionFraction", 1.0, 0, true, 1), selection);
  }

  private static Fidelity fidelity(YamlSection f, Training training) {
    f.allowOnly("resource", "min", "max", "eta", "brackets");
    String resource = f.oneOf("resource", "samples", "samples", "epochs");
    boolean samples = resource.equals("samples");
    // samples: 0 stands for the whole train split, known once the traces are split
    int max = samples ? f.intValue("max", 0, 0, 50_000_000) : f.intValue("max", training.epochs(), 2, 100_000);
    int eta = f.intValue("eta", 3, 2, 100);
    int min = f.intValue("min", 0, samples ? 0 : 1, 50_000_000);
    if (min > 0 && max > 0 && (long) min * eta > max) {
      throw f.error("min", "must be at most max / eta = " + max / eta + " (max " + max + ", eta " + eta
          + "), or there is only one rung; got " + min);
    }
    return new Fidelity(resource, min, max, eta, f.oneOf("brackets", "hyperband", "hyperband", "successive-halving"));
  }

  private static Search withFidelity(Search s, Fidelity f) {
    return new Search(s.budget(), s.parallelism(), s.maxLayers(), s.maxNeurons(), s.activations(), s.initialDesign(),
        s.randomProbability(), s.wallClockMinutes(), f, s.proposals(), s.warmStart(), s.initial());
  }

  private static List<Activation> parseActivations(YamlSection s, String key, List<String> dflt) {
    List<String> names = s.strings(key, dflt);
    if (names.isEmpty()) {
      throw s.error(key, "needs at least one activation; allowed: relu, sigmoid, tanh");
    }
    return names.stream().map(n -> {
      try {
        Activation a = Activation.parse(n);
        if (a == Activation.LINEAR) {
          throw new IllegalArgumentException("linear hidden layers add nothing; allowed: relu, sigmoid, tanh");
        }
        return a;
      } catch (IllegalArgumentException e) {
        throw s.error(key, e.getMessage());
      }
    }).distinct().toList();
  }

  private static UserFunction userFunction(YamlSection f) {
    f.allowOnly("traces", "inputColumns", "outputColumns", "metric", "errorBounds", "cyclesPerInvocation",
        "opsPerInvocation", "instructionMix", "outputActivation");
    String traces = f.requiredString("traces");
    List<String> in = f.strings("inputColumns", List.of());
    List<String> out = f.strings("outputColumns", List.of());
    boolean csv = traces.toLowerCase().endsWith(".csv");
    if (csv && (in.isEmpty() || out.isEmpty())) {
      throw f.error(in.isEmpty() ? "inputColumns" : "outputColumns", "a CSV trace needs its input and output columns named");
    }
    String metric = f.oneOf("metric", "relative", "relative", "absolute", "classification");
    List<Double> bounds = f.doubles("errorBounds", null);
    if (bounds == null || bounds.isEmpty() || bounds.size() > 2) {
      throw f.error("errorBounds", "give one or two error bounds (groups 1 and 2), each > 0");
    }
    for (double b : bounds) {
      if (!(b > 0) || !Double.isFinite(b)) {
        throw f.error("errorBounds", "each bound must be > 0, got " + b);
      }
    }
    double cycles = f.doubleValue("cyclesPerInvocation", 0, 0, false, Double.MAX_VALUE);
    Map<OpClass, Double> ops = new TreeMap<>();
    YamlSection opsSection = f.section("opsPerInvocation");
    for (OpClass c : OpClass.values()) {
      if (opsSection.has(c.name())) {
        ops.put(c, opsSection.doubleValue(c.name(), 0, 0, false, Double.MAX_VALUE));
      }
    }
    String[] opNames = java.util.Arrays.stream(OpClass.values()).map(Enum::name).toArray(String[]::new);
    opsSection.allowOnly(opNames);
    Map<InstructionClass, Double> mix = new TreeMap<>();
    YamlSection mixSection = f.section("instructionMix");
    for (InstructionClass c : InstructionClass.values()) {
      if (mixSection.has(c.key())) {
        mix.put(c, mixSection.doubleValue(c.key(), 0, 0, false, Double.MAX_VALUE));
      }
    }
    mixSection.allowOnly(java.util.Arrays.stream(InstructionClass.values()).map(InstructionClass::key).toArray(String[]::new));
    if (f.has("instructionMix") && mix.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw f.error("instructionMix", "needs micro-operations per invocation (> 0 in all) by class: "
          + java.util.Arrays.stream(InstructionClass.values()).map(InstructionClass::key).collect(java.util.stream.Collectors.joining(", ")));
    }
    if (cycles <= 0 && ops.isEmpty() && mix.isEmpty()) {
      throw f.error("cyclesPerInvocation", "the CPU cost of the function is needed: cyclesPerInvocation > 0, "
          + "opsPerInvocation or instructionMix");
    }
    Activation outAct;
    try {
      outAct = Activation.parse(f.string("outputActivation", "linear"));
    } catch (IllegalArgumentException e) {
      throw f.error("outputActivation", e.getMessage());
    }
    return new UserFunction(traces, in, out, metric, bounds, cycles, ops, outAct, mix);
  }
}
