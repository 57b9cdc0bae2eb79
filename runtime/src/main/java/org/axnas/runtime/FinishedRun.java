package org.axnas.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished axnas run folder as a program sees it at run time: the Pareto set from
 * {@code pareto.json}, online selection over it, and each member's trained model, ready to
 * evaluate. Needs nothing but the JDK:
 *
 * <pre>{@code
 * FinishedRun run = FinishedRun.open(Path.of("runs/bs-g1"));
 * NetworkSelector.Selection s = run.selector().select(SelectionMode.ENERGY, new Constraints(0.9, 2.5, 0.5));
 * PlainEvaluator net = run.model(s.chosen().orElseThrow());
 * float price = 120f * net.evaluate(new float[] {s0 / 120f, k / 120f, r, v, t, type})[0]; // blackscholes: price/120
 * }</pre>
 */
public final class FinishedRun {
  private final Path dir;
  private final List<ParetoMember> members;

  private FinishedRun(Path dir, List<ParetoMember> members) {
    this.dir = dir;
    this.members = List.copyOf(members);
  }

  /** Reads {@code dir/pareto.json}; throws IllegalArgumentException naming the file when it is missing or malformed. */
  public static FinishedRun open(Path dir) {
    Path file = dir.resolve("pareto.json");
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read the Pareto set (" + e.getMessage() + "); is this a finished run folder?", e);
    }
    try {
      return new FinishedRun(dir, members(PlainEvaluator.parseJson(text)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static List<ParetoMember> members(Object root) {
    if (!(root instanceof List<?> rows)) {
      throw new IllegalArgumentException("expected a JSON array of Pareto set members");
    }
    List<ParetoMember> out = new ArrayList<>();
    for (Object o : rows) {
      if (!(o instanceof Map<?, ?> row)) {
        throw new IllegalArgumentException("a member must be a JSON object");
      }
      Scored s = new Scored((int) number(row, "trialId"), text(row, "network"), number(row, "accuracy"),
          number(row, "speedup"), number(row, "energyReduction"), number(row, "fPerf"));
      Optional<Double> test = row.get("testAccuracy") == null ? Optional.empty() : Optional.of(number(row, "testAccuracy"));
      Optional<Quantisation> q = row.get("quantisation") == null
          ? Optional.empty() : Optional.of(Quantisation.fromJson(row.get("quantisation")));
      out.add(new ParetoMember(s, test, row.get("model") == null ? null : text(row, "model"), q));
    }
    return out;
  }

  private static double number(Map<?, ?> row, String key) {
    Object v = row.get(key);
    if (v == null || v instanceof String || v instanceof Map || v instanceof List || v instanceof Boolean) {
      throw new IllegalArgumentException("field " + key + " must be a number, got " + v);
    }
    return Double.parseDouble(v.toString()); // the number's own text: the double the run wrote
  }

  private static String text(Map<?, ?> row, String key) {
    if (!(row.get(key) instanceof String s)) {
      throw new IllegalArgumentException("field " + key + " must be a string");
    }
    return s;
  }

  public Path dir() {
    return dir;
  }

  /** The members as the run listed them (accuracy, highest first). */
  public List<ParetoMember> members() {
    return members;
  }

  /** The Pareto set's scores, for a {@link NetworkSelector}. */
  public List<Scored> paretoSet() {
    return members.stream().map(ParetoMember::scores).toList();
  }

  public NetworkSelector selector() {
    return new NetworkSelector(paretoSet());
  }

  public Optional<ParetoMember> member(int trialId) {
    return members.stream().filter(m -> m.scores().trialId() == trialId).findFirst();
  }

  /**
   * The trained model of a member, computing in the arithmetic the run scored it in (the
   * member's {@code quantisation} in {@code pareto.json}; float when it has none): the file the
   * run recorded or, when the run folder was moved, the file of that name in the folder's
   * {@code models/}. (The files in {@code models/} are the trained weights, shared by every
   * precision a model is scored in; the precision belongs to the run.)
   */
  public PlainEvaluator model(Scored chosen) {
    ParetoMember m = member(chosen.trialId())
        .orElseThrow(() -> new IllegalArgumentException("trial " + chosen.trialId() + " is not in the Pareto set of " + dir));
    if (m.modelFile() == null) {
      throw new IllegalArgumentException("the run " + dir + " recorded no model for trial " + chosen.trialId());
    }
    Path recorded = Path.of(m.modelFile());
    Path file = Files.isRegularFile(recorded) ? recorded : dir.resolve("models").resolve(recorded.getFileName());
    PlainEvaluator model = readModel(file);
    return m.quantisation().isPresent() ? model.withQuantisation(m.quantisation().get()) : model;
  }

  /**
   * The model {@code axnas select} or the search exported, {@code selected/model.json}, which
   * carries the run's quantisation when the hardware computes in other than float.
   */
  public PlainEvaluator selectedModel() {
    return readModel(dir.resolve("selected").resolve("model.json"));
  }

  /** A model JSON file (format axnas-mlp version 1). */
  public static PlainEvaluator readModel(Path file) {
    try {
      return PlainEvaluator.fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}
