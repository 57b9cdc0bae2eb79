package org.axnas.pipelines.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.axnas.schemas.Evaluation;
import org.axnas.schemas.EvaluationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history written while the status was a string (before the Avro enum) still reads. */
class OlderHistoryTest {

  @Test
  void aStatusWrittenAsAStringReadsAsTheEnum(@TempDir Path dir) throws Exception {
    // the schema as it was: status a string
    String json = Evaluation.getClassSchema().toString()
        .replaceAll("\\{\"type\":\"enum\",\"name\":\"EvaluationStatus\"[^}]*}", "\"string\"");
    Schema older = new Schema.Parser().parse(json);
    assertEquals(Schema.Type.STRING, older.getField("status").schema().getType(), json);
    GenericRecord ok = record(older, 0, "6-8:sigmoid-1", "OK", 0.75);
    GenericRecord diverged = record(older, 1, "6-2:relu-1", "DIVERGED", 0);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(older))) {
      w.create(older, buf);
      w.append(ok);
      w.append(diverged);
    }
    Path file = Files.write(dir.resolve("round-0001.avro"), buf.toByteArray());

    List<Evaluation> read = AvroFiles.read(file, Evaluation.class);
    assertEquals(2, read.size());
    assertEquals(EvaluationStatus.OK, read.get(0).getStatus());
    assertEquals(0.75, read.get(0).getAccuracy(), 0);
    assertEquals("6-8:sigmoid-1", read.get(0).getNetwork());
    assertEquals(EvaluationStatus.DIVERGED, read.get(1).getStatus());
  }

  private static GenericRecord record(Schema schema, int trial, String network, String status, double accuracy) {
    GenericData.Record r = new GenericData.Record(schema);
    for (Schema.Field f : schema.getFields()) {
      if (f.hasDefaultValue()) {
        r.put(f.name(), GenericData.get().getDefaultValue(f));
      }
    }
    r.put("trialId", trial);
    r.put("round", 1);
    r.put("network", network);
    r.put("seed", 7L);
    r.put("status", status);
    r.put("accuracy", accuracy);
    return r;
  }
}
