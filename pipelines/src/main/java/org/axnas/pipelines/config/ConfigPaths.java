package org.axnas.pipelines.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths a config names. */
public final class ConfigPaths {
  private ConfigPaths() {}

  /**
   * A path from a config: as given, or relative to the axnas installation; absolute, because
   * workers (Flink TaskManagers) do not share the command's working directory.
   */
  public static Path resolve(String path, String configFile, String field) {
    Path p = Path.of(path);
    if (Files.exists(p)) {
      return p.toAbsolutePath().normalize();
    }
    String home = System.getProperty("axnas.home");
    if (!p.isAbsolute() && home != null && Files.exists(Path.of(home).resolve(p))) {
      return Path.of(home).resolve(p);
    }
    throw new ConfigException(configFile, field, "no such file: " + path);
  }
}
