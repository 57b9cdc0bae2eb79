package org.axnas.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axnas.core.OpProfile;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.hwsim.SimulationResult;
import org.axnas.hwsim.Simulator;
import org.axnas.kernels.Benchmark;
import org.axnas.kernels.Benchmarks;
import org.junit.jupiter.api.Test;

/**
 * The CPU model on the seven real kernels: the cycles per invocation their measured operation
 * profiles give on the default core are the figures hwsim/README.md writes down and derives.
 */
class KernelCpuCostTest {
  private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\| [0-9. ]+ \\| ([0-9.]+) \\(");

  @Test
  void measuredKernelCostsMatchTheReadmeTable() throws Exception {
    Map<String, Double> readme = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("hwsim/README.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        readme.put(m.group(1), Double.parseDouble(m.group(2)));
      }
    }
    HardwareConfig hw = HardwareConfig.load(Path.of("run-configs/hardware/eyeriss.yaml"));
    for (Benchmark b : Benchmarks.all()) {
      OpProfile p = KernelProfiles.measure(b, 1, 20_000);
      SimulationResult r = Simulator.simulate(b.axbenchNetwork(), hw, p);
      double cycles = r.cpu().cycles();
      assertTrue(readme.containsKey(b.name()), "README row for " + b.name());
      assertEquals(readme.get(b.name()), cycles, 0.01 * cycles, b.name() + " cycles per invocation");
      // plausible for a few lines of C on a 3.4 GHz core: tens to a few thousand cycles
      assertTrue(cycles > 20 && cycles < 5000, b.name() + ": " + cycles);
    }
  }
}
