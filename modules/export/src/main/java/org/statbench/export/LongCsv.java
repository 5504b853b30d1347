package org.statbench.export;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.InputException;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.format.CsvOutput;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;

// Size (over 500 lines): the long CSV's writer and its strict reader (quotes, UTF-8, line numbers
// in
// every error) describe one public format; kept in one class so the two cannot drift apart.
/**
 * The long CSV format of DESIGN.md, a public interface: UTF-8, comma separated, LF line ends, a
 * header row; one column per dimension variable in table order (rows, columns, wafers; header =
 * variable name), then {@code measure} (the measure label, e.g. {@code count}, {@code sum:amount}),
 * {@code value} and, when statuses are given, {@code status}. One row per cell, margins included,
 * in the table's cell order; a margin is written {@code Total} in its dimension's column.
 *
 * <p>Values: integers without a decimal point; other numbers unrounded with {@code .} and no
 * exponent ({@link NumericColumn#formatNumber}); a suppressed value and an undefined value (NaN)
 * are written empty, never as the true value. Fields are quoted only when needed (comma, quote,
 * line break), quotes doubled.
 *
 * <p>Thread-safe (stateless).
 */
public final class LongCsv {
  /** Header of the measure column. */
  public static final String MEASURE = "measure";

  /** Header of the value column. */
  public static final String VALUE = "value";

  /** Header of the optional status column. */
  public static final String STATUS = "status";

  private LongCsv() {}

  /**
   * What a long CSV holds.
   *
   * @param table the table; for count tables the record counts equal the values (0 where the value
   *     is empty); for other measures record counts are unknown and 0
   * @param status per cell its status word as written, or null when the file has no status column
   * @param suppressed per cell whether its value was empty
   */
  public record Contents(Table table, String[] status, boolean[] suppressed) {}

  /** Writes a table with its own measure label, no statuses, nothing suppressed. */
  public static void write(Table table, Writer out) throws IOException {
    write(table, table.measure().label(), out, null, null);
  }

  /** Writes a table to a file (created or replaced). */
  public static void write(Table table, Path file, String[] status, boolean[] suppressed)
      throws IOException {
    write(table, table.measure().label(), file, status, suppressed);
  }

  /**
   * Writes a table to a file (created or replaced) as a release: text a spreadsheet would run as a
   * formula is neutralised ({@link FormulaGuard}); values are unchanged.
   */
  public static void writeRelease(Table table, Path file, String[] status, boolean[] suppressed)
      throws IOException {
    requireUnambiguous(table);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      write(table, table.measure().label(), w, status, suppressed, true);
    }
  }

  /** Writes a table to a file (created or replaced) with a measure label of the caller's choice. */
  public static void write(
      Table table, String measureLabel, Path file, String[] status, boolean[] suppressed)
      throws IOException {
    requireUnambiguous(table); // before the file is created
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      write(table, measureLabel, w, status, suppressed);
    }
  }

  /**
   * Writes a table.
   *
   * @param table the table
   * @param measureLabel text of the {@code measure} column (usually {@code
   *     table.measure().label()})
   * @param out destination; flushed, not closed
   * @param status per cell a status word ({@code ok}, {@code primary:threshold}, ...), or null for
   *     no status column
   * @param suppressed per cell whether to write the value empty, or null for none
   */
  public static void write(
      Table table, String measureLabel, Writer out, String[] status, boolean[] suppressed)
      throws IOException {
    write(table, measureLabel, out, status, suppressed, false, List.of(), null);
  }

  /**
   * Writes a table as a release: as {@link #write(Table, String, Writer, String[], boolean[])}, and
   * when {@code release} is true every text field (variable names, codes, the measure label) that a
   * spreadsheet would run as a formula is neutralised by {@link FormulaGuard}. Values are numbers
   * and are never changed.
   */
  public static void write(
      Table table,
      String measureLabel,
      Writer out,
      String[] status,
      boolean[] suppressed,
      boolean release)
      throws IOException {
    write(table, measureLabel, out, status, suppressed, release, List.of(), null);
  }

  /**
   * Writes a table with extra columns after the others (e.g. a survey table's {@code
   * se,lower,upper,cv,n}).
   */
  public static void write(
      Table table,
      String measureLabel,
      Writer out,
      String[] status,
      boolean[] suppressed,
      List<String> extraHeaders,
      String[][] extra)
      throws IOException {
    write(table, measureLabel, out, status, suppressed, false, extraHeaders, extra);
  }

  /**
   * Writes a table, as a release when {@code release} is true (text that a spreadsheet would run as
   * a formula is neutralised by {@link FormulaGuard}; values never change), with extra columns
   * after the others.
   *
   * @param extraHeaders headers of the extra columns
   * @param extra per cell its extra fields as written (an empty string for none), or null
   */
  public static void write(
      Table table,
      String measureLabel,
      Writer out,
      String[] status,
      boolean[] suppressed,
      boolean release,
      List<String> extraHeaders,
      String[][] extra)
      throws IOException {
    java.util.function.UnaryOperator<String> text =
        release ? FormulaGuard::neutralise : java.util.function.UnaryOperator.identity();
    int n = table.cellCount();
    if ((status != null && status.length != n) || (suppressed != null && suppressed.length != n)) {
      throw new IllegalArgumentException("status/suppressed arrays must have one entry per cell");
    }
    List<Dimension> dims = table.dimensions();
    requireUnambiguous(table);
    CsvOutput csv = CsvOutput.to(out);
    List<String> header = new ArrayList<>();
    for (Dimension d : dims) {
      header.add(text.apply(d.variable()));
    }
    header.add(MEASURE);
    header.add(VALUE);
    if (status != null) {
      header.add(STATUS);
    }
    int extraAt = header.size();
    header.addAll(extraHeaders);
    csv.row(header);
    String[] row = new String[header.size()];
    int[] coord = new int[dims.size()];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dims.size(); d++) {
        row[d] = text.apply(dims.get(d).code(coord[d]));
      }
      row[dims.size()] = text.apply(measureLabel);
      boolean hide = suppressed != null && suppressed[i];
      row[dims.size() + 1] = hide ? "" : formatValue(table.value(i));
      if (status != null) {
        row[dims.size() + 2] = status[i] == null ? "" : status[i];
      }
      for (int e = 0; e < extraHeaders.size(); e++) {
        row[extraAt + e] = extra == null || hide ? "" : extra[i][e];
      }
      csv.row(row);
      // advance the coordinate, last dimension fastest (the table's cell order)
      for (int d = dims.size() - 1; d >= 0; d--) {
        if (++coord[d] < dims.get(d).size()) {
          break;
        }
        coord[d] = 0;
      }
    }
    csv.flush();
  }

  /**
   * Refuses a table whose long CSV could not be read back unambiguously: a category coded {@code
   * Total} in a dimension that also has its margin.
   *
   * @throws InputException naming the variable
   */
  public static void requireUnambiguous(Table table) {
    for (Dimension d : table.dimensions()) {
      if (d.total() && d.categories().stream().anyMatch(c -> c.code().equals(Category.TOTAL))) {
        // two rows would read "Total": the file could not say which one is the margin
        throw new InputException(
            null,
            -1,
            d.variable(),
            "the code 'Total' is also the margin's label, so the long CSV would be ambiguous:"
                + " recode it, or drop the margin (--no-total "
                + d.variable()
                + ")");
      }
    }
  }

  /** A value as the long CSV writes it: empty for NaN or infinite values. */
  public static String formatValue(double v) {
    return Double.isFinite(v) ? NumericColumn.formatNumber(v) : "";
  }

  /**
   * Reads a long CSV file.
   *
   * @throws InputException naming file, line and column for malformed content, or the file when it
   *     does not exist
   */
  public static Contents read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), -1, null, "file not found");
    } catch (IOException e) {
      throw new InputException(file.toString(), -1, null, "cannot read: " + e.getMessage());
    }
    return read(new java.io.StringReader(decodeUtf8(bytes, file.toString())), file.toString());
  }

  /**
   * Decodes UTF-8 strictly (a leading byte-order mark is dropped), naming the line of the first
   * invalid byte.
   */
  private static String decodeUtf8(byte[] bytes, String fileName) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult r =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      throw new InputException(
          fileName,
          lineAt(bytes, at),
          null,
          String.format(
              java.util.Locale.ROOT, "invalid byte 0x%02X: a long CSV is UTF-8", bytes[at] & 0xff));
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The physical line (1-based; CR, LF or CRLF ends a line) of byte offset {@code at}. */
  private static long lineAt(byte[] bytes, int at) {
    long line = 1;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /**
   * Finds a quoted field that is never closed (the CSV parser would silently read the rest of the
   * file into it) and reports the line where it opens, as a text editor counts lines.
   */
  private static void checkQuotes(String text, String fileName) {
    long line = 1;
    boolean fieldStart = true;
    boolean quoted = false;
    long openedAt = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean newline = c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'));
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            i++; // a doubled quote inside the field
          } else {
            quoted = false;
          }
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
        openedAt = line;
      }
      fieldStart = c == ',' || newline || (c == '\r' && !newline);
      if (newline) {
        line++;
      }
    }
    if (quoted) {
      throw new InputException(
          fileName,
          openedAt,
          null,
          "unterminated quote: the quoted field opened here is never closed");
    }
  }

  /**
   * Reads a long CSV.
   *
   * <p>Dimension columns are all columns before {@code measure}; each dimension's categories are
   * taken in order of first appearance, and it has a total when {@code Total} appears in its
   * column. Every combination of categories must be present exactly once. Dimensions get the role
   * ROW except the last of two or more, which gets COLUMN (the file does not record roles).
   *
   * @param in the text; not closed
   * @param fileName name used in error messages
   * @throws InputException naming file, line and column for malformed content
   */
  public static Contents read(Reader in, String fileName) {
    String text;
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      for (int k; (k = in.read(buf)) >= 0; ) {
        sb.append(buf, 0, k);
      }
      text = sb.toString();
    } catch (IOException e) {
      throw new InputException(fileName, -1, null, "cannot read: " + e.getMessage());
    }
    checkQuotes(text, fileName);
    List<CsvRecord> records = new ArrayList<>();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder().ignoreDifferentFieldCount(true).ofCsvRecord(text)) {
      for (CsvRecord rec : csv) {
        records.add(rec);
      }
    } catch (UncheckedIOException | IOException e) {
      throw new InputException(fileName, -1, null, "cannot read: " + e.getMessage());
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      throw new InputException(fileName, -1, null, "malformed CSV: " + e.getMessage());
    }
    if (records.isEmpty()) {
      throw new InputException(fileName, 1, null, "empty file: expected a header row");
    }
    List<String> header = records.get(0).getFields();
    for (int i = 0; i < header.size(); i++) {
      int first = header.indexOf(header.get(i));
      if (first < i) {
        throw new InputException(
            fileName,
            1,
            Integer.toString(i + 1),
            "duplicate column name '" + header.get(i) + "' (also column " + (first + 1) + ")");
      }
    }
    int measureCol = header.indexOf(MEASURE);
    int valueCol = header.indexOf(VALUE);
    int statusCol = header.indexOf(STATUS);
    if (measureCol < 0 || valueCol < 0) {
      throw new InputException(
          fileName, 1, null, "header must have 'measure' and 'value' columns, got " + header);
    }
    if (valueCol != measureCol + 1) {
      throw new InputException(fileName, 1, VALUE, "'value' must follow 'measure'");
    }
    int nd = measureCol;
    List<Map<String, Integer>> cats = new ArrayList<>();
    boolean[] hasTotal = new boolean[nd];
    for (int d = 0; d < nd; d++) {
      cats.add(new LinkedHashMap<>());
    }
    String measureLabel = null;
    int width = header.size();
    for (int r = 1; r < records.size(); r++) {
      CsvRecord rec = records.get(r);
      if (rec.getFieldCount() == 1 && rec.getField(0).isEmpty()) {
        continue; // a blank line
      }
      if (rec.getFieldCount() != width) {
        throw new InputException(
            fileName,
            rec.getStartingLineNumber(),
            null,
            "expected " + width + " fields, found " + rec.getFieldCount());
      }
      for (int d = 0; d < nd; d++) {
        String code = rec.getField(d);
        if (code.equals(Category.TOTAL)) {
          hasTotal[d] = true;
        } else {
          cats.get(d).putIfAbsent(code, cats.get(d).size());
        }
      }
      String m = rec.getField(measureCol);
      if (measureLabel == null) {
        measureLabel = m;
      } else if (!measureLabel.equals(m)) {
        throw new InputException(
            fileName,
            rec.getStartingLineNumber(),
            MEASURE,
            "a long CSV holds one measure: found '" + m + "' after '" + measureLabel + "'");
      }
    }
    if (measureLabel == null) {
      throw new InputException(
          fileName, 1, null, "no cells: the file has a header row but no data rows");
    }
    Measure measure;
    try {
      measure = Measure.parse(measureLabel);
    } catch (InputException e) {
      throw new InputException(fileName, 2, MEASURE, e.getMessage());
    }
    List<Dimension> dims = new ArrayList<>();
    for (int d = 0; d < nd; d++) {
      List<Category> list = cats.get(d).keySet().stream().map(Category::of).toList();
      DimensionRole role = nd >= 2 && d == nd - 1 ? DimensionRole.COLUMN : DimensionRole.ROW;
      dims.add(new Dimension(header.get(d), null, role, list, hasTotal[d]));
    }
    int[] strides = new int[nd];
    int cells = 1;
    for (int d = nd - 1; d >= 0; d--) {
      strides[d] = cells;
      cells = Math.multiplyExact(cells, dims.get(d).size());
    }
    double[] values = new double[cells];
    long[] counts = new long[cells];
    boolean[] suppressed = new boolean[cells];
    String[] status = statusCol < 0 ? null : new String[cells];
    long[] lineOf = new long[cells];
    boolean isCount = measure.kind() == MeasureKind.COUNT;
    for (int r = 1; r < records.size(); r++) {
      CsvRecord rec = records.get(r);
      if (rec.getFieldCount() == 1 && rec.getField(0).isEmpty()) {
        continue;
      }
      int idx = 0;
      for (int d = 0; d < nd; d++) {
        String code = rec.getField(d);
        int pos = code.equals(Category.TOTAL) ? dims.get(d).totalIndex() : cats.get(d).get(code);
        idx += pos * strides[d];
      }
      long line = rec.getStartingLineNumber();
      if (lineOf[idx] != 0) {
        throw new InputException(
            fileName, line, null, "the same cell is already on line " + lineOf[idx]);
      }
      lineOf[idx] = line;
      String v = rec.getField(valueCol).trim();
      if (v.isEmpty()) {
        values[idx] = Double.NaN;
        suppressed[idx] = true;
      } else {
        try {
          values[idx] = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw new InputException(fileName, line, VALUE, "'" + v + "' is not a number");
        }
        if (!Double.isFinite(values[idx])) {
          throw new InputException(fileName, line, VALUE, "'" + v + "' is not a number");
        }
        if (isCount) {
          if (values[idx] < 0 || values[idx] != Math.rint(values[idx])) {
            throw new InputException(
                fileName, line, VALUE, "'" + v + "' is not a count (a whole number >= 0)");
          }
          counts[idx] = (long) values[idx];
        }
      }
      if (status != null) {
        status[idx] = rec.getField(statusCol);
      }
    }
    for (int i = 0; i < cells; i++) {
      if (lineOf[i] == 0) {
        throw new InputException(
            fileName, -1, null, "no row for the cell " + Arrays.toString(codes(dims, strides, i)));
      }
    }
    Table t = new Table(null, dims, measure, false, values, counts, null, null);
    return new Contents(t, status, suppressed);
  }

  private static String[] codes(List<Dimension> dims, int[] strides, int index) {
    String[] out = new String[dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      out[d] = dims.get(d).code((index / strides[d]) % dims.get(d).size());
    }
    return out;
  }

  /** Convenience for readers that only need the table: {@code read(file).table()}. */
  public static Table readTable(Path file) {
    return read(file).table();
  }
}
