package org.axnas.trainer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.axnas.core.Activation;
import org.axnas.core.Network;

/**
 * Our plain JSON model format, version 1. Example (one hidden layer, abbreviated):
 *
 * <pre>{@code
 * {"format":"axnas-mlp","version":1,"network":"2-3:sigmoid-1",
 *  "evaluation":"...",
 *  "inputScaling":{"mean":[..2..],"std":[..2..]},
 *  "outputScaling":{"mean":[..1..],"std":[..1..]},
 *  "layers":[{"inputs":2,"outputs":3,"activation":"sigmoid","weights":[[..3..],[..3..]],"biases":[..3..]},
 *            {"inputs":3,"outputs":1,"activation":"linear","weights":[[..1..],[..1..],[..1..]],"biases":[..1..]}]}
 * }</pre>
 *
 * {@code weights[i][j]} connects input {@code i} of the layer to its neuron {@code j}. Numbers
 * are written by {@code Float.toString}, so {@code Float.parseFloat} reads back the same float.
 */
final class ModelJson {
  static final String FORMAT = "axnas-mlp";
  static final int VERSION = 1;
  static final String EVALUATION = "x = (input - inputScaling.mean) / inputScaling.std; for each layer:"
      + " x[j] = activation(biases[j] + sum_i x[i] * weights[i][j]), summed in order of i, in float;"
      + " output = x * outputScaling.std + outputScaling.mean;"
      + " sigmoid(z) = 1 / (1 + exp(-z)), tanh(z) = 1 - 2 / (exp(2z) + 1), relu(z) = max(z, 0),"
      + " both exp forms in double, rounded once to float";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ModelJson() {}

  @JsonPropertyOrder({"format", "version", "network", "evaluation", "inputScaling", "outputScaling", "layers"})
  record ModelFile(String format, int version, String network, String evaluation,
      ScalingJson inputScaling, ScalingJson outputScaling, List<LayerJson> layers) {}

  @JsonPropertyOrder({"mean", "std"})
  record ScalingJson(float[] mean, float[] std) {}

  @JsonPropertyOrder({"inputs", "outputs", "activation", "weights", "biases"})
  record LayerJson(int inputs, int outputs, String activation, float[][] weights, float[] biases) {}

  static String write(TrainedModel model) {
    Network net = model.network();
    MlpWeights p = model.parameters();
    List<Activation> acts = net.activations();
    List<LayerJson> layers = new ArrayList<>();
    for (int l = 0; l < p.layers(); l++) {
      layers.add(new LayerJson(p.weights[l].length, p.biases[l].length, acts.get(l).notation(),
          p.weights[l], p.biases[l]));
    }
    Scaling s = model.scaling();
    ModelFile file = new ModelFile(FORMAT, VERSION, net.notation(), EVALUATION,
        new ScalingJson(s.inputMean(), s.inputStd()), new ScalingJson(s.outputMean(), s.outputStd()), layers);
    try {
      return MAPPER.writeValueAsString(file);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write model JSON: " + e.getMessage(), e);
    }
  }

  static TrainedModel read(String json) {
    ModelFile file;
    try {
      file = MAPPER.readValue(json, ModelFile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a model JSON: " + e.getOriginalMessage(), e);
    }
    if (!FORMAT.equals(file.format()) || file.version() != VERSION) {
      throw new IllegalArgumentException("expected format " + FORMAT + " version " + VERSION
          + ", got " + file.format() + " version " + file.version());
    }
    if (file.network() == null || file.layers() == null || file.inputScaling() == null
        || file.outputScaling() == null) {
      throw new IllegalArgumentException("model JSON lacks network, layers or scaling");
    }
    Network net = Network.parse(file.network());
    List<Activation> acts = net.activations();
    if (file.layers().size() != acts.size()) {
      throw new IllegalArgumentException("network " + net + " has " + acts.size()
          + " weight layers but the file has " + file.layers().size());
    }
    float[][][] w = new float[acts.size()][][];
    float[][] b = new float[acts.size()][];
    for (int l = 0; l < acts.size(); l++) {
      LayerJson layer = file.layers().get(l);
      if (Activation.parse(layer.activation()) != acts.get(l)) {
        throw new IllegalArgumentException("layer " + l + " activation " + layer.activation()
            + " differs from network " + net);
      }
      w[l] = layer.weights();
      b[l] = layer.biases();
      if (w[l] == null || b[l] == null) {
        throw new IllegalArgumentException("layer " + l + " lacks weights or biases");
      }
    }
    Scaling scaling = Scaling.of(file.inputScaling().mean(), file.inputScaling().std(),
        file.outputScaling().mean(), file.outputScaling().std());
    return new TrainedModel(net, scaling, new MlpWeights(w, b));
  }
}
