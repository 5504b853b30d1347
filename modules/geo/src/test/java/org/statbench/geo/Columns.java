package org.statbench.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.testsupport.TestData;

/** Builds in-memory datasets of categorical columns from rows and CSV resources for the tests. */
final class Columns {
  private Columns() {}

  /** Rows as arrays: first row is the header; empty strings become missing. */
  static DatasetColumns table(String name, String[]... rows) {
    String[] header = rows[0];
    List<Column> cols = new ArrayList<>();
    for (int c = 0; c < header.length; c++) {
      String[] v = new String[rows.length - 1];
      for (int r = 1; r < rows.length; r++) {
        v[r - 1] = rows[r][c].isEmpty() ? null : rows[r][c];
      }
      cols.add(TestData.cat(header[c], v));
    }
    return DatasetColumns.of(name, cols);
  }

  /** Reads a simple CSV classpath resource (no quoted commas needed) as categorical columns. */
  static DatasetColumns csv(String name, InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        rows.add(line.split(",", -1));
      }
      return table(name, rows.toArray(new String[0][]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
