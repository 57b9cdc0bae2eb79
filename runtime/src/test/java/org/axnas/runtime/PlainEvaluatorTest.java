package org.axnas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlainEvaluatorTest {
  @Test
  void isAFewFilesThatNeedOnlyTheJdk() throws IOException {
    // PlainEvaluator and the fixed-point arithmetic it computes in: what a program copies
    for (String name : new String[] {"PlainEvaluator", "Quantisation", "Precision", "Rounding", "ActivationUnit", "FixedPoint"}) {
      Path source = Path.of("runtime/src/main/java/org/axnas/runtime/" + name + ".java");
      for (String line : Files.readAllLines(source)) {
        if (line.startsWith("import ")) {
          assertTrue(line.startsWith("import java."), name + ": " + line);
        }
      }
    }
  }

  @Test
  void readsTheProvenanceBlockAndToleratesItsAbsence() throws Exception {
    String json = Files.readString(FinishedRunTest.fixture().resolve("selected/model.json"));
    assertTrue(PlainEvaluator.fromJson(json).provenance().isEmpty());
    String with = json.replaceFirst("\\{", "{\"provenance\":{\"seed\":7,\"training\":{\"epochs\":150},\"axnasVersion\":\"0.1.0\"},");
    PlainEvaluator e = PlainEvaluator.fromJson(with);
    assertEquals("7", e.provenance().get("seed"));
    assertEquals("150", e.provenance().get("training.epochs"));
    assertEquals("0.1.0", e.provenance().get("axnasVersion"));
    assertThrows(IllegalArgumentException.class, () -> PlainEvaluator.fromJson(json.substring(0, 40)));
  }
}
