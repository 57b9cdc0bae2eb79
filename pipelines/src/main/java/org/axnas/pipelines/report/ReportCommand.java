package org.axnas.pipelines.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.run.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code axnas report}: the paper's experiment over finished searches and enumerations, as tables and plots. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "NAS vs enumeration (and AxBench's networks) over the finished runs under --runs: report.md, "
        + "index.html and PNG/SVG plots in --out.")
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--runs", required = true, description = "Folder holding finished runs (searched recursively for manifest.avro).")
  Path runs;

  @Option(names = "--out", required = true, description = "Folder for report.md, index.html and the plots (created; report files are replaced).")
  Path out;

  @Option(names = "--min-accuracy", defaultValue = "0.9",
      description = "Accuracy threshold of the comparison (default ${DEFAULT-VALUE}; lowered to the best both methods reach).")
  double minAccuracy;

  @Option(names = "--min-energy-reduction",
      description = "Energy threshold of the online selection plots (the paper's Fig. 4a uses 2.5); default: half the "
          + "energy reduction of each plot's energy-mode choice, so every mode has a network to return.")
  Double minEnergyReduction;

  @Option(names = "--theta", defaultValue = "0.5", description = "Integrated mode's theta in the online selection plots (default ${DEFAULT-VALUE}).")
  double theta;

  @Option(names = "--json", description = "Print one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    ExperimentReport.Settings settings;
    try {
      settings = new ExperimentReport.Settings(minAccuracy, minEnergyReduction == null ? Double.NaN : minEnergyReduction, theta);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", "--min-accuracy/--min-energy-reduction/--theta", e.getMessage());
    }
    RunScan.Result scan = RunScan.scan(runs);
    if (scan.runs().isEmpty()) {
      throw new ConfigException(runs.toString(), "--runs", "no finished search or enumeration here (a run folder holds "
          + "manifest.avro and, once finished, pareto.avro)" + (scan.skipped().isEmpty() ? "" : "; " + scan.skipped()));
    }
    ExperimentReport report = ExperimentReport.build(scan.runs(), scan.skipped(), settings);
    Path dir = out.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfigException(out.toString(), "--out", "cannot create: " + e.getMessage());
    }
    List<Figure> figures = FigureBuilder.all(report);
    List<Path> files = new ArrayList<>();
    for (Figure f : figures) {
      files.addAll(Charts.write(f, dir));
    }
    List<Table> tables = ReportTables.all(report);
    String source = String.format("Made by `axnas report --runs %s` on %s from %d finished run%s%s.", runs,
        ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")), scan.runs().size(), scan.runs().size() == 1 ? "" : "s",
        scan.skipped().isEmpty() ? "" : " (" + scan.skipped().size() + " left out, listed at the end)")
        + " Speedups and energy reductions are against the original function built as " + cpuBaselines(scan.runs())
        + " (hardware YAML `cpu.baseline`; hwsim/README.md, \"CPU baselines\").";
    Path md = dir.resolve("report.md");
    Path html = dir.resolve("index.html");
    Path jsonFile = dir.resolve("report.json");
    AtomicFiles.writeString(md, ReportPages.markdown(report, tables, figures, source));
    AtomicFiles.writeString(html, ReportPages.html(report, tables, figures, source));
    files.add(0, md);
    files.add(1, html);
    files.add(2, jsonFile);
    Map<String, Object> doc = toJson(report, dir, files);
    doc.put("cpuBaseline", cpuBaselines(scan.runs()));
    AtomicFiles.writeString(jsonFile, JsonOutput.write(doc));
    if (json) {
      JsonOutput.print(doc);
    } else {
      List<Table> summary = new ArrayList<>(List.of(ReportTables.averages(report)));
      if (report.paired()) {
        summary.add(ReportTables.ratios(report));
      }
      if (!report.seedSpreads().isEmpty()) {
        summary.add(ReportTables.seedSpread(report));
      }
      System.out.print(ReportPages.markdown(report, summary, List.of(), source));
      System.out.println("report: " + html + " (tables: " + md + ", " + figures.size() + " plots as PNG and SVG)");
    }
    return 0;
  }

  /**
   * The CPU baselines the runs were priced with, e.g. "O2 (gcc -O2 -march=core2) on eyeriss":
   * read from each run's hardware file (as given, or under the axnas home); "an unknown build"
   * when the file is gone.
   */
  static String cpuBaselines(List<FinishedRun> runs) {
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (FinishedRun r : runs) {
      seen.add(BaselineTable.hardware(r)
          .map(hw -> hw.cpu().baseline() + " (" + hw.cpu().baseline().build() + ") on " + hw.name())
          .orElse("an unknown build (" + r.config().hardware() + " unreadable)"));
    }
    return String.join("; ", seen);
  }

  /**
   * The report command's JSON keys (SPEC section 1). In a row, {@code accuracy} is the test-split
   * accuracy (the report's figure of merit, the one the paper reports); {@code testAccuracy} says
   * so by name and {@code validationAccuracy} is the one the search and the selection saw.
   */
  static Map<String, Object> toJson(ExperimentReport r, Path dir, List<Path> files) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("reportDir", dir.toString());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Comparison c : r.comparisons()) {
      for (ReportRow x : c.rows()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", x.benchmark());
        m.put("group", x.group());
        m.put("seed", c.seed());
        m.put("method", x.method().key());
        m.put("network", x.network());
        m.put("accuracy", x.testAccuracy());
        m.put("speedup", x.speedup());
        m.put("energyReduction", x.energyReduction());
        m.put("testAccuracy", x.testAccuracy());
        m.put("validationAccuracy", x.validationAccuracy());
        m.put("precision", x.precision());
        m.put("floatAccuracy", x.floatTestAccuracy());
        m.put("floatTestAccuracy", x.floatTestAccuracy());
        m.put("floatValidationAccuracy", x.floatValidationAccuracy());
        m.put("threshold", c.threshold());
        m.put("meetsThreshold", x.meetsThreshold());
        m.put("fPerf", x.fPerf());
        m.put("foundAt", x.foundAt());
        m.put("evaluations", x.evaluations());
        m.put("wallSeconds", x.wallSeconds());
        m.put("runDir", x.runDir());
        rows.add(m);
      }
    }
    doc.put("rows", rows);
    List<Map<String, Object>> averages = new ArrayList<>();
    for (ExperimentReport.GroupAverage a : r.averages()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("group", a.group());
      m.put("method", a.method().key());
      m.put("benchmarks", a.benchmarks());
      m.put("speedup", a.speedup());
      m.put("energyReduction", a.energyReduction());
      m.put("geoSpeedup", a.geoSpeedup());
      m.put("geoEnergyReduction", a.geoEnergyReduction());
      m.put("belowThreshold", a.belowThreshold());
      averages.add(m);
    }
    doc.put("averages", averages);
    doc.put("paired", r.paired());
    doc.put("seeds", r.seeds());
    List<Map<String, Object>> spread = new ArrayList<>();
    for (SeedSpread x : r.seedSpreads()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("benchmark", x.benchmark());
      m.put("group", x.group());
      m.put("seeds", x.seeds());
      m.put("nas", Map.of("speedup", json(x.nasSpeedup()), "energyReduction", json(x.nasEnergyReduction())));
      m.put("enumeration", Map.of("speedup", json(x.enumerationSpeedup()), "energyReduction",
          json(x.enumerationEnergyReduction())));
      m.put("ratio", Map.of("speedup", json(x.speedupRatio()), "energyReduction", json(x.energyRatio())));
      spread.add(m);
    }
    doc.put("spread", spread);
    doc.put("missing", r.comparisons().stream()
        .flatMap(c -> c.missing().stream().map(s -> c.benchmark() + " group " + c.group() + ": " + s)).toList());
    doc.put("skipped", r.skipped());
    doc.put("files", files.stream().map(p -> p.getFileName().toString()).toList());
    return doc;
  }

  /** A spread as JSON: {@code n}, {@code mean}, {@code min}, {@code max}, {@code sd}; null where a statistic has no value. */
  static Map<String, Object> json(Spread s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", s.n());
    m.put("mean", finite(s.mean()));
    m.put("min", finite(s.min()));
    m.put("max", finite(s.max()));
    m.put("sd", finite(s.sd()));
    return m;
  }

  private static Double finite(double d) {
    return Double.isNaN(d) ? null : d;
  }
}
