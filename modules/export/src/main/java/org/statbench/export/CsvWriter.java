package org.statbench.export;

import de.siegmar.fastcsv.writer.CsvWriter.CsvWriterBuilder;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.Table;

/** The long CSV of DESIGN.md with a status column, withheld values empty. */
final class CsvWriter {
  private CsvWriter() {}

  static String write(Publication p) {
    Table t = p.table();
    StringWriter sw = new StringWriter();
    CsvWriterBuilder b =
        de.siegmar.fastcsv.writer.CsvWriter.builder().lineDelimiter(LineDelimiter.LF);
    try (de.siegmar.fastcsv.writer.CsvWriter w = b.build(sw)) {
      List<String> header = new ArrayList<>();
      for (Dimension d : t.dimensions()) {
        header.add(d.variable());
      }
      header.add("measure");
      header.add("value");
      header.add("status");
      w.writeRecord(header);
      String measure = t.measure().label();
      for (int i = 0; i < t.cellCount(); i++) {
        List<String> row = new ArrayList<>(List.of(t.codes(i)));
        row.add(measure);
        row.add(p.publishedText(i));
        row.add(p.status(i));
        w.writeRecord(row);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sw.toString();
  }
}
