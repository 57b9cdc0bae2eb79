package org.axnas.pipelines.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.axnas.pipelines.report.Figure.Look;
import org.axnas.pipelines.run.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The edge where figures become JFreeChart charts, written as PNG and SVG. */
public final class Charts {
  static final int XY_WIDTH = 960;
  static final int XY_HEIGHT = 640;
  static final int BAR_WIDTH = 1100;
  static final int BAR_HEIGHT = 560;

  private static final Color NAS = new Color(31, 119, 180);
  private static final Color ENUMERATION = new Color(255, 127, 14);
  private static final Color AXBENCH = new Color(44, 160, 44);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** Writes {@code <name>.png} and {@code <name>.svg} into {@code dir}; returns the two files. */
  public static List<Path> write(Figure f, Path dir) {
    JFreeChart chart = chart(f);
    int w = f instanceof Figure.Bars ? BAR_WIDTH : XY_WIDTH;
    int h = f instanceof Figure.Bars ? BAR_HEIGHT : XY_HEIGHT;
    Path png = dir.resolve(f.name() + ".png");
    Path svg = dir.resolve(f.name() + ".svg");
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(buf, chart, w, h);
      AtomicFiles.write(png, buf.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png, e);
    }
    SVGGraphics2D g2 = new SVGGraphics2D(w, h);
    chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
    AtomicFiles.writeString(svg, g2.getSVGDocument());
    return List.of(png, svg);
  }

  static JFreeChart chart(Figure f) {
    JFreeChart chart = f instanceof Figure.Xy xy ? xy(xy) : bars((Figure.Bars) f);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setTitle(new TextTitle(f.title(), TITLE));
    TextTitle sub = new TextTitle(f.subtitle(), SUBTITLE);
    sub.setPaint(Color.DARK_GRAY);
    chart.addSubtitle(sub);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LEGEND);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    return chart;
  }

  private static JFreeChart xy(Figure.Xy f) {
    XYPlot plot = new XYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setDomainAxis(domainAxis(f));
    plot.setRangeAxis(rangeAxis(f));
    int i = 0;
    for (Figure.Series s : f.series()) {
      XYSeries data = new XYSeries(s.name(), false, true);
      s.points().forEach(p -> data.add(p.x(), p.y()));
      plot.setDataset(i, new XYSeriesCollection(data));
      plot.setRenderer(i, renderer(s));
      i++;
    }
    for (Figure.Threshold t : f.thresholds()) {
      ValueMarker m = new ValueMarker(t.value(), Color.BLACK,
          new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 4f}, 0f));
      m.setLabel(t.label());
      m.setLabelFont(TICKS);
      if (t.horizontal()) { // on the right: high energy reductions rarely come with high accuracy, so it is free there
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(m, Layer.FOREGROUND);
      } else {
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(m, Layer.FOREGROUND);
      }
    }
    return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  }

  private static ValueAxis domainAxis(Figure.Xy f) {
    double[] r = range(f, true);
    ValueAxis axis;
    if (f.logX()) {
      LogAxis log = new LogAxis(f.xLabel());
      log.setBase(10);
      log.setNumberFormatOverride(new DecimalFormat("0.###"));
      log.setSmallestValue(1e-6);
      log.setRange(r[0] / 1.25, r[1] * 1.25);
      axis = log;
    } else {
      NumberAxis n = new NumberAxis(f.xLabel());
      n.setAutoRangeIncludesZero(false);
      double pad = Math.max((r[1] - r[0]) * 0.05, 1e-3);
      n.setRange(Math.max(0, r[0] - pad), r[1] + pad);
      if (f.xLabel().startsWith("evaluations")) {
        n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      }
      axis = n;
    }
    axis.setLabelFont(AXIS);
    axis.setTickLabelFont(TICKS);
    return axis;
  }

  private static ValueAxis rangeAxis(Figure.Xy f) {
    NumberAxis axis = new NumberAxis(f.yLabel());
    double[] r = range(f, false);
    double pad = Math.max((r[1] - r[0]) * 0.06, 0.01);
    double lo = r[0] - pad;
    double hi = r[1] + pad;
    if (f.percentY()) {
      lo = Math.max(0, lo);
      hi = Math.min(1.0, hi) + (hi > 1.0 ? 0.01 : 0);
      NumberFormat pct = NumberFormat.getPercentInstance(Locale.ROOT);
      pct.setMaximumFractionDigits(1);
      axis.setNumberFormatOverride(pct);
    }
    axis.setRange(lo, Math.max(hi, lo + 0.01));
    axis.setLabelFont(AXIS);
    axis.setTickLabelFont(TICKS);
    return axis;
  }

  /** The data range on one axis, thresholds included (JFreeChart's auto range ignores markers). */
  private static double[] range(Figure.Xy f, boolean x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Figure.Series s : f.series()) {
      for (Figure.Point p : s.points()) {
        double v = x ? p.x() : p.y();
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    for (Figure.Threshold t : f.thresholds()) {
      if (t.horizontal() != x) {
        lo = Math.min(lo, t.value());
        hi = Math.max(hi, t.value());
      }
    }
    if (lo > hi) {
      return new double[] {x ? 1 : 0, x ? 2 : 1};
    }
    return new double[] {lo, hi};
  }

  private static XYLineAndShapeRenderer renderer(Figure.Series s) {
    XYLineAndShapeRenderer r;
    if (s.kind() == Figure.Series.Kind.STEPS || s.kind() == Figure.Series.Kind.FRONT) {
      XYStepRenderer step = new XYStepRenderer();
      step.setStepPoint(s.kind() == Figure.Series.Kind.FRONT ? 0.0 : 1.0);
      r = step;
    } else {
      r = new XYLineAndShapeRenderer();
    }
    boolean lines = s.kind() != Figure.Series.Kind.MARKERS;
    r.setSeriesLinesVisible(0, lines);
    r.setSeriesShapesVisible(0, true);
    r.setSeriesPaint(0, paint(s.look()));
    r.setSeriesShape(0, shape(s.look()));
    r.setSeriesStroke(0, stroke(s.look()));
    boolean outlined = big(s.look());
    r.setUseOutlinePaint(outlined);
    r.setDrawOutlines(outlined);
    r.setSeriesOutlinePaint(0, Color.BLACK);
    r.setSeriesOutlineStroke(0, new BasicStroke(1.2f));
    if (s.look() == Look.AXBENCH) { // hollow, in its own colour
      r.setSeriesShapesFilled(0, false);
      r.setUseOutlinePaint(false);
      r.setSeriesOutlineStroke(0, new BasicStroke(2.5f));
    }
    return r;
  }

  private static boolean big(Look look) {
    return switch (look) {
      case AXBENCH, NAS_CHOICE, ENUMERATION_CHOICE, QUALITY_MODE, ENERGY_MODE, INTEGRATED_MODE -> true;
      default -> false;
    };
  }

  private static Paint paint(Look look) {
    return switch (look) {
      case NAS_CANDIDATES -> new Color(31, 119, 180, 90);
      case ENUMERATION_CANDIDATES -> new Color(255, 127, 14, 110);
      case NAS_FRONT, NAS_CHOICE, NAS_CURVE, PARETO_SET -> NAS;
      case ENUMERATION_FRONT, ENUMERATION_CHOICE, ENUMERATION_CURVE -> ENUMERATION;
      case AXBENCH -> AXBENCH;
      case OTHER_CANDIDATES -> new Color(150, 150, 150, 120);
      case QUALITY_MODE -> new Color(255, 205, 0);
      case ENERGY_MODE -> new Color(214, 39, 40);
      case INTEGRATED_MODE -> new Color(148, 103, 189);
    };
  }

  private static Shape shape(Look look) {
    return switch (look) {
      case NAS_CANDIDATES, OTHER_CANDIDATES -> circle(6);
      case ENUMERATION_CANDIDATES -> new Rectangle2D.Double(-3, -3, 6, 6);
      case NAS_FRONT, PARETO_SET -> circle(7);
      case ENUMERATION_FRONT -> new Rectangle2D.Double(-3.5, -3.5, 7, 7);
      case NAS_CURVE, ENUMERATION_CURVE -> circle(3);
      case AXBENCH -> diamond(14);
      case NAS_CHOICE, ENUMERATION_CHOICE -> pentagon(10);
      // drawn in this order and shrinking, so modes that return one network show as nested pentagons
      case QUALITY_MODE -> pentagon(15);
      case ENERGY_MODE -> pentagon(11);
      case INTEGRATED_MODE -> pentagon(7);
    };
  }

  private static Stroke stroke(Look look) {
    return switch (look) {
      case NAS_FRONT, ENUMERATION_FRONT, NAS_CURVE, ENUMERATION_CURVE -> new BasicStroke(2.2f);
      default -> new BasicStroke(1f);
    };
  }

  private static Shape circle(double d) {
    return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
  }

  private static Shape diamond(int r) {
    return new Polygon(new int[] {0, r, 0, -r}, new int[] {-r, 0, r, 0}, 4);
  }

  /** The paper's Fig. 4a marks the networks online selection returns with pentagons. */
  private static Shape pentagon(double r) {
    int[] xs = new int[5];
    int[] ys = new int[5];
    for (int i = 0; i < 5; i++) {
      double a = -Math.PI / 2 + i * 2 * Math.PI / 5;
      xs[i] = (int) Math.round(r * Math.cos(a));
      ys[i] = (int) Math.round(r * Math.sin(a));
    }
    return new Polygon(xs, ys, 5);
  }

  private static JFreeChart bars(Figure.Bars f) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Figure.BarSeries s : f.series()) {
      for (int i = 0; i < f.categories().size(); i++) {
        double v = s.values().get(i);
        data.addValue(Double.isNaN(v) ? null : v, s.name(), f.categories().get(i));
        if (!Double.isNaN(v) && v > 0) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    CategoryAxis x = new CategoryAxis(null);
    x.setTickLabelFont(TICKS.deriveFont(13f));
    x.setMaximumCategoryLabelWidthRatio(1.4f); // benchmark names whole, not "blacksch..."
    x.setCategoryMargin(0.25);
    x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    ValueAxis y;
    if (max > 0 && max / min > 50) {
      LogAxis log = new LogAxis(f.yLabel());
      log.setBase(10);
      log.setNumberFormatOverride(new DecimalFormat("0.##"));
      log.setRange(min / 1.5, max * 1.6);
      y = log;
    } else {
      NumberAxis n = new NumberAxis(f.yLabel());
      n.setRange(0, Math.max(1, max) * 1.12);
      if (max < 3) {
        n.setTickUnit(new NumberTickUnit(0.25));
      }
      y = n;
    }
    y.setLabelFont(AXIS);
    y.setTickLabelFont(TICKS);
    BarRenderer r = new BarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setItemMargin(0.04);
    r.setDrawBarOutline(true);
    r.setDefaultOutlinePaint(Color.DARK_GRAY);
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.0")));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    for (int i = 0; i < f.series().size(); i++) {
      Figure.BarSeries s = f.series().get(i);
      Color base = s.method() == Method.NAS ? NAS : s.method() == Method.ENUMERATION ? ENUMERATION : AXBENCH;
      r.setSeriesPaint(i, s.shade() == 0 ? base : lighter(base));
    }
    CategoryPlot plot = new CategoryPlot(data, x, y, r);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(210, 210, 210));
    ValueMarker one = new ValueMarker(1.0, Color.GRAY, new BasicStroke(1f));
    one.setLabel("CPU = 1x");
    one.setLabelFont(TICKS);
    one.setLabelAnchor(RectangleAnchor.TOP_LEFT); // the "mean" bars are on the right
    one.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    plot.addRangeMarker(one, Layer.FOREGROUND);
    return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  }

  private static Color lighter(Color c) {
    return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
  }
}
