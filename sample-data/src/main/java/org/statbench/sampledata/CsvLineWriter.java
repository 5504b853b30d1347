package org.statbench.sampledata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes CSV lines (comma, {@code \n} line ends, RFC 4180 quoting only where needed) so generated
 * files are byte-identical on every platform.
 */
public final class CsvLineWriter {
  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);
  private boolean first = true;

  public CsvLineWriter(Writer out) {
    this.out = out;
  }

  public CsvLineWriter field(String value) {
    if (!first) {
      line.append(',');
    }
    first = false;
    if (value == null) {
      return this;
    }
    if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
      line.append('"').append(value.replace("\"", "\"\"")).append('"');
    } else {
      line.append(value);
    }
    return this;
  }

  public CsvLineWriter field(long value) {
    return field(Long.toString(value));
  }

  /** Writes a header or data row in one go. */
  public void row(String... values) {
    for (String v : values) {
      field(v);
    }
    end();
  }

  public void end() {
    line.append('\n');
    try {
      out.write(line.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    line.setLength(0);
    first = true;
  }

  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
