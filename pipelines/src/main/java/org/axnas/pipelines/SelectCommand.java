package org.axnas.pipelines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.RunConfig;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.pipelines.run.OutputFolder;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.pipelines.search.SelectionReport;
import org.axnas.runtime.SelectionMode;
import org.axnas.schemas.ParetoEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code axnas select}: online selection over a finished run's Pareto set (paper Table 1). The
 * mode and thresholds default to the run-config's {@code selection}; the chosen network goes to a
 * folder of its own, so the search's {@code selected/} is never overwritten unless asked.
 */
@Command(name = "select", mixinStandardHelpOptions = true,
    description = "Pick one network of a run's Pareto set for the constraints in force, and export it. "
        + "Mode and thresholds not given come from the run-config's selection section.")
public final class SelectCommand implements Callable<Integer> {
  @Option(names = "--pareto", required = true, description = "A finished run folder (holding pareto.avro).")
  Path pareto;

  @Option(names = "--mode", description = "quality, energy or integrated (default: the run-config's selection.mode).")
  String mode;

  @Option(names = "--min-accuracy", description = "Accuracy threshold in [0, 1] (default: the run-config's selection.minAccuracy).")
  Double minAccuracy;

  @Option(names = "--min-energy-reduction", description = "Energy reduction threshold >= 0 (default: the run-config's selection.minEnergyReduction).")
  Double minEnergyReduction;

  @Option(names = "--theta", description = "Integrated mode: weight of accuracy against energy, in [0, 1] (default: the run-config's selection.theta).")
  Double theta;

  @Option(names = "--region-fraction", description = "The function's share of the program's time, in (0, 1], for "
      + "whole-program figures by Amdahl's law (default: the run-config's regionFraction).")
  Double regionFraction;

  @Option(names = "--out", description = "Folder for model.json, model.dl4j.zip and selection.json (default: "
      + "RUN/selections/MODE-accA-energyE[-thetaT]; RUN/selected, the search's own choice, only when named here).")
  Path out;

  @Option(names = "--json", description = "Print one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    RunFolder folder = new RunFolder(pareto);
    if (!Files.exists(folder.paretoAvro())) {
      throw new ConfigException(folder.paretoAvro().toString(), null, "no Pareto set here; is this a finished run folder?");
    }
    RunConfig config = Files.exists(folder.manifest())
        ? RunConfig.parse(folder.readManifest().getConfigYaml(), folder.manifest() + " (configYaml)") : null;
    RunConfig.Selection defaults = config != null ? config.selection() : new RunConfig.Selection("energy", 0.9, 0, 0.5);
    String from = config != null ? "the run-config's selection" : "the defaults (no manifest in " + folder.dir() + ")";
    String m = mode != null ? mode : defaults.mode();
    try {
      SelectionMode.parse(m);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", "--mode", e.getMessage());
    }
    double acc = check(minAccuracy != null ? minAccuracy : defaults.minAccuracy(), 0, 1, "--min-accuracy");
    double energy = check(minEnergyReduction != null ? minEnergyReduction : defaults.minEnergyReduction(), 0,
        Double.MAX_VALUE, "--min-energy-reduction");
    double t = check(theta != null ? theta : defaults.theta(), 0, 1, "--theta");
    if (regionFraction != null && !(regionFraction > 0 && regionFraction <= 1)) {
      throw new ConfigException("command line", "--region-fraction", "must be in (0, 1], got " + regionFraction);
    }
    double fraction = regionFraction != null ? regionFraction : config != null ? config.regionFraction() : 1;
    Path exportDir = out != null ? out : folder.dir().resolve("selections").resolve(folderName(m, acc, energy, t));
    OutputFolder.checkWritable(exportDir, "--out");
    List<ParetoEntry> front = AvroFiles.read(folder.paretoAvro(), ParetoEntry.class);
    SelectionReport r = SelectionReport.select(exportDir, front, m, acc, energy, t, fraction);
    String thresholdsFrom = mode != null && minAccuracy != null && minEnergyReduction != null && theta != null
        ? "command line" : from;
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>(r.toJson());
      doc.put("thresholdsFrom", thresholdsFrom);
      if (r.ok()) {
        doc.put("outDir", exportDir.toAbsolutePath().normalize().toString());
      }
      JsonOutput.print(doc);
    } else {
      System.out.printf(Locale.ROOT, "%s mode, min accuracy %s, min energy reduction %s, theta %s (flags not given: "
          + "from %s)%n", m, plain(acc), plain(energy), plain(t), thresholdsFrom.equals("command line") ? "none" : from);
      System.out.print(r.toText());
    }
    if (!r.ok()) {
      System.err.println("error: " + r.error());
      return Axnas.EXIT_BAD_INPUT;
    }
    return 0;
  }

  private static double check(double v, double min, double max, String flag) {
    if (!(v >= min && v <= max)) {
      throw new ConfigException("command line", flag, "must be in [" + min + ", " + (max == Double.MAX_VALUE ? "inf" : max)
          + "], got " + v);
    }
    return v;
  }

  /** e.g. energy-acc0.9-energy0 or integrated-acc0.9-energy2.5-theta0.5 */
  static String folderName(String mode, double acc, double energy, double theta) {
    String n = mode.toLowerCase(Locale.ROOT) + "-acc" + plain(acc) + "-energy" + plain(energy);
    return mode.equalsIgnoreCase("integrated") ? n + "-theta" + plain(theta) : n;
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
