package org.axnas.runtime.example;

import java.nio.file.Path;
import java.util.Arrays;
import org.axnas.runtime.Constraints;
import org.axnas.runtime.FinishedRun;
import org.axnas.runtime.NetworkSelector;
import org.axnas.runtime.PlainEvaluator;
import org.axnas.runtime.Scored;
import org.axnas.runtime.SelectionMode;

/**
 * What a program does with the runtime jar alone: pick a network of a finished run for its
 * constraints and call it in place of the function.
 *
 * <pre>
 * java -cp axnas-runtime.jar org.axnas.runtime.example.SelectAndEvaluate RUN_DIR MODE MIN_ACCURACY MIN_ENERGY_REDUCTION THETA INPUT...
 * </pre>
 *
 * Prints the chosen network and its scores, its provenance, and the network's outputs for the
 * input, one per line as {@code Float.toString} gives them. Exit code 2 when nothing meets the
 * constraints.
 */
public final class SelectAndEvaluate {
  private SelectAndEvaluate() {}

  public static void main(String[] args) {
    if (args.length < 6) {
      System.err.println("usage: SelectAndEvaluate RUN_DIR quality|energy|integrated MIN_ACCURACY MIN_ENERGY_REDUCTION THETA INPUT...");
      System.exit(2);
    }
    FinishedRun run = FinishedRun.open(Path.of(args[0]));
    Constraints constraints = new Constraints(Double.parseDouble(args[2]), Double.parseDouble(args[3]), Double.parseDouble(args[4]));
    NetworkSelector.Selection s = run.selector().select(SelectionMode.parse(args[1]), constraints);
    if (s.chosen().isEmpty()) {
      System.out.println("none: " + s.reason());
      s.nearest().forEach(n -> System.out.println("closest: " + n.network()));
      System.exit(2);
    }
    Scored chosen = s.chosen().get();
    PlainEvaluator net = run.model(chosen);
    float[] input = new float[args.length - 5];
    for (int i = 0; i < input.length; i++) {
      input[i] = Float.parseFloat(args[5 + i]);
    }
    System.out.println("network " + chosen.network() + " trial " + chosen.trialId() + " accuracy " + chosen.accuracy()
        + " energyReduction " + chosen.energyReduction());
    System.out.println("precision " + net.precision().notation());
    net.provenance().forEach((k, v) -> System.out.println("provenance " + k + " = " + v));
    for (float y : net.evaluate(input)) {
      System.out.println("output " + y);
    }
    System.out.println("inputs " + Arrays.toString(input));
  }
}
