package org.axnas.kernels;

import java.util.SplittableRandom;

/**
 * Seeded 512x512 RGB images that stand in for AxBench's photos: a two-colour gradient
 * background, smooth cloud-like texture and periodic stripes, a few dozen filled shapes (discs,
 * ellipses, rotated rectangles, triangles, some shaded, striped or coarse-grained) with hard
 * edges, and per-pixel noise. That gives sobel real edges and flat areas, jpeg both smooth and
 * busy 8x8 blocks, and kmeans colour clusters; on sobel their statistics span those of AxBench's
 * photos (mean gradient 0.06 to 0.25 against 0.13 to 0.19, 1.5 to 10 % of pixels clamped against
 * 5 to 9 %). About one image in seven is grey (r = g = b), as five of AxBench's 36 images are.
 * Image n of a seed is always the same image.
 */
final class SyntheticImage {
  static final int SIZE = 512;

  private final float[] r = new float[SIZE * SIZE];
  private final float[] g = new float[SIZE * SIZE];
  private final float[] b = new float[SIZE * SIZE];
  private final SplittableRandom rnd;

  private SyntheticImage(SplittableRandom rnd) {
    this.rnd = rnd;
  }

  /** Image number {@code image} of the given seed. */
  static RgbImage generate(long seed, long image) {
    SyntheticImage s = new SyntheticImage(InputStreams.random(seed, InputStreams.IMAGES, image));
    s.background();
    s.clouds();
    s.stripes();
    int shapes = 12 + s.rnd.nextInt(25);
    for (int i = 0; i < shapes; i++) {
      s.shape();
    }
    return s.toImage(s.rnd.nextInt(7) == 0);
  }

  private void background() {
    float[] c0 = color();
    float[] c1 = color();
    double angle = rnd.nextDouble() * 2 * Math.PI;
    double ux = Math.cos(angle) / (SIZE * Math.sqrt(2));
    double uy = Math.sin(angle) / (SIZE * Math.sqrt(2));
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        float t = (float) (0.5 + (x - SIZE / 2) * ux + (y - SIZE / 2) * uy);
        set(y * SIZE + x, c0, c1, t);
      }
    }
  }

  /** Value noise: a coarse random grid, bilinearly interpolated, added to all channels. */
  private void clouds() {
    int cells = 4 + rnd.nextInt(13);
    float amplitude = 10 + 30 * rnd.nextFloat();
    float[] grid = new float[(cells + 1) * (cells + 1)];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = (rnd.nextFloat() - 0.5f) * amplitude;
    }
    float scale = (float) cells / SIZE;
    for (int y = 0; y < SIZE; y++) {
      float gy = y * scale;
      int y0 = (int) gy;
      float fy = smooth(gy - y0);
      for (int x = 0; x < SIZE; x++) {
        float gx = x * scale;
        int x0 = (int) gx;
        float fx = smooth(gx - x0);
        int k = y0 * (cells + 1) + x0;
        float top = grid[k] + (grid[k + 1] - grid[k]) * fx;
        float bottom = grid[k + cells + 1] + (grid[k + cells + 2] - grid[k + cells + 1]) * fx;
        float v = top + (bottom - top) * fy;
        int p = y * SIZE + x;
        r[p] += v;
        g[p] += v;
        b[p] += v;
      }
    }
  }

  private static float smooth(float t) {
    return t * t * (3 - 2 * t);
  }

  /** Sinusoidal stripes of random frequency and direction over the whole image. */
  private void stripes() {
    float amplitude = 3 + 15 * rnd.nextFloat();
    double angle = rnd.nextDouble() * Math.PI;
    double frequency = 2 * Math.PI * (4 + rnd.nextInt(60)) / SIZE;
    double fx = Math.cos(angle) * frequency;
    double fy = Math.sin(angle) * frequency;
    float[] tint = {rnd.nextFloat(), rnd.nextFloat(), rnd.nextFloat()};
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        float v = amplitude * (float) Math.sin(x * fx + y * fy);
        int p = y * SIZE + x;
        r[p] += v * tint[0];
        g[p] += v * tint[1];
        b[p] += v * tint[2];
      }
    }
  }

  /** One filled shape with a flat, shaded or striped fill, maybe with coarse grain. */
  private void shape() {
    int kind = rnd.nextInt(4);
    double cx = rnd.nextDouble() * SIZE;
    double cy = rnd.nextDouble() * SIZE;
    double size = 8 + rnd.nextDouble() * rnd.nextDouble() * SIZE * 0.45;
    double aspect = 0.3 + rnd.nextDouble() * 1.4;
    double angle = rnd.nextDouble() * Math.PI;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double[] triangle = {
      rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 2 - 1,
      rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 2 - 1,
      rnd.nextDouble() * 2 - 1, rnd.nextDouble() * 2 - 1
    };
    float[] c0 = color();
    float[] c1 = rnd.nextInt(3) == 0 ? color() : c0;
    double stripe = rnd.nextInt(4) == 0 ? 2 * Math.PI / (3 + rnd.nextInt(12)) : 0;
    // a coarse-grained fill (fur, foliage, gravel) gives the busy texture photos have
    float grain = rnd.nextInt(4) == 0 ? 30 + 90 * rnd.nextFloat() : 0;
    int reach = (int) Math.ceil(size * Math.max(1, aspect)) + 1;
    int xmin = Math.max(0, (int) cx - reach);
    int xmax = Math.min(SIZE - 1, (int) cx + reach);
    int ymin = Math.max(0, (int) cy - reach);
    int ymax = Math.min(SIZE - 1, (int) cy + reach);
    for (int y = ymin; y <= ymax; y++) {
      for (int x = xmin; x <= xmax; x++) {
        // shape coordinates: rotated, scaled to about [-1, 1]
        double u = ((x - cx) * cos + (y - cy) * sin) / (size * aspect);
        double v = (-(x - cx) * sin + (y - cy) * cos) / size;
        if (!inside(kind, u, v, triangle)) {
          continue;
        }
        float t = (float) (0.5 + 0.5 * u);
        if (stripe > 0) {
          t = (float) (0.5 + 0.5 * Math.sin(v * size * stripe));
        }
        int p = y * SIZE + x;
        set(p, c0, c1, t);
        if (grain > 0) {
          float speck = grain * (rnd.nextFloat() - 0.5f);
          r[p] += speck;
          g[p] += speck;
          b[p] += speck;
        }
      }
    }
  }

  private static boolean inside(int kind, double u, double v, double[] tri) {
    switch (kind) {
      case 0: // ellipse, a disc when the aspect is near 1 (twice as likely as the others)
      case 1:
        return u * u + v * v <= 1;
      case 2:
        return Math.abs(u) <= 1 && Math.abs(v) <= 1;
      default:
        double d1 = side(u, v, tri[0], tri[1], tri[2], tri[3]);
        double d2 = side(u, v, tri[2], tri[3], tri[4], tri[5]);
        double d3 = side(u, v, tri[4], tri[5], tri[0], tri[1]);
        return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
    }
  }

  private static double side(double px, double py, double ax, double ay, double bx, double by) {
    return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  }

  private float[] color() {
    return new float[] {255 * rnd.nextFloat(), 255 * rnd.nextFloat(), 255 * rnd.nextFloat()};
  }

  private void set(int p, float[] c0, float[] c1, float t) {
    t = Math.max(0, Math.min(1, t));
    r[p] = c0[0] + (c1[0] - c0[0]) * t;
    g[p] = c0[1] + (c1[1] - c0[1]) * t;
    b[p] = c0[2] + (c1[2] - c0[2]) * t;
  }

  /** Adds sensor-like Gaussian noise and rounds to 8 bits. */
  private RgbImage toImage(boolean grey) {
    double sigma = 0.5 + 6 * rnd.nextDouble();
    int[] pixels = new int[SIZE * SIZE];
    for (int p = 0; p < pixels.length; p++) {
      int red;
      int green;
      int blue;
      if (grey) {
        float l = 0.30f * r[p] + 0.59f * g[p] + 0.11f * b[p];
        red = green = blue = to8Bits(l + sigma * rnd.nextGaussian());
      } else {
        red = to8Bits(r[p] + sigma * rnd.nextGaussian());
        green = to8Bits(g[p] + sigma * rnd.nextGaussian());
        blue = to8Bits(b[p] + sigma * rnd.nextGaussian());
      }
      pixels[p] = (red << 16) | (green << 8) | blue;
    }
    return new RgbImage(SIZE, SIZE, pixels);
  }

  private static int to8Bits(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
