package org.statbench.sampledata;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.statbench.core.format.CsvOutput;

/**
 * Builds CSV lines field by field on the one CSV writer ({@link CsvOutput}: comma, {@code \n} line
 * ends, quoting only where needed) so generated files are byte-identical on every platform.
 */
final class CsvLineWriter {
  private final CsvOutput out;
  private final List<String> line = new ArrayList<>();

  CsvLineWriter(Writer out) {
    this.out = CsvOutput.to(out);
  }

  CsvLineWriter field(String value) {
    line.add(value == null ? "" : value);
    return this;
  }

  CsvLineWriter field(long value) {
    return field(Long.toString(value));
  }

  /** Writes a header or data row in one go. */
  void row(String... values) {
    for (String v : values) {
      field(v);
    }
    end();
  }

  void end() {
    out.row(line);
    line.clear();
  }

  void flush() {
    out.flush();
  }
}
