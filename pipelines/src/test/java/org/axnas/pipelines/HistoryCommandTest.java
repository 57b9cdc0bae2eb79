package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.Evaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code axnas history}: one row per evaluation of a real search, as text, CSV and JSON. */
class HistoryCommandTest {

  @Test
  void printsEveryEvaluationOfARunInTrialOrder(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("run");
    TracesCommandTest.Result search = TracesCommandTest.run(
        "search", "--config", SearchTest.config(dir, "kmeans", "").toString(), "--out", out.toString(), "--json");
    assertEquals(0, search.code(), search.stdout());
    List<Evaluation> history = new RunFolder(out).readHistory();
    int paretoSize = search.json().get("pareto").size();
    assertTrue(!Files.exists(out.resolve("staging")), "a finished run keeps no staging folder");

    TracesCommandTest.Result csv = TracesCommandTest.run("history", out.toString(), "--csv");
    assertEquals(0, csv.code(), csv.stdout());
    List<String> lines = csv.stdout().lines().toList();
    assertEquals("trial,round,network,status,accuracy,testAccuracy,speedup,energyReduction,fPerf,"
        + "trainingSeconds,cached,pareto,failureReason,precision,floatAccuracy,floatTestAccuracy,fidelity,bracket,rung,"
        + "parentTrial,hypervolume", lines.get(0));
    assertEquals(history.size() + 1, lines.size());
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      assertEquals(String.valueOf(i - 1), cells[0], "rows sorted by trial");
      Evaluation e = history.stream().filter(h -> h.getTrialId() == Integer.parseInt(cells[0])).findFirst().orElseThrow();
      assertEquals(e.getNetwork().toString(), cells[2]);
      assertEquals(String.valueOf(e.getStatus()), cells[3]);
      if ("OK".equals(cells[3])) {
        assertEquals(e.getAccuracy(), Double.parseDouble(cells[4]), 0);
        assertEquals(e.getFPerf(), Double.parseDouble(cells[8]), 0);
        assertTrue(Double.parseDouble(cells[9]) >= 0, "training seconds from the timings files");
      }
      assertEquals(cells[11].equals("true"), !cells[5].isEmpty(), "test accuracy is known for the Pareto set");
    }
    assertEquals(paretoSize, lines.stream().skip(1).filter(l -> l.split(",", -1)[11].equals("true")).count());
    // the front's hypervolume after each trial: never shrinks, and ends at the whole history's
    double before = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      double hv = Double.parseDouble(cells[cells.length - 1]);
      assertTrue(hv >= before, line);
      before = hv;
    }
    assertTrue(before > 0);
    assertEquals(org.axnas.evaluation.FrontHypervolume.of(history), before, 1e-12);

    TracesCommandTest.Result json = TracesCommandTest.run("history", out.toString(), "--json");
    assertEquals(0, json.code());
    JsonNode doc = json.json();
    assertEquals(history.size(), doc.get("rows").size());
    assertEquals(out.toAbsolutePath().normalize().toString(), doc.get("runDir").asText());

    TracesCommandTest.Result text = TracesCommandTest.run("history", out.toString());
    assertEquals(0, text.code());
    assertTrue(text.stdout().contains(history.size() + " evaluations"), text.stdout());
  }

  @Test
  void aFolderWithoutAHistoryIsBadInput(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    TracesCommandTest.Result r = TracesCommandTest.run("history", dir.resolve("empty").toString(), "--json");
    assertEquals(2, r.code());
    assertTrue(r.json().get("error").asText().contains("no finished round here"), r.stdout());
    TracesCommandTest.Result missing = TracesCommandTest.run("history", dir.resolve("nope").toString(), "--json");
    assertEquals(2, missing.code());
    assertTrue(missing.json().get("error").asText().contains("no such run folder"));
  }
}
