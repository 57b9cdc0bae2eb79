package org.axnas.pipelines;

import org.axnas.pipelines.run.JsonOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.pipelines.search.SelectionReport;
import org.axnas.schemas.ParetoEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code axnas select}: online selection over a finished run's Pareto set (paper Table 1). */
@Command(name = "select", mixinStandardHelpOptions = true,
    description = "Pick one network of a run's Pareto set for the constraints in force, and export it.")
public final class SelectCommand implements Callable<Integer> {
  @Option(names = "--pareto", required = true, description = "A finished run folder (holding pareto.avro).")
  Path pareto;

  @Option(names = "--mode", required = true, description = "quality, energy or integrated")
  String mode;

  @Option(names = "--min-accuracy", defaultValue = "0", description = "Accuracy threshold in [0, 1] (default ${DEFAULT-VALUE}).")
  double minAccuracy;

  @Option(names = "--min-energy-reduction", defaultValue = "0", description = "Energy reduction threshold (default ${DEFAULT-VALUE}).")
  double minEnergyReduction;

  @Option(names = "--theta", defaultValue = "0.5", description = "Integrated mode: weight of accuracy against energy, in [0, 1] (default ${DEFAULT-VALUE}).")
  double theta;

  @Option(names = "--region-fraction", description = "The function's share of the program's time, in (0, 1], for "
      + "whole-program figures by Amdahl's law (default: the run-config's regionFraction).")
  Double regionFraction;

  @Option(names = "--json", description = "Print one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    RunFolder folder = new RunFolder(pareto);
    if (!Files.exists(folder.paretoAvro())) {
      throw new ConfigException(folder.paretoAvro().toString(), null, "no Pareto set here; is this a finished run folder?");
    }
    List<ParetoEntry> front = AvroFiles.read(folder.paretoAvro(), ParetoEntry.class);
    if (regionFraction != null && !(regionFraction > 0 && regionFraction <= 1)) {
      throw new ConfigException("command line", "--region-fraction", "must be in (0, 1], got " + regionFraction);
    }
    double fraction = regionFraction != null ? regionFraction : runRegionFraction(folder);
    SelectionReport r;
    try {
      r = SelectionReport.select(folder, front, mode, minAccuracy, minEnergyReduction, theta, fraction);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", "--mode/--min-accuracy/--min-energy-reduction/--theta", e.getMessage());
    }
    if (json) {
      JsonOutput.print(r.toJson());
    } else {
      System.out.print(r.toText());
    }
    if (!r.ok()) {
      System.err.println("error: " + r.error());
      return Axnas.EXIT_BAD_INPUT;
    }
    return 0;
  }

  /** The run-config's regionFraction as recorded in the run's manifest; 1 when there is no manifest. */
  private static double runRegionFraction(RunFolder folder) {
    if (!Files.exists(folder.manifest())) {
      return 1;
    }
    return RunConfig.parse(folder.readManifest().getConfigYaml(), folder.manifest() + " (configYaml)").regionFraction();
  }
}
