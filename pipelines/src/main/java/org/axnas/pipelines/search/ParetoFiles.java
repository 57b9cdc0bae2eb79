package org.axnas.pipelines.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axnas.schemas.ParetoEntry;
import org.axnas.runtime.Scored;

/** The Pareto set as JSON rows and as the selector's values. */
public final class ParetoFiles {
  private ParetoFiles() {}

  public static List<Map<String, Object>> toJson(List<ParetoEntry> pareto) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ParetoEntry p : pareto) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("trialId", p.getTrialId());
      m.put("network", p.getNetwork());
      m.put("accuracy", p.getAccuracy());
      m.put("speedup", p.getSpeedup());
      m.put("energyReduction", p.getEnergyReduction());
      m.put("fPerf", p.getFPerf());
      m.put("testAccuracy", p.getTestAccuracy());
      m.put("model", p.getModelPath());
      m.put("precision", p.getPrecision());
      m.put("floatAccuracy", p.getFloatAccuracy());
      m.put("floatTestAccuracy", p.getFloatTestAccuracy());
      if (p.getQuantisation() != null) {
        m.put("quantisation", quantisation(p.getQuantisation()));
      }
      if (p.getWarmStartRun() != null) {
        m.put("warmStartRun", p.getWarmStartRun());
        m.put("warmStartTrialId", p.getWarmStartTrialId());
      }
      rows.add(m);
    }
    return rows;
  }

  /** The quantisation block as a JSON object (what the runtime's FinishedRun reads back). */
  static Object quantisation(String block) {
    try {
      return org.axnas.pipelines.run.JsonOutput.mapper().readTree(block);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a quantisation block that is not JSON: " + block, e);
    }
  }

  public static List<Scored> scored(List<ParetoEntry> pareto) {
    return pareto.stream()
        .map(p -> new Scored(p.getTrialId(), p.getNetwork(), p.getAccuracy(), p.getSpeedup(), p.getEnergyReduction(), p.getFPerf()))
        .toList();
  }
}
