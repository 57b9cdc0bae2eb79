package org.axnas.pipelines.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.axnas.pipelines.run.Versions;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.pipelines.config.ConfigException;

/**
 * Completes Beam's FlinkRunner options for axnas before anything is built or written.
 *
 * <ul>
 *   <li>{@code --fasterCopy} defaults to true (see {@link #prepare}).
 *   <li>A remote {@code --flinkMaster} is probed through the JobManager's REST API (a few seconds
 *       at most): an unreachable address, or a cluster without TaskManager slots, is bad input
 *       (exit 2) instead of a job submission that hangs or fails late.
 *   <li>{@code --parallelism}, when not given, is the cluster's slot count (Beam would otherwise
 *       take the client's Flink default, 1); embedded ({@code [local]}) it stays Beam's default,
 *       the number of cores, and nothing is staged (the embedded cluster shares the classpath).
 *   <li>{@code --filesToStage}, when not given: when the cluster already has this very axnas jar
 *       on its classpath ({@code scripts/flink-cluster} puts a copy there and publishes its
 *       SHA-256 as {@code axnas.jar.sha256} in the cluster config), a tiny jar, so a job uploads a
 *       few hundred bytes instead of the 277 MB fat jar; otherwise the fat jar axnas runs from.
 * </ul>
 */
public final class FlinkSubmission {
  /** The cluster config key under which scripts/flink-cluster publishes the preloaded jar's hash. */
  public static final String JAR_SHA256_KEY = "axnas.jar.sha256";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static String ownJarSha256; // hashing 277 MB takes a second: once per JVM
  private static Path stubJar; // one per JVM, however many searches (a sweep) it submits
  private static boolean toldUpload;

  private FlinkSubmission() {}

  /** True when the options select the FlinkRunner. */
  public static boolean isFlink(PipelineOptions options) {
    return FlinkRunner.class.equals(options.getRunner());
  }

  /** True for the masters Beam runs embedded in this JVM. */
  public static boolean isEmbedded(String master) {
    return master == null || master.isBlank() || master.equals("[local]") || master.equals("[auto]")
        || master.equals("[collection]");
  }

  /**
   * Checks and completes the options of a FlinkRunner job; other runners are left alone.
   *
   * @param args the Beam flags as given, to tell an option left unset from one set to its default
   */
  public static void prepare(PipelineOptions options, List<String> args, PrintStream log) {
    if (!isFlink(options)) {
      return;
    }
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (args.stream().noneMatch(a -> a.startsWith("--fasterCopy"))) {
      // no copy between chained operators: our DoFns never change their inputs (the DirectRunner's
      // immutability checks in the tests hold them to it); also silences Beam's per-job warning
      flink.setFasterCopy(true);
    }
    String master = flink.getFlinkMaster();
    if (isEmbedded(master)) {
      if (flink.getFilesToStage() == null) {
        flink.setFilesToStage(List.of()); // the embedded cluster shares this JVM's classpath: nothing to package
      }
      return;
    }
    URI rest = restAddress(master);
    JsonNode overview = get(rest, "/overview", master);
    int slots = overview.path("slots-total").asInt(0);
    if (slots == 0) {
      throw new ConfigException("command line", "--flinkMaster",
          "the Flink cluster at " + rest + " has no TaskManager slots (" + overview.path("taskmanagers").asInt(0)
              + " TaskManagers): start TaskManagers, or wait until they have registered");
    }
    if (flink.getParallelism() == null || flink.getParallelism() <= 0) {
      flink.setParallelism(slots);
    }
    if (flink.getFilesToStage() == null) {
      flink.setFilesToStage(filesToStage(rest, master, log));
    }
  }

  private static List<String> filesToStage(URI rest, String master, PrintStream log) {
    Path ownJar = ownJar();
    if (ownJar == null) {
      log.println("axnas is not running from its jar: Beam stages the classpath (use ./axnas or java -jar axnas.jar)");
      return null;
    }
    String preloaded = clusterConfig(get(rest, "/jobmanager/config", master), JAR_SHA256_KEY);
    if (preloaded != null && preloaded.equals(sha256(ownJar))) {
      return List.of(stubJar(preloaded).toString());
    }
    synchronized (FlinkSubmission.class) {
      if (toldUpload) {
        return List.of(ownJar.toString());
      }
      toldUpload = true;
    }
    log.printf("the Flink cluster at %s does not have this axnas jar on its classpath%s: every job uploads %s (%d MB)%n",
        rest, preloaded == null ? "" : " (it has another build)", ownJar, Files.isRegularFile(ownJar) ? size(ownJar) >> 20 : 0);
    return List.of(ownJar.toString());
  }

  /** http://host:port of a --flinkMaster given as host:port or as a URL. */
  static URI restAddress(String master) {
    String m = master.trim();
    String withScheme = m.startsWith("http://") || m.startsWith("https://") ? m : "http://" + m;
    try {
      URI u = new URI(withScheme);
      if (u.getHost() == null || u.getPort() < 0) {
        throw new URISyntaxException(master, "expected host:port");
      }
      return new URI(u.getScheme(), null, u.getHost(), u.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new ConfigException("command line", "--flinkMaster",
          "'" + master + "' is not a Flink REST address: give host:port (e.g. localhost:8081), or [local] to run embedded");
    }
  }

  private static JsonNode get(URI rest, String path, String master) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(rest.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("HTTP " + r.statusCode() + " from " + request.uri());
      }
      return JsonOutput.mapper().readTree(r.body());
    } catch (IOException e) {
      throw new ConfigException("command line", "--flinkMaster",
          "cannot reach a Flink cluster at " + rest + " (" + describe(e) + "); start one with scripts/flink-cluster start, "
              + "or give the host:port of a running JobManager's REST endpoint (usually port 8081), "
              + "or --flinkMaster=[local] to run embedded");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while probing " + master, e);
    }
  }

  private static String describe(IOException e) {
    Throwable t = e;
    while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
      t = t.getCause(); // HttpClient's ConnectException says nothing; its cause says "Connection refused"
    }
    String kind = e.getClass().getSimpleName();
    String m = t.getMessage();
    return m == null || m.isBlank() ? kind : m.contains(kind) ? m : kind + ": " + m;
  }

  /** A value of GET /jobmanager/config (a list of {key, value}). */
  static String clusterConfig(JsonNode config, String key) {
    for (JsonNode entry : config) {
      if (key.equals(entry.path("key").asText())) {
        return entry.path("value").asText();
      }
    }
    return null;
  }

  /** The jar this code was loaded from, or null when it runs from class folders (tests, IDE). */
  static Path ownJar() {
    try {
      var source = Versions.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  static synchronized String sha256(Path jar) {
    if (ownJarSha256 == null) {
      ownJarSha256 = hash(jar);
    }
    return ownJarSha256;
  }

  static String hash(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 20];
      while (in.read(buf) >= 0) {
        // the digest sees every byte read
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * A jar holding only a manifest: the job's classes come from the cluster's own classpath (its
   * user-code class loader finds nothing in this jar and asks its parent).
   */
  static synchronized Path stubJar(String sha256) {
    if (stubJar != null && Files.exists(stubJar)) {
      return stubJar;
    }
    try {
      Path jar = Files.createTempFile("axnas-stage-", ".jar");
      jar.toFile().deleteOnExit();
      Manifest m = new Manifest();
      m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      m.getMainAttributes().putValue("Axnas-Jar-SHA-256", sha256);
      m.getMainAttributes().putValue("Axnas-Note", "classes come from the cluster's classpath (scripts/flink-cluster)");
      try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
        j.flush();
      }
      stubJar = jar;
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the staging jar", e);
    }
  }
}
