package org.axnas.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume of a set of points under maximisation: the volume of the union of the boxes
 * spanned by each point and a reference point, i.e. the part of objective space a front dominates.
 * Exact, by slicing (the last objective cut into slabs at the points' values, each slab's
 * cross-section the hypervolume of the points above it in one dimension less): O(n^(d-1) log n),
 * nothing for the hundreds of points of a front in 3 dimensions. Dominated points and duplicates
 * add nothing; a point that does not exceed the reference in every objective adds nothing.
 */
public final class Hypervolume {
  /**
   * The reference point for a front on (accuracy, speedup, energy reduction): the origin. Every
   * network with some accuracy is a trade-off the selector may choose (quality mode takes the most
   * accurate ones, which under our hardware model are often slower than the CPU), so none is cut
   * off; an accuracy of 0 spans nothing.
   */
  public static final double[] FRONT_REFERENCE = {0, 0, 0};

  private Hypervolume() {}

  /**
   * The hypervolume of {@code points} (each of the reference's dimension) over {@code reference}.
   *
   * @throws IllegalArgumentException when a point's dimension differs or a value is NaN
   */
  public static double of(List<double[]> points, double[] reference) {
    int d = reference.length;
    if (d == 0) {
      throw new IllegalArgumentException("the reference point needs at least one objective");
    }
    List<double[]> above = new ArrayList<>();
    for (double[] p : points) {
      if (p.length != d) {
        throw new IllegalArgumentException("point " + Arrays.toString(p) + " has " + p.length + " objectives, the reference "
            + d);
      }
      boolean exceeds = true;
      for (int i = 0; i < d; i++) {
        if (Double.isNaN(p[i])) {
          throw new IllegalArgumentException("point " + Arrays.toString(p) + " has a NaN objective");
        }
        exceeds &= p[i] > reference[i];
      }
      if (exceeds) {
        above.add(p);
      }
    }
    return sliced(above, reference, d);
  }

  /** The front's hypervolume on (accuracy, speedup, energy reduction) over {@link #FRONT_REFERENCE}. */
  public static double ofFront(List<Scored> candidates) {
    List<double[]> points = new ArrayList<>(candidates.size());
    for (Scored s : candidates) {
      points.add(new double[] {s.accuracy(), s.speedup(), s.energyReduction()});
    }
    return of(points, FRONT_REFERENCE);
  }

  /** Hypervolume in the first {@code d} dimensions of points that all exceed the reference there. */
  private static double sliced(List<double[]> points, double[] reference, int d) {
    if (points.isEmpty()) {
      return 0;
    }
    if (d == 1) {
      double max = reference[0];
      for (double[] p : points) {
        max = Math.max(max, p[0]);
      }
      return max - reference[0];
    }
    if (d == 2) {
      return area(points, reference);
    }
    int last = d - 1;
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble((double[] p) -> p[last]).reversed());
    double volume = 0;
    int i = 0;
    while (i < sorted.size()) {
      double top = sorted.get(i)[last];
      while (i < sorted.size() && sorted.get(i)[last] == top) {
        i++; // every point at this level joins the cross-section
      }
      double bottom = i < sorted.size() ? sorted.get(i)[last] : reference[last];
      volume += sliced(sorted.subList(0, i), reference, last) * (top - bottom);
    }
    return volume;
  }

  /** Two dimensions in one sweep down the second objective: O(n log n). */
  private static double area(List<double[]> points, double[] reference) {
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble((double[] p) -> p[1]).reversed());
    double area = 0;
    double width = reference[0]; // the widest first objective among the points at or above the level
    for (int i = 0; i < sorted.size(); i++) {
      width = Math.max(width, sorted.get(i)[0]);
      double bottom = i + 1 < sorted.size() ? sorted.get(i + 1)[1] : reference[1];
      area += (width - reference[0]) * (sorted.get(i)[1] - bottom);
    }
    return area;
  }
}
