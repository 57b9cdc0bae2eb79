package org.axnas.pipelines;

import org.axnas.pipelines.flink.BeamOptions;
import org.axnas.pipelines.run.JsonOutput;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axnas.pipelines.search.ParetoFiles;
import org.axnas.pipelines.search.SearchDriver;
import org.axnas.schemas.ParetoEntry;
import org.axnas.pipelines.run.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code axnas search} (SMAC) and {@code axnas enumerate} (the paper's baseline). */
public class SearchCommand implements Callable<Integer> {
  @Option(names = "--config", description = "Run-config YAML, e.g. run-configs/blackscholes.yaml (with --resume: "
      + "default the run's own; a changed config is refused naming each changed key, but search.budget may be raised).")
  Path config;

  @Option(names = "--out", required = true, description = "Run folder (created; must be new unless --resume).")
  Path out;

  @Option(names = "--resume", description = "Continue a killed run from its last finished round.")
  boolean resume;

  @Option(names = "--seed", description = "Override the config's seed.")
  Long seed;

  @Option(names = "--stop-after-rounds", hidden = true, defaultValue = "0",
      description = "Stop after this many rounds of this invocation (tests and soak runs; continue with --resume).")
  int stopAfterRounds;

  @Option(names = "--cache", description = "Evaluation cache folder (trained models by key), shared by runs that should "
      + "never train one network twice, e.g. both error-bound groups of a benchmark (default: the run folder's models/).")
  Path cache;

  @Option(names = "--json", description = "Print one JSON document on stdout (progress goes to stderr).")
  boolean json;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  boolean enumerate() {
    return false;
  }

  @Override
  public Integer call() {
    PrintStream progress = json ? System.err : System.out;
    OutputFolder.checkWritable(out, "--out");
    if (cache != null) {
      OutputFolder.checkWritable(cache, "--cache");
    }
    SearchDriver.Outcome o = new SearchDriver(
        new SearchDriver.Request(config, out, resume, seed, beamArgs, enumerate(), progress, stopAfterRounds, cache)).run();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("runDir", o.runDir().toString());
      doc.put("evaluations", o.history().size());
      doc.put("failed", o.failed());
      doc.put("pareto", ParetoFiles.toJson(o.pareto()));
      doc.put("selected", o.selected().toJson());
      JsonOutput.print(doc);
    } else {
      System.out.println("Pareto set (" + o.pareto().size() + " networks):");
      System.out.printf("  %-32s %9s %9s %9s %9s %9s%n", "network", "accuracy", "test acc", "speedup", "energy", "f_perf");
      for (ParetoEntry p : o.pareto()) {
        System.out.printf("  %-32s %9.4f %9s %8.2fx %8.2fx %9.4f%n", p.getNetwork(), p.getAccuracy(),
            p.getTestAccuracy() == null ? "-" : String.format("%.4f", p.getTestAccuracy()), p.getSpeedup(),
            p.getEnergyReduction(), p.getFPerf());
      }
      System.out.print(o.selected().toText());
      System.out.println("run folder: " + o.runDir());
    }
    return 0;
  }

  /** {@code axnas search}. */
  @Command(name = "search", mixinStandardHelpOptions = true,
      footer = BeamOptions.HELP_FOOTER,
    description = "SMAC search over MLP topologies: train, score and simulate candidates in rounds; Pareto set; selection.")
  public static final class Search extends SearchCommand {}

  /** {@code axnas enumerate}. */
  @Command(name = "enumerate", mixinStandardHelpOptions = true,
      footer = BeamOptions.HELP_FOOTER,
    description = "The paper's baseline: fixed topology enumeration (at most two hidden layers, widths powers of two).")
  public static final class Enumerate extends SearchCommand {
    @Override
    boolean enumerate() {
      return true;
    }
  }
}
