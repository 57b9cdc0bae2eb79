package org.axnas.pipelines.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axnas.pipelines.config.ConfigException;

/**
 * Checks of the paths a command will write or read, made before any work so that a bad path is
 * bad input (exit 2) that costs nothing, not an internal error after minutes of work.
 */
public final class OutputFolder {
  private OutputFolder() {}

  /**
   * {@code dir} can be (or become) a folder this process writes: it is not a file, and it or its
   * nearest existing ancestor is a writable folder.
   */
  public static void checkWritable(Path dir, String flag) {
    Path p = dir.toAbsolutePath().normalize();
    if (Files.exists(p) && !Files.isDirectory(p)) {
      throw new ConfigException(dir.toString(), flag, "is a file, not a folder; give a folder to write into");
    }
    Path existing = p;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw new ConfigException(dir.toString(), flag, "cannot be created: " + existing + " is not a folder");
    }
    if (!Files.isWritable(existing)) {
      throw new ConfigException(dir.toString(), flag, "cannot be written: " + existing + " is not writable");
    }
  }

  /** {@code file} is a readable regular file. */
  public static void checkReadableFile(Path file, String flag) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(file.toString(), flag, "is a folder; give a file");
    }
    if (!Files.isReadable(file)) {
      throw new ConfigException(file.toString(), flag, "no such readable file");
    }
  }
}
