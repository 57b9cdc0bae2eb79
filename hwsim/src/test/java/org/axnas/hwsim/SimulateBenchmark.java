package org.axnas.hwsim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.axnas.core.Activation;
import org.axnas.core.Layer;
import org.axnas.core.Network;
import org.axnas.core.OpClass;
import org.axnas.core.OpProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one {@link Simulator#simulate} call, sampled call by call over {@value #NETWORKS}
 * seeded random candidates of the search space (1 or 2 hidden layers of 1 to 128 neurons,
 * relu/sigmoid/tanh, the benchmarks' input and output widths). Run by {@code bench/hwsim} from
 * the repository root; JMH's p0.50 is the median time per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SimulateBenchmark {
  static final int NETWORKS = 256;
  private static final int[][] IO = {{6, 1}, {1, 2}, {2, 2}, {64, 64}, {6, 1}, {9, 1}, {18, 2}};
  private static final Activation[] HIDDEN = {Activation.RELU, Activation.SIGMOID, Activation.TANH};

  @Param({"eyeriss", "npu8"})
  public String platform;

  private HardwareConfig hw;
  private Network[] networks;
  private OpProfile profile;
  private int next;

  @Setup
  public void setUp() {
    hw = HardwareConfig.load(Path.of("run-configs/hardware/" + platform + ".yaml"));
    profile = OpProfile.of(Map.of(OpClass.FADD, 30.0, OpClass.FMUL, 30.0, OpClass.FEXP, 4.0,
        OpClass.LOAD, 10.0, OpClass.BRANCH, 6.0));
    SplittableRandom rnd = new SplittableRandom(2024);
    networks = new Network[NETWORKS];
    for (int i = 0; i < NETWORKS; i++) {
      int[] io = IO[rnd.nextInt(IO.length)];
      List<Layer> hidden = new ArrayList<>();
      int depth = 1 + rnd.nextInt(2);
      for (int d = 0; d < depth; d++) {
        hidden.add(new Layer(1 + rnd.nextInt(128), HIDDEN[rnd.nextInt(HIDDEN.length)]));
      }
      networks[i] = Network.of(io[0], hidden, io[1]);
    }
  }

  @Benchmark
  public SimulationResult simulate() {
    Network n = networks[next];
    next = (next + 1) % NETWORKS;
    return Simulator.simulate(n, hw, profile);
  }
}
