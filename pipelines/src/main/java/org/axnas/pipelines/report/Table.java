package org.axnas.pipelines.report;

import java.util.List;

/** A table of the report: a heading, a note under it, column headers and rows of cells, rendered as Markdown and HTML. */
public record Table(String heading, String note, List<String> headers, List<List<String>> rows) {
  public Table {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> r : rows) {
      if (r.size() != headers.size()) {
        throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells for " + headers.size() + " columns");
      }
    }
  }
}
