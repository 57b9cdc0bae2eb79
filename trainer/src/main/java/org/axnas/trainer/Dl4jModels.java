package org.axnas.trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axnas.core.Activation;
import org.axnas.core.Layer;
import org.axnas.core.Network;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Between our networks and DL4J's {@code MultiLayerNetwork}: building one (dense hidden layers,
 * an MSE output layer, FLOAT, workspaces on, no cache), moving weights in and out, and the model
 * file. DL4J's dense weight {@code W} is [nIn][nOut] like ours and its bias is [1][nOut].
 */
final class Dl4jModels {
  private Dl4jModels() {}

  static MultiLayerNetwork newNetwork(Network net, IUpdater updater, long seed) {
    int[] w = net.widths();
    List<Activation> acts = net.activations();
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .updater(updater)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
        .cacheMode(CacheMode.NONE)
        .list();
    for (int l = 0; l + 2 < w.length; l++) {
      list.layer(new DenseLayer.Builder().nIn(w[l]).nOut(w[l + 1]).activation(toDl4j(acts.get(l))).build());
    }
    int last = w.length - 2;
    list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
        .nIn(w[last]).nOut(w[last + 1]).activation(toDl4j(acts.get(last))).build());
    MultiLayerNetwork model = new MultiLayerNetwork(list.build());
    model.init();
    return model;
  }

  static void setWeights(MultiLayerNetwork model, MlpWeights p) {
    for (int l = 0; l < p.layers(); l++) {
      INDArray w = model.getParam(l + "_W");
      w.assign(Nd4j.createFromArray(p.weights[l]).reshape(w.shape()));
      INDArray b = model.getParam(l + "_b");
      b.assign(Nd4j.createFromArray(p.biases[l]).reshape(b.shape()));
    }
  }

  static MlpWeights getWeights(MultiLayerNetwork model) {
    int layers = model.getnLayers();
    float[][][] w = new float[layers][][];
    float[][] b = new float[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = model.getParam(l + "_W").toFloatMatrix();
      b[l] = model.getParam(l + "_b").toFloatVector();
    }
    return new MlpWeights(w, b);
  }

  /** The model as a DL4J network (no updater) and its scaling as DL4J's normalizer. */
  static MultiLayerNetwork toNetwork(TrainedModel model) {
    MultiLayerNetwork net = newNetwork(model.network(), new NoOp(), 0);
    setWeights(net, model.parameters());
    return net;
  }

  static NormalizerStandardize toNormalizer(Scaling s) {
    NormalizerStandardize norm = new NormalizerStandardize(
        Nd4j.createFromArray(s.inputMean()), Nd4j.createFromArray(s.inputStd()),
        Nd4j.createFromArray(s.outputMean()), Nd4j.createFromArray(s.outputStd()));
    norm.fitLabel(true);
    return norm;
  }

  static void write(TrainedModel model, Path file) {
    try {
      // Not writeModel(..., normalizer): in M2.1 that path flushes a stream it already closed
      // and fails with commons-io >= 2.7 (deeplearning4j issue 10154). Adding it after works.
      ModelSerializer.writeModel(toNetwork(model), file.toFile(), false);
      ModelSerializer.addNormalizerToModel(file.toFile(), toNormalizer(model.scaling()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write DL4J model to " + file, e);
    }
  }

  static TrainedModel read(Path file) {
    Pair<MultiLayerNetwork, Normalizer> pair;
    try {
      pair = ModelSerializer.restoreMultiLayerNetworkAndNormalizer(file.toFile(), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read DL4J model from " + file, e);
    }
    MultiLayerNetwork net = pair.getFirst();
    if (!(pair.getSecond() instanceof NormalizerStandardize norm) || !norm.isFitLabel()) {
      throw new IllegalArgumentException(
          file + " holds no feature-and-label NormalizerStandardize; it was not written by TrainedModel.writeDl4j");
    }
    Scaling scaling = Scaling.of(norm.getMean().toFloatVector(), norm.getStd().toFloatVector(),
        norm.getLabelMean().toFloatVector(), norm.getLabelStd().toFloatVector());
    return new TrainedModel(networkOf(net), scaling, getWeights(net));
  }

  private static Network networkOf(MultiLayerNetwork net) {
    int layers = net.getnLayers();
    List<Layer> hidden = new ArrayList<>();
    int inputs = -1;
    for (int l = 0; l < layers; l++) {
      if (!(net.getLayerWiseConfigurations().getConf(l).getLayer() instanceof FeedForwardLayer ff)) {
        throw new IllegalArgumentException("layer " + l + " is not a dense layer");
      }
      if (l == 0) {
        inputs = (int) ff.getNIn();
      }
      Activation act = fromDl4j(ff.getActivationFn());
      if (l + 1 < layers) {
        hidden.add(new Layer((int) ff.getNOut(), act));
      } else {
        return new Network(inputs, hidden, (int) ff.getNOut(), act);
      }
    }
    throw new IllegalArgumentException("the DL4J model has no layers");
  }

  static org.nd4j.linalg.activations.Activation toDl4j(Activation a) {
    return switch (a) {
      case RELU -> org.nd4j.linalg.activations.Activation.RELU;
      case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
      case TANH -> org.nd4j.linalg.activations.Activation.TANH;
      case LINEAR -> org.nd4j.linalg.activations.Activation.IDENTITY;
    };
  }

  private static Activation fromDl4j(IActivation a) {
    if (a instanceof ActivationReLU) {
      return Activation.RELU;
    } else if (a instanceof ActivationSigmoid) {
      return Activation.SIGMOID;
    } else if (a instanceof ActivationTanH) {
      return Activation.TANH;
    } else if (a instanceof ActivationIdentity) {
      return Activation.LINEAR;
    }
    throw new IllegalArgumentException("unsupported DL4J activation " + a);
  }
}
