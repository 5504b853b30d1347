package org.statbench.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.statbench.core.table.Table;

/**
 * The long CSV of DESIGN.md with a status column, written by {@link LongCsv} from the published
 * values only: withheld cells are NaN before they reach the writer, so they come out empty. Text
 * that a spreadsheet would run as a formula is neutralised ({@link FormulaGuard}).
 */
final class CsvWriter {
  private CsvWriter() {}

  static String write(Publication p) {
    Table t = p.table();
    int n = t.cellCount();
    double[] published = new double[n];
    String[] status = new String[n];
    boolean[] suppressed = new boolean[n];
    for (int i = 0; i < n; i++) {
      published[i] = p.published(i);
      status[i] = p.status(i);
      suppressed[i] = p.withheld(i);
    }
    StringWriter sw = new StringWriter();
    try {
      SurveyColumns sc = p.survey();
      LongCsv.write(
          t.withValues(published),
          p.measureLabel(),
          sw,
          status,
          suppressed,
          true,
          sc == null ? List.of() : sc.headers(),
          sc == null ? null : sc.fields());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }
}
