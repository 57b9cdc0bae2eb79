package org.axnas.trainer;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axnas.core.Network;

/**
 * The Java half of {@code bench/train-vs-pytorch} (not a test: run with {@code java -cp}).
 *
 * <pre>
 * prepare DIR EPOCHS SAMPLES NET...      per network: DIR/NAME.bin with the scaled train data, the
 *                                        initial weights and every epoch's minibatch order, exactly
 *                                        as Trainer.train draws them, for the PyTorch side
 * ours DIR EPOCHS SAMPLES REPEATS BACKEND NET...
 *                                        trains through the public Trainer.train after a warm-up;
 *                                        appends to DIR/ours-BACKEND.tsv: net, median samples/s, final loss
 * parallel BACKEND EPOCHS SAMPLES REPEATS NET...
 *                                        1 vs 2 concurrent trainings, total samples/s
 * lbfgs DIR ITERATIONS SAMPLES REPEATS NET
 *                                        full-batch L-BFGS through Trainer.train from the same
 *                                        data and initial weights as prepare wrote; appends to
 *                                        DIR/ours-lbfgs.tsv: net, median iterations/s, final loss,
 *                                        iterations run
 * </pre>
 */
public final class TrainVsPytorch {
  static final long SEED = 7;
  static final int BATCH = 256;
  static final double LEARNING_RATE = 0.01;

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "prepare" -> prepare(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Arrays.copyOfRange(args, 4, args.length));
      case "ours" -> ours(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), Backend.valueOf(args[5]), Arrays.copyOfRange(args, 6, args.length));
      case "parallel" -> parallel(Backend.valueOf(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), Arrays.copyOfRange(args, 5, args.length));
      case "lbfgs" -> lbfgs(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), args[5]);
      default -> throw new IllegalArgumentException("mode: prepare, ours, parallel or lbfgs");
    }
  }

  /** A smooth known function of the inputs (fixed coefficients), so the loss can really fall. */
  static Dataset data(Network net, int n) {
    SplittableRandom r = new SplittableRandom(SEED);
    int in = net.inputs();
    int out = net.outputs();
    double[][] a = new double[out][in];
    double[][] c = new double[out][in];
    for (int j = 0; j < out; j++) {
      for (int i = 0; i < in; i++) {
        a[j][i] = 4 * r.nextDouble() - 2;
        c[j][i] = 4 * r.nextDouble() - 2;
      }
    }
    float[] x = new float[n * in];
    float[] y = new float[n * out];
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < in; i++) {
        x[s * in + i] = (float) r.nextDouble();
      }
      for (int j = 0; j < out; j++) {
        double u = 0;
        double v = 0;
        for (int i = 0; i < in; i++) {
          u += a[j][i] * x[s * in + i];
          v += c[j][i] * x[s * in + i];
        }
        y[s * out + j] = (float) (Math.sin(3 * u / Math.sqrt(in)) + 0.5 * Math.cos(2 * v / Math.sqrt(in)));
      }
    }
    return Dataset.of(x, y, in, out);
  }

  static TrainingSettings settings(int epochs, Backend backend) {
    return new TrainingSettings(epochs, BATCH, TrainingSettings.ADAM, LEARNING_RATE, 0, SEED, backend, 0);
  }

  static Network network(String notation) {
    return Network.parse(notation.replace(":s", ":sigmoid"));
  }

  static String name(String notation) {
    return notation.replace(":sigmoid", "").replace(":s", "");
  }

  private static void prepare(Path dir, int epochs, int n, String[] nets) throws IOException {
    Files.createDirectories(dir);
    for (String notation : nets) {
      Network net = network(notation);
      Dataset d = data(net, n);
      Scaling scaling = Scaling.standardize(d);
      float[][] x = scaling.scaleInputs(d.xShared(), n);
      float[][] y = scaling.scaleOutputs(d.yShared(), n);
      Trainer.SeededStart seeded = new Trainer.SeededStart(net, SEED, n);
      int[] w = net.widths();
      try (OutputStream os = Files.newOutputStream(dir.resolve(name(notation) + ".bin"));
          DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os, 1 << 16))) {
        ByteBuffer header = ByteBuffer.allocate(4 * (4 + w.length)).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(n).putInt(epochs).putInt(BATCH).putInt(w.length);
        for (int width : w) {
          header.putInt(width);
        }
        out.write(header.array());
        for (float[] row : x) {
          writeFloats(out, row);
        }
        for (float[] row : y) {
          writeFloats(out, row);
        }
        for (int l = 0; l < w.length - 1; l++) {
          for (float[] row : seeded.initial.weights[l]) {
            writeFloats(out, row);
          }
          writeFloats(out, seeded.initial.biases[l]);
        }
        ByteBuffer order = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int e = 0; e < epochs; e++) {
          seeded.shuffle();
          order.clear();
          for (int i : seeded.order) {
            order.putInt(i);
          }
          out.write(order.array());
        }
      }
    }
  }

  private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    out.write(b.array());
  }

  private static void ours(Path dir, int epochs, int n, int repeats, Backend backend, String[] nets)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String notation : nets) {
      Network net = network(notation);
      Dataset d = data(net, n);
      TrainingSettings s = settings(epochs, backend);
      // Warm-up: C2 needs about ten trainings before every kernel runs compiled and vectorised;
      // a search pays this once per JVM, not once per candidate.
      long warmUntil = System.nanoTime() + 6_000_000_000L;
      int warm = 0;
      while (warm < 3 || (warm < 40 && System.nanoTime() < warmUntil)) {
        Trainer.train(net, s, d, null);
        warm++;
      }
      double[] rates = new double[repeats];
      TrainingResult last = null;
      for (int r = 0; r < repeats; r++) {
        last = Trainer.train(net, s, d, null);
        if (!last.ok()) {
          throw new IllegalStateException(notation + ": " + last);
        }
        rates[r] = (double) n * epochs / last.wallSeconds();
      }
      Arrays.sort(rates);
      double median = rates[repeats / 2];
      String line = String.format(Locale.ROOT, "%s\t%.0f\t%.6g\t%s", name(notation), median,
          last.finalTrainLoss(), Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()));
      System.out.println("ours " + backend + " " + line.replace('\t', ' '));
      lines.add(line);
    }
    Files.write(dir.resolve("ours-" + backend + ".tsv"), lines,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  private static void lbfgs(Path dir, int iterations, int n, int repeats, String notation) throws IOException {
    Network net = network(notation);
    Dataset d = data(net, n);
    TrainingSettings s = new TrainingSettings(iterations, BATCH, TrainingSettings.LBFGS, 1, 0, SEED, Backend.FAST, 0);
    for (int w = 0; w < 3; w++) {
      Trainer.train(net, s, d, null);
    }
    double[] rates = new double[repeats];
    TrainingResult last = null;
    for (int r = 0; r < repeats; r++) {
      last = Trainer.train(net, s, d, null);
      if (!last.ok()) {
        throw new IllegalStateException(notation + ": " + last);
      }
      rates[r] = last.epochsRun() / last.wallSeconds();
    }
    Arrays.sort(rates);
    String line = String.format(Locale.ROOT, "%s\t%.1f\t%.6g\t%d", name(notation), rates[repeats / 2],
        last.finalTrainLoss(), last.epochsRun());
    System.out.println("ours lbfgs " + line.replace('\t', ' '));
    Files.write(dir.resolve("ours-lbfgs.tsv"), List.of(line),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  private static void parallel(Backend backend, int epochs, int n, int repeats, String[] nets) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String notation : nets) {
        Network net = network(notation);
        Dataset d = data(net, n);
        TrainingSettings s = settings(epochs, backend);
        for (int w = 0; w < 3; w++) {
          runConcurrently(pool, 2, net, s, d);
        }
        double[][] one = new double[2][repeats];
        double[][] two = new double[2][repeats];
        for (int r = 0; r < repeats; r++) {
          double[] a = runConcurrently(pool, 1, net, s, d);
          double[] b = runConcurrently(pool, 2, net, s, d);
          for (int m = 0; m < 2; m++) {
            one[m][r] = a[m];
            two[m][r] = b[m];
          }
        }
        for (int m = 0; m < 2; m++) {
          Arrays.sort(one[m]);
          Arrays.sort(two[m]);
        }
        double wall1 = one[0][repeats / 2];
        double wall2 = two[0][repeats / 2];
        double cpu1 = one[1][repeats / 2];
        double cpu2 = two[1][repeats / 2];
        System.out.printf(Locale.ROOT,
            "parallel %s %s: 1 training %.0f samples/s, 2 concurrent %.0f samples/s total (%.2fx);"
                + " per CPU-second of a training thread %.0f alone, %.0f with two (%.2fx)%n",
            backend, name(notation), wall1, wall2, wall2 / wall1, cpu1, cpu2, cpu2 / cpu1);
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * {@code k} identical trainings started together: their total samples per wall-clock second,
   * and their mean samples per CPU-second of the training thread. The second does not depend on
   * what else the machine runs, so it shows whether two trainings slow each other down.
   */
  private static double[] runConcurrently(ExecutorService pool, int k, Network net, TrainingSettings s, Dataset d)
      throws Exception {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    List<Future<double[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < k; i++) {
      futures.add(pool.submit(() -> {
        long cpu = threads.getCurrentThreadCpuTime();
        TrainingResult r = Trainer.train(net, s, d, null);
        if (!r.ok()) {
          throw new IllegalStateException(r.toString());
        }
        return new double[] {(threads.getCurrentThreadCpuTime() - cpu) / 1e9};
      }));
    }
    double cpuSeconds = 0;
    for (Future<double[]> f : futures) {
      cpuSeconds += f.get()[0];
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double samples = (double) d.size() * s.epochs();
    return new double[] {k * samples / seconds, k * samples / cpuSeconds};
  }
}
