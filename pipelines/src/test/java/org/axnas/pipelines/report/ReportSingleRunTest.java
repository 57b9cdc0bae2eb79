package org.axnas.pipelines.report;

import static org.axnas.pipelines.report.ReportTest.energyModeChoice;
import static org.axnas.pipelines.report.ReportTest.history;
import static org.axnas.pipelines.report.ReportTest.maxAccuracy;
import static org.axnas.pipelines.report.ReportTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axnas report --runs RUN} where RUN is itself one finished search, without an
 * enumeration (issue 16, item 7): the page says there is nothing to compare and shows the run's
 * own figures: the averages table with its choice, its candidates and Pareto set against energy
 * reduction and against speedup, online selection, and its best f_perf so far.
 */
class ReportSingleRunTest {
  @TempDir static Path dir;
  static Path runDir;

  @BeforeAll
  static void oneSearch() throws Exception {
    Path config = dir.resolve("kmeans.yaml");
    Files.writeString(config, "benchmark: kmeans\nseed: 3\ngroup: 2\n"
        + "traces: {samples: 1500}\n"
        + "search: {budget: 8, parallelism: 4, maxLayers: 2, maxNeurons: 8}\n"
        + "training: {epochs: 6, batchSize: 64, learningRate: 0.02}\n"
        + "objective: {alpha: 0.85, beta: 0.01, epsilon: 0.1}\n");
    runDir = dir.resolve("quick");
    ReportTest.Result r = run("search", "--config", config.toString(), "--out", runDir.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
  }

  @Test
  void aSingleSearchFolderGetsItsOwnFiguresAndAverages() throws Exception {
    Path out = dir.resolve("report");
    ReportTest.Result r = run("report", "--runs", runDir.toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    JsonNode doc = r.json();
    assertFalse(doc.get("paired").asBoolean());

    List<Evaluation> h = history(runDir);
    Evaluation chosen = energyModeChoice(h, Math.min(0.9, maxAccuracy(h)));
    JsonNode nas = null;
    for (JsonNode row : doc.get("rows")) {
      if (row.get("method").asText().equals("nas")) {
        nas = row;
      }
    }
    assertNotNull(nas, doc.toString());
    assertEquals(chosen.getNetwork(), nas.get("network").asText());
    // the averages: the one run's figures, not an empty table
    assertEquals(1, doc.get("averages").size(), doc.get("averages").toString());
    JsonNode a = doc.get("averages").get(0);
    assertEquals("nas", a.get("method").asText());
    assertEquals(2, a.get("group").asInt());
    assertEquals(1, a.get("benchmarks").asInt());
    assertEquals(chosen.getSpeedup(), a.get("speedup").asDouble(), 0);
    assertEquals(chosen.getEnergyReduction(), a.get("energyReduction").asDouble(), 0);

    // the plots of one run, each a real PNG beside its SVG
    Set<String> files = new TreeSet<>();
    doc.get("files").forEach(f -> files.add(f.asText()));
    for (String fig : List.of("candidates", "speedup", "selection", "convergence")) {
      String png = fig + "-kmeans-g2.png";
      assertTrue(files.contains(png) && files.contains(fig + "-kmeans-g2.svg"), png + " not in " + files);
      assertNotNull(ImageIO.read(out.resolve(png).toFile()), png);
    }

    // what they draw, from the history alone: every successful candidate on (speedup, accuracy); f_perf's best so far
    ExperimentReport report = ExperimentReport.build(RunScan.scan(runDir).runs(), List.of(),
        new ExperimentReport.Settings(0.9, Double.NaN, 0.5));
    List<Figure> figures = FigureBuilder.all(report);
    Figure.Xy speedup = (Figure.Xy) figures.stream().filter(f -> f.name().equals("speedup-kmeans-g2")).findFirst().orElseThrow();
    List<Figure.Point> expected = new ArrayList<>();
    for (Evaluation e : h) {
      if (e.getStatus() == EvaluationStatus.OK) {
        expected.add(new Figure.Point(e.getSpeedup(), e.getAccuracy()));
      }
    }
    assertEquals(expected, speedup.series().get(0).points());
    Figure.Xy convergence = (Figure.Xy) figures.stream().filter(f -> f.name().equals("convergence-kmeans-g2")).findFirst()
        .orElseThrow();
    List<Figure.Point> best = convergence.series().get(0).points();
    assertEquals(h.size(), best.size());
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < h.size(); i++) {
      max = Math.max(max, h.get(i).getFPerf());
      assertEquals(new Figure.Point(i + 1, max), best.get(i));
    }

    // the page says why nothing is compared, and what it shows instead
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.startsWith("# axnas report: one run\n"), md);
    assertTrue(md.contains("so nothing is compared"), md);
    assertTrue(md.contains("| 2 | NAS (SMAC) | 1 | "), md);
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("<img src=\"speedup-kmeans-g2.png\""), html);

    // the text output (no --json) shows the averages row too
    ReportTest.Result text = run("report", "--runs", runDir.toString(), "--out", out.toString());
    assertEquals(0, text.code(), text.stdout());
    assertTrue(text.stdout().contains("| 2 | NAS (SMAC) | 1 | "), text.stdout());
    assertTrue(text.stdout().contains("from 1 finished run."), text.stdout());
  }
}
