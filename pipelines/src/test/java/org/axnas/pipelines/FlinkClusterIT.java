package org.axnas.pipelines;

import org.axnas.pipelines.run.JsonOutput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.axnas.pipelines.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same search on the DirectRunner, on Flink embedded ({@code [local]}) and on a real Flink
 * session cluster (a JobManager and a TaskManager as separate processes, started by
 * {@code scripts/flink-cluster}): the run histories must be byte-identical (the seed fixes every
 * proposal and every training; the round files hold no wall times). Runs after {@code package},
 * because the cluster runs the fat jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlinkClusterIT {
  private static final Path REPO = Path.of("").toAbsolutePath(); // failsafe runs in the repository root
  @TempDir static Path dir; // one folder for the class: the DirectRunner run is the reference of every test
  private Path config;
  private Path direct;

  @BeforeAll
  void searchOnTheDirectRunner() throws Exception {
    config = dir.resolve("small.yaml");
    Files.writeString(config, "benchmark: kmeans\n"
        + "seed: 11\n"
        + "traces: {samples: 2500}\n"
        + "search: {budget: 4, parallelism: 2, maxLayers: 2, maxNeurons: 16}\n"
        + "training: {epochs: 8, batchSize: 64, learningRate: 0.01, patience: 0}\n"
        + "objective: {alpha: 0.8, beta: 0.1, epsilon: 0.1}\n"
        + "selection: {mode: energy, minAccuracy: 0.0}\n");
    direct = dir.resolve("direct");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", config.toString(), "--out", direct.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    assertEquals(2, new RunFolder(direct).finishedRounds().size(), "the test wants two rounds");
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aSessionClusterGivesTheDirectRunnersHistory() throws Exception {
    Path jar = fatJar();
    Path state = dir.resolve("cluster");
    int restPort = freePort();
    int rpcPort = freePort();
    Thread stopOnExit = new Thread(() -> stopCluster(state)); // also when the JVM is killed by a timeout
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      Process start = script(state, "start", "--taskmanagers", "1", "--slots", "2", "--port", Integer.toString(restPort),
          "--rpc-port", Integer.toString(rpcPort), "--axnas-jar", jar.toString());
      assertEquals(0, start.waitFor(), "scripts/flink-cluster start failed: " + Files.readString(state.resolve("start.out")));
      JsonNode overview = rest(restPort, "/overview");
      assertEquals(1, overview.get("taskmanagers").asInt());
      assertEquals(2, overview.get("slots-total").asInt());

      // the search as a user runs it: the fat jar in its own JVM, submitting to the cluster
      Path cluster = dir.resolve("cluster-run");
      JsonNode doc = axnasJar(jar, "cluster-run", "search", "--config", config.toString(), "--out", cluster.toString(),
          "--json", "--runner=FlinkRunner", "--flinkMaster=localhost:" + restPort);
      assertEquals(4, doc.get("evaluations").asInt());

      // every job of the search ran on the cluster and finished
      Map<String, String> jobs = new TreeMap<>();
      for (JsonNode j : rest(restPort, "/jobs/overview").get("jobs")) {
        jobs.put(j.get("name").asText(), j.get("state").asText());
      }
      assertEquals(3, jobs.size(), jobs.toString()); // the Pareto set is computed in the driver, not as a job
      String prefix = "axnas-search-cluster-run-";
      assertEquals(Map.of(prefix + "traces", "FINISHED", prefix + "round-0001", "FINISHED",
          prefix + "round-0002", "FINISHED"), jobs);

      assertSameHistory(direct, cluster);

      // a sweep of two searches (both error-bound groups) on the same cluster: one job per round
      // for both, and the group-1 search has the history of the same search run alone
      Path sweepConfig = dir.resolve("sweep.yaml");
      Files.writeString(sweepConfig, "benchmarks: [" + config + "]\ngroups: [1, 2]\n"
          + "hardware: [" + REPO.resolve("run-configs/hardware/eyeriss.yaml") + "]\n");
      Path sweep = dir.resolve("sweep");
      JsonNode sweepDoc = axnasJar(jar, "sweep", "sweep", "--config", sweepConfig.toString(), "--out", sweep.toString(),
          "--json", "--runner=FlinkRunner", "--flinkMaster=localhost:" + restPort);
      assertEquals(2, sweepDoc.get("searches").size());
      for (JsonNode row : sweepDoc.get("searches")) {
        assertEquals(4, row.get("evaluations").asInt(), row.toString());
      }
      assertSameHistory(direct, sweep.resolve("kmeans-g1-eyeriss"));
      List<String> sweepJobs = new ArrayList<>();
      for (JsonNode j : rest(restPort, "/jobs/overview").get("jobs")) {
        String name = j.get("name").asText();
        if (name.startsWith("axnas-sweep-sweep-")) {
          assertEquals("FINISHED", j.get("state").asText(), name);
          sweepJobs.add(name.replaceAll("-\\d{4}-", "-"));
        }
      }
      sweepJobs.sort(null);
      assertEquals(List.of("axnas-sweep-sweep-round-0001", "axnas-sweep-sweep-round-0002"), sweepJobs);
    } finally {
      stopCluster(state);
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }
    assertFalse(Files.exists(state.resolve("pids/jobmanager.pid")), "stop must remove what it stopped");
  }

  @Test
  void embeddedFlinkGivesTheDirectRunnersHistory() throws Exception {
    Path local = dir.resolve("local");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", config.toString(), "--out", local.toString(),
        "--json", "--runner=FlinkRunner", "--flinkMaster=[local]");
    assertEquals(0, r.code(), r.stdout());
    assertSameHistory(direct, local);
  }

  @Test
  void aMultiFidelitySearchOnEmbeddedFlinkGivesTheDirectRunnersHistory() throws Exception {
    // promotions are decided from each round's results: the brackets must come out the same on Flink
    Path mf = dir.resolve("multi-fidelity.yaml");
    Files.writeString(mf, Files.readString(config).replace("search: {budget: 4,",
        "search: {fidelity: {resource: epochs, min: 2, max: 8, eta: 2}, budget: 4,"));
    Path onDirect = dir.resolve("mf-direct");
    Path onFlink = dir.resolve("mf-flink");
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", mf.toString(), "--out", onDirect.toString(), "--json");
    assertEquals(0, r.code(), r.stdout());
    r = TracesCommandTest.run("search", "--config", mf.toString(), "--out", onFlink.toString(), "--json",
        "--runner=FlinkRunner", "--flinkMaster=[local]");
    assertEquals(0, r.code(), r.stdout());
    assertEquals(3, new RunFolder(onDirect).finishedRounds().size(), "one bracket of three rungs");
    assertSameHistory(onDirect, onFlink);
  }

  @Test
  void anUnreachableMasterIsBadInputInSeconds() throws Exception {
    Path out = dir.resolve("never");
    long start = System.nanoTime();
    TracesCommandTest.Result r = TracesCommandTest.run("search", "--config", config.toString(), "--out", out.toString(),
        "--json", "--runner=FlinkRunner", "--flinkMaster=localhost:" + freePort());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(2, r.code(), r.stdout());
    String error = r.json().get("error").asText();
    assertTrue(error.contains("--flinkMaster") && error.contains("cannot reach a Flink cluster"), error);
    assertTrue(seconds < 15, "took " + seconds + " s");
    assertFalse(Files.exists(out), "nothing may be written before the cluster is known to answer");
  }

  /** Same rounds, byte for byte: same candidates, same seeds, same objectives. */
  static void assertSameHistory(Path expected, Path actual) throws IOException {
    RunFolder a = new RunFolder(expected);
    RunFolder b = new RunFolder(actual);
    assertEquals(a.finishedRounds(), b.finishedRounds());
    for (int round : a.finishedRounds()) {
      assertArrayEquals(Files.readAllBytes(a.roundFile(round)), Files.readAllBytes(b.roundFile(round)), "round " + round);
    }
    assertEquals(a.readHistory(), b.readHistory());
  }

  private static Path fatJar() throws Exception {
    // test classes live in pipelines/<build folder>/test-classes; the fat jar beside them
    Path testClasses = Path.of(FlinkClusterIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = testClasses.getParent().resolve("axnas.jar");
    assertTrue(Files.isRegularFile(jar), "no fat jar at " + jar + ": run the ITs with mvn verify (after package)");
    return jar;
  }

  /** Runs the fat jar as ./axnas does, in its own JVM; returns its JSON document. */
  private static JsonNode axnasJar(Path jar, String name, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx1g", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
        "-Daxnas.home=" + REPO, "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED", "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    Path log = dir.resolve(name + ".log");
    Path json = dir.resolve(name + ".json");
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).redirectOutput(json.toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), name + " did not finish in 3 minutes: " + Files.readString(log));
    String stderr = Files.readString(log);
    assertEquals(0, p.exitValue(), stderr);
    // the cluster preloads this jar: jobs staged a tiny jar, and the classes still loaded
    assertFalse(stderr.contains("does not have this axnas jar"), stderr);
    return JsonOutput.mapper().readTree(json.toFile());
  }

  private static Process script(Path state, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(REPO.resolve("scripts/flink-cluster").toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--dir", state.toString()));
    Files.createDirectories(state);
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(state.resolve(args[0] + ".out").toFile()).start();
  }

  private static void stopCluster(Path state) {
    try {
      script(state, "stop").waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static JsonNode rest(int port, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JsonOutput.mapper().readTree(r.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
