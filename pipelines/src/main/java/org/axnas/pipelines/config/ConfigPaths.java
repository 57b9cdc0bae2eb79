package org.axnas.pipelines.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths a config names. */
public final class ConfigPaths {
  private ConfigPaths() {}

  /**
   * A path from a config, absolute (workers such as Flink TaskManagers do not share the command's
   * working directory): a relative path is looked up beside the config file first, then in the
   * working directory, then under the axnas installation (where the shipped run-configs name
   * {@code run-configs/hardware/...}).
   */
  public static Path resolve(String path, String configFile, String field) {
    Path p = Path.of(path);
    if (!p.isAbsolute() && configFile != null) {
      Path dir = Path.of(configFile).toAbsolutePath().getParent();
      if (dir != null && Files.exists(dir.resolve(p))) {
        return dir.resolve(p).normalize();
      }
    }
    if (Files.exists(p)) {
      return p.toAbsolutePath().normalize();
    }
    String home = System.getProperty("axnas.home");
    if (!p.isAbsolute() && home != null && Files.exists(Path.of(home).resolve(p))) {
      return Path.of(home).resolve(p);
    }
    throw new ConfigException(configFile, field, "no such file: " + path + (p.isAbsolute() ? ""
        : " (looked beside the config file, in the working directory and under the axnas home)"));
  }
}
