package org.axnas.smac;

import java.util.stream.IntStream;

/** Scratch experiment (not a test). */
public class Experiment {
  static Smac.Builder withInit(Smac.Builder b) {
    Integer n = Integer.getInteger("init");
    return n == null ? b : b.initialDesignSize(n);
  }

  public static void main(String[] args) {
    ConfigurationSpace space = MlpSpace.builder().build();
    int seeds = Integer.parseInt(args.length > 0 ? args[0] : "20");
    int batch = Integer.parseInt(args.length > 1 ? args[1] : "1");
    Liar liar = Liar.valueOf(args.length > 2 ? args[2] : "WORST");
    boolean log = args.length > 3 ? Boolean.parseBoolean(args[3]) : true;
    double rp = args.length > 4 ? Double.parseDouble(args[4]) : 0.2;
    for (SyntheticObjectives.Objective o : SyntheticObjectives.all()) {
      if (System.getProperty("only") != null && !o.name().startsWith(System.getProperty("only"))) continue;
      long t0 = System.nanoTime();
      int offset = Integer.getInteger("offset", 0);
      double[][] res = IntStream.range(offset, offset + seeds).parallel().mapToObj(s -> {
        double[] sm = Searches.smac(withInit(Smac.builder(space).seed(s).liar(liar).logScaledCosts(log).randomProbability(rp)), o::applyAsDouble, 60, batch);
        double[] rs = Searches.random(space, o::applyAsDouble, 60, s);
        return new double[] {sm[59], rs[59], sm[29]};
      }).toArray(double[][]::new);
      int wins = 0;
      double sumS = 0, sumR = 0, sum30 = 0;
      StringBuilder sb = new StringBuilder();
      for (double[] r : res) {
        if (r[0] < r[1]) wins++;
        sumS += r[0]; sumR += r[1]; sum30 += r[2];
        sb.append(String.format(" %.3f/%.3f", r[0], r[1]));
      }
      System.out.printf("%s batch %d liar %s log %s rp %.2f: wins %d/%d, mean smac %.4f (@30 %.4f) random %.4f  (%.1f s)%n", o.name(), batch, liar, log, rp, wins, seeds,
          sumS / seeds, sum30 / seeds, sumR / seeds, (System.nanoTime() - t0) / 1e9);
      if (System.getenv("VERBOSE") != null) System.out.println(sb);
    }
  }
}
