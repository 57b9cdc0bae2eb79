package org.axnas.trainer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.axnas.core.Network;
import org.axnas.kernels.Benchmarks;

/**
 * Measures Smile's L-BFGS ({@code smile.math.BFGS.minimize}) against ours on the same full-batch
 * objective (blackscholes 6-16:tanh-16:tanh-1, the FAST kernels, 7,000 samples, same start):
 * time per function evaluation beyond the objective itself, loss reached for a budget of
 * iterations, determinism (two runs, same bits), and whether a time limit can stop it.
 * Arguments: AXBENCH_DATA_DIR [ITERATIONS]. Prints one line per optimiser and run.
 */
public final class LbfgsLibraryProbe {

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    BenchTraces t = BenchTraces.read(Benchmarks.byName("blackscholes"),
        data.resolve("blackscholes/blackscholesTrain_100K.data"), 10_000, false, 1);
    Network net = Network.parse("6-16:tanh-16:tanh-1");
    Scaling scaling = Scaling.standardize(t.train());
    float[][] x = scaling.scaleInputs(t.train().xShared(), t.train().size());
    float[][] y = scaling.scaleOutputs(t.train().yShared(), t.train().size());
    MlpWeights start = MlpWeights.xavier(net, new SplittableRandom(1).split());
    for (int run = 1; run <= 2; run++) {
      report("ours", run, ours(net, start, x, y, iterations));
      report("smile", run, smile(net, start, x, y, iterations));
      if (run == 1) {
        report("ours-2x", run, ours(net, start, x, y, 2 * iterations));
      }
    }
  }

  record Outcome(double loss, long evaluations, double seconds, double objectiveSeconds, double[] position) {}

  /** Counts evaluations and the time spent inside the objective. */
  static final class Counted {
    final DenseEngine engine;
    long evaluations;
    long objectiveNanos;

    Counted(DenseEngine engine) {
      this.engine = engine;
    }

    double valueAndGradient(double[] p, double[] g) {
      long t0 = System.nanoTime();
      engine.setParameters(p);
      double f = engine.fullBatchLossAndGradient(g, Long.MAX_VALUE / 4 + System.nanoTime());
      objectiveNanos += System.nanoTime() - t0;
      evaluations++;
      return f;
    }
  }

  static Outcome ours(Network net, MlpWeights start, float[][] x, float[][] y, int iterations) {
    DenseEngine engine = new DenseEngine(net, start, TrainingSettings.defaults(), x, y);
    Counted f = new Counted(engine);
    Lbfgs lbfgs = new Lbfgs(f::valueAndGradient, engine.parameters(), LbfgsEngine.HISTORY, 1);
    long t0 = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      if (lbfgs.next().ending() != Lbfgs.Ending.NONE) {
        break;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Outcome(lbfgs.loss(), f.evaluations, seconds, f.objectiveNanos / 1e9, lbfgs.position());
  }

  static Outcome smile(Network net, MlpWeights start, float[][] x, float[][] y, int iterations) {
    DenseEngine engine = new DenseEngine(net, start, TrainingSettings.defaults(), x, y);
    Counted f = new Counted(engine);
    double[] p = engine.parameters();
    smile.math.DifferentiableMultivariateFunction fn = new smile.math.DifferentiableMultivariateFunction() {
      @Override
      public double f(double[] q) {
        return f.valueAndGradient(q, new double[q.length]);
      }

      @Override
      public double g(double[] q, double[] gradient) {
        return f.valueAndGradient(q, gradient);
      }
    };
    long t0 = System.nanoTime();
    double loss = smile.math.BFGS.minimize(fn, LbfgsEngine.HISTORY, p, 1e-10, iterations);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Outcome(loss, f.evaluations, seconds, f.objectiveNanos / 1e9, p);
  }

  private static void report(String name, int run, Outcome o) {
    System.out.println(String.format(Locale.ROOT,
        "%-6s run %d: loss %.6e, %d evaluations, %.2f s (objective %.2f s, optimiser overhead %.1f us per evaluation), position hash %d",
        name, run, o.loss, o.evaluations, o.seconds, o.objectiveSeconds,
        1e6 * (o.seconds - o.objectiveSeconds) / o.evaluations, Arrays.hashCode(o.position)));
  }
}
