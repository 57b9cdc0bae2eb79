package org.axnas.pipelines.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axnas.evaluation.FrontHypervolume;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.schemas.Evaluation;

/**
 * One row per evaluation of a run folder, in trial order: what {@code axnas history} prints (like
 * Optuna's {@code trials_dataframe}). Joins the history with the round timings files (wall times,
 * cache hits) and {@code pareto.json} (test accuracy, known for the Pareto set). Accuracies are in
 * the arithmetic the hardware computes in ({@code precision}); when that is not the trainer's
 * float, the float ones stand beside them ({@code floatAccuracy}, {@code floatTestAccuracy}).
 */
public final class TrialsTable {
  /** The columns, in order; also the CSV header and the JSON keys. */
  public static final List<String> COLUMNS = List.of("trial", "round", "network", "status",
      "accuracy", "testAccuracy", "speedup", "energyReduction", "fPerf", "trainingSeconds",
      "cached", "pareto", "failureReason", "precision", "floatAccuracy", "floatTestAccuracy", "fidelity",
      "bracket", "rung", "parentTrial", "hypervolume");

  private final List<Map<String, Object>> rows;

  private TrialsTable(List<Map<String, Object>> rows) {
    this.rows = rows;
  }

  /** Reads the finished rounds of {@code folder}; refuses a folder that holds no run history. */
  public static TrialsTable read(RunFolder folder) {
    if (!Files.isDirectory(folder.dir())) {
      throw new ConfigException(folder.dir().toString(), null, "no such run folder");
    }
    if (folder.finishedRounds().isEmpty()) {
      throw new ConfigException(folder.history().toString(), null,
          "no finished round here; give the folder of a search or enumerate run");
    }
    Map<Integer, JsonNode> timings = timings(folder);
    Map<Integer, Double> testAccuracy = paretoColumn(folder.paretoJson(), "testAccuracy");
    Map<Integer, Double> floatTestAccuracy = paretoColumn(folder.paretoJson(), "floatTestAccuracy");
    java.util.Set<Integer> members = new java.util.HashSet<>();
    if (Files.exists(folder.paretoJson())) {
      readJson(folder.paretoJson()).forEach(p -> members.add(p.path("trialId").asInt()));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Evaluation> history = new ArrayList<>(folder.readHistory());
    history.sort(Comparator.comparingInt(Evaluation::getTrialId));
    double[] hypervolume = FrontHypervolume.afterEach(history);
    for (int i = 0; i < history.size(); i++) {
      Evaluation e = history.get(i);
      Map<String, Object> r = new LinkedHashMap<>();
      boolean ok = "OK".equals(String.valueOf(e.getStatus()));
      JsonNode t = timings.get(e.getTrialId());
      r.put("trial", e.getTrialId());
      r.put("round", e.getRound());
      r.put("network", e.getNetwork().toString());
      r.put("status", String.valueOf(e.getStatus()));
      r.put("accuracy", ok ? e.getAccuracy() : null);
      r.put("testAccuracy", testAccuracy.get(e.getTrialId()));
      r.put("speedup", ok ? e.getSpeedup() : null);
      r.put("energyReduction", ok ? e.getEnergyReduction() : null);
      r.put("fPerf", ok ? e.getFPerf() : null);
      r.put("trainingSeconds", t == null ? null : t.path("trainingSeconds").asDouble());
      r.put("cached", t == null ? e.getCached() : t.path("cached").asBoolean(e.getCached()));
      r.put("pareto", members.contains(e.getTrialId()));
      r.put("failureReason", e.getFailureReason() == null ? null : e.getFailureReason().toString());
      r.put("precision", e.getPrecision().toString());
      r.put("floatAccuracy", ok ? e.getFloatAccuracy() : null);
      r.put("floatTestAccuracy", floatTestAccuracy.get(e.getTrialId()));
      boolean rung = e.getRung() >= 0; // multi-fidelity: the rung's training budget and where it came from
      r.put("fidelity", rung ? e.getFidelity() : null);
      r.put("bracket", rung ? e.getBracket() : null);
      r.put("rung", rung ? e.getRung() : null);
      r.put("parentTrial", rung && e.getParentTrialId() >= 0 ? e.getParentTrialId() : null);
      r.put("hypervolume", hypervolume[i]);
      rows.add(r);
    }
    return new TrialsTable(rows);
  }

  public List<Map<String, Object>> rows() {
    return rows;
  }

  /**
   * A readable, aligned table (failures show their reason at the end of the line). When the run
   * scored in other than the trainer's float, a {@code float acc} column gives the float accuracy
   * where it differs.
   */
  public String toText() {
    // a multi-fidelity run shows each evaluation's rung: "b1 r2 167" (bracket, rung, budget) and "<12" (continues trial 12)
    boolean rungs = rows.stream().anyMatch(r -> r.get("rung") != null);
    boolean withFloat = rows.stream().anyMatch(r -> r.get("floatAccuracy") != null);
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%5s %5s%s  %-30s %-8s %8s%s %8s %8s %8s %8s %8s %8s %6s%n", "trial", "round",
        rungs ? String.format(Locale.ROOT, " %-12s %5s", "rung", "from") : "", "network", "status",
        "accuracy", withFloat ? String.format(Locale.ROOT, " %9s", "float acc") : "", "test acc", "speedup", "energy",
        "f_perf", "front HV", "train s", "cached"));
    for (Map<String, Object> r : rows) {
      String rung = !rungs ? "" : r.get("rung") == null ? String.format(Locale.ROOT, " %-12s %5s", "-", "")
          : String.format(Locale.ROOT, " %-12s %5s", "b" + r.get("bracket") + " r" + r.get("rung") + " " + r.get("fidelity"),
              r.get("parentTrial") == null ? "" : "<" + r.get("parentTrial"));
      Object fa = r.get("floatAccuracy");
      String floatCell = !withFloat ? "" : String.format(Locale.ROOT, " %9s",
          fa == null ? "-" : fa.equals(r.get("accuracy")) ? "same" : num(fa, "%.4f"));
      sb.append(String.format(Locale.ROOT, "%5d %5d%s  %-30s %-8s %8s%s %8s %8s %8s %8s %8s %8s %6s%s%n",
          (Integer) r.get("trial"), (Integer) r.get("round"), rung, r.get("network"), r.get("status"),
          num(r.get("accuracy"), "%.4f"), floatCell, num(r.get("testAccuracy"), "%.4f"),
          num(r.get("speedup"), "%.2fx"), num(r.get("energyReduction"), "%.2fx"),
          num(r.get("fPerf"), "%.4f"), num(r.get("hypervolume"), "%.4f"), num(r.get("trainingSeconds"), "%.2f"),
          Boolean.TRUE.equals(r.get("cached")) ? "yes" : "no",
          (Boolean) r.get("pareto") ? "  *" : r.get("failureReason") == null ? "" : "  " + r.get("failureReason")));
    }
    long failed = rows.stream().filter(r -> !"OK".equals(r.get("status"))).count();
    sb.append(String.format(Locale.ROOT, "%d evaluations, %d failed; * = on the Pareto set (test accuracy known)%s; front HV "
        + "= hypervolume of the front of the trials so far (accuracy x speedup x energy reduction over the origin)%n",
        rows.size(), failed, rungs ? "; rung = bracket, rung and its budget, from = the trial it continues" : ""));
    if (withFloat) {
      sb.append(String.format(Locale.ROOT, "accuracies in the hardware's arithmetic (%s); float acc: the trainer's float%n",
          rows.get(0).get("precision")));
    }
    return sb.toString();
  }

  /** RFC 4180 CSV with the header {@link #COLUMNS}; empty cells where a value is not known. */
  public String toCsv() {
    StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : COLUMNS) {
        Object v = r.get(c);
        cells.add(v == null ? "" : csv(v.toString()));
      }
      sb.append(String.join(",", cells)).append('\n');
    }
    return sb.toString();
  }

  private static String num(Object v, String format) {
    return v == null ? "-" : String.format(Locale.ROOT, format, (Double) v);
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static Map<Integer, JsonNode> timings(RunFolder folder) {
    Map<Integer, JsonNode> byTrial = new HashMap<>();
    for (int round : folder.finishedRounds()) {
      Path file = folder.roundTimings(round);
      if (!Files.exists(file)) {
        continue;
      }
      for (JsonNode c : readJson(file).path("candidates")) {
        byTrial.put(c.path("trialId").asInt(), c);
      }
    }
    return byTrial;
  }

  /** A numeric field of {@code pareto.json}'s members by trial (members without it are left out). */
  private static Map<Integer, Double> paretoColumn(Path paretoJson, String field) {
    Map<Integer, Double> byTrial = new HashMap<>();
    if (Files.exists(paretoJson)) {
      for (JsonNode p : readJson(paretoJson)) {
        if (p.has(field) && !p.get(field).isNull()) {
          byTrial.put(p.path("trialId").asInt(), p.path(field).asDouble());
        }
      }
    }
    return byTrial;
  }

  private static JsonNode readJson(Path file) {
    try {
      return JsonOutput.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException(file.toString(), null, "unreadable JSON: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException(file + ": " + e.getMessage(), e));
    }
  }
}
