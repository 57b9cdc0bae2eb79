package org.axnas.pipelines;

import org.axnas.pipelines.run.JsonOutput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.TimeUnit;
import org.axnas.pipelines.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Flink TaskManager killed (SIGKILL) in the middle of a round on a real session cluster
 * ({@code scripts/flink-cluster}, two TaskManagers): the round fails with a message that says to
 * resume, the finished round is kept as it was, and {@code --resume} on the TaskManager left
 * completes the search with the DirectRunner's history, byte for byte. Runs after {@code package} (the cluster runs
 * the fat jar).
 */
class FaultFlinkTaskManagerIT {
  private static final Path REPO = Path.of("").toAbsolutePath(); // failsafe runs in the repository root

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aTaskManagerKilledMidRoundLosesNothing() throws Exception {
    // under the build folder, not a temporary one: the cluster's and the searches' logs stay for a look
    Path dir = fatJar().resolveSibling("fault-flink-it");
    org.axnas.pipelines.run.RunFolder.deleteTree(dir);
    Files.createDirectories(dir);
    Path config = Faults.config(dir, "tm", "kmeans", "");
    // trainings of several seconds, so that the kill surely lands while candidates train (the
    // cluster's REST answers from a cache that may be a few seconds old)
    Files.writeString(config, Files.readString(config).replace("budget: 6", "budget: 4").replace("epochs: 8", "epochs: 1000"));
    Path direct = dir.resolve("direct");
    assertEquals(0, TracesCommandTest.run("search", "--config", config.toString(), "--out", direct.toString()).code());

    Path jar = fatJar();
    Path state = dir.resolve("cluster");
    int restPort = freePort();
    List<Process> searches = new ArrayList<>();
    Thread stopOnExit = new Thread(() -> script(state, "stop"));
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      // two TaskManagers of one slot each: a round runs on both
      startCluster(state, jar, restPort, freePort());
      Path out = dir.resolve("run");
      RunFolder folder = new RunFolder(out);
      Path log = dir.resolve("search-1.log");
      Process search = axnas(jar, log, "search", "--config", config.toString(), "--out", out.toString(),
          "--runner=FlinkRunner", "--flinkMaster=localhost:" + restPort);
      searches.add(search);
      // mid-round: TaskManager 1 runs its part of round 2's training (its log says so; the REST
      // API answers from a cache, and a job can be RUNNING while its tasks still wait for slots)
      Path tmLog = state.resolve("log/taskmanager-1.log");
      Faults.awaitWhileRunning(search, log, "round 2 training on TaskManager 1", () -> {
        try {
          return Files.exists(tmLog) && Files.readAllLines(tmLog).stream().anyMatch(l ->
              l.contains("round-0002/EvaluateCandidates/TrainScoreSimulate)") && l.contains("switched from INITIALIZING to RUNNING"));
        } catch (IOException e) {
          return false;
        }
      }, 50);
      byte[] round1 = Files.readAllBytes(folder.roundFile(1));

      long tm = Long.parseLong(Files.readString(state.resolve("pids/taskmanager-1.pid")).trim());
      ProcessHandle.of(tm).orElseThrow().destroyForcibly();
      assertTrue(search.waitFor(3, TimeUnit.MINUTES), "the search did not end after a TaskManager was killed; see " + dir);
      String stderr = Files.readString(log);
      assertEquals(1, search.exitValue(), stderr);
      assertTrue(stderr.contains("round 2 failed on the runner") && stderr.contains("rerun with --resume"), stderr);
      assertEquals(List.of(1), folder.finishedRounds());
      assertArrayEquals(round1, Files.readAllBytes(folder.roundFile(1)), "the finished round is kept as it was");

      // --resume on what is left of the cluster redoes round 2 and finishes, once Flink has noticed
      // the loss (a heartbeat timeout): before that it counts the lost slot, and a job sized for it
      // would wait for it (slot.request.timeout, 5 minutes)
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (taskManagers(restPort) != 1) {
        assertTrue(System.nanoTime() < deadline, "the cluster still counts the killed TaskManager after 2 minutes");
        Thread.sleep(500);
      }
      Path log2 = dir.resolve("search-2.log");
      Process resume = axnas(jar, log2, "search", "--config", config.toString(), "--out", out.toString(), "--resume",
          "--runner=FlinkRunner", "--flinkMaster=localhost:" + restPort);
      searches.add(resume);
      assertTrue(resume.waitFor(4, TimeUnit.MINUTES), "the resumed search did not finish: " + Files.readString(log2));
      assertEquals(0, resume.exitValue(), Files.readString(log2));
      assertTrue(Files.readString(log2).contains("resuming after round 1: 2 evaluations kept"), Files.readString(log2));
      Faults.assertSameHistory(direct, out);
    } finally {
      searches.forEach(Process::destroyForcibly);
      script(state, "stop");
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }
  }

  private static void startCluster(Path state, Path jar, int restPort, int rpcPort) throws Exception {
    Process start = new ProcessBuilder(command(state, "start", "--taskmanagers", "2", "--slots", "1", "--port",
        Integer.toString(restPort), "--rpc-port", Integer.toString(rpcPort), "--axnas-jar", jar.toString()))
        .redirectErrorStream(true).redirectOutput(state.resolve("start.out").toFile()).start();
    assertEquals(0, start.waitFor(), "scripts/flink-cluster start failed: " + Files.readString(state.resolve("start.out")));
  }

  private static List<String> command(Path state, String... args) throws IOException {
    Files.createDirectories(state);
    List<String> cmd = new ArrayList<>(List.of(REPO.resolve("scripts/flink-cluster").toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--dir", state.toString()));
    return cmd;
  }

  private static void script(Path state, String what) {
    try {
      new ProcessBuilder(command(state, what)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve(what + ".out").toFile())).start().waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The fat jar as ./axnas runs it, in its own JVM. */
  private static Process axnas(Path jar, Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Daxnas.home=" + REPO, "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static int taskManagers(int port) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/overview")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return JsonOutput.mapper().readTree(r.body()).get("taskmanagers").asInt();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static Path fatJar() throws Exception {
    Path testClasses = Path.of(FaultFlinkTaskManagerIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = testClasses.getParent().resolve("axnas.jar");
    assertTrue(Files.isRegularFile(jar), "no fat jar at " + jar + ": run the ITs with mvn verify (after package)");
    return jar;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
