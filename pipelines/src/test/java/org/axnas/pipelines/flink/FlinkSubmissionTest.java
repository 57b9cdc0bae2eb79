package org.axnas.pipelines.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.axnas.pipelines.run.JsonOutput;
import org.axnas.pipelines.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkSubmissionTest {

  @Test
  void aMasterIsAHostAndPortOrAUrl() {
    assertEquals(URI.create("http://localhost:8081"), FlinkSubmission.restAddress("localhost:8081"));
    assertEquals(URI.create("http://jm.example:9000"), FlinkSubmission.restAddress("http://jm.example:9000/"));
    ConfigException e = assertThrows(ConfigException.class, () -> FlinkSubmission.restAddress("localhost"));
    assertTrue(e.getMessage().contains("--flinkMaster") && e.getMessage().contains("host:port"), e.getMessage());
    assertTrue(FlinkSubmission.isEmbedded("[local]") && FlinkSubmission.isEmbedded("[auto]"));
  }

  @Test
  void thePreloadedJarIsReadFromTheClusterConfig() throws Exception {
    var config = JsonOutput.mapper().readTree("[{\"key\":\"rest.port\",\"value\":\"8081\"},{\"key\":\"axnas.jar.sha256\",\"value\":\"ab12\"}]");
    assertEquals("ab12", FlinkSubmission.clusterConfig(config, FlinkSubmission.JAR_SHA256_KEY));
    assertNull(FlinkSubmission.clusterConfig(config, "nope"));
  }

  @Test
  void theStubJarIsAJarThatNamesTheClusterJar(@TempDir Path dir) throws Exception {
    Path stub = FlinkSubmission.stubJar("ab12");
    assertTrue(Files.size(stub) < 1024, "a few hundred bytes, not the fat jar");
    try (JarFile j = new JarFile(stub.toFile())) {
      assertEquals("ab12", j.getManifest().getMainAttributes().getValue("Axnas-Jar-SHA-256"));
    }
    Path f = dir.resolve("f");
    Files.writeString(f, "abc");
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FlinkSubmission.hash(f));
  }

  @Test
  void embeddedFlinkStagesNothingAndCopiesNothing() {
    FlinkPipelineOptions o = PipelineOptionsFactory.fromArgs("--runner=FlinkRunner", "--flinkMaster=[local]")
        .as(FlinkPipelineOptions.class);
    FlinkSubmission.prepare(o, List.of("--runner=FlinkRunner", "--flinkMaster=[local]"), new PrintStream(new ByteArrayOutputStream()));
    assertEquals(List.of(), o.getFilesToStage());
    assertTrue(o.getFasterCopy());
  }
}
