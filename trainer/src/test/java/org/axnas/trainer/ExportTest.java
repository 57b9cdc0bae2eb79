package org.axnas.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.axnas.core.Network;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.axnas.runtime.PlainEvaluator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

class ExportTest {
  /** inversek2j: joint angles of a two-link arm (links 0.5) from the position of its end. */
  static Dataset inversek2j(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[2 * n];
    float[] y = new float[2 * n];
    for (int s = 0; s < n; s++) {
      double t1 = r.nextDouble() * Math.PI / 2;
      double t2 = r.nextDouble() * Math.PI / 2;
      x[2 * s] = (float) (0.5 * Math.cos(t1) + 0.5 * Math.cos(t1 + t2));
      x[2 * s + 1] = (float) (0.5 * Math.sin(t1) + 0.5 * Math.sin(t1 + t2));
      y[2 * s] = (float) t1;
      y[2 * s + 1] = (float) (100 * t2);
    }
    return Dataset.of(x, y, 2, 2);
  }

  private static final Dataset DATA = inversek2j(2000, 41);
  private static final Dataset PROBE = inversek2j(300, 42);

  private static TrainedModel trained(Backend backend, String net) {
    TrainingResult r = Trainer.train(Network.parse(net),
        TestData.adam().withEpochs(5).withBatchSize(64).withBackend(backend), DATA, null);
    assertTrue(r.ok(), r.toString());
    return r.model();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void jsonAndDl4jFilesGiveTheModelsOutputs(Backend backend, @TempDir Path dir) {
    TrainedModel m = trained(backend, "2-16:sigmoid-9:tanh-2");
    float[] expected = m.predict(PROBE.x(), PROBE.size());

    TrainedModel fromJson = TrainedModel.fromJson(m.toJson());
    assertTrue(m.sameParameters(fromJson));
    assertArrayEquals(expected, fromJson.predict(PROBE.x(), PROBE.size()));

    m.writeJson(dir.resolve("m.json"));
    assertArrayEquals(expected, TrainedModel.readJson(dir.resolve("m.json")).predict(PROBE.x(), PROBE.size()));

    m.writeDl4j(dir.resolve("m.zip"));
    TrainedModel fromDl4j = TrainedModel.readDl4j(dir.resolve("m.zip"));
    assertEquals(m.network(), fromDl4j.network());
    assertTrue(m.sameParameters(fromDl4j));
    assertArrayEquals(expected, fromDl4j.predict(PROBE.x(), PROBE.size()));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void plainEvaluatorReproducesTheModel(Backend backend) {
    TrainedModel m = trained(backend, "2-16:sigmoid-9:tanh-2");
    PlainEvaluator f = PlainEvaluator.fromJson(m.toJson());
    assertEquals(2, f.inputs());
    assertEquals(2, f.outputs());
    float[] x = PROBE.x();
    float[] expected = m.predict(x, PROBE.size());
    for (int s = 0; s < PROBE.size(); s++) {
      float[] out = f.evaluate(new float[] {x[2 * s], x[2 * s + 1]});
      for (int j = 0; j < 2; j++) {
        float e = expected[2 * s + j];
        assertEquals(e, out[j], 1e-5 * Math.max(1, Math.abs(e)), "sample " + s + " output " + j);
      }
    }
  }

  @Test
  void dl4jProgramsCanUseTheFileOnTheirOwn(@TempDir Path dir) throws IOException {
    TrainedModel m = trained(Backend.FAST, "2-16:sigmoid-9:relu-2");
    m.writeDl4j(dir.resolve("m.zip"));
    Pair<MultiLayerNetwork, Normalizer> p =
        ModelSerializer.restoreMultiLayerNetworkAndNormalizer(dir.resolve("m.zip").toFile(), false);
    NormalizerStandardize norm = (NormalizerStandardize) p.getSecond();
    INDArray features = Nd4j.createFromArray(PROBE.x()).reshape(PROBE.size(), 2);
    norm.transform(features);
    INDArray out = p.getFirst().output(features);
    norm.revertLabels(out);
    float[] dl4j = out.reshape(-1).toFloatVector();
    float[] ours = m.predict(PROBE.x(), PROBE.size());
    for (int i = 0; i < ours.length; i++) {
      assertEquals(ours[i], dl4j[i], 1e-5 * Math.max(1, Math.abs(ours[i])), "value " + i);
    }
  }

  @Test
  void jsonSaysHowToEvaluate() {
    TrainedModel m = TrainedModel.of(Network.parse("1-1:relu-1"),
        Scaling.of(new float[] {1f}, new float[] {2f}, new float[] {10f}, new float[] {0.5f}),
        List.of(new float[] {3f}, new float[] {0.25f}), List.of(new float[] {-1f}, new float[] {0.1f}));
    String json = m.toJson();
    assertTrue(json.startsWith("{\"format\":\"axnas-mlp\",\"version\":1,\"network\":\"1-1:relu-1\""), json);
    // x=5: scaled (5-1)/2 = 2; relu(2*3-1) = 5; 5*0.25+0.1 = 1.35; output 1.35*0.5+10 = 10.675
    assertEquals(10.675f, m.predict(new float[] {5f})[0], 1e-6);
    assertEquals(10.675f, PlainEvaluator.fromJson(json).evaluate(new float[] {5f})[0], 1e-6);
    assertThrows(IllegalArgumentException.class, () -> PlainEvaluator.fromJson(json.replace("axnas-mlp", "x")));
    assertThrows(IllegalArgumentException.class, () -> PlainEvaluator.fromJson(json.substring(0, 40)));
  }
}
