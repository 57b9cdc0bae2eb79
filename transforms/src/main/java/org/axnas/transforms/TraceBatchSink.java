package org.axnas.transforms;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.apache.beam.sdk.io.DefaultFilenamePolicy;
import org.apache.beam.sdk.io.DynamicFileDestinations;
import org.apache.beam.sdk.io.FileBasedSink;
import org.apache.beam.sdk.io.WriteFiles;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.ValueProvider.StaticValueProvider;
import org.apache.beam.sdk.util.MimeTypes;
import org.axnas.schemas.TraceSample;
import org.axnas.traces.TraceBatch;

/**
 * Writes the samples of {@link TraceBatch}es to Avro files of TraceSample records exactly as
 * {@code AvroIO.write(TraceSample.class).to(prefix).withSuffix(".avro")} writes one element per
 * sample: same schema, snappy codec, record bytes, file names ({@code <prefix>-00000-of-00001.avro})
 * and temporary folder, which the write removes. Readers of trace files see no difference.
 */
public final class TraceBatchSink extends FileBasedSink<TraceBatch, Void, TraceBatch> {

  private TraceBatchSink(ResourceId prefix) {
    super(StaticValueProvider.of(prefix), DynamicFileDestinations.constant(
        DefaultFilenamePolicy.fromStandardParameters(StaticValueProvider.of(prefix), null, ".avro", false)));
  }

  /** Writes to {@code <prefix>-SSSSS-of-NNNNN.avro}, one file per shard. */
  public static WriteFiles<TraceBatch, Void, TraceBatch> write(String prefix, int shards) {
    return WriteFiles.to(new TraceBatchSink(FileBasedSink.convertToFileResourceIfPossible(prefix))).withNumShards(shards);
  }

  @Override
  public WriteOperation<Void, TraceBatch> createWriteOperation() {
    return new WriteOperation<>(this) {
      @Override
      public Writer<Void, TraceBatch> createWriter() {
        return new SampleWriter(this);
      }
    };
  }

  /**
   * Writes each sample of a batch as a TraceSample record, encoded straight from the batch's arrays
   * in Avro's binary encoding of the record (string, long, two float arrays): the bytes a
   * DatumWriter of TraceSample writes, without building a record of boxed floats per sample.
   */
  private static final class SampleWriter extends Writer<Void, TraceBatch> {
    private final Row row = new Row();
    private DataFileWriter<Row> file;

    SampleWriter(WriteOperation<Void, TraceBatch> operation) {
      super(operation, MimeTypes.BINARY);
    }

    @Override
    protected void prepareWrite(WritableByteChannel channel) throws Exception {
      file = new DataFileWriter<>(new RowWriter()).setCodec(CodecFactory.snappyCodec());
      file.create(TraceSample.getClassSchema(), Channels.newOutputStream(channel));
    }

    @Override
    public void write(TraceBatch batch) throws Exception {
      row.batch = batch;
      for (int i = 0; i < batch.size(); i++) {
        row.index = i;
        file.append(row);
      }
    }

    @Override
    protected void finishWrite() throws Exception {
      file.flush();
    }
  }

  /** A sample of a batch, by position. */
  private static final class Row {
    TraceBatch batch;
    int index;
  }

  /** Encodes a Row as a TraceSample record, field by field in the schema's order. */
  private static final class RowWriter implements DatumWriter<Row> {
    @Override
    public void setSchema(Schema schema) {}

    @Override
    public void write(Row r, Encoder out) throws IOException {
      TraceBatch b = r.batch;
      out.writeString(b.benchmark());
      out.writeLong(b.index(r.index));
      out.writeArrayStart();
      out.setItemCount(b.inputWidth());
      for (int j = 0; j < b.inputWidth(); j++) {
        out.startItem();
        out.writeFloat(b.input(r.index, j));
      }
      out.writeArrayEnd();
      out.writeArrayStart();
      out.setItemCount(b.outputWidth());
      for (int j = 0; j < b.outputWidth(); j++) {
        out.startItem();
        out.writeFloat(b.output(r.index, j));
      }
      out.writeArrayEnd();
    }
  }
}
