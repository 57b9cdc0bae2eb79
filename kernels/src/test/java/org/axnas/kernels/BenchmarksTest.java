package org.axnas.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.axnas.core.Activation;
import org.axnas.core.Network;
import org.junit.jupiter.api.Test;

class BenchmarksTest {

  @Test
  void theSevenInSpecOrder() {
    assertEquals(List.of("blackscholes", "fft", "inversek2j", "jpeg", "kmeans", "sobel", "jmeint"),
        Benchmarks.all().stream().map(Benchmark::name).collect(Collectors.toList()));
  }

  @Test
  void lookUpByNameIgnoringCase() {
    assertSame(Benchmarks.all().get(5), Benchmarks.byName("sobel"));
    assertSame(Benchmarks.all().get(5), Benchmarks.byName(" Sobel "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Benchmarks.byName("mandelbrot"));
    assertTrue(e.getMessage().contains("mandelbrot"), e.getMessage());
    assertTrue(e.getMessage().contains("blackscholes, fft, inversek2j, jpeg, kmeans, sobel, jmeint"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Benchmarks.byName(null));
  }

  /** SPEC.md section 2: widths, metric, Table 2 bounds and AxBench's networks. */
  @Test
  void specTable() {
    check("blackscholes", 6, 1, "relative error", 0.01, 0.015, "6-8:sigmoid-8:sigmoid-1");
    check("fft", 1, 2, "relative error", 0.0001, 0.001, "1-4:sigmoid-4:sigmoid-2");
    check("inversek2j", 2, 2, "relative error", 0.01, 0.05, "2-8:sigmoid-2");
    check("jpeg", 64, 64, "pixel diff", 0.002, 0.005, "64-16:sigmoid-64");
    check("kmeans", 6, 1, "output diff", 0.05, 0.1, "6-8:sigmoid-4:sigmoid-1");
    check("sobel", 9, 1, "pixel diff", 0.01, 0.05, "9-8:sigmoid-1");
    check("jmeint", 18, 2, "classification error", 0.5, 0.5, "18-32:sigmoid-8:sigmoid-2:sigmoid");
    assertEquals(Activation.SIGMOID, Benchmarks.byName("jmeint").outputActivation());
  }

  private static void check(String name, int in, int out, String metric, double g1, double g2,
      String network) {
    Benchmark b = Benchmarks.byName(name);
    assertEquals(in, b.inputWidth(), name);
    assertEquals(out, b.outputWidth(), name);
    assertEquals(metric, b.metric().name(), name);
    assertEquals(g1, b.errorBound(1), name);
    assertEquals(g2, b.errorBound(2), name);
    assertThrows(IllegalArgumentException.class, () -> b.errorBound(0));
    assertThrows(IllegalArgumentException.class, () -> b.errorBound(3));
    Network net = b.axbenchNetwork();
    assertEquals(network, net.notation(), name);
    assertEquals(in, net.inputs());
    assertEquals(out, net.outputs());
    assertEquals(b.outputActivation(), net.outputActivation());
    net.hidden().forEach(l -> assertEquals(Activation.SIGMOID, l.activation()));
  }
}
