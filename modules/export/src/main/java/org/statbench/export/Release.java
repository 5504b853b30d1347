package org.statbench.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.statbench.core.table.Table;

/**
 * A table the {@link ExportGate} has let through, with the writers that may publish it. Only the
 * gate creates instances. Every write appends an {@code export} entry to the workspace audit log
 * (when the gate has a workspace) naming the format, the file and the SHA-256 of what was written;
 * files are written to a temporary sibling first and moved into place, so a failed write leaves no
 * partial output.
 */
public final class Release {
  private final ExportGate gate;
  private final Publication publication;

  Release(ExportGate gate, Publication publication) {
    this.gate = gate;
    this.publication = publication;
  }

  /** The released table. */
  public Table table() {
    return publication.table();
  }

  /**
   * The table with its published values only (withheld and undefined cells NaN), e.g. to draw the
   * chart that is released with {@link #writePng}.
   */
  public Table publishedTable() {
    Table t = publication.table();
    double[] v = new double[t.cellCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = publication.published(i);
    }
    return t.withValues(v);
  }

  /** The report the release rests on. */
  public ReportSnapshot report() {
    return publication.report();
  }

  /** The clearance decision the release rests on, or null when the table passed the check. */
  public ClearanceDecision clearance() {
    return publication.clearance();
  }

  /**
   * The same release with a table definition in words (e.g. the saved table specification), used by
   * the XLSX definition sheet and saved reports instead of the definition derived from the table.
   */
  public Release withDefinition(List<String> definition) {
    return new Release(
        gate,
        new Publication(
            publication.table(),
            publication.report(),
            publication.clearance(),
            definition,
            publication.survey()));
  }

  /**
   * The same release with a survey table's extra columns and reliability flags: cells flagged
   * withheld are published empty, flags go into the status column and XLSX notes.
   */
  public Release withSurvey(SurveyColumns survey) {
    if (survey.flags().length != publication.table().cellCount()) {
      throw new IllegalArgumentException("one flag per cell expected");
    }
    return new Release(
        gate,
        new Publication(
            publication.table(),
            publication.report(),
            publication.clearance(),
            publication.definition(),
            survey));
  }

  /**
   * Writes the long CSV (DESIGN.md) with a {@code status} column; withheld values are empty. When
   * the release rests on a clearance, the decision is written beside it as {@code
   * FILE.clearance.txt}.
   */
  public Path writeCsv(Path out) {
    byte[] bytes = CsvWriter.write(publication).getBytes(StandardCharsets.UTF_8);
    write(out, bytes);
    writeClearanceNote(out);
    return log(ExportFormat.CSV, out, bytes);
  }

  /** Writes an XLSX workbook (table, cells, disclosure report, definition, clearance sheets). */
  public Path writeXlsx(Path out) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      XlsxWriter.write(publication, buf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the workbook for " + out, e);
    }
    byte[] bytes = buf.toByteArray();
    write(out, bytes);
    return log(ExportFormat.XLSX, out, bytes);
  }

  /**
   * Writes a chart image the GUI drew from this release's table. The gate cannot read the pixels;
   * the caller must draw the chart from {@link #table()} with withheld cells left out.
   */
  public Path writePng(byte[] png, Path out) {
    Objects.requireNonNull(png, "png");
    if (png.length < 8
        || (png[0] & 0xff) != 0x89
        || png[1] != 'P'
        || png[2] != 'N'
        || png[3] != 'G') {
      throw new IllegalArgumentException("not a PNG image");
    }
    write(out, png);
    writeClearanceNote(out);
    return log(ExportFormat.PNG, out, png);
  }

  /**
   * Writes a saved report: one HTML file with the table, the optional chart and the disclosure
   * summary.
   */
  public Path writeReport(Path out, byte[] chartPng) {
    byte[] bytes = HtmlReport.of(publication, chartPng).getBytes(StandardCharsets.UTF_8);
    write(out, bytes);
    return log(ExportFormat.REPORT, out, bytes);
  }

  /**
   * The text to put on the clipboard (tab-separated, withheld cells as {@code x}, a footer naming
   * the check and any clearance). The GUI's clipboard adapter is the only caller.
   */
  public String clipboardText() {
    String text = ClipboardText.of(publication);
    log(ExportFormat.CLIPBOARD, null, text.getBytes(StandardCharsets.UTF_8));
    return text;
  }

  private void writeClearanceNote(Path out) {
    if (publication.clearance() != null) {
      Path note = out.resolveSibling(out.getFileName() + ".clearance.txt");
      ClearanceDecision d = publication.clearance();
      String text =
          d.summary()
              + System.lineSeparator()
              + "Table hash: "
              + d.tableHash()
              + System.lineSeparator()
              + "Released file: "
              + out.getFileName()
              + System.lineSeparator();
      write(note, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void write(Path out, byte[] bytes) {
    Path abs = out.toAbsolutePath();
    try {
      Path dir = abs.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".part");
      try {
        Files.write(tmp, bytes);
        try {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private Path log(ExportFormat format, Path out, byte[] bytes) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
    if (out != null) {
      d.put("path", out.toAbsolutePath().toString());
    }
    d.put("sha256", ClearanceBook.sha256(bytes));
    d.put("withheld", publication.report().suppressed().size());
    if (publication.clearance() != null) {
      d.put("clearance", publication.clearance().requestId());
      d.put(
          "decision",
          publication.clearance().outcome().name().toLowerCase(java.util.Locale.ROOT)
              + " by "
              + publication.clearance().statistician());
    }
    gate.logExport(publication.table().hash(), d.toString());
    return out;
  }
}
