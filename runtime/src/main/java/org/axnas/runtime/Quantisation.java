package org.axnas.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A network's fixed-point formats: the {@link Precision} and, per weight layer, where the binary
 * point sits for its weights and biases, its inputs and its pre-activation sums (the output of the
 * last layer is the input format of "layer L"). Chosen by {@link PlainEvaluator#calibrate} from
 * the ranges on the train split; carried in an exported model's {@code quantisation} block so a
 * program computes what was scored. For float precision the arrays are empty. Immutable.
 *
 * @param precision the arithmetic
 * @param weightFractionBits per layer, fraction bits of its weights and biases
 * @param inputFractionBits per layer, fraction bits of its input words; one more entry: the outputs
 * @param sumFractionBits per layer, fraction bits of the pre-activation words
 */
public record Quantisation(Precision precision, int[] weightFractionBits, int[] inputFractionBits,
    int[] sumFractionBits) {

  public Quantisation {
    weightFractionBits = weightFractionBits.clone();
    inputFractionBits = inputFractionBits.clone();
    sumFractionBits = sumFractionBits.clone();
    int layers = weightFractionBits.length;
    boolean shapes = precision.isFixed()
        ? sumFractionBits.length == layers && inputFractionBits.length == layers + 1 && layers > 0
        : layers == 0 && inputFractionBits.length == 0 && sumFractionBits.length == 0;
    if (!shapes) {
      throw new IllegalArgumentException("fixed point needs, per layer, weight and sum fraction bits and one more"
          + " input fraction bits entry (float none); got " + layers + ", " + inputFractionBits.length + ", "
          + sumFractionBits.length);
    }
  }

  /** Float arithmetic with the given activation unit: nothing to calibrate. */
  public static Quantisation of(Precision floatPrecision) {
    return new Quantisation(floatPrecision, new int[0], new int[0], new int[0]);
  }

  public int layers() {
    return weightFractionBits.length;
  }

  @Override
  public int[] weightFractionBits() {
    return weightFractionBits.clone();
  }

  @Override
  public int[] inputFractionBits() {
    return inputFractionBits.clone();
  }

  @Override
  public int[] sumFractionBits() {
    return sumFractionBits.clone();
  }

  int weightFrac(int layer) {
    return weightFractionBits[layer];
  }

  int inputFrac(int layer) {
    return inputFractionBits[layer];
  }

  int sumFrac(int layer) {
    return sumFractionBits[layer];
  }

  /** The model JSON's {@code quantisation} block. */
  public String toJson() {
    Precision p = precision;
    StringBuilder sb = new StringBuilder("{");
    sb.append("\"precision\":\"").append(p.notation()).append('"');
    sb.append(",\"bits\":").append(p.bits());
    sb.append(",\"rounding\":\"").append(p.rounding().notation()).append('"');
    sb.append(",\"overflow\":\"saturate\"");
    sb.append(",\"activationUnit\":{\"kind\":\"").append(p.activationUnit().kind().notation())
        .append("\",\"entries\":").append(p.activationUnit().entries()).append('}');
    sb.append(",\"weightFractionBits\":").append(Arrays.toString(weightFractionBits).replace(" ", ""));
    sb.append(",\"inputFractionBits\":").append(Arrays.toString(inputFractionBits).replace(" ", ""));
    sb.append(",\"sumFractionBits\":").append(Arrays.toString(sumFractionBits).replace(" ", ""));
    return sb.append('}').toString();
  }

  /** A model JSON with this block added as {@code quantisation} (replacing none: the text must have none). */
  public String attachTo(String modelJson) {
    String m = modelJson.strip();
    if (!m.endsWith("}")) {
      throw new IllegalArgumentException("not a JSON object: a model JSON ends with '}'");
    }
    return m.substring(0, m.length() - 1) + ",\"quantisation\":" + toJson() + "}";
  }

  /** Parses a {@code quantisation} block as {@link #toJson()} writes it. */
  public static Quantisation fromJson(String json) {
    return fromJson(PlainEvaluator.parseJson(json));
  }

  static Quantisation fromJson(Object block) {
    if (!(block instanceof Map<?, ?> q)) {
      throw new IllegalArgumentException("quantisation must be a JSON object");
    }
    if (q.get("overflow") != null && !"saturate".equals(q.get("overflow"))) {
      throw new IllegalArgumentException("quantisation.overflow must be saturate, got " + q.get("overflow"));
    }
    if (!(q.get("activationUnit") instanceof Map<?, ?> unit) || !(unit.get("kind") instanceof String kind)) {
      throw new IllegalArgumentException("quantisation.activationUnit must be an object with a kind");
    }
    if (!(q.get("rounding") instanceof String rounding)) {
      throw new IllegalArgumentException("quantisation.rounding must be a string");
    }
    ActivationUnit u = ActivationUnit.of(ActivationUnit.Kind.parse(kind), integer(unit.get("entries"), "activationUnit.entries"));
    Precision p = new Precision(integer(q.get("bits"), "bits"), Rounding.parse(rounding), u);
    return new Quantisation(p, integers(q.get("weightFractionBits"), "weightFractionBits"),
        integers(q.get("inputFractionBits"), "inputFractionBits"), integers(q.get("sumFractionBits"), "sumFractionBits"));
  }

  private static int integer(Object o, String what) {
    try {
      return Integer.parseInt(String.valueOf(o));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("quantisation." + what + " must be an integer, got " + o, e);
    }
  }

  private static int[] integers(Object o, String what) {
    if (!(o instanceof List<?> list)) {
      throw new IllegalArgumentException("quantisation." + what + " must be an array of integers");
    }
    int[] v = new int[list.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = integer(list.get(i), what);
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantisation q && q.precision.equals(precision)
        && Arrays.equals(q.weightFractionBits, weightFractionBits) && Arrays.equals(q.inputFractionBits, inputFractionBits)
        && Arrays.equals(q.sumFractionBits, sumFractionBits);
  }

  @Override
  public int hashCode() {
    return precision.hashCode() * 31 + Arrays.hashCode(weightFractionBits) * 7 + Arrays.hashCode(inputFractionBits)
        + Arrays.hashCode(sumFractionBits);
  }

  @Override
  public String toString() {
    return "Quantisation" + toJson();
  }
}
