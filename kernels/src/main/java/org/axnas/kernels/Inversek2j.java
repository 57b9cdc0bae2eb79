package org.axnas.kernels;

import java.io.IOException;
import java.nio.file.Path;
import org.axnas.core.OpCounter;

/**
 * AxBench inversek2j: inverse kinematics of a two-joint arm with links l1 = l2 = 0.5, mapping the
 * end point (x, y) to the joint angles (theta1, theta2) with AxBench's formulas ({@code
 * kinematics.cpp}): theta2 = acos((x^2 + y^2 - l1^2 - l2^2) / (2 l1 l2)), theta1 = asin((y (l1 +
 * l2 cos theta2) - x l2 sin theta2) / (x^2 + y^2)).
 *
 * <p>One deliberate difference: AxBench evaluates x^2 + y^2 and the acos argument in float, and
 * that is ill-conditioned at the edges of its own domain. On its theta_100K.data, 7 of 100,000
 * inputs get an acos argument just above 1 (theta2 near 0), so NaN angles, and where theta1 is
 * near pi/2 the asin argument is so close to 1 that float rounding moves theta1 by up to 5e-4 rad.
 * Here the same formulas run in double from the float inputs, a point beyond the arm's reach
 * (only rounding puts it there) is taken at full reach in its direction, and the angles are
 * rounded to float: the result is the inverse of the given (x, y) to float precision everywhere,
 * and differs from AxBench's own float results by at most about 5e-4 rad (identical in a fifth of
 * the inputs), far inside the error bounds. The inputs (forward kinematics) are made as AxBench
 * makes them.
 *
 * <p>Operation counts mirror the C source: theta2 takes 6 FMUL (x*x, y*y, l1*l1, l2*l2, 2*l1*l2),
 * 3 FADD, 1 FDIV and an {@code acos}; theta1 reuses x*x + y*y (common subexpression) and takes 4
 * FMUL, 2 FADD, 1 FDIV, {@code cos}, {@code sin} and {@code asin} (4 FTRIG in all). Loads: x and y
 * from AxBench's coordinate array and the globals l1 and l2; stores: the two angles.
 */
final class Inversek2j extends AxbenchBenchmark {
  static final float L1 = 0.5f;
  static final float L2 = 0.5f;

  private static final OpBlock INVERSE =
      OpBlock.EMPTY.fadd(5).fmul(10).fdiv(2).ftrig(4).load(4).store(2);

  Inversek2j() {
    super("inversek2j", new RelativeError(), new ErrorBounds(0.01, 0.05), "2-8:sigmoid-2");
  }

  @Override
  public void compute(float[] input, float[] output, OpCounter ops) {
    double x = input[0];
    double y = input[1];
    double squaredReach = (x * x) + (y * y);
    double cosTheta2 = (squaredReach - (L1 * L1) - (L2 * L2)) / (2 * L1 * L2);
    if (cosTheta2 > 1) {
      // beyond the arm's reach, which only float rounding of the input can cause: take the
      // point at full reach in the same direction, so that theta1 stays consistent with theta2
      double scale = (L1 + L2) / Math.sqrt(squaredReach);
      x *= scale;
      y *= scale;
      squaredReach = (L1 + L2) * (L1 + L2);
      cosTheta2 = 1;
    }
    double theta2 = Math.acos(Math.max(-1, cosTheta2));
    double numerator = y * (L1 + L2 * Math.cos(theta2)) - x * L2 * Math.sin(theta2);
    output[0] = (float) Math.asin(numerator / squaredReach);
    output[1] = (float) theta2;
    INVERSE.addTo(ops);
    ops.invocation();
  }

  /** AxBench's {@code forwardk2j}: the end point of the arm for joint angles (float). */
  static void forward(float theta1, float theta2, float[] xy) {
    xy[0] = (float) (L1 * Math.cos(theta1) + L2 * Math.cos(theta1 + theta2));
    xy[1] = (float) (L1 * Math.sin(theta1) + L2 * Math.sin(theta1 + theta2));
  }

  /**
   * As AxBench's {@code inversek2j_dataGen.py}: theta1 and theta2 each uniform on [0, pi/2),
   * turned into the input (x, y) by forward kinematics.
   */
  @Override
  public InputSource generator(long seed) {
    return new GeneratedInputs(name(), seed, (rnd, dst) -> {
      float theta1 = (float) (rnd.nextDouble() * Math.PI / 2);
      float theta2 = (float) (rnd.nextDouble() * Math.PI / 2);
      forward(theta1, theta2, dst);
    });
  }

  @Override
  public InputSource reader(Path file) throws IOException {
    return ThetaFile.read(file);
  }
}
