package org.axnas.pipelines.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axnas.hwsim.ApplicationFigures;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.pipelines.run.AtomicFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.ParetoEntry;
import org.axnas.runtime.Constraints;
import org.axnas.runtime.NetworkSelector;
import org.axnas.runtime.Scored;
import org.axnas.runtime.SelectionMode;
import org.axnas.trainer.TrainedModel;

/**
 * Online selection over a run's Pareto set, and the export of the chosen network in the
 * trainer's two formats (plain JSON and a DL4J model file) into {@code selected/}. When the
 * function is only part of the program ({@code regionFraction < 1}), the chosen network's
 * whole-program speedup and energy reduction by Amdahl's law come with it ({@code application});
 * the selection itself works on the region's figures, as the search scored them.
 */
public record SelectionReport(
    SelectionMode mode, Constraints constraints, Scored chosen, ParetoEntry entry, String error, List<Scored> nearest,
    Path modelJson, Path modelDl4j, ApplicationFigures application, Map<String, Object> provenance) {

  public boolean ok() {
    return chosen != null;
  }

  /** No selection was made (e.g. a search stopped before its end). */
  public static SelectionReport none(String mode, String why) {
    return new SelectionReport(SelectionMode.parse(mode), Constraints.none(), null, null, why, List.of(), null, null, null, null);
  }

  /**
   * Selects and exports; {@code regionFraction} in (0, 1] is the function's share of the
   * program (1: the function is the whole program, no application figures).
   */
  public static SelectionReport select(RunFolder folder, List<ParetoEntry> pareto, String mode, double minAccuracy,
      double minEnergyReduction, double theta, double regionFraction) {
    return select(folder.selected(), pareto, mode, minAccuracy, minEnergyReduction, theta, regionFraction);
  }

  /** As above, exporting the chosen network and {@code selection.json} into {@code exportDir}. */
  public static SelectionReport select(Path exportDir, List<ParetoEntry> pareto, String mode, double minAccuracy,
      double minEnergyReduction, double theta, double regionFraction) {
    if (!(regionFraction > 0 && regionFraction <= 1)) {
      throw new IllegalArgumentException("region fraction must be in (0, 1], got " + regionFraction);
    }
    SelectionMode m = SelectionMode.parse(mode);
    Constraints c = new Constraints(minAccuracy, minEnergyReduction, theta);
    NetworkSelector.Selection s = new NetworkSelector(ParetoFiles.scored(pareto)).select(m, c);
    if (s.chosen().isEmpty()) {
      return new SelectionReport(m, c, null, null, s.reason(), s.nearest(), null, null, null, null);
    }
    Scored chosen = s.chosen().get();
    ParetoEntry entry = pareto.stream().filter(p -> p.getTrialId() == chosen.trialId()).findFirst().orElseThrow();
    Path json = null;
    Path dl4j = null;
    Map<String, Object> provenance = null;
    if (entry.getModelPath() != null && Files.exists(Path.of(entry.getModelPath()))) {
      try {
        String text = Files.readString(Path.of(entry.getModelPath()));
        provenance = provenance(text);
        json = exportDir.resolve("model.json");
        dl4j = exportDir.resolve("model.dl4j.zip");
        // the run's arithmetic travels with the exported model, so a program computes what was scored
        AtomicFiles.writeString(json, entry.getQuantisation() == null ? text
            : org.axnas.runtime.Quantisation.fromJson(entry.getQuantisation()).attachTo(text));
        Path tmp = exportDir.resolve(".model.dl4j.zip.tmp");
        TrainedModel.fromJson(text).writeDl4j(tmp);
        Files.move(tmp, dl4j, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot export the selected model", e);
      }
    }
    ApplicationFigures application = regionFraction < 1
        ? ApplicationFigures.of(regionFraction, chosen.speedup(), chosen.energyReduction()) : null;
    SelectionReport r = new SelectionReport(m, c, chosen, entry, null, List.of(), json, dl4j, application, provenance);
    AtomicFiles.writeString(exportDir.resolve("selection.json"), JsonOutput.write(r.toJson()));
    return r;
  }

  /** The model's provenance block (what made it), or null for a model written without one. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> provenance(String modelJson) throws java.io.IOException {
    com.fasterxml.jackson.databind.JsonNode p = JsonOutput.mapper().readTree(modelJson).get("provenance");
    return p == null ? null : JsonOutput.mapper().convertValue(p, LinkedHashMap.class);
  }

  /** The select command's JSON keys (SPEC section 1). */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode.notation());
    if (chosen == null) {
      m.put("error", error);
      m.put("closest", nearest.stream().map(SelectionReport::row).toList());
      return m;
    }
    m.put("network", chosen.network());
    m.put("accuracy", chosen.accuracy());
    m.put("speedup", chosen.speedup());
    m.put("energyReduction", chosen.energyReduction());
    m.put("fPerf", chosen.fPerf());
    m.put("trialId", chosen.trialId());
    m.put("testAccuracy", entry.getTestAccuracy());
    m.put("precision", entry.getPrecision());
    m.put("floatAccuracy", entry.getFloatAccuracy());
    m.put("floatTestAccuracy", entry.getFloatTestAccuracy());
    if (application != null) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("regionFraction", application.regionFraction());
      a.put("speedup", application.speedup());
      a.put("energyReduction", application.energyReduction());
      m.put("application", a);
    }
    Map<String, Object> limits = new LinkedHashMap<>(); // in this order in every JVM (Map.of's order is not)
    limits.put("minAccuracy", constraints.minAccuracy());
    limits.put("minEnergyReduction", constraints.minEnergyReduction());
    limits.put("theta", constraints.theta());
    m.put("constraints", limits);
    if (modelJson != null) {
      m.put("modelJson", modelJson.toString());
      m.put("modelDl4j", modelDl4j.toString());
      m.put("load", loadHint());
    }
    if (provenance != null) {
      m.put("provenance", provenance);
    }
    return m;
  }

  static Map<String, Object> row(Scored s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("network", s.network());
    m.put("accuracy", s.accuracy());
    m.put("speedup", s.speedup());
    m.put("energyReduction", s.energyReduction());
    m.put("fPerf", s.fPerf());
    return m;
  }

  public String loadHint() {
    return modelJson == null ? "" : "PlainEvaluator.fromJson(Files.readString(Path.of(\"" + modelJson
        + "\"))).evaluate(input)   // or ModelSerializer.restoreMultiLayerNetwork(\"" + modelDl4j + "\")";
  }

  public String toText() {
    if (chosen == null) {
      StringBuilder sb = new StringBuilder(mode.notation() + " mode: " + error
          + (nearest.isEmpty() ? "\n" : "; closest:\n"));
      for (Scored s : nearest) {
        sb.append(String.format("  %-28s accuracy %.4f  speedup %.2fx  energy reduction %.2fx%n", s.network(), s.accuracy(),
            s.speedup(), s.energyReduction()));
      }
      return sb.toString();
    }
    return String.format("selected (%s mode): %s  accuracy %.4f%s  speedup %.2fx  energy reduction %.2fx  f_perf %.4f%n%s%s%s",
        mode.notation(), chosen.network(), chosen.accuracy(),
        entry.getTestAccuracy() == null ? "" : String.format(" (test %.4f)", entry.getTestAccuracy()),
        chosen.speedup(), chosen.energyReduction(), chosen.fPerf(),
        application == null ? "" : String.format("whole program (function = %.0f%% of it): speedup %.2fx  energy reduction %.2fx%n",
            100 * application.regionFraction(), application.speedup(), application.energyReduction()),
        modelJson == null ? "" : "exported: " + modelJson + " and " + modelDl4j + "\nload: " + loadHint() + "\n",
        provenance == null ? "" : "provenance: " + provenanceText() + "\n");
  }

  /** One line: what trained the model, on what, with which settings and seed. */
  String provenanceText() {
    StringBuilder sb = new StringBuilder();
    provenance.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return sb.toString();
  }
}
