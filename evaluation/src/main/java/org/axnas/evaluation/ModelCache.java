package org.axnas.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The evaluation cache: trained models by a key of everything that decides the trained weights
 * (benchmark, training data, network, training settings, seed). A network already trained is not
 * trained again, e.g. across the two error-bound groups, which only change the scoring. Files are
 * written atomically, so concurrent workers and kills never leave a half-written entry.
 */
public final class ModelCache {
  private final Path dir;

  public ModelCache(Path dir) {
    this.dir = dir;
  }

  public static String key(String benchmark, String dataFingerprint, String network, String trainingSpec, long seed) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {benchmark, dataFingerprint, network, trainingSpec, Long.toString(seed)}) {
        md.update(part.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path modelFile(String key) {
    return dir.resolve(key + ".json");
  }

  public Path trainingFile(String key) {
    return dir.resolve(key + ".training.json");
  }

  public Optional<String> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public void write(Path file, String text) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write cache entry " + file, e);
    }
  }
}
