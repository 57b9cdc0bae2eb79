package org.axnas.smac;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.axnas.smac.SurrogateModel.PreparedRows;
import org.axnas.smac.SurrogateModel.Surrogate;

/**
 * SMAC's acquisition maximiser (SMAC3's LocalAndSortedRandomSearch): score many random
 * configurations, run local search in the one-exchange neighbourhood from the configurations the
 * model rates best, and return the best one not taken.
 *
 * <p>First pick of a batch: local search starts from the {@code localSearchStarts} evaluated
 * configurations with the lowest predicted cost (the incumbent is almost always among them) and
 * from the {@code localSearchStarts} best random challengers. Each step moves to the best
 * neighbour if it improves; on a plateau (the forest is piecewise constant) it walks to a random
 * equal neighbour at most {@code plateauSteps} times in a row. Everything scored on the way stays a
 * candidate, so a local optimum that was already evaluated still yields its best unseen neighbour.
 *
 * <p>Later picks of the batch rescore all candidates under the lies told since (cheap: the forest
 * keeps each candidate's leaves) and refine by local search from the {@code refineStarts} best of
 * them; SMAC3 itself proposes a batch from a single maximisation without any lie. Ties keep
 * random challengers first, as in SMAC3, so a flat model proposes random configurations.
 */
public record LocalAndRandomSearch(int challengers, int localSearchStarts, int refineStarts, int plateauSteps,
    int maxSteps) implements AcquisitionMaximizer {

  public LocalAndRandomSearch {
    if (challengers < 0 || localSearchStarts < 0 || refineStarts < 0 || plateauSteps < 0 || maxSteps < 1) {
      throw new IllegalArgumentException("invalid local-and-random search settings");
    }
  }

  /**
   * SMAC3's HPO facade: 10,000 random challengers, local search from the 10 best evaluated and
   * the 10 best random ones, plateau walks of 10; 3 refinement starts for later picks.
   */
  public static LocalAndRandomSearch defaults() {
    return new LocalAndRandomSearch(10_000, 10, 3, 10, 1_000);
  }

  @Override
  public Search start(ConfigurationSpace space, Surrogate surrogate, List<Configuration> evaluated,
      SplittableRandom random, Function<Configuration, double[]> known) {
    return new BatchSearch(space, surrogate, evaluated, random, known);
  }

  /** Candidates scored together: random challengers (kept as raw values) or configurations. */
  private static final class Block {
    final Object[][] fulls;
    final Configuration[] configs;
    final PreparedRows rows;
    final double[] mean;
    final double[] variance;
    final double[] values;
    /** Each candidate's known values (computed at its first scoring), or null when the search has none. */
    double[][] known;
    /** Random keys that order equal values (SMAC3 shuffles before sorting). */
    final double[] tieBreak;
    /** 0 for random challengers, 1 for local-search candidates: challengers win ties. */
    final int rank;

    Block(Object[][] fulls, Configuration[] configs, PreparedRows rows, int size, SplittableRandom random, int rank) {
      this.fulls = fulls;
      this.configs = configs;
      this.rows = rows;
      this.mean = new double[size];
      this.variance = new double[size];
      this.values = new double[size];
      this.tieBreak = random.doubles(size).toArray();
      this.rank = rank;
    }

    int size() {
      return values.length;
    }

    void score(CandidateScore acquisition, ConfigurationSpace space, Function<Configuration, double[]> knownOf) {
      rows.predict(mean, variance);
      if (knownOf != null && known == null) {
        known = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
          known[i] = knownOf.apply(config(space, i));
        }
      }
      for (int i = 0; i < values.length; i++) {
        values[i] = acquisition.value(known == null ? null : known[i], mean[i], variance[i]);
      }
    }

    Configuration config(ConfigurationSpace space, int i) {
      if (configs[i] == null) {
        configs[i] = space.fromFull(fulls[i]);
      }
      return configs[i];
    }
  }

  private final class BatchSearch implements Search {
    private final ConfigurationSpace space;
    private final Surrogate surrogate;
    private final List<Configuration> evaluated;
    private final Function<Configuration, double[]> known;
    private final List<Block> blocks = new ArrayList<>();
    private final Block pool;
    private boolean firstPick = true;

    BatchSearch(ConfigurationSpace space, Surrogate surrogate, List<Configuration> evaluated, SplittableRandom random,
        Function<Configuration, double[]> known) {
      this.space = space;
      this.surrogate = surrogate;
      this.evaluated = evaluated;
      this.known = known;
      Object[][] fulls = new Object[challengers][];
      double[][] rows = new double[challengers][];
      for (int i = 0; i < challengers; i++) {
        fulls[i] = space.sampleFull(random);
        rows[i] = space.encodeFull(fulls[i]);
      }
      pool = new Block(fulls, new Configuration[challengers], surrogate.prepare(rows), challengers, random, 0);
      blocks.add(pool);
    }

    @Override
    public Optional<Configuration> next(CandidateScore acquisition, Predicate<Configuration> taken,
        SplittableRandom random) {
      for (Block b : blocks) {
        b.score(acquisition, space, known);
      }
      List<Configuration> starts = new ArrayList<>();
      if (firstPick) {
        starts.addAll(bestEvaluated(random));
        starts.addAll(top(List.of(pool), localSearchStarts, new HashSet<>(starts), c -> false));
        firstPick = false;
      } else {
        starts.addAll(top(List.copyOf(blocks), refineStarts, new HashSet<>(), c -> false));
      }
      for (Configuration start : starts) {
        localSearch(start, acquisition, random);
      }
      List<Configuration> found = top(blocks, 1, new HashSet<>(), taken);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Evaluated configurations with the lowest predicted cost (random tie-break). */
    private List<Configuration> bestEvaluated(SplittableRandom random) {
      if (evaluated.isEmpty() || localSearchStarts == 0) {
        return List.of();
      }
      double[][] rows = new double[evaluated.size()][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = space.encode(evaluated.get(i));
      }
      double[] mean = new double[rows.length];
      surrogate.predict(rows, mean, new double[rows.length]);
      double[] tieBreak = random.doubles(rows.length).toArray();
      Integer[] order = new Integer[rows.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble((Integer i) -> mean[i]).thenComparingDouble(i -> tieBreak[i]));
      List<Configuration> out = new ArrayList<>();
      for (int k = 0; k < Math.min(localSearchStarts, order.length); k++) {
        out.add(evaluated.get(order[k]));
      }
      return out;
    }

    /**
     * The {@code count} distinct highest-valued candidates of {@code among}, skipping
     * {@code exclude} and {@code taken} (earlier blocks, then lower indices, win ties). One pass
     * keeps the best {@code window} candidates in a heap; only if too many of those are rejected
     * does it look again with a wider window.
     */
    private List<Configuration> top(List<Block> among, int count, Set<Configuration> exclude,
        Predicate<Configuration> taken) {
      int total = 0;
      for (Block b : among) {
        total += b.size();
      }
      List<Configuration> out = new ArrayList<>();
      for (int window = Math.max(64, 4 * count); ; window *= 8) {
        out.clear();
        Set<Configuration> skip = new HashSet<>(exclude);
        for (long ref : best(among, window)) {
          Configuration c = among.get((int) (ref >>> 32)).config(space, (int) ref);
          if (skip.add(c) && !taken.test(c)) {
            out.add(c);
            if (out.size() == count) {
              break;
            }
          }
        }
        if (out.size() == count || window >= total) {
          exclude.addAll(out);
          return out;
        }
      }
    }

    /**
     * References (block << 32 | index) of the {@code window} best candidates, best first; equal
     * values put random challengers first, then follow the random keys.
     */
    private long[] best(List<Block> among, int window) {
      // value, then rank (challengers first), then the random key; written out, as it runs in the hot loop
      Comparator<long[]> better = (p, q) -> {
        Block bp = among.get((int) (p[0] >>> 32));
        Block bq = among.get((int) (q[0] >>> 32));
        int c = Double.compare(bp.values[(int) p[0]], bq.values[(int) q[0]]);
        if (c == 0) {
          c = Integer.compare(-bp.rank, -bq.rank);
        }
        return c != 0 ? c : Double.compare(-bp.tieBreak[(int) p[0]], -bq.tieBreak[(int) q[0]]);
      };
      java.util.PriorityQueue<long[]> heap = new java.util.PriorityQueue<>(window + 1, better);
      for (int k = 0; k < among.size(); k++) {
        double[] v = among.get(k).values;
        for (int i = 0; i < v.length; i++) {
          if (heap.size() == window && v[i] <= value(among, heap.peek()[0])) {
            long[] ref = {((long) k << 32) | i};
            // a candidate that ranks below the window's worst would be added and polled at once:
            // skip it (many equal values, e.g. EHVI's zeros, would otherwise churn the heap)
            if (v[i] < value(among, heap.peek()[0]) || better.compare(ref, heap.peek()) < 0) {
              continue;
            }
            heap.add(ref);
          } else {
            heap.add(new long[] {((long) k << 32) | i});
          }
          if (heap.size() > window) {
            heap.poll();
          }
        }
      }
      long[] out = new long[heap.size()];
      for (int i = out.length - 1; i >= 0; i--) {
        out[i] = heap.poll()[0];
      }
      return out;
    }

    private static double value(List<Block> among, long ref) {
      return among.get((int) (ref >>> 32)).values[(int) ref];
    }

    private void localSearch(Configuration start, CandidateScore acquisition, SplittableRandom random) {
      Block here = score(List.of(start), acquisition, random);
      Configuration current = start;
      double currentValue = here.values[0];
      Set<Configuration> visited = new HashSet<>();
      visited.add(current);
      int plateau = 0;
      for (int step = 0; step < maxSteps; step++) {
        List<Configuration> neighbours = space.neighbours(current, random);
        if (neighbours.isEmpty()) {
          return;
        }
        Block scored = score(neighbours, acquisition, random);
        double[] values = scored.values;
        int arg = 0;
        for (int i = 1; i < values.length; i++) {
          if (values[i] > values[arg] || (values[i] == values[arg] && scored.tieBreak[i] < scored.tieBreak[arg])) {
            arg = i;
          }
        }
        if (values[arg] > currentValue) {
          current = neighbours.get(arg);
          currentValue = values[arg];
          plateau = 0;
        } else if (values[arg] == currentValue && plateau < plateauSteps) {
          List<Configuration> level = new ArrayList<>();
          for (int i = 0; i < values.length; i++) {
            if (values[i] == currentValue && !visited.contains(neighbours.get(i))) {
              level.add(neighbours.get(i));
            }
          }
          if (level.isEmpty()) {
            return;
          }
          current = level.get(random.nextInt(level.size()));
          plateau++;
        } else {
          return;
        }
        visited.add(current);
      }
    }

    /** Scores configurations and keeps them as candidates of this batch. */
    private Block score(List<Configuration> configs, CandidateScore acquisition, SplittableRandom random) {
      double[][] rows = new double[configs.size()][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = space.encode(configs.get(i));
      }
      Block b = new Block(null, configs.toArray(new Configuration[0]), surrogate.prepare(rows), rows.length, random, 1);
      b.score(acquisition, space, known);
      blocks.add(b);
      return b;
    }
  }
}
