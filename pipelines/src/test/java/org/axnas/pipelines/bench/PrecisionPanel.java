package org.axnas.pipelines.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axnas.core.Network;
import org.axnas.hwsim.CpuWorkload;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.hwsim.SimulationResult;
import org.axnas.hwsim.Simulator;
import org.axnas.evaluation.CandidateEvaluator;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.pipelines.Axnas;
import org.axnas.runtime.Precision;
import org.axnas.traces.KernelProfiles;
import org.axnas.traces.TraceStore;
import org.axnas.trainer.Dataset;
import org.axnas.trainer.TrainedModel;
import org.axnas.trainer.Trainer;
import org.axnas.trainer.TrainingResult;
import org.axnas.trainer.TrainingSettings;
import org.axnas.trainer.TrainingStatus;

/**
 * bench/precision: for each of the seven benchmarks, AxBench's network and the network the
 * experiment selected, trained once as the experiment trains ({@code optimizer: auto} capped at
 * 500, batch 128, seed 1, on 10,000 traced samples split 70/15/15 as {@code axnas traces} does),
 * scored on the test split under both error bounds in the trainer's float, in eyeriss.yaml's
 * 16-bit fixed point and in the same datapath at 8 bits, and priced by hwsim on eyeriss at each
 * precision. Writes OUT/precision.csv and OUT/precision.md; prints the table, then one summary line.
 *
 * <p>Usage: PrecisionPanel AXBENCH_DATA|none OUT [BENCHMARK...]
 */
public final class PrecisionPanel {
  /**
   * The experiment's choice per benchmark: energy mode, group 1, NAS (SMAC), the per-benchmark
   * table of docs/RESULTS.md (the one that lists every benchmark's choice).
   */
  static final Map<String, String> SELECTED = Map.of(
      "blackscholes", "6-79:relu-12:sigmoid-1",
      "fft", "1-7:sigmoid-22:sigmoid-2",
      "inversek2j", "2-92:relu-7:relu-2",
      "jpeg", "64-8:sigmoid-64",
      "kmeans", "6-7:relu-1",
      "sobel", "9-12:relu-7:relu-1",
      "jmeint", "18-8:sigmoid-82:tanh-2:sigmoid");
  static final List<String> ORDER = List.of("blackscholes", "fft", "inversek2j", "jpeg", "kmeans", "sobel", "jmeint");
  /** The experiment's training (run-configs/experiments/default.yaml): auto, capped at 500, batch 128. */
  static final TrainingSettings TRAINING = new TrainingSettings(500, 128, TrainingSettings.AUTO, 0.01, 0, 1L,
      TrainingSettings.defaults().backend(), 0);

  private PrecisionPanel() {}

  /** AxBench's input file for a benchmark, as scripts/experiment maps them (fft: its generator, see below). */
  static Path input(Path data, String benchmark) {
    if (data == null) {
      return null;
    }
    String f = switch (benchmark) {
      case "blackscholes" -> "blackscholes/blackscholesTrain_100K.data";
      case "inversek2j" -> "inversek2j/theta_100K.data";
      case "jmeint" -> "jmeint/jmeint_10K.data";
      case "jpeg", "sobel", "kmeans" -> "images/1.rgb";
      default -> null; // fft: AxBench's file has 196 samples, too few for a test split; its generator, as bench/convergence
    };
    return f == null || !Files.isRegularFile(data.resolve(f)) ? null : data.resolve(f);
  }

  record Row(String benchmark, String kind, String network, double[][] accuracy, double[] npuJoules, double[] energyReduction,
      String note) {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path data = args[0].equals("none") ? null : Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<String> benchmarks = args.length > 2 ? List.of(args).subList(2, args.length) : ORDER;
    Files.createDirectories(out);
    HardwareConfig eyeriss = HardwareConfig.load(Path.of("run-configs/hardware/eyeriss.yaml"));
    Precision p16 = eyeriss.precision();
    Precision p8 = Precision.fixed(8, p16.rounding(), p16.activationUnit());
    Precision[] precisions = {Precision.FLOAT, p16, p8};
    List<Row> rows = new ArrayList<>();
    for (String name : benchmarks) {
      Benchmark b = Benchmarks.byName(name);
      Path traces = traces(b, data, out.resolve("traces"));
      Dataset train = TraceStore.load(traces.toString(), "train");
      Dataset validation = TraceStore.load(traces.toString(), "validation");
      Dataset test = TraceStore.load(traces.toString(), "test");
      CpuWorkload cpu = eyeriss.cpu().workload(b.name(), KernelProfiles.measure(b, 1, 4096));
      String[][] nets = {{"AxBench", b.axbenchNetwork().notation()}, {"selected", SELECTED.get(name)}};
      for (String[] n : nets) {
        Network network = Network.parse(n[1]);
        TrainingResult r = Trainer.train(network, TRAINING, train, validation);
        if (r.status() != TrainingStatus.OK) {
          System.err.printf("%s %s: training %s (%s)%n", name, n[1], r.status(), r.reason());
          continue;
        }
        TrainedModel model = r.model();
        double[][] acc = new double[2][precisions.length];
        double[] joules = new double[precisions.length];
        double[] reduction = new double[precisions.length];
        for (int i = 0; i < precisions.length; i++) {
          for (int g = 1; g <= 2; g++) {
            acc[g - 1][i] = CandidateEvaluator.score(model, test, b.metric(), b.errorBound(g), precisions[i], train).score().accuracy();
          }
          SimulationResult sim = Simulator.simulate(network, eyeriss.withPrecision(precisions[i]), cpu);
          joules[i] = sim.npu().energyJoules();
          reduction[i] = sim.energyReduction();
        }
        Row row = new Row(name, n[0], n[1], acc, joules, reduction,
            (data != null && input(data, name) == null ? "generator" : data == null ? "generator" : "AxBench input")
                + String.format(Locale.ROOT, ", %d epochs, %.0f s", r.epochsRun(), r.wallSeconds()));
        rows.add(row);
        System.err.println(markdownRow(row));
      }
    }
    Files.writeString(out.resolve("precision.csv"), csv(rows));
    String md = markdown(rows, precisions);
    Files.writeString(out.resolve("precision.md"), md);
    System.out.print(md);
    System.out.println(summary(rows, (System.nanoTime() - start) / 1e9));
  }

  /** Traces as the experiment collects them: {@code axnas traces}, 10,000 samples, seed 1, 70/15/15. */
  static Path traces(Benchmark b, Path data, Path dir) {
    Path input = input(data, b.name());
    List<String> args = new ArrayList<>(List.of("traces", "--benchmark", b.name(), "--samples", "10000", "--out", dir.toString()));
    if (input != null) {
      args.addAll(List.of("--input", input.toString()));
    }
    PrintStream stdout = System.out;
    System.setOut(System.err); // the command's report is a log line here
    try {
      int code = Axnas.execute(args.toArray(String[]::new));
      if (code != 0) {
        throw new IllegalStateException("axnas " + String.join(" ", args) + " exited with " + code);
      }
    } finally {
      System.setOut(stdout);
    }
    return dir.resolve(b.name()).resolve("traces");
  }

  static String csv(List<Row> rows) {
    StringBuilder sb = new StringBuilder("benchmark,network_kind,network,"
        + "g1_float,g1_fixed16,g1_fixed8,g2_float,g2_fixed16,g2_fixed8,"
        + "npu_joules_float,npu_joules_fixed16,npu_joules_fixed8,energy_reduction_float,energy_reduction_fixed16,"
        + "energy_reduction_fixed8\n");
    for (Row r : rows) {
      sb.append(String.join(",", r.benchmark(), r.kind(), r.network()));
      for (double[] g : r.accuracy()) {
        for (double a : g) {
          sb.append(',').append(a);
        }
      }
      for (double j : r.npuJoules()) {
        sb.append(',').append(j);
      }
      for (double e : r.energyReduction()) {
        sb.append(',').append(e);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String markdown(List<Row> rows, Precision[] p) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Test accuracy under the error bound (group 1 | group 2) in %s / %s / %s; "
        + "hwsim's NPU energy per invocation on eyeriss at each precision, and the energy reduction against the CPU.%n%n",
        p[0].notation(), p[1].notation(), p[2].notation()));
    sb.append("| benchmark | network | accuracy g1: float / 16 / 8 | accuracy g2: float / 16 / 8 | NPU energy: float / 16 / 8 | energy reduction: float / 16 / 8 |\n");
    sb.append("| --- | --- | --- | --- | --- | --- |\n");
    for (Row r : rows) {
      sb.append(markdownRow(r)).append('\n');
    }
    return sb.toString();
  }

  static String markdownRow(Row r) {
    return String.format(Locale.ROOT, "| %s | %s `%s` | %s | %s | %s | %s |", r.benchmark(), r.kind(), r.network(),
        percents(r.accuracy()[0]), percents(r.accuracy()[1]),
        String.format(Locale.ROOT, "%.2f / %.2f / %.2f nJ", r.npuJoules()[0] * 1e9, r.npuJoules()[1] * 1e9, r.npuJoules()[2] * 1e9),
        String.format(Locale.ROOT, "%.2fx / %.2fx / %.2fx", r.energyReduction()[0], r.energyReduction()[1], r.energyReduction()[2]));
  }

  private static String percents(double[] a) {
    return String.format(Locale.ROOT, "%.1f%% / %.1f%% / %.1f%%", 100 * a[0], 100 * a[1], 100 * a[2]);
  }

  static String summary(List<Row> rows, double seconds) {
    double loss16 = 0;
    double loss8 = 0;
    double worst8 = 0;
    String worst8Row = "-";
    double e16 = 0;
    double e8 = 0;
    for (Row r : rows) {
      double[] g1 = r.accuracy()[0];
      loss16 += g1[0] - g1[1];
      loss8 += g1[0] - g1[2];
      if (g1[0] - g1[2] > worst8) {
        worst8 = g1[0] - g1[2];
        worst8Row = r.benchmark() + " " + r.network();
      }
      e16 += r.npuJoules()[1] / r.npuJoules()[0];
      e8 += r.npuJoules()[2] / r.npuJoules()[1];
    }
    int n = Math.max(1, rows.size());
    return String.format(Locale.ROOT, "precision: %d networks; group-1 accuracy lost from float, mean: 16-bit %.1f points, "
        + "8-bit %.1f points (worst 8-bit: %.1f points, %s); NPU energy 16-bit/float %.2f, 8-bit/16-bit %.2f; %.0f s",
        rows.size(), 100 * loss16 / n, 100 * loss8 / n, 100 * worst8, worst8Row, e16 / n, e8 / n, seconds);
  }
}
