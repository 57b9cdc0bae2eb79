package org.axnas.hwsim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instruction mixes of AxBench's seven regions at each {@link CpuBaseline}, measured with
 * callgrind on AxBench's own C/C++ sources ({@code instruction-mixes.csv} beside this class; the
 * method is in hwsim/README.md, "CPU baselines").
 */
public final class MeasuredInstructionMixes {
  private static final String RESOURCE = "instruction-mixes.csv";
  private static final Map<String, InstructionMix> MIXES = load();

  private MeasuredInstructionMixes() {}

  /** The measured mix of {@code benchmark} built as {@code baseline}, if it is one of AxBench's. */
  public static Optional<InstructionMix> of(String benchmark, CpuBaseline baseline) {
    return Optional.ofNullable(MIXES.get(key(benchmark, baseline)));
  }

  /** The benchmarks with measured mixes. */
  public static Set<String> benchmarks() {
    Set<String> names = new TreeSet<>();
    MIXES.keySet().forEach(k -> names.add(k.substring(0, k.indexOf('@'))));
    return names;
  }

  private static String key(String benchmark, CpuBaseline baseline) {
    return benchmark.toLowerCase(Locale.ROOT) + "@" + baseline.name();
  }

  private static Map<String, InstructionMix> load() {
    try (InputStream in = MeasuredInstructionMixes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, InstructionMix> mixes = new HashMap<>();
      String[] header = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",");
        if (header == null) {
          header = f;
          continue;
        }
        CpuBaseline baseline = CpuBaseline.parse(f[1]);
        Map<InstructionClass, Double> counts = new EnumMap<>(InstructionClass.class);
        for (int i = 4; i < header.length; i++) {
          counts.put(InstructionClass.valueOf(header[i].toUpperCase(Locale.ROOT)), Double.parseDouble(f[i]));
        }
        mixes.put(key(f[0], baseline), new InstructionMix(counts, Double.parseDouble(f[2]),
            Double.parseDouble(f[3]), "AxBench " + f[0] + ", " + baseline.build()));
      }
      return Map.copyOf(mixes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
