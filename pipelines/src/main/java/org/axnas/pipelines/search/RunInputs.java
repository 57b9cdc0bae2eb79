package org.axnas.pipelines.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axnas.hwsim.HardwareConfig;
import org.axnas.pipelines.config.ConfigException;
import org.axnas.pipelines.config.ConfigPaths;
import org.axnas.pipelines.config.RunConfig;

/**
 * What a run reads and checks before anything is written: the hardware config and, for a user's
 * own function, its trace file.
 */
record RunInputs(Path hardwarePath, String hardwareYaml, HardwareConfig hardware, Path userTraceFile, UserTraces.Read userTraces) {

  static RunInputs read(RunConfig config) {
    try {
      Path hardwarePath = ConfigPaths.resolve(config.hardware(), config.file(), "hardware");
      String hardwareYaml = Files.readString(hardwarePath);
      HardwareConfig hardware = HardwareConfig.parse(hardwareYaml, hardwarePath.toString());
      if (config.traces().inputFile() != null) {
        ConfigPaths.resolve(config.traces().inputFile(), config.file(), "traces.input");
      }
      Path traceFile = null;
      UserTraces.Read read = null;
      if (config.isUserFunction()) {
        traceFile = ConfigPaths.resolve(config.function().traces(), config.file(), "function.traces");
        read = UserTraces.read(traceFile, config.benchmark(), config.function(), config.traces().dropNonFinite());
        int in = read.samples().get(0).getInput().size();
        int out = read.samples().get(0).getOutput().size();
        if (in == 0 || out == 0) {
          throw new ConfigException(traceFile.toString(), null, "samples need at least one input and one output value");
        }
      }
      return new RunInputs(hardwarePath, hardwareYaml, hardware, traceFile, read);
    } catch (IOException e) {
      throw new ConfigException(config.file(), "hardware", "cannot read: " + e.getMessage());
    }
  }
}
