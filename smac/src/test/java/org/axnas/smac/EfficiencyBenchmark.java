package org.axnas.smac;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Sample efficiency on the synthetic objectives: mean best-so-far cost against evaluations for
 * SMAC (one trial per ask, and batches of 4 with the constant liar), random search and the fixed
 * topology enumeration order (MICRO 2012: sigmoid, 1-2 layers, power-of-two widths), over 20
 * seeds, with SMAC's default settings. Writes {@code smac-efficiency.csv} and
 * {@code smac-efficiency.png} into the output folder. Usage: {@code EfficiencyBenchmark [out]
 * [seeds] [budget]}.
 */
public final class EfficiencyBenchmark {
  private EfficiencyBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int budget = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Files.createDirectories(out);
    ConfigurationSpace space = MlpSpace.builder().build();
    List<Configuration> enumeration = TopologyEnumeration.of(space);

    List<JFreeChart> charts = new ArrayList<>();
    StringBuilder summary = new StringBuilder("smac-efficiency: mean best at 60 evaluations (SMAC / random / enumeration; SMAC beats random in n of "
        + seeds + " seeds):");
    try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("smac-efficiency.csv")))) {
      csv.println("objective,method,evaluations,mean_best,median_best,min_best,max_best,optimum");
      for (SyntheticObjectives.Objective o : SyntheticObjectives.all()) {
        long t0 = System.nanoTime();
        Map<String, double[][]> curves = new LinkedHashMap<>();
        curves.put("SMAC ask(1)", runs(seeds, s -> Searches.smac(Smac.builder(space).seed(s), o::applyAsDouble, budget, 1)));
        curves.put("SMAC ask(4) + constant liar",
            runs(seeds, s -> Searches.smac(Smac.builder(space).seed(s), o::applyAsDouble, budget, 4)));
        curves.put("random search", runs(seeds, s -> Searches.random(space, o::applyAsDouble, budget, s)));
        curves.put("topology enumeration (sigmoid)", new double[][] {Searches.inOrder(enumeration, o::applyAsDouble, budget)});

        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Map.Entry<String, double[][]> e : curves.entrySet()) {
          XYSeries series = new XYSeries(e.getKey());
          int length = e.getValue()[0].length;
          for (int i = 0; i < length; i++) {
            double[] at = column(e.getValue(), i);
            double mean = Arrays.stream(at).average().orElseThrow();
            series.add(i + 1, mean);
            csv.printf(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f%n", o.name(), e.getKey(), i + 1, mean,
                median(at), Arrays.stream(at).min().orElseThrow(), Arrays.stream(at).max().orElseThrow(), o.optimum());
          }
          dataset.addSeries(series);
        }
        charts.add(chart(o, dataset));

        double[][] smac = curves.get("SMAC ask(1)");
        double[][] random = curves.get("random search");
        int at = Math.min(60, budget) - 1;
        int wins = 0;
        for (int s = 0; s < seeds; s++) {
          wins += smac[s][at] < random[s][at] ? 1 : 0;
        }
        double[] enumerated = curves.get("topology enumeration (sigmoid)")[0];
        summary.append(String.format(Locale.ROOT, " %s %.4f / %.4f / %.4f (optimum %.4f, wins %d);", o.name(),
            mean(column(smac, at)), mean(column(random, at)), enumerated[Math.min(at, enumerated.length - 1)],
            o.optimum(), wins));
        System.out.printf(Locale.ROOT, "%s done in %.1f s%n", o.name(), (System.nanoTime() - t0) / 1e9);
      }
    }
    writePng(charts, out.resolve("smac-efficiency.png"));
    summary.setLength(summary.length() - 1);
    System.out.println("wrote " + out.resolve("smac-efficiency.csv") + " and " + out.resolve("smac-efficiency.png"));
    System.out.println(summary);
  }

  private static double[][] runs(int seeds, IntFunction<double[]> run) {
    return IntStream.range(0, seeds).parallel().mapToObj(run).toArray(double[][]::new);
  }

  private static double[] column(double[][] runs, int i) {
    double[] c = new double[runs.length];
    for (int s = 0; s < runs.length; s++) {
      c[s] = runs[s][i];
    }
    return c;
  }

  private static double mean(double[] x) {
    return Arrays.stream(x).average().orElseThrow();
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static JFreeChart chart(SyntheticObjectives.Objective o, XYSeriesCollection dataset) {
    JFreeChart chart = ChartFactory.createXYLineChart(o.name(), "evaluations", "mean best-so-far cost (dashed: optimum)",
        dataset, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    Color[] colours = {new Color(0xD62728), new Color(0xFF7F0E), new Color(0x1F77B4), new Color(0x2CA02C)};
    for (int i = 0; i < colours.length; i++) {
      plot.getRenderer().setSeriesPaint(i, colours[i]);
      plot.getRenderer().setSeriesStroke(i, new java.awt.BasicStroke(2f));
    }
    ValueMarker optimum = new ValueMarker(o.optimum());
    optimum.setPaint(Color.BLACK);
    optimum.setStroke(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
        1f, new float[] {6f, 4f}, 0f));
    plot.addRangeMarker(optimum);
    double top = o.optimum();
    for (int s = 0; s < dataset.getSeriesCount(); s++) {
      XYSeries series = dataset.getSeries(s);
      top = Math.max(top, series.getY(Math.min(14, series.getItemCount() - 1)).doubleValue());
    }
    // show the part after the initial design, where the methods differ
    plot.getRangeAxis().setRange(o.optimum() - 0.05 * (top - o.optimum()) - 1e-3, top);
    return chart;
  }

  private static void writePng(List<JFreeChart> charts, Path file) throws IOException {
    int w = 640;
    int h = 480;
    int columns = 2;
    int rows = (charts.size() + columns - 1) / columns;
    BufferedImage image = new BufferedImage(w * columns, h * rows, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int i = 0; i < charts.size(); i++) {
      charts.get(i).draw(g, new Rectangle2D.Double((i % columns) * w, (i / columns) * h, w, h));
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }
}
