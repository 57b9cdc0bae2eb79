package org.axnas.traces;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axnas.core.Splits;
import org.axnas.schemas.TraceSample;

/**
 * Trace samples of one benchmark in dense arrays, in the order they were added: what the traces
 * stage moves between its steps. One element per batch (a shard of the index space) instead of one
 * per sample, because a runner pays per element (the DirectRunner encodes, clones and checks every
 * element; a grouping keeps every element in its state) and a boxed Avro record per sample costs
 * far more than the kernel that made it.
 *
 * <p>Immutable: the arrays are never written after {@link Builder#build()} and are handed out only
 * as read-only views or copies.
 */
public final class TraceBatch {
  private final String benchmark;
  private final int inputWidth;
  private final int outputWidth;
  private final long[] indices;
  private final float[] inputs;
  private final float[] outputs;

  private TraceBatch(String benchmark, int inputWidth, int outputWidth, long[] indices, float[] inputs, float[] outputs) {
    this.benchmark = Objects.requireNonNull(benchmark, "benchmark");
    this.inputWidth = inputWidth;
    this.outputWidth = outputWidth;
    this.indices = indices;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /**
   * A batch over these arrays, which it takes over (the caller must not write them afterwards):
   * sample i has index indices[i], input inputs[i*inputWidth ..] and output outputs[i*outputWidth ..].
   */
  public static TraceBatch wrap(String benchmark, int inputWidth, int outputWidth, long[] indices, float[] inputs,
      float[] outputs) {
    if (inputWidth < 0 || outputWidth < 0) {
      throw new IllegalArgumentException("widths must be >= 0, got " + inputWidth + " -> " + outputWidth);
    }
    if ((long) indices.length * inputWidth != inputs.length || (long) indices.length * outputWidth != outputs.length) {
      throw new IllegalArgumentException(indices.length + " samples of widths " + inputWidth + " -> " + outputWidth
          + " need " + indices.length * inputWidth + " inputs and " + indices.length * outputWidth + " outputs, got "
          + inputs.length + " and " + outputs.length);
    }
    return new TraceBatch(benchmark, inputWidth, outputWidth, indices, inputs, outputs);
  }

  public static Builder builder(String benchmark, int inputWidth, int outputWidth) {
    return new Builder(benchmark, inputWidth, outputWidth, 16);
  }

  /**
   * Samples in batches of at most maxSize, in their order; a new batch starts where the benchmark
   * or the widths change, so samples of any shape can be batched (a later stage reports a width
   * that does not match).
   */
  public static List<TraceBatch> of(List<TraceSample> samples, int maxSize) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + maxSize);
    }
    List<TraceBatch> batches = new ArrayList<>();
    Builder b = null;
    for (TraceSample s : samples) {
      String name = s.getBenchmark().toString();
      if (b == null || b.size() == maxSize || !b.fits(name, s.getInput().size(), s.getOutput().size())) {
        if (b != null) {
          batches.add(b.build());
        }
        b = new Builder(name, s.getInput().size(), s.getOutput().size(), Math.min(maxSize, 1024));
      }
      b.add(s);
    }
    if (b != null) {
      batches.add(b.build());
    }
    return batches;
  }

  public String benchmark() {
    return benchmark;
  }

  public int inputWidth() {
    return inputWidth;
  }

  public int outputWidth() {
    return outputWidth;
  }

  public int size() {
    return indices.length;
  }

  public long index(int i) {
    return indices[i];
  }

  /** Value j of sample i's input. */
  public float input(int i, int j) {
    return inputs[i * inputWidth + Objects.checkIndex(j, inputWidth)];
  }

  /** Value j of sample i's output. */
  public float output(int i, int j) {
    return outputs[i * outputWidth + Objects.checkIndex(j, outputWidth)];
  }

  /** Read-only views of the arrays, for bulk copies (a coder). */
  public LongBuffer indices() {
    return LongBuffer.wrap(indices).asReadOnlyBuffer();
  }

  public FloatBuffer inputs() {
    return FloatBuffer.wrap(inputs).asReadOnlyBuffer();
  }

  public FloatBuffer outputs() {
    return FloatBuffer.wrap(outputs).asReadOnlyBuffer();
  }

  /** Sample i as the Avro record the trace files hold. */
  public TraceSample sample(int i) {
    return new TraceSample(benchmark, indices[i], boxed(inputs, i * inputWidth, inputWidth),
        boxed(outputs, i * outputWidth, outputWidth));
  }

  /** Every sample, in order. */
  public List<TraceSample> samples() {
    List<TraceSample> l = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      l.add(sample(i));
    }
    return l;
  }

  /** Whether sample i holds neither NaN nor an infinity. */
  public boolean isFinite(int i) {
    return finite(inputs, i * inputWidth, inputWidth) && finite(outputs, i * outputWidth, outputWidth);
  }

  /**
   * The samples of each part of the split, in this batch's order (a part may be empty), and the
   * samples holding NaN or infinity, which go to no part.
   */
  public Parts split(Splits splits) {
    Map<Splits.Part, Builder> parts = new EnumMap<>(Splits.Part.class);
    for (Splits.Part p : Splits.Part.values()) {
      parts.put(p, new Builder(benchmark, inputWidth, outputWidth, Math.max(16, size() / 2)));
    }
    List<TraceSample> nonFinite = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (!isFinite(i)) {
        nonFinite.add(sample(i));
        continue;
      }
      parts.get(splits.of(indices[i])).add(this, i);
    }
    return new Parts(parts.get(Splits.Part.TRAIN).build(), parts.get(Splits.Part.VALIDATION).build(),
        parts.get(Splits.Part.TEST).build(), nonFinite);
  }

  /** A batch cut into the parts of a split. */
  public record Parts(TraceBatch train, TraceBatch validation, TraceBatch test, List<TraceSample> nonFinite) {
    public TraceBatch get(Splits.Part part) {
      return switch (part) {
        case TRAIN -> train;
        case VALIDATION -> validation;
        case TEST -> test;
      };
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceBatch b && benchmark.equals(b.benchmark) && inputWidth == b.inputWidth
        && outputWidth == b.outputWidth && Arrays.equals(indices, b.indices) && Arrays.equals(inputs, b.inputs)
        && Arrays.equals(outputs, b.outputs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(benchmark, inputWidth, outputWidth, Arrays.hashCode(indices), Arrays.hashCode(inputs),
        Arrays.hashCode(outputs));
  }

  @Override
  public String toString() {
    return "TraceBatch{" + benchmark + ", " + size() + " samples " + inputWidth + "->" + outputWidth
        + (size() > 0 ? ", indices " + indices[0] + ".." + indices[size() - 1] : "") + "}";
  }

  private static List<Float> boxed(float[] v, int from, int n) {
    List<Float> l = new ArrayList<>(n);
    for (int j = from; j < from + n; j++) {
      l.add(v[j]);
    }
    return l;
  }

  private static boolean finite(float[] v, int from, int n) {
    for (int j = from; j < from + n; j++) {
      if (!Float.isFinite(v[j])) {
        return false;
      }
    }
    return true;
  }

  /** Collects samples into a batch; not thread-safe, and spent by build(). */
  public static final class Builder {
    private final String benchmark;
    private final int inputWidth;
    private final int outputWidth;
    private long[] indices;
    private float[] inputs;
    private float[] outputs;
    private int size;

    private Builder(String benchmark, int inputWidth, int outputWidth, int capacity) {
      if (inputWidth < 0 || outputWidth < 0) {
        throw new IllegalArgumentException("widths must be >= 0, got " + inputWidth + " -> " + outputWidth);
      }
      this.benchmark = Objects.requireNonNull(benchmark, "benchmark");
      this.inputWidth = inputWidth;
      this.outputWidth = outputWidth;
      this.indices = new long[capacity];
      this.inputs = new float[capacity * inputWidth];
      this.outputs = new float[capacity * outputWidth];
    }

    /** Room for this many samples without growing. */
    public Builder withCapacity(int capacity) {
      ensure(capacity);
      return this;
    }

    public int size() {
      return size;
    }

    boolean fits(String name, int in, int out) {
      return benchmark.equals(name) && inputWidth == in && outputWidth == out;
    }

    /** Appends a sample; the arrays are copied. */
    public Builder add(long index, float[] input, float[] output) {
      if (input.length != inputWidth || output.length != outputWidth) {
        throw new IllegalArgumentException("sample " + index + " has widths " + input.length + " -> " + output.length
            + ", the batch " + inputWidth + " -> " + outputWidth);
      }
      ensure(size + 1);
      indices[size] = index;
      System.arraycopy(input, 0, inputs, size * inputWidth, inputWidth);
      System.arraycopy(output, 0, outputs, size * outputWidth, outputWidth);
      size++;
      return this;
    }

    Builder add(TraceSample s) {
      float[] in = new float[s.getInput().size()];
      for (int j = 0; j < in.length; j++) {
        in[j] = s.getInput().get(j);
      }
      float[] out = new float[s.getOutput().size()];
      for (int j = 0; j < out.length; j++) {
        out[j] = s.getOutput().get(j);
      }
      return add(s.getIndex(), in, out);
    }

    private void add(TraceBatch from, int i) {
      ensure(size + 1);
      indices[size] = from.indices[i];
      System.arraycopy(from.inputs, i * inputWidth, inputs, size * inputWidth, inputWidth);
      System.arraycopy(from.outputs, i * outputWidth, outputs, size * outputWidth, outputWidth);
      size++;
    }

    private void ensure(int capacity) {
      if (capacity > indices.length) {
        int n = Math.max(capacity, indices.length * 2);
        indices = Arrays.copyOf(indices, n);
        inputs = Arrays.copyOf(inputs, n * inputWidth);
        outputs = Arrays.copyOf(outputs, n * outputWidth);
      }
    }

    public TraceBatch build() {
      TraceBatch b = new TraceBatch(benchmark, inputWidth, outputWidth, Arrays.copyOf(indices, size),
          Arrays.copyOf(inputs, size * inputWidth), Arrays.copyOf(outputs, size * outputWidth));
      indices = new long[0];
      inputs = new float[0];
      outputs = new float[0];
      size = 0;
      return b;
    }
  }
}
