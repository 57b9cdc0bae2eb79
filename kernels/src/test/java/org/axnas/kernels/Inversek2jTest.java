package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class Inversek2jTest {
  private final Benchmark arm = Benchmarks.byName("inversek2j");

  /** Forward kinematics in double, written here independently of the kernel. */
  private static double[] reach(double theta1, double theta2) {
    return new double[] {
      0.5 * Math.cos(theta1) + 0.5 * Math.cos(theta1 + theta2),
      0.5 * Math.sin(theta1) + 0.5 * Math.sin(theta1 + theta2)
    };
  }

  private void assertReturnsTo(float x, float y, String where) {
    float[] angles = Samples.compute(arm, x, y);
    double[] back = reach(angles[0], angles[1]);
    assertEquals(x, back[0], 1e-5, "x at " + where);
    assertEquals(y, back[1], 1e-5, "y at " + where);
  }

  @Test
  void forwardKinematicsOfTheAnglesReturnsThePointAcrossTheDomain() {
    int steps = 400;
    for (int i = 0; i < steps; i++) {
      for (int j = 0; j < steps; j++) {
        double theta1 = Math.PI / 2 * i / steps;
        double theta2 = Math.PI / 2 * j / steps;
        double[] p = reach(theta1, theta2);
        assertReturnsTo((float) p[0], (float) p[1], "theta " + theta1 + ", " + theta2);
      }
    }
    // the edges: arm stretched (theta2 -> 0) and pointing up (theta1 -> pi/2)
    for (double eps : new double[] {1e-3, 1e-4, 1e-5, 1e-6, 1e-7}) {
      double[] p = reach(Math.PI / 2 - eps, eps);
      assertReturnsTo((float) p[0], (float) p[1], "edge eps " + eps);
    }
  }

  @Test
  void forwardKinematicsReturnsGeneratedPoints() {
    InputSource points = arm.generator(8);
    for (int i = 0; i < 100_000; i++) {
      float[] xy = Samples.input(points, arm, i);
      assertReturnsTo(xy[0], xy[1], "generated input " + i);
    }
  }

  @Test
  void recoversHandPickedAngles() {
    float[] angles = Samples.compute(arm, 0.5f, 0.5f); // elbow at (0.5, 0), hand straight up
    assertEquals(0, angles[0], 1e-6);
    assertEquals(Math.PI / 2, angles[1], 1e-6);
    angles = Samples.compute(arm, 1f, 0f); // stretched along x
    assertEquals(0, angles[0], 1e-6);
    assertEquals(0, angles[1], 1e-6);
  }

  @Test
  void readsThetaFileIntoPointsAndBack() throws IOException {
    Path file = AxbenchData.require("inversek2j/theta_100K.data");
    InputSource points = arm.reader(file);
    assertEquals(100_000, points.size());
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    for (int i = 0; i < points.size(); i += 97) {
      String[] f = lines.get(i + 1).split("\t");
      double[] p = reach(Float.parseFloat(f[0]), Float.parseFloat(f[1]));
      float[] xy = Samples.input(points, arm, i);
      assertEquals(p[0], xy[0], 1e-6, "x of pair " + i);
      assertEquals(p[1], xy[1], 1e-6, "y of pair " + i);
    }
    for (int i = 0; i < points.size(); i++) {
      float[] xy = Samples.input(points, arm, i);
      assertReturnsTo(xy[0], xy[1], "pair " + i + " of " + file);
    }
  }

  @Test
  void generatedAnglesAreUniformOnTheQuarterTurn() {
    InputSource points = arm.generator(2);
    double sum2 = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      float[] angles = Samples.compute(arm, Samples.input(points, arm, i));
      assertTrue(angles[0] >= -1e-6 && angles[0] <= Math.PI / 2 + 1e-6, "theta1 " + angles[0]);
      assertTrue(angles[1] >= 0 && angles[1] <= Math.PI / 2 + 1e-6, "theta2 " + angles[1]);
      sum2 += angles[1];
    }
    assertEquals(Math.PI / 4, sum2 / n, 0.02, "mean of theta2");
  }
}
