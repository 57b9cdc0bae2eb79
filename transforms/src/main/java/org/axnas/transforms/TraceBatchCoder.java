package org.axnas.transforms;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.axnas.traces.TraceBatch;

/**
 * Encodes a {@link TraceBatch} as its benchmark name, widths and size followed by the raw big-endian
 * arrays, copied in bulk: bit-exact (NaN payloads included), deterministic, and about as cheap as a
 * memory copy, where an Avro record per sample costs a boxed float and a reflective write per value.
 */
public final class TraceBatchCoder extends AtomicCoder<TraceBatch> {
  private static final TraceBatchCoder INSTANCE = new TraceBatchCoder();
  // refuse a corrupt header rather than allocate gigabytes
  private static final long MAX_BYTES = Integer.MAX_VALUE - 64;

  private TraceBatchCoder() {}

  public static TraceBatchCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(TraceBatch batch, OutputStream out) throws IOException {
    if (batch == null) {
      throw new CoderException("cannot encode a null TraceBatch");
    }
    StringUtf8Coder.of().encode(batch.benchmark(), out);
    VarIntCoder.of().encode(batch.inputWidth(), out);
    VarIntCoder.of().encode(batch.outputWidth(), out);
    VarIntCoder.of().encode(batch.size(), out);
    int n = batch.size();
    ByteBuffer buf = ByteBuffer.allocate((int) bytes(n, batch.inputWidth(), batch.outputWidth()));
    buf.asLongBuffer().put(batch.indices());
    buf.position(n * Long.BYTES);
    buf.asFloatBuffer().put(batch.inputs());
    buf.position(n * Long.BYTES + n * batch.inputWidth() * Float.BYTES);
    buf.asFloatBuffer().put(batch.outputs());
    out.write(buf.array());
  }

  @Override
  public TraceBatch decode(InputStream in) throws IOException {
    String benchmark = StringUtf8Coder.of().decode(in);
    int inputWidth = VarIntCoder.of().decode(in);
    int outputWidth = VarIntCoder.of().decode(in);
    int n = VarIntCoder.of().decode(in);
    if (inputWidth < 0 || outputWidth < 0 || n < 0) {
      throw new CoderException("corrupt TraceBatch header: widths " + inputWidth + " -> " + outputWidth + ", size " + n);
    }
    byte[] bytes = new byte[(int) bytes(n, inputWidth, outputWidth)];
    new DataInputStream(in).readFully(bytes);
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    long[] indices = new long[n];
    float[] inputs = new float[n * inputWidth];
    float[] outputs = new float[n * outputWidth];
    buf.asLongBuffer().get(indices);
    buf.position(n * Long.BYTES);
    buf.asFloatBuffer().get(inputs);
    buf.position(n * Long.BYTES + inputs.length * Float.BYTES);
    buf.asFloatBuffer().get(outputs);
    return TraceBatch.wrap(benchmark, inputWidth, outputWidth, indices, inputs, outputs);
  }

  private static long bytes(long n, int inputWidth, int outputWidth) throws CoderException {
    long b = n * Long.BYTES + n * ((long) inputWidth + outputWidth) * Float.BYTES;
    if (b > MAX_BYTES) {
      throw new CoderException("a TraceBatch of " + n + " samples " + inputWidth + " -> " + outputWidth
          + " is too large to encode in one piece (" + b + " bytes); use smaller shards");
    }
    return b;
  }

  @Override
  public void verifyDeterministic() {}
}
