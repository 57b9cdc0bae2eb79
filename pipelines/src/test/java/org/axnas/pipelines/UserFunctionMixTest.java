package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.axnas.hwsim.CpuConfig;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.hwsim.InstructionClass;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.Evaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's function priced by its measured instruction mix ({@code function.instructionMix}):
 * the CPU side of every evaluation is the mix priced class by class by the hardware's
 * {@code cpu.instructions} table, as AxBench's kernels are.
 */
class UserFunctionMixTest {
  /** The shipped default hardware, from the repository root or the module folder (where the build runs). */
  private static final Path EYERISS = Files.exists(Path.of("run-configs/hardware/eyeriss.yaml"))
      ? Path.of("run-configs/hardware/eyeriss.yaml").toAbsolutePath()
      : Path.of("../run-configs/hardware/eyeriss.yaml").toAbsolutePath().normalize();

  private static Path config(Path dir, String mix) throws Exception {
    StringBuilder csv = new StringBuilder("x0,x1,y\n");
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int i = 0; i < 800; i++) {
      double a = r.nextDouble();
      double b = r.nextDouble();
      csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", a, b, a * b + 0.1));
    }
    Files.writeString(dir.resolve("product.csv"), csv);
    Path cfg = dir.resolve("product.yaml");
    Files.writeString(cfg, "benchmark: product\nseed: 2\n"
        + "function: {traces: product.csv, inputColumns: [x0, x1], outputColumns: [y], errorBounds: [0.1],\n"
        + "  instructionMix: " + mix + "}\n"
        + "search: {budget: 2, parallelism: 2, maxLayers: 1, maxNeurons: 4}\n"
        + "training: {optimizer: adam, epochs: 3, batchSize: 64}\n"
        + "objective: {alpha: 0.8, beta: 0.1, epsilon: 0.1}\n"
        + "hardware: " + EYERISS + "\n"
        + "selection: {mode: energy, minAccuracy: 0}\n");
    return cfg;
  }

  @Test
  void theCpuSideIsTheMixPricedByClass(@TempDir Path dir) throws Exception {
    Path cfg = config(dir, "{int: 120, load: 40, store: 8, branch: 20, fmul: 6, fadd: 5, fdivd: 1}");
    Path out = dir.resolve("run");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", cfg.toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    CpuConfig cpu = HardwareConfig.load(EYERISS).cpu();
    double expected = 120 * cpu.instruction(InstructionClass.INT).cycles() + 40 * cpu.instruction(InstructionClass.LOAD).cycles()
        + 8 * cpu.instruction(InstructionClass.STORE).cycles() + 20 * cpu.instruction(InstructionClass.BRANCH).cycles()
        + 6 * cpu.instruction(InstructionClass.FMUL).cycles() + 5 * cpu.instruction(InstructionClass.FADD).cycles()
        + cpu.instruction(InstructionClass.FDIVD).cycles();
    List<Evaluation> history = new RunFolder(out).readHistory();
    assertEquals(2, history.size());
    for (Evaluation e : history) {
      assertEquals(expected, e.getCpuCycles(), 1e-9 * expected, e.getNetwork());
    }
  }

  @Test
  void anUnknownClassIsBadInputNamingTheKey(@TempDir Path dir) throws Exception {
    Path cfg = config(dir, "{int: 120, flops: 3}");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", cfg.toString(), "--out",
        dir.resolve("never").toString(), "--json");
    assertEquals(2, r.code(), r.stdout());
    String error = r.json().get("error").asText();
    assertTrue(error.contains("function.instructionMix") && error.contains("flops"), error);
  }
}
