package org.statbench.core.format;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The one CSV writer for every file StatBench writes (long CSVs, cohort tables, match reports,
 * sample data): the fastcsv library with a comma, {@code \n} line ends on every platform (so files
 * are byte-identical everywhere) and RFC 4180 quoting only where a field needs it (comma, quote,
 * line break; quotes doubled). A null field is written empty. Not thread-safe; does not close the
 * writer it wraps (call {@link #flush()}).
 */
public final class CsvOutput {
  private final CsvWriter csv;

  private CsvOutput(Writer out) {
    this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
  }

  /** A CSV writer on {@code out}. */
  public static CsvOutput to(Writer out) {
    return new CsvOutput(out);
  }

  /** Writes one row (header or data). */
  public CsvOutput row(String... fields) {
    csv.writeRecord(fields);
    return this;
  }

  /** Writes one row (header or data). */
  public CsvOutput row(List<String> fields) {
    csv.writeRecord(fields);
    return this;
  }

  /** Flushes the underlying writer. */
  public void flush() {
    try {
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
