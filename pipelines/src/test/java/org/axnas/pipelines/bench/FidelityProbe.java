package org.axnas.pipelines.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.axnas.core.Network;
import org.axnas.evaluation.CandidateEvaluator;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.axnas.smac.ConfigurationSpace;
import org.axnas.smac.MlpSpace;
import org.axnas.traces.TraceStore;
import org.axnas.trainer.Dataset;
import org.axnas.trainer.Trainer;
import org.axnas.trainer.TrainingResult;
import org.axnas.trainer.TrainingSettings;

/**
 * Which resource should multi-fidelity search cut? For N random networks of the search space, on
 * a run folder's traces: validation accuracy under the group-1 bound after the full budget (auto,
 * epochs cap E, every train sample), after E/9 of the budget on every sample, and after the full
 * budget on 1/9 of the samples; Spearman's rank correlation of each cheap fidelity with the full
 * one, and its training time. Usage: FidelityProbe RUN_DIR BENCHMARK [NETWORKS] [EPOCHS] [SEED]
 */
public final class FidelityProbe {
  private FidelityProbe() {}

  public static void main(String[] args) {
    Path traces = Path.of(args[0]).resolve("traces");
    Benchmark b = Benchmarks.byName(args[1]);
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 300;
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
    Dataset train = TraceStore.load(traces.toString(), "train");
    Dataset validation = TraceStore.load(traces.toString(), "validation");
    Dataset ninth = subset(train, train.size() / 9, seed);
    ConfigurationSpace space = MlpSpace.build(2, 64, List.of(org.axnas.core.Activation.RELU,
        org.axnas.core.Activation.SIGMOID, org.axnas.core.Activation.TANH));
    SplittableRandom random = new SplittableRandom(seed);
    Set<Network> nets = new LinkedHashSet<>();
    while (nets.size() < n) {
      nets.add(MlpSpace.toNetwork(space.sample(random), train.inWidth(), train.outWidth(), b.outputActivation()));
    }
    TrainingSettings full = TrainingSettings.defaults().withEpochs(epochs).withBatchSize(128).withSeed(seed);
    double[][] acc = new double[3][n];
    double[] seconds = new double[3];
    String[] names = {"full: " + epochs + " epochs, all " + train.size() + " samples",
        "epochs/9: " + epochs / 9 + " epochs, all samples", "samples/9: " + epochs + " epochs, " + ninth.size() + " samples"};
    int i = 0;
    for (Network net : nets) {
      TrainingResult[] r = {
          Trainer.train(net, full, train, validation),
          Trainer.train(net, full.withEpochs(Math.max(1, epochs / 9)), train, validation),
          Trainer.train(net, full, ninth, validation)};
      for (int f = 0; f < 3; f++) {
        seconds[f] += r[f].wallSeconds();
        acc[f][i] = r[f].model() == null ? 0
            : CandidateEvaluator.score(r[f].model(), validation, b.metric(), b.errorBound(1)).accuracy();
      }
      System.out.printf(Locale.ROOT, "%-28s full %.3f  epochs/9 %.3f  samples/9 %.3f%n", net.notation(), acc[0][i],
          acc[1][i], acc[2][i]);
      i++;
    }
    for (int f = 1; f < 3; f++) {
      System.out.printf(Locale.ROOT, "%s: Spearman with full %.3f, training time %.1f s (full %.1f s, %.2fx)%n", names[f],
          spearman(acc[0], acc[f]), seconds[f], seconds[0], seconds[f] / seconds[0]);
    }
  }

  /** {@code rows} rows drawn without replacement (a file's order can be an image's raster order). */
  private static Dataset subset(Dataset d, int rows, long seed) {
    int[] order = new int[d.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed ^ 0x5eed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    float[] x = new float[rows * d.inWidth()];
    float[] y = new float[rows * d.outWidth()];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(d.x(), order[i] * d.inWidth(), x, i * d.inWidth(), d.inWidth());
      System.arraycopy(d.y(), order[i] * d.outWidth(), y, i * d.outWidth(), d.outWidth());
    }
    return Dataset.of(x, y, d.inWidth(), d.outWidth());
  }

  static double spearman(double[] a, double[] b) {
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double ma = Arrays.stream(ra).average().orElse(0);
    double mb = Arrays.stream(rb).average().orElse(0);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (ra[i] - ma) * (rb[i] - mb);
      saa += (ra[i] - ma) * (ra[i] - ma);
      sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  /** Ranks with ties averaged. */
  private static double[] ranks(double[] v) {
    Integer[] idx = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; ) {
      int j = i;
      while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        r[idx[k]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    return r;
  }
}
