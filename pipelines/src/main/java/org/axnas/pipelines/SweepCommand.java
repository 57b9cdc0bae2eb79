package org.axnas.pipelines;

import org.axnas.pipelines.flink.BeamOptions;
import org.axnas.pipelines.config.BadInput;
import org.axnas.pipelines.run.JsonOutput;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axnas.pipelines.run.AtomicFiles;
import org.axnas.pipelines.search.ParetoFiles;
import org.axnas.pipelines.search.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code axnas sweep}: many searches (benchmarks x groups x hardware), one pipeline per round for all. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    footer = BeamOptions.HELP_FOOTER,
    description = "Searches for every benchmark x error-bound group x hardware config of a sweep config, "
        + "run together: one Beam pipeline (one Flink job) per round holds the candidates of all of them.")
public final class SweepCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "Sweep YAML, e.g. run-configs/sweeps/all.yaml.")
  Path config;

  @Option(names = "--out", required = true, description = "Sweep folder (created; must be new unless --resume).")
  Path out;

  @Option(names = "--resume", description = "Continue a killed sweep: every search from its last finished round.")
  boolean resume;

  @Option(names = "--cache", description = "Evaluation cache folder (trained models by key) shared by every search of "
      + "the sweep and by later runs, so that no network is trained twice for the same data, training settings and "
      + "seed, e.g. across error-bound groups and hardware configs (default: each run folder's models/).")
  Path cache;

  @Option(names = "--json", description = "Print one JSON document on stdout (progress goes to stderr).")
  boolean json;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintStream progress = json ? System.err : System.out;
    List<Sweep.Result> results = new Sweep(new Sweep.Request(config, out, resume, beamArgs, progress, cache)).run();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Sweep.Result r : results) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("search", r.entry().label());
      row.put("benchmark", r.entry().benchmark());
      row.put("group", r.entry().group());
      row.put("hardware", r.entry().hardware());
      row.put("runDir", r.runDir().toString());
      if (r.error() != null) {
        row.put("error", r.error().getMessage());
      } else {
        row.put("evaluations", r.outcome().history().size());
        row.put("failed", r.outcome().failed());
        row.put("pareto", ParetoFiles.toJson(r.outcome().pareto()));
        row.put("selected", r.outcome().selected().toJson());
      }
      rows.add(row);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("sweepDir", out.toAbsolutePath().normalize().toString());
    doc.put("searches", rows);
    AtomicFiles.writeString(out.resolve("sweep.json"), JsonOutput.write(doc));
    if (json) {
      JsonOutput.print(doc);
    } else {
      System.out.printf("%-36s %6s %6s %7s  %s%n", "search", "evals", "failed", "pareto", "selected");
      for (Sweep.Result r : results) {
        if (r.error() != null) {
          System.out.printf("%-36s failed: %s%n", r.entry().label(), r.error().getMessage());
        } else {
          System.out.printf("%-36s %6d %6d %7d  %s%n", r.entry().label(), r.outcome().history().size(),
              r.outcome().failed(), r.outcome().pareto().size(), r.outcome().selected().toText().strip().split("\n")[0]);
        }
      }
      System.out.println("sweep folder: " + out.toAbsolutePath().normalize() + " (summary in sweep.json)");
    }
    Sweep.Result firstError = results.stream().filter(r -> r.error() != null).findFirst().orElse(null);
    if (firstError == null) {
      return 0;
    }
    return BadInput.is(firstError.error()) ? Axnas.EXIT_BAD_INPUT : Axnas.EXIT_INTERNAL;
  }
}
