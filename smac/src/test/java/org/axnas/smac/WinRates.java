package org.axnas.smac;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * How often SMAC (default settings) beats random search after 60 evaluations on each synthetic
 * objective, on seeds other than the tests' 0..19. Usage: {@code WinRates [seeds] [first seed]
 * [trials per ask]}, default 60 seeds from 100, rounds of 4.
 */
public final class WinRates {
  private WinRates() {}

  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int first = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    ConfigurationSpace space = MlpSpace.builder().build();
    for (SyntheticObjectives.Objective o : SyntheticObjectives.all()) {
      double[][] r = IntStream.range(first, first + seeds).parallel().mapToObj(s -> new double[] {
          Searches.smac(Smac.builder(space).seed(s), o::applyAsDouble, 60, batch)[59],
          Searches.random(space, o::applyAsDouble, 60, s)[59]}).toArray(double[][]::new);
      long wins = Arrays.stream(r).filter(x -> x[0] < x[1]).count();
      System.out.printf(Locale.ROOT, "%s: ask(%d), seeds %d..%d: SMAC beat random search in %d of %d (%.0f%%); mean best %.4f vs %.4f (optimum %.4f)%n",
          o.name(), batch, first, first + seeds - 1, wins, seeds, 100.0 * wins / seeds,
          Arrays.stream(r).mapToDouble(x -> x[0]).average().orElseThrow(),
          Arrays.stream(r).mapToDouble(x -> x[1]).average().orElseThrow(), o.optimum());
    }
  }
}
