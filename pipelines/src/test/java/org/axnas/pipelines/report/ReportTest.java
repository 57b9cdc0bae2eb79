package org.axnas.pipelines.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.axnas.core.Activation;
import org.axnas.core.Network;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.pipelines.Axnas;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.axnas.schemas.TraceSample;
import org.axnas.smac.Configuration;
import org.axnas.smac.MlpSpace;
import org.axnas.smac.TopologyEnumeration;
import org.axnas.trainer.TrainedModel;
import java.util.Locale;
import org.axnas.core.Network;
import org.axnas.core.OpProfile;
import org.axnas.hwsim.CpuBaseline;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.hwsim.SimulationResult;
import org.axnas.hwsim.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axnas report} over small finished searches and enumerations made here (kmeans, both
 * error-bound groups, one shared evaluation cache): every row of the report recomputed from the
 * run histories, model files and test traces without the report's code; the plots valid PNG and
 * SVG; the HTML page linking only files that exist; the JSON keys of SPEC section 1.
 */
class ReportTest {
  static final String BENCHMARK = "kmeans";
  @TempDir static Path dir;
  static Path runs;
  static Path cache;

  @BeforeAll
  static void finishedRuns() throws Exception {
    runs = dir.resolve("runs");
    cache = runs.resolve("cache");
    for (int g : new int[] {1, 2}) {
      Path config = dir.resolve(BENCHMARK + "-g" + g + ".yaml");
      // widths up to 8: the enumeration is 3 + 9 networks and holds AxBench's 6-8-4-1
      Files.writeString(config, "benchmark: " + BENCHMARK + "\nseed: 5\ngroup: " + g + "\n"
          + "traces: {samples: 1500}\n"
          + "search: {budget: 6, parallelism: 6, maxLayers: 2, maxNeurons: 8}\n"
          + "training: {epochs: 6, batchSize: 64, learningRate: 0.02}\n"
          + "objective: {alpha: 0.85, beta: 0.01, epsilon: 0.1}\n");
      for (String kind : List.of("search", "enumerate")) {
        Result r = run(kind, "--config", config.toString(), "--out", runs.resolve(BENCHMARK + "-g" + g + "-" + kind).toString(),
            "--cache", cache.toString(), "--json");
        assertEquals(0, r.code(), r.stdout());
      }
    }
    // a run killed before its end (no Pareto set yet) is left out, saying so
    Path unfinished = runs.resolve("unfinished");
    copyTree(runs.resolve(BENCHMARK + "-g1-search"), unfinished);
    Files.delete(unfinished.resolve("pareto.avro"));
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  @Test
  void everyRowMatchesTheRunHistories() throws Exception {
    for (double cap : new double[] {0.9, 0.05}) {
      Path out = dir.resolve("report-" + cap);
      Result r = run("report", "--runs", runs.toString(), "--out", out.toString(), "--min-accuracy", Double.toString(cap),
          "--json");
      assertEquals(0, r.code(), r.stdout());
      JsonNode doc = r.json();
      assertEquals(out.toAbsolutePath().normalize().toString(), doc.get("reportDir").asText());
      assertTrue(doc.get("skipped").toString().contains("unfinished"), doc.get("skipped").toString());
      // one seed: the report as before seeds existed, no spread
      assertEquals("[5]", doc.get("seeds").toString());
      assertTrue(doc.get("paired").asBoolean());
      assertEquals(0, doc.get("spread").size());

      Map<String, JsonNode> rows = new HashMap<>();
      for (JsonNode row : doc.get("rows")) {
        for (String k : List.of("benchmark", "group", "method", "network", "accuracy", "speedup", "energyReduction")) {
          assertTrue(row.has(k), "row lacks " + k + ": " + row);
        }
        assertTrue(rows.put(row.get("group").asInt() + "/" + row.get("method").asText(), row) == null, "duplicate " + row);
        assertEquals(5, row.get("seed").asInt());
        // accuracy (SPEC section 1) is the test split's; testAccuracy names it, validationAccuracy is beside it
        assertEquals(row.get("accuracy"), row.get("testAccuracy"), row.toString());
        assertEquals(row.get("floatAccuracy"), row.get("floatTestAccuracy"), row.toString());
        assertTrue(row.has("validationAccuracy") && row.has("floatValidationAccuracy"), row.toString());
      }
      assertEquals(6, rows.size(), "NAS, enumeration and AxBench for two groups: " + rows.keySet());

      Map<String, double[]> sums = new HashMap<>();
      for (int g : new int[] {1, 2}) {
        List<Evaluation> nas = history(runs.resolve(BENCHMARK + "-g" + g + "-search"));
        List<Evaluation> enumeration = history(runs.resolve(BENCHMARK + "-g" + g + "-enumerate"));
        double threshold = Math.min(cap, Math.min(maxAccuracy(nas), maxAccuracy(enumeration)));
        double bound = Benchmarks.byName(BENCHMARK).errorBound(g);
        for (String method : List.of("nas", "enumeration")) {
          List<Evaluation> h = method.equals("nas") ? nas : enumeration;
          Evaluation expected = energyModeChoice(h, threshold);
          JsonNode row = rows.get(g + "/" + method);
          assertEquals(expected.getNetwork(), row.get("network").asText(), g + "/" + method);
          assertEquals(expected.getAccuracy(), row.get("validationAccuracy").asDouble(), 0);
          assertEquals(expected.getSpeedup(), row.get("speedup").asDouble(), 0);
          assertEquals(expected.getEnergyReduction(), row.get("energyReduction").asDouble(), 0);
          assertEquals(threshold, row.get("threshold").asDouble(), 0);
          assertEquals(h.size(), row.get("evaluations").asInt());
          assertEquals(wallSeconds(runs.resolve(BENCHMARK + "-g" + g + "-" + (method.equals("nas") ? "search" : "enumerate"))),
              row.get("wallSeconds").asDouble(), 1e-9);
          assertEquals(testAccuracy(expected, g, bound), row.get("accuracy").asDouble(), 1e-12);
          assertEquals("fixed16/pwl256", row.get("precision").asText());
          assertEquals(testAccuracy(expected, g, bound, false), row.get("floatAccuracy").asDouble(), 1e-12);
          sums.computeIfAbsent(g + "/" + method, k -> new double[2])[0] += expected.getSpeedup();
          sums.get(g + "/" + method)[1] += expected.getEnergyReduction();
        }
        // AxBench's network: the enumeration's own evaluation of it
        String axbench = Benchmarks.byName(BENCHMARK).axbenchNetwork().notation();
        Evaluation e = enumeration.stream().filter(x -> x.getNetwork().equals(axbench)).findFirst().orElseThrow();
        JsonNode row = rows.get(g + "/axbench");
        assertEquals(axbench, row.get("network").asText());
        assertEquals(e.getEnergyReduction(), row.get("energyReduction").asDouble(), 0);
        assertEquals(e.getSpeedup(), row.get("speedup").asDouble(), 0);
        assertEquals(testAccuracy(e, g, bound), row.get("accuracy").asDouble(), 1e-12);
        assertEquals(testAccuracy(e, g, bound, false), row.get("floatAccuracy").asDouble(), 1e-12);
      }
      // one benchmark per group: the group means are that benchmark's figures
      for (JsonNode a : doc.get("averages")) {
        double[] s = sums.get(a.get("group").asInt() + "/" + a.get("method").asText());
        if (s != null) {
          assertEquals(s[0], a.get("speedup").asDouble(), 1e-12);
          assertEquals(s[1], a.get("energyReduction").asDouble(), 1e-12);
        }
      }
      checkFiles(out, doc);

      // the same choices at the other CPU baseline: re-simulated here with hwsim, not scaled
      assertEquals("O2 (gcc -O2 -march=core2) on eyeriss", doc.get("cpuBaseline").asText());
      String md = Files.readString(out.resolve("report.md"));
      assertTrue(md.contains("## The same choices at both CPU baselines"), md);
      assertTrue(md.startsWith("# NAS vs fixed topology enumeration: the paper's experiment\n"), md);
      assertFalse(md.contains("over seeds") || md.contains(", seed ") || md.contains("The runs have"),
          "one seed: no seed in the tables, no spread, no note\n" + md);
      HardwareConfig o0 = HardwareConfig.load(Files.exists(Path.of("run-configs/hardware/eyeriss.yaml"))
          ? Path.of("run-configs/hardware/eyeriss.yaml") : Path.of("..", "run-configs/hardware/eyeriss.yaml"))
          .withCpuBaseline(CpuBaseline.O0);
      for (int g : new int[] {1, 2}) {
        for (String method : List.of("nas", "enumeration")) {
          JsonNode row = rows.get(g + "/" + method);
          SimulationResult atO0 = Simulator.simulate(Network.parse(row.get("network").asText()), o0, BENCHMARK,
              OpProfile.of(Map.of()));
          String expected = String.format(Locale.ROOT, "| %d | %s | 1 | %.2fx / %.2fx | %.2fx / %.2fx |", g,
              method.equals("nas") ? "NAS (SMAC)" : "enumeration", row.get("speedup").asDouble(),
              row.get("energyReduction").asDouble(), atO0.speedup(), atO0.energyReduction());
          assertTrue(md.contains(expected), expected + " not in\n" + md);
        }
      }
    }
  }

  @Test
  void groupTwoReusesTheModelsGroupOneTrained() throws Exception {
    // both groups train on the same traces with the same seed: the second run of a network is a cache hit
    int hits = 0;
    for (String kind : List.of("search", "enumerate")) {
      for (Path t : timings(runs.resolve(BENCHMARK + "-g2-" + kind))) {
        for (JsonNode c : JsonOutput.mapper().readTree(Files.readString(t)).get("candidates")) {
          hits += c.get("cached").asBoolean() ? 1 : 0;
        }
      }
    }
    // group 2's search is one round, proposed before any result: the same networks as group 1's
    assertEquals(6 + 12, hits, "every network of group 2 was trained for group 1 already");
    try (Stream<Path> models = Files.list(runs.resolve(BENCHMARK + "-g1-enumerate"))) {
      assertTrue(models.noneMatch(p -> p.getFileName().toString().equals("models")), "models went to the shared cache");
    }
  }

  @Test
  void axbenchNetworksAreAmongTheEnumeratedTopologies() {
    // why the enumeration is AxBench's reference run: it trains every hand-designed network
    for (Benchmark b : Benchmarks.all()) {
      Network axbench = b.axbenchNetwork();
      List<String> enumerated = new ArrayList<>();
      for (Configuration c : TopologyEnumeration.of(MlpSpace.build(2, 128, List.of(Activation.RELU, Activation.SIGMOID,
          Activation.TANH)), List.of(Activation.SIGMOID))) {
        enumerated.add(MlpSpace.toNetwork(c, b.inputWidth(), b.outputWidth(), b.outputActivation()).notation());
      }
      assertTrue(enumerated.contains(axbench.notation()), b.name() + ": " + axbench.notation());
    }
  }

  @Test
  void badInputIsRefusedWithExitCodeTwo() throws Exception {
    Result missing = run("report", "--runs", dir.resolve("nothing-here").toString(), "--out", dir.resolve("r").toString(), "--json");
    assertEquals(2, missing.code());
    assertTrue(missing.json().get("error").asText().contains("no such directory"));
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Result none = run("report", "--runs", empty.toString(), "--out", dir.resolve("r").toString(), "--json");
    assertEquals(2, none.code());
    assertTrue(none.json().get("error").asText().contains("no finished search or enumeration"));
    Result badCap = run("report", "--runs", runs.toString(), "--out", dir.resolve("r").toString(), "--min-accuracy", "1.5");
    assertEquals(2, badCap.code());
  }

  /** Plots valid and non-empty; the HTML page and report.md link only to files that exist, by relative paths. */
  private static void checkFiles(Path out, JsonNode doc) throws Exception {
    Set<String> files = new HashSet<>();
    doc.get("files").forEach(f -> files.add(f.asText()));
    long pngs = files.stream().filter(f -> f.endsWith(".png")).count();
    // 2 bar charts + 3 per benchmark and group
    assertEquals(2 + 3 * 2, pngs, files.toString());
    for (String f : files) {
      Path p = out.resolve(f);
      assertTrue(Files.size(p) > 0, f);
      if (f.endsWith(".png")) {
        BufferedImage img = ImageIO.read(p.toFile());
        assertNotNull(img, f + " is not a PNG");
        assertTrue(img.getWidth() >= 800 && img.getHeight() >= 500, f);
        assertTrue(distinctColours(img) > 8, f + " looks blank");
        assertTrue(files.contains(f.replace(".png", ".svg")), "no SVG beside " + f);
      } else if (f.endsWith(".svg")) {
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        var svg = xml.newDocumentBuilder().parse(p.toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName(), f);
        assertTrue(svg.getElementsByTagName("path").getLength() + svg.getElementsByTagName("rect").getLength() > 10, f);
      }
    }
    String html = Files.readString(out.resolve("index.html"));
    Matcher m = Pattern.compile("(?:href|src)=\"([^\"#][^\"]*)\"").matcher(html);
    int links = 0;
    while (m.find()) {
      String link = m.group(1);
      assertFalse(link.startsWith("/") || link.contains(":") || link.contains(".."), "not a relative link: " + link);
      assertTrue(Files.isRegularFile(out.resolve(link)), "index.html links to a missing file: " + link);
      links++;
    }
    assertEquals(3 * pngs, links, "each plot: its PNG and twice its SVG");
    Matcher md = Pattern.compile("\\]\\(([^)]+)\\)").matcher(Files.readString(out.resolve("report.md")));
    while (md.find()) {
      assertTrue(Files.isRegularFile(out.resolve(md.group(1))), "report.md links to a missing file: " + md.group(1));
    }
    for (String section : List.of("kmeans-g1", "kmeans-g2")) {
      assertTrue(html.contains("id=\"" + section + "\""), section);
    }
  }

  private static int distinctColours(BufferedImage img) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }

  // ---- independent recomputation, from the files alone ----

  static List<Evaluation> history(Path run) throws Exception {
    List<Evaluation> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(run.resolve("history"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("round-\\d+\\.avro")).sorted().toList()) {
        try (DataFileReader<Evaluation> r = new DataFileReader<>(f.toFile(), new SpecificDatumReader<>(Evaluation.class))) {
          r.forEach(all::add);
        }
      }
    }
    return all;
  }

  static List<Path> timings(Path run) throws Exception {
    try (Stream<Path> files = Files.list(run.resolve("history"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".timings.json")).sorted().toList();
    }
  }

  static double wallSeconds(Path run) throws Exception {
    double s = 0;
    for (Path t : timings(run)) {
      s += JsonOutput.mapper().readTree(Files.readString(t)).get("seconds").asDouble();
    }
    return s;
  }

  static double maxAccuracy(List<Evaluation> h) {
    return h.stream().filter(e -> e.getStatus() == EvaluationStatus.OK).mapToDouble(Evaluation::getAccuracy).max().orElseThrow();
  }

  /**
   * Energy mode by its definition over the whole history: among networks at the threshold, the
   * highest energy reduction; ties to the higher accuracy, then the higher speedup, then the earlier trial
   * (the non-dominated and earliest of equals, as the Pareto set keeps them).
   */
  static Evaluation energyModeChoice(List<Evaluation> h, double threshold) {
    return h.stream().filter(e -> e.getStatus() == EvaluationStatus.OK && e.getAccuracy() >= threshold)
        .max(Comparator.comparingDouble(Evaluation::getEnergyReduction).thenComparingDouble(Evaluation::getAccuracy)
            .thenComparingDouble(Evaluation::getSpeedup).thenComparing(Comparator.comparingInt(Evaluation::getTrialId).reversed()))
        .orElseThrow();
  }

  /** Paper eq. 5 on the test split: the share of test samples whose error is under the bound. */
  static double testAccuracy(Evaluation e, int group, double bound) throws Exception {
    return testAccuracy(e, group, bound, true);
  }

  /**
   * Paper eq. 5 on the test split, in the hardware's arithmetic (eyeriss.yaml's 16-bit fixed
   * point, calibrated on the run's train split) or in the trainer's float.
   */
  static double testAccuracy(Evaluation e, int group, double bound, boolean inHardware) throws Exception {
    TrainedModel model = TrainedModel.readJson(cache.resolve(e.getModelKey() + ".json"));
    Path traces = runs.resolve(BENCHMARK + "-g" + group + "-enumerate").resolve("traces");
    org.axnas.runtime.PlainEvaluator hw = org.axnas.evaluation.HardwareArithmetic.evaluator(model,
        HardwareConfig.load(Path.of("run-configs/hardware/eyeriss.yaml")).precision(),
        org.axnas.traces.TraceStore.load(traces.toString(), "train"));
    Benchmark b = Benchmarks.byName(BENCHMARK);
    int correct = 0;
    int n = 0;
    try (Stream<Path> files = Files.list(traces)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("test-.*\\.avro")).toList()) {
        try (DataFileReader<TraceSample> r = new DataFileReader<>(f.toFile(), new SpecificDatumReader<>(TraceSample.class))) {
          for (TraceSample s : r) {
            float[] x = new float[s.getInput().size()];
            for (int i = 0; i < x.length; i++) {
              x[i] = s.getInput().get(i);
            }
            float[] y = new float[s.getOutput().size()];
            for (int i = 0; i < y.length; i++) {
              y[i] = s.getOutput().get(i);
            }
            correct += b.metric().correct(inHardware ? hw.evaluate(x) : model.predict(x), y, bound) ? 1 : 0;
            n++;
          }
        }
      }
    }
    return (double) correct / n;
  }

  record Result(int code, String stdout) {
    JsonNode json() throws Exception {
      return JsonOutput.mapper().readTree(stdout);
    }
  }

  static Result run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      return new Result(Axnas.execute(args), buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }
}
