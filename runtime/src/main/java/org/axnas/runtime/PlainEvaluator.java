package org.axnas.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a network exported by {@code TrainedModel.toJson()} (format {@code axnas-mlp}
 * version 1) with nothing but the JDK: this one file can be copied into any Java program (change
 * the package line) to replace the approximated function, or used from the {@code axnas-runtime}
 * jar with {@link FinishedRun}.
 *
 * <pre>{@code
 * PlainEvaluator f = PlainEvaluator.fromJson(Files.readString(Path.of("model.json")));
 * float[] out = f.evaluate(new float[] {x0, x1, x2, x3, x4, x5});
 * }</pre>
 *
 * It computes exactly what {@code TrainedModel.predict} computes, in the same float operations
 * in the same order, so the outputs agree to the bit on one JVM (and to well within 1e-5 across
 * JVMs whose {@code Math.exp} differs in the last double bit). Immutable and thread-safe.
 *
 * <p>A model whose JSON carries a {@code quantisation} block (or one made by
 * {@link #withQuantisation}) computes as the NPU does (see {@link Quantisation}): the inputs are
 * scaled in float (the program's side of the call) and quantised to the first layer's words; each
 * neuron sums exact products of fixed-point weights and inputs in a wide accumulator (no overflow
 * before the write-back), adds its bias, narrows the sum to a word (rounded, saturated), and the
 * activation unit writes the next layer's word; the outputs are turned back into float and
 * unscaled. In float precision only the activation unit differs from the trainer's. This is the
 * arithmetic the search scored with, by the same code. A model without the block is float.
 */
public final class PlainEvaluator {
  private static final int LINEAR = 0;
  private static final int SIGMOID = 1;
  private static final int TANH = 2;
  private static final int RELU = 3;

  private final float[] inMean;
  private final float[] inStd;
  private final float[] outMean;
  private final float[] outStd;
  /** Per layer: weights[i][j] from input i to neuron j, biases[j], activation code. */
  private final float[][][] weights;
  private final float[][] biases;
  private final int[] activations;
  private final String network;
  private final Map<String, String> provenance;
  /** The arithmetic, or null for the trainer's float. */
  private final Quantisation quantisation;
  /** In fixed point: the words of the weights ([layer][i][j]) and biases ([layer][j]). */
  private final long[][][] weightWords;
  private final long[][] biasWords;

  private PlainEvaluator(float[] inMean, float[] inStd, float[] outMean, float[] outStd,
      float[][][] weights, float[][] biases, int[] activations, String network, Map<String, String> provenance,
      Quantisation quantisation) {
    this.inMean = inMean;
    this.inStd = inStd;
    this.outMean = outMean;
    this.outStd = outStd;
    this.weights = weights;
    this.biases = biases;
    this.activations = activations;
    this.network = network;
    this.provenance = provenance;
    this.quantisation = quantisation;
    if (quantisation != null && quantisation.precision().isFixed()) {
      if (quantisation.layers() != weights.length) {
        throw new IllegalArgumentException("the quantisation has " + quantisation.layers() + " layers, the network "
            + weights.length);
      }
      Precision p = quantisation.precision();
      weightWords = new long[weights.length][][];
      biasWords = new long[weights.length][];
      for (int l = 0; l < weights.length; l++) {
        int frac = quantisation.weightFrac(l);
        weightWords[l] = new long[weights[l].length][];
        for (int i = 0; i < weights[l].length; i++) {
          weightWords[l][i] = new long[weights[l][i].length];
          for (int j = 0; j < weights[l][i].length; j++) {
            weightWords[l][i][j] = FixedPoint.quantise(weights[l][i][j], frac, p.bits(), p.rounding());
          }
        }
        biasWords[l] = new long[biases[l].length];
        for (int j = 0; j < biases[l].length; j++) {
          biasWords[l][j] = FixedPoint.quantise(biases[l][j], frac, p.bits(), p.rounding());
        }
      }
    } else {
      weightWords = null;
      biasWords = null;
    }
  }

  /** Reads the JSON text of an exported model; throws IllegalArgumentException if malformed. */
  public static PlainEvaluator fromJson(String json) {
    Map<?, ?> model = asObject(parseJson(json), "model");
    if (!"axnas-mlp".equals(model.get("format")) || number(model.get("version"), "version") != 1f) {
      throw new IllegalArgumentException("not an axnas-mlp version 1 model");
    }
    Map<?, ?> in = asObject(model.get("inputScaling"), "inputScaling");
    Map<?, ?> out = asObject(model.get("outputScaling"), "outputScaling");
    List<?> layers = asList(model.get("layers"), "layers");
    float[][][] w = new float[layers.size()][][];
    float[][] b = new float[layers.size()][];
    int[] acts = new int[layers.size()];
    int width = vector(in.get("mean"), "inputScaling.mean").length;
    for (int l = 0; l < layers.size(); l++) {
      Map<?, ?> layer = asObject(layers.get(l), "layer " + l);
      List<?> rows = asList(layer.get("weights"), "weights");
      w[l] = new float[rows.size()][];
      for (int i = 0; i < rows.size(); i++) {
        w[l][i] = vector(rows.get(i), "weights row");
      }
      b[l] = vector(layer.get("biases"), "biases");
      acts[l] = activation(layer.get("activation"));
      if (w[l].length != width) {
        throw new IllegalArgumentException("layer " + l + " has " + w[l].length + " weight rows, expected " + width);
      }
      for (float[] row : w[l]) {
        if (row.length != b[l].length) {
          throw new IllegalArgumentException("layer " + l + " weight rows must have " + b[l].length + " values");
        }
      }
      width = b[l].length;
    }
    Quantisation q = model.get("quantisation") == null ? null : Quantisation.fromJson(model.get("quantisation"));
    PlainEvaluator e = new PlainEvaluator(vector(in.get("mean"), "mean"), vector(in.get("std"), "std"),
        vector(out.get("mean"), "mean"), vector(out.get("std"), "std"), w, b, acts,
        model.get("network") instanceof String n ? n : "", flatten(model.get("provenance")), q);
    if (e.inStd.length != e.inMean.length || e.outMean.length != width || e.outStd.length != width) {
      throw new IllegalArgumentException("scaling widths do not match the layers");
    }
    return e;
  }

  /** The network in axnas notation, e.g. {@code 6-8:sigmoid-1} ("" if the file does not say). */
  public String network() {
    return network;
  }

  /**
   * What made the model (the file's {@code provenance} block: network, training settings, seed,
   * data fingerprint, versions), nested keys joined by dots; empty for a model exported without one.
   */
  public Map<String, String> provenance() {
    return provenance;
  }

  public int inputs() {
    return inMean.length;
  }

  /** The arithmetic this evaluator computes in ({@link Precision#FLOAT} for a model without a quantisation block). */
  public Precision precision() {
    return quantisation == null ? Precision.FLOAT : quantisation.precision();
  }

  /** The quantisation block, if the model computes other than in the trainer's float. */
  public java.util.Optional<Quantisation> quantisation() {
    return java.util.Optional.ofNullable(quantisation);
  }

  /** This network computing in {@code q}'s arithmetic (null: the trainer's float). */
  public PlainEvaluator withQuantisation(Quantisation q) {
    return new PlainEvaluator(inMean, inStd, outMean, outStd, weights, biases, activations, network, provenance, q);
  }

  /**
   * The formats for {@code precision}, calibrated on {@code n} rows of {@code x} (row-major, in the
   * inputs' units; normally the train split): per layer, the binary point that holds the largest
   * magnitude of the weights and biases, of the layer's inputs and of its pre-activation sums, as
   * the float network computes them on these rows ({@link FixedPoint#fractionBits}). Deterministic.
   */
  public Quantisation calibrate(Precision precision, float[] x, int n) {
    if (!precision.isFixed()) {
      return Quantisation.of(precision);
    }
    int layers = weights.length;
    double[] inMax = new double[layers + 1];
    double[] sumMax = new double[layers];
    float[] row = new float[inMean.length];
    for (int r = 0; r < n; r++) {
      System.arraycopy(x, r * row.length, row, 0, row.length);
      float[] v = scaleInput(row);
      for (int l = 0; l < layers; l++) {
        inMax[l] = Math.max(inMax[l], maxAbs(v));
        float[] s = sums(l, v);
        sumMax[l] = Math.max(sumMax[l], maxAbs(s));
        for (int j = 0; j < s.length; j++) {
          s[j] = activate(activations[l], s[j]);
        }
        v = s;
      }
      inMax[layers] = Math.max(inMax[layers], maxAbs(v));
    }
    int bits = precision.bits();
    int[] wFrac = new int[layers];
    int[] inFrac = new int[layers + 1];
    int[] sumFrac = new int[layers];
    for (int l = 0; l < layers; l++) {
      double wMax = maxAbs(biases[l]);
      for (float[] w : weights[l]) {
        wMax = Math.max(wMax, maxAbs(w));
      }
      wFrac[l] = FixedPoint.fractionBits(wMax, bits);
      inFrac[l] = FixedPoint.fractionBits(inMax[l], bits);
      sumFrac[l] = FixedPoint.fractionBits(sumMax[l], bits);
    }
    inFrac[layers] = FixedPoint.fractionBits(inMax[layers], bits);
    return new Quantisation(precision, wFrac, inFrac, sumFrac);
  }

  private static double maxAbs(float[] v) {
    double m = 0;
    for (float f : v) {
      m = Math.max(m, Math.abs(f));
    }
    return m;
  }

  public int outputs() {
    return outMean.length;
  }

  /** The network's outputs for one input, in the units of the training targets. */
  public float[] evaluate(float[] input) {
    if (input.length != inMean.length) {
      throw new IllegalArgumentException("expected " + inMean.length + " inputs, got " + input.length);
    }
    float[] x = scaleInput(input);
    if (weightWords != null) {
      x = fixedPoint(x);
    } else {
      ActivationUnit unit = quantisation == null ? null : quantisation.precision().activationUnit();
      for (int l = 0; l < weights.length; l++) {
        float[] y = sums(l, x);
        for (int j = 0; j < y.length; j++) {
          y[j] = unit == null || unit.kind() == ActivationUnit.Kind.EXACT
              ? activate(activations[l], y[j]) : (float) unitActivate(unit, activations[l], y[j]);
        }
        x = y;
      }
    }
    for (int j = 0; j < x.length; j++) {
      x[j] = x[j] * outStd[j] + outMean[j];
    }
    return x;
  }

  private float[] scaleInput(float[] input) {
    float[] x = new float[input.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (input[i] - inMean[i]) / inStd[i];
    }
    return x;
  }

  /** Layer {@code l}'s pre-activation sums in float, in the trainer's order. */
  private float[] sums(int l, float[] x) {
    float[][] w = weights[l];
    float[] b = biases[l];
    float[] y = new float[b.length];
    for (int j = 0; j < y.length; j++) {
      float s = b[j];
      for (int i = 0; i < x.length; i++) {
        s += x[i] * w[i][j];
      }
      y[j] = s;
    }
    return y;
  }

  /** The layers in fixed point (see the class comment), from scaled float inputs to float outputs. */
  private float[] fixedPoint(float[] scaled) {
    Precision p = quantisation.precision();
    int bits = p.bits();
    Rounding r = p.rounding();
    long[] x = new long[scaled.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = FixedPoint.quantise(scaled[i], quantisation.inputFrac(0), bits, r);
    }
    FixedPoint.Sum wide = bits > FixedPoint.LONG_SUM_BITS ? new FixedPoint.Sum() : null;
    for (int l = 0; l < weightWords.length; l++) {
      long[][] w = weightWords[l];
      int productFrac = quantisation.weightFrac(l) + quantisation.inputFrac(l);
      int sumFrac = quantisation.sumFrac(l);
      int outFrac = quantisation.inputFrac(l + 1);
      long[] y = new long[biasWords[l].length];
      for (int j = 0; j < y.length; j++) {
        long z;
        if (bits <= FixedPoint.LONG_SUM_BITS) {
          long acc = FixedPoint.align(biasWords[l][j], quantisation.weightFrac(l), productFrac, r);
          for (int i = 0; i < x.length; i++) {
            acc += w[i][j] * x[i];
          }
          z = FixedPoint.narrow(acc, productFrac, sumFrac, bits, r);
        } else {
          FixedPoint.Sum acc = wide.start(biasWords[l][j], quantisation.weightFrac(l), productFrac, r);
          for (int i = 0; i < x.length; i++) {
            acc.addProduct(w[i][j], x[i]);
          }
          z = acc.narrow(productFrac, sumFrac, bits, r);
        }
        y[j] = switch (activations[l]) {
          case RELU -> FixedPoint.narrow(Math.max(z, 0), sumFrac, outFrac, bits, r);
          case SIGMOID, TANH -> FixedPoint.quantise(
              unitActivate(p.activationUnit(), activations[l], FixedPoint.value(z, sumFrac)), outFrac, bits, r);
          default -> FixedPoint.narrow(z, sumFrac, outFrac, bits, r);
        };
      }
      x = y;
    }
    int frac = quantisation.inputFrac(weightWords.length);
    float[] out = new float[x.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) FixedPoint.value(x[j], frac);
    }
    return out;
  }

  private static double unitActivate(ActivationUnit unit, int activation, double z) {
    switch (activation) {
      case SIGMOID:
        return unit.sigmoid(z);
      case TANH:
        return unit.tanh(z);
      case RELU:
        return z > 0 ? z : 0;
      default:
        return z;
    }
  }

  private static float activate(int activation, float z) {
    switch (activation) {
      case SIGMOID:
        return (float) (1.0 / (1.0 + Math.exp(-z)));
      case TANH:
        return (float) (1.0 - 2.0 / (Math.exp(2.0 * z) + 1.0));
      case RELU:
        return z > 0f ? z : 0f;
      default:
        return z;
    }
  }

  private static int activation(Object name) {
    if ("linear".equals(name)) {
      return LINEAR;
    } else if ("sigmoid".equals(name)) {
      return SIGMOID;
    } else if ("tanh".equals(name)) {
      return TANH;
    } else if ("relu".equals(name)) {
      return RELU;
    }
    throw new IllegalArgumentException("unknown activation " + name);
  }

  /** A JSON document as maps, lists, strings, booleans, null and numbers (whose {@code toString} is their text). */
  static Object parseJson(String json) {
    return new Parser(json).document();
  }

  private static Map<String, String> flatten(Object o) {
    Map<String, String> flat = new LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      flatten("", m, flat);
    }
    return java.util.Collections.unmodifiableMap(flat);
  }

  private static void flatten(String prefix, Map<?, ?> m, Map<String, String> flat) {
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> inner) {
        flatten(key + ".", inner, flat);
      } else {
        flat.put(key, String.valueOf(e.getValue()));
      }
    }
  }

  private static Map<?, ?> asObject(Object o, String what) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    return (Map<?, ?>) o;
  }

  private static List<?> asList(Object o, String what) {
    if (!(o instanceof List)) {
      throw new IllegalArgumentException(what + " must be a JSON array");
    }
    return (List<?>) o;
  }

  private static float number(Object o, String what) {
    if (!(o instanceof Num)) {
      throw new IllegalArgumentException(what + " must be a number");
    }
    // Parsed straight to float: Float.parseFloat(Float.toString(f)) == f for every float f.
    return Float.parseFloat(((Num) o).text);
  }

  private static float[] vector(Object o, String what) {
    List<?> list = asList(o, what);
    float[] v = new float[list.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = number(list.get(i), what);
    }
    return v;
  }

  /** A JSON number kept as its text, so that it is parsed once, straight to float. */
  private static final class Num {
    final String text;

    Num(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Just enough of a JSON parser: objects, arrays, strings, numbers, true, false, null. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    Object document() {
      Object v = value();
      skipSpace();
      if (i != s.length()) {
        throw error("trailing text");
      }
      return v;
    }

    private Object value() {
      skipSpace();
      if (i >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(i);
      if (c == '{') {
        return object();
      } else if (c == '[') {
        return array();
      } else if (c == '"') {
        return string();
      } else if (s.startsWith("true", i)) {
        i += 4;
        return Boolean.TRUE;
      } else if (s.startsWith("false", i)) {
        i += 5;
        return Boolean.FALSE;
      } else if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (start == i) {
        throw error("unexpected character '" + c + "'");
      }
      return new Num(s.substring(start, i));
    }

    private Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      i++;
      skipSpace();
      if (peek() == '}') {
        i++;
        return m;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        m.put(key, value());
        skipSpace();
        if (peek() == ',') {
          i++;
        } else {
          expect('}');
          return m;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      i++;
      skipSpace();
      if (peek() == ']') {
        i++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek() == ',') {
          i++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (i < s.length() && s.charAt(i) != '"') {
        char c = s.charAt(i++);
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n': sb.append('\n'); break;
            case 't': sb.append('\t'); break;
            case 'r': sb.append('\r'); break;
            case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'u': sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
            default: sb.append(e);
          }
        } else {
          sb.append(c);
        }
      }
      expect('"');
      return sb.toString();
    }

    private char peek() {
      return i < s.length() ? s.charAt(i) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      i++;
    }

    private void skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("malformed JSON at character " + i + ": " + what);
    }
  }
}
