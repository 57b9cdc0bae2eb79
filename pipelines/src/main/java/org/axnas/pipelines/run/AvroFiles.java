package org.axnas.pipelines.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.axnas.pipelines.config.ConfigException;

/**
 * Small Avro container files written by the driver (history rounds, manifest, Pareto set):
 * atomically, and byte-for-byte reproducible. Avro normally picks a random 16-byte sync marker per
 * file; here it is derived from the file's name, so the same records give the same bytes.
 */
public final class AvroFiles {
  private AvroFiles() {}

  public static <T extends SpecificRecord> void write(Path target, Class<T> type, List<T> records) {
    try {
      T any = type.getDeclaredConstructor().newInstance();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (DataFileWriter<T> w = new DataFileWriter<>(new SpecificDatumWriter<>(type))) {
        w.create(any.getSchema(), buf, syncMarker(target.getFileName().toString()));
        for (T r : records) {
          w.append(r);
        }
      }
      AtomicFiles.write(target, buf.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads every record; a corrupt or truncated file is refused naming it. */
  public static <T extends SpecificRecord> List<T> read(Path file, Class<T> type) {
    return read(file, type, "restore it from a backup");
  }

  /**
   * Reads every record; a corrupt or truncated file is refused naming it, with {@code remedy}
   * telling the user what to do about it.
   */
  public static <T extends SpecificRecord> List<T> read(Path file, Class<T> type, String remedy) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), null, "cannot read: " + e.getMessage());
    }
    List<T> out = new ArrayList<>();
    if (hasStringForEnum(bytes, type)) {
      return readOlderStrings(file, bytes, type, remedy);
    }
    try (DataFileReader<T> r = new DataFileReader<>(new SeekableByteArrayInput(bytes), new SpecificDatumReader<>(type))) {
      while (r.hasNext()) {
        out.add(r.next());
      }
      requireWhole(r, bytes.length);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file.toString(), null,
          "corrupt or truncated Avro file (" + e.getMessage() + "); " + remedy);
    }
    return out;
  }

  /**
   * Files written before a string field became an enum (the evaluation status, in histories made
   * before it was an Avro enum): Avro cannot resolve a string into an enum, so such a file is read
   * with its own schema and each record rebuilt field by field, the string becoming the symbol.
   */
  private static <T extends SpecificRecord> boolean hasStringForEnum(byte[] bytes, Class<T> type) {
    try (DataFileReader<GenericRecord> r = new DataFileReader<>(new SeekableByteArrayInput(bytes),
        new GenericDatumReader<>())) {
      Schema writer = r.getSchema();
      Schema reader = SpecificData.get().getSchema(type);
      for (Schema.Field f : reader.getFields()) {
        Schema.Field w = writer.getField(f.name());
        if (w != null && f.schema().getType() == Schema.Type.ENUM && w.schema().getType() == Schema.Type.STRING) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false; // the normal path reports what is wrong with the file
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecord> List<T> readOlderStrings(Path file, byte[] bytes, Class<T> type,
      String remedy) {
    Schema reader = SpecificData.get().getSchema(type);
    List<T> out = new ArrayList<>();
    try (DataFileReader<GenericRecord> r = new DataFileReader<>(new SeekableByteArrayInput(bytes),
        new GenericDatumReader<>())) {
      while (r.hasNext()) {
        GenericRecord old = r.next();
        GenericData.Record now = new GenericData.Record(reader);
        for (Schema.Field f : reader.getFields()) {
          Object v = old.getSchema().getField(f.name()) == null ? GenericData.get().getDefaultValue(f) : old.get(f.name());
          if (f.schema().getType() == Schema.Type.ENUM && v != null) {
            v = new GenericData.EnumSymbol(f.schema(), v.toString());
          }
          now.put(f.name(), v);
        }
        out.add((T) SpecificData.get().deepCopy(reader, now));
      }
      requireWhole(r, bytes.length);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file.toString(), null,
          "corrupt or truncated Avro file (" + e.getMessage() + "); " + remedy);
    }
    return out;
  }

  /**
   * Avro's reader takes a file cut inside a block for a shorter whole file: it stops at the last
   * complete block without a word. A whole file ends right after a block's sync marker.
   */
  public static void requireWhole(DataFileReader<?> reader, long length) throws IOException {
    if (reader.previousSync() != length) {
      throw new IOException("the file ends inside a block: its last complete block ends at byte " + reader.previousSync()
          + " of " + length);
    }
  }

  static byte[] syncMarker(String name) {
    long h = 0xCBF29CE484222325L;
    for (char c : name.toCharArray()) {
      h = (h ^ c) * 0x100000001B3L;
    }
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putLong(h);
    b.putLong(Long.rotateLeft(h * 0x9E3779B97F4A7C15L, 17) ^ 0x5DEECE66DL);
    return b.array();
  }
}
