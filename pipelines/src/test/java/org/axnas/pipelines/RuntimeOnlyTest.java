package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axnas.runtime.NetworkSelector;
import org.axnas.runtime.example.SelectAndEvaluate;
import org.axnas.trainer.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program whose class path holds the runtime module and nothing else (a child JVM started with
 * {@code -cp} the module's classes) selects a network from a run this JVM has just finished and
 * evaluates it: the same network the search selected, the same outputs, bit for bit, as the search
 * scored (in the hardware's 16-bit fixed point).
 */
class RuntimeOnlyTest {
  @Test
  void aProgramWithOnlyTheRuntimeModuleSelectsAndEvaluatesANetwork(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("run");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config",
        Faults.config(dir, "inversek2j", "inversek2j", "").toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    JsonNode selected = r.json().get("selected");

    Path runtime = Path.of(NetworkSelector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertOnlyRuntimeClasses(runtime);
    float[] x = {0.31f, 0.62f};
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", runtime.toString(), SelectAndEvaluate.class.getName(), out.toString(), "energy", "0", "0", "0.5"));
    for (float v : x) {
      cmd.add(Float.toString(v));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the runtime-only program did not finish");
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);

    // the network the search selected with the same constraints (the config's: energy mode, no threshold)
    assertTrue(text.startsWith("network " + selected.get("network").asText() + " trial " + selected.get("trialId").asInt() + " "), text);
    // what the search scored: the model in the hardware's arithmetic (eyeriss.yaml: 16-bit fixed
    // point), calibrated on the run's train split; the child JVM had only pareto.json's quantisation
    float[] expected = org.axnas.evaluation.HardwareArithmetic.evaluator(
        TrainedModel.readJson(Path.of(selected.get("modelJson").asText())),
        org.axnas.hwsim.HardwareConfig.load(Path.of("run-configs/hardware/eyeriss.yaml")).precision(),
        org.axnas.traces.TraceStore.load(out.resolve("traces").toString(), "train")).evaluate(x);
    assertTrue(text.contains("precision fixed16/pwl256"), text);
    List<String> outputs = text.lines().filter(l -> l.startsWith("output ")).toList();
    assertEquals(expected.length, outputs.size(), text);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], Float.parseFloat(outputs.get(i).substring("output ".length())), 0f, text); // to the bit
    }

    // the model says what made it, and select shows it: the runtime reads the same block
    JsonNode provenance = selected.get("provenance");
    assertEquals(selected.get("network").asText(), provenance.get("network").asText());
    assertEquals(org.apache.beam.sdk.util.ReleaseInfo.getReleaseInfo().getVersion(), provenance.get("beamVersion").asText());
    assertEquals(System.getProperty("java.version"), provenance.get("javaVersion").asText());
    assertEquals(8, provenance.get("training").get("epochs").asInt()); // Faults.config's training section
    assertEquals(16 + 16, provenance.get("dataFingerprint").asText().length()); // train's and validation's
    assertTrue(text.contains("provenance seed = " + provenance.get("seed").asLong()), text);
    assertTrue(text.contains("provenance beamVersion = " + provenance.get("beamVersion").asText()), text);
  }

  /** The class path entry holds the runtime's classes only: no Beam, DL4J, Avro or other axnas module. */
  private static void assertOnlyRuntimeClasses(Path classes) throws Exception {
    assertTrue(Files.isDirectory(classes) || classes.toString().endsWith(".jar"), classes.toString());
    if (Files.isDirectory(classes)) {
      try (Stream<Path> s = Files.walk(classes)) {
        s.filter(f -> f.toString().endsWith(".class"))
            .forEach(f -> assertTrue(classes.relativize(f).toString().startsWith("org/axnas/runtime/"), f.toString()));
      }
    }
  }
}
