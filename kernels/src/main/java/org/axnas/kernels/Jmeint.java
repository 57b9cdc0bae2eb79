package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;
import org.axnas.core.OpCounter;

/**
 * AxBench jmeint: do two triangles in 3-D intersect? Input the 18 coordinates (V0, V1, V2 of
 * triangle 1, then U0, U1, U2 of triangle 2); output one-hot (1, 0) when they intersect and
 * (0, 1) when not, in the order of AxBench's {@code dataOut} (index 0 = intersect). The test is
 * {@link TriangleIntersection}, which also describes how operations are counted.
 *
 * <p>Output activation: sigmoid. The targets are 0 and 1 and only their argmax matters; a sigmoid
 * output keeps the network's two outputs in that range, as AxBench's own FANN network for jmeint
 * does (it trains towards 0.2/0.8 with sigmoid units), and the MSE loss then cannot push a correct
 * output past its target, which a linear output would allow.
 */
final class Jmeint extends AxbenchBenchmark {
  /**
   * The paper gives no bound for jmeint; its accuracy is the classification rate. Both groups
   * use {@link ClassificationError#BOUND} = 0.5, under which a classification error (0 or 1) is
   * only when the class is right.
   */
  private static final ErrorBounds BOUNDS =
      new ErrorBounds(ClassificationError.BOUND, ClassificationError.BOUND);

  /** The output layer is sigmoid ({@code :sigmoid}); see the class comment. */
  Jmeint() {
    super("jmeint", new ClassificationError(), BOUNDS, "18-32:sigmoid-8:sigmoid-2:sigmoid");
  }

  @Override
  public void compute(float[] input, float[] output, OpCounter ops) {
    boolean intersect = TriangleIntersection.intersect(input, ops);
    output[0] = intersect ? 1f : 0f;
    output[1] = intersect ? 0f : 1f;
    ops.invocation();
  }

  /** As AxBench's {@code jmeint_dataGen.py}: all 18 coordinates uniform on [0, 1). */
  @Override
  public InputSource generator(long seed) {
    return new GeneratedInputs(name(), seed, (rnd, dst) -> {
      for (int i = 0; i < 18; i++) {
        dst[i] = InputStreams.unitFloat(rnd);
      }
    });
  }

  @Override
  public InputSource reader(Path file) throws IOException {
    return TriangleFile.read(file);
  }
}
