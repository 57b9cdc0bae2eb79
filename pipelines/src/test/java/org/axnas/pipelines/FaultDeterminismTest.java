package org.axnas.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axnas.pipelines.run.AvroFiles;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.ParetoEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One config and seed, one result: two DirectRunner searches, one with the default worker
 * threads and one with a single thread (so candidates finish in another order), give
 * byte-identical history and failure files, the same Pareto set and the same selected model.
 * (FlinkClusterIT compares the DirectRunner with Flink.)
 */
class FaultDeterminismTest {

  @Test
  void sameConfigAndSeedGiveByteIdenticalHistories(@TempDir Path dir) throws Exception {
    Path cfg = Faults.config(dir, "det", "blackscholes", "");
    Files.writeString(cfg, Files.readString(cfg).replace("budget: 6", "budget: 4"));
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertEquals(0, TracesCommandTest.run("search", "--config", cfg.toString(), "--out", a.toString()).code());
    assertEquals(0, TracesCommandTest.run("search", "--config", cfg.toString(), "--out", b.toString(),
        "--targetParallelism=1").code());
    Faults.assertSameHistory(a, b);
    RunFolder fa = new RunFolder(a);
    RunFolder fb = new RunFolder(b);
    for (int round : fa.finishedRounds()) {
      assertArrayEquals(Files.readAllBytes(fa.roundFailures(round)), Files.readAllBytes(fb.roundFailures(round)), "failures " + round);
    }
    assertEquals(FaultKilledDriverTest.stripModelPaths(AvroFiles.read(fa.paretoAvro(), ParetoEntry.class)),
        FaultKilledDriverTest.stripModelPaths(AvroFiles.read(fb.paretoAvro(), ParetoEntry.class)));
    assertArrayEquals(Files.readAllBytes(fa.selected().resolve("model.json")), Files.readAllBytes(fb.selected().resolve("model.json")));
  }
}
