package org.axnas.pipelines.report;

import java.util.List;
import java.util.Locale;

/** The report's two pages: report.md (tables, figure links) and index.html (tables and figures together). */
public final class ReportPages {
  private ReportPages() {}

  static final String HOW_TO_READ = "Per benchmark and error-bound group, each method's network chosen in energy mode "
      + "(paper Table 1: the highest energy reduction meeting the accuracy threshold) at one threshold for both methods: "
      + "90%, or the best accuracy both methods reach when one stays below it (as the paper does for jmeint). "
      + "Validation accuracy is what the search and the selection saw; test accuracy is on the test split, which no search saw. "
      + "Speedup and energy reduction are hwsim's, against running the original function on the CPU. AxBench's "
      + "hand-designed network is one more candidate: the enumeration trains and scores it like every other network "
      + "(all seven are among its topologies).";

  static final String UNPAIRED = "No benchmark and group here has both a NAS search and an enumeration, so nothing is "
      + "compared: the averages are each run's own figures (its energy-mode choice at the threshold), and each run gets its "
      + "candidates against energy reduction and against speedup with its Pareto set, what each mode of online selection "
      + "returns, and its best f_perf so far. For the paper's comparison, run `axnas enumerate` with the same config and "
      + "report over both run folders.";

  static final String SEEDS = "The runs have %d seeds (%s): every table lists each seed's runs, the averages take each "
      + "benchmark's mean over its seeds, and \"Mean and spread over seeds\" gives per benchmark and group the mean, the "
      + "smallest and largest value and the standard deviation over the seeds.";

  /** The page's title: the paper's experiment, or one run's (or unpaired runs') own page. */
  static String title(ExperimentReport r) {
    return r.paired() ? "NAS vs fixed topology enumeration: the paper's experiment"
        : "axnas report: " + (r.comparisons().size() == 1 ? "one run" : "runs without a counterpart to compare");
  }

  /** What to read first: how the report compares, and what it does when it cannot or when there are several seeds. */
  static List<String> lead(ExperimentReport r) {
    List<String> out = new java.util.ArrayList<>(List.of(HOW_TO_READ));
    if (!r.paired()) {
      out.add(UNPAIRED);
    }
    if (r.seeds().size() > 1) {
      out.add(String.format(Locale.ROOT, SEEDS, r.seeds().size(),
          String.join(", ", r.seeds().stream().map(String::valueOf).toList())));
    }
    return out;
  }

  public static String markdown(ExperimentReport r, List<Table> tables, List<Figure> figures, String source) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(title(r)).append("\n\n");
    sb.append(source).append("\n\n");
    lead(r).forEach(p -> sb.append(p).append("\n\n"));
    for (Table t : tables) {
      sb.append("## ").append(t.heading()).append("\n\n").append(t.note()).append("\n\n");
      sb.append("| ").append(String.join(" | ", t.headers())).append(" |\n");
      sb.append("|").append(" --- |".repeat(t.headers().size())).append("\n");
      for (List<String> row : t.rows()) {
        sb.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
      }
      sb.append("\n");
    }
    if (!figures.isEmpty()) {
      sb.append("## Figures\n\n");
    }
    for (Figure f : figures) {
      sb.append(String.format(Locale.ROOT, "- %s: [%s.png](%s.png), [%s.svg](%s.svg)%n", f.title(), f.name(), f.name(),
          f.name(), f.name()));
    }
    notes(r).forEach(n -> sb.append(n).append("\n"));
    return sb.toString();
  }

  static List<String> notes(ExperimentReport r) {
    List<String> out = new java.util.ArrayList<>();
    List<String> missing = r.comparisons().stream()
        .flatMap(c -> c.missing().stream().map(m -> c.benchmark() + " group " + c.group() + ": " + m)).toList();
    if (!missing.isEmpty() || !r.skipped().isEmpty()) {
      out.add("\n## Not shown\n");
      missing.forEach(m -> out.add("- " + m));
      r.skipped().forEach(s -> out.add("- " + s));
    }
    return out;
  }

  public static String html(ExperimentReport r, List<Table> tables, List<Figure> figures, String source) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>").append(esc(title(r))).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}\n")
        .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;")
        .append("text-align:left;font-size:14px}th{background:#f0f0f0}\n")
        .append("figure{margin:1em 0}figure img{max-width:100%;border:1px solid #ddd}p.note{color:#555}\n")
        .append("nav a{margin-right:1em}</style></head><body>\n");
    sb.append("<h1>").append(esc(title(r))).append("</h1>\n");
    sb.append("<p>").append(code(esc(source))).append("</p>\n");
    lead(r).forEach(p -> sb.append("<p>").append(code(esc(p))).append("</p>\n"));
    sb.append("<nav>");
    for (Comparison c : r.comparisons()) {
      sb.append("<a href=\"#").append(FigureBuilder.id(c, r)).append("\">")
          .append(esc(c.benchmark() + " g" + c.group() + (r.seeds().size() > 1 ? " s" + c.seed() : "")))
          .append("</a>");
    }
    sb.append("</nav>\n");
    for (Table t : tables) {
      sb.append("<h2>").append(esc(t.heading())).append("</h2>\n<p class=\"note\">").append(esc(t.note())).append("</p>\n");
      sb.append("<table><tr>");
      t.headers().forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
      sb.append("</tr>\n");
      for (List<String> row : t.rows()) {
        sb.append("<tr>");
        row.forEach(c -> sb.append("<td>").append(cell(c)).append("</td>"));
        sb.append("</tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("<h2>Figures</h2>\n");
    String section = null;
    for (Figure f : figures) {
      String id = f.name().contains("-g") ? f.name().substring(f.name().indexOf('-') + 1) : null;
      if (id != null && !id.equals(section)) {
        section = id;
        sb.append("<h3 id=\"").append(esc(id)).append("\">")
            .append(esc(id.replaceFirst("-g(\\d+)(-s(-?\\d+))?$", ", group $1, seed $3").replaceFirst(", seed $", "")))
            .append("</h3>\n");
      }
      sb.append("<figure><a href=\"").append(esc(f.name())).append(".svg\"><img src=\"").append(esc(f.name()))
          .append(".png\" alt=\"").append(esc(f.title())).append("\"></a><figcaption>").append(esc(f.title()))
          .append(" (<a href=\"").append(esc(f.name())).append(".svg\">SVG</a>)</figcaption></figure>\n");
    }
    List<String> notes = notes(r);
    if (!notes.isEmpty()) {
      sb.append("<h2>Not shown</h2>\n<ul>\n");
      notes.stream().skip(1).forEach(n -> sb.append("<li>").append(esc(n.substring(2))).append("</li>\n"));
      sb.append("</ul>\n");
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static String code(String html) {
    return html.replaceAll("`([^`]+)`", "<code>$1</code>");
  }

  private static String cell(String c) {
    if (c.length() > 1 && c.startsWith("`") && c.endsWith("`")) {
      return "<code>" + esc(c.substring(1, c.length() - 1)) + "</code>";
    }
    return esc(c);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
