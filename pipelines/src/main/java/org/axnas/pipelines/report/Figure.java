package org.axnas.pipelines.report;

import java.util.List;

/**
 * A figure of the report as plain data: what to draw, not how. {@link Charts} turns it into a
 * JFreeChart and writes PNG and SVG.
 */
public sealed interface Figure permits Figure.Xy, Figure.Bars {

  /** File name without extension; also the figure's id in the HTML page. */
  String name();

  String title();

  /** One line under the title saying what is shown (the figure must read without the text). */
  String subtitle();

  /** How a series looks; the renderer maps it to colour, shape and stroke. */
  enum Look {
    NAS_CANDIDATES, ENUMERATION_CANDIDATES, NAS_FRONT, ENUMERATION_FRONT, AXBENCH, NAS_CHOICE, ENUMERATION_CHOICE,
    OTHER_CANDIDATES, PARETO_SET, QUALITY_MODE, ENERGY_MODE, INTEGRATED_MODE, NAS_CURVE, ENUMERATION_CURVE
  }

  /** A point; the label, if any, is drawn beside it. */
  record Point(double x, double y, String label) {
    public Point(double x, double y) {
      this(x, y, null);
    }
  }

  /**
   * Points drawn as markers, or joined by a line; STEPS holds each value until the next point (a
   * best-so-far curve), FRONT drops at each point (the staircase bounding what a Pareto front
   * dominates, points by x ascending).
   */
  record Series(String name, Look look, Kind kind, List<Point> points) {
    public enum Kind { MARKERS, LINE, STEPS, FRONT }

    public Series {
      points = List.copyOf(points);
    }
  }

  /** A dotted threshold line across the plot: horizontal (on y) or vertical (on x). */
  record Threshold(boolean horizontal, double value, String label) {}

  /** A scatter or line figure. */
  record Xy(String name, String title, String subtitle, String xLabel, String yLabel, boolean logX, boolean percentY,
      List<Series> series, List<Threshold> thresholds) implements Figure {
    public Xy {
      series = List.copyOf(series);
      thresholds = List.copyOf(thresholds);
    }
  }

  /** Grouped bars: one group of bars per category, one bar per series; a value may be missing (NaN). */
  record Bars(String name, String title, String subtitle, String yLabel, List<String> categories, List<BarSeries> series)
      implements Figure {
    public Bars {
      categories = List.copyOf(categories);
      series = List.copyOf(series);
    }
  }

  /** One bar per category; {@code shade} 0 or 1 tells apart the two error-bound groups of one method. */
  record BarSeries(String name, Method method, int shade, List<Double> values) {
    public BarSeries {
      values = List.copyOf(values);
    }
  }
}
