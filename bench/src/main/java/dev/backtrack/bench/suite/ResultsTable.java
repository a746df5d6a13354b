package dev.backtrack.bench.suite;

import java.util.List;

/** Renders rows as an aligned plain-text table for the terminal and as Markdown for docs. */
final class ResultsTable {
  private static final String[] HEADER = {"benchmark", "figure", "unit", "target", "met"};

  private ResultsTable() {}

  static String text(List<Row> rows) {
    int[] widths = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) {
      widths[i] = HEADER[i].length();
    }
    for (Row row : rows) {
      String[] cells = cells(row);
      for (int i = 0; i < cells.length; i++) {
        widths[i] = Math.max(widths[i], cells[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, HEADER, widths);
    StringBuilder rule = new StringBuilder();
    for (int width : widths) {
      rule.append("-".repeat(width)).append("  ");
    }
    out.append(rule.toString().stripTrailing()).append('\n');
    for (Row row : rows) {
      line(out, cells(row), widths);
    }
    return out.toString();
  }

  static String markdown(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
    out.append("|---|---:|---|---|---|\n");
    for (Row row : rows) {
      String[] cells = cells(row);
      out.append("| ").append(String.join(" | ", cells).replace("\n", " ")).append(" |\n");
    }
    return out.toString();
  }

  private static String[] cells(Row row) {
    return new String[] {row.benchmark(), row.figure(), row.unit(), row.target().text(),
        row.verdict()};
  }

  private static void line(StringBuilder out, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i];
      // figures right-aligned, words left-aligned
      line.append(i == 1 ? " ".repeat(widths[i] - cell.length()) + cell
          : cell + " ".repeat(widths[i] - cell.length())).append("  ");
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
