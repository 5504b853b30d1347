package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.statbench.core.data.Column;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.VariableType;

/**
 * A column that is empty for its whole first chunk (or more) decides its type only later; the
 * leading blanks must still be stored as missing, for every type: they once read back as zeros
 * (1970-01-01, 0, the first code) or made the import fail with "spill file ended early".
 *
 * <p>The bug needed a batch (one read buffer of records) to end after the first chunk and before
 * the first value. Every generated row is padded to {@link #ROW_BYTES}, so a batch holds at most
 * {@code BUFFER_SIZE / ROW_BYTES} rows and any longer run of rows contains a batch end.
 */
class LeadingMissingChunksImportTest {
  private static final int C = ColumnFile.CHUNK_ROWS; // 524,288
  private static final int ROW_BYTES = 64;
  private static final int MAX_BATCH_ROWS = CsvScanner.BUFFER_SIZE / ROW_BYTES; // 65,536

  /**
   * Where a generated file has values: rows {@code i >= start} with {@code i % step == 5 % step};
   * the decimal and mixed columns change from a whole number to a decimal / word at {@code
   * switchAt}; the text column has a distinct value in every row from {@code textFrom}; the empty
   * column has none.
   */
  record Layout(List<String> columns, int rows, int start, int step, int switchAt, int textFrom) {
    boolean present(int i) {
      return i >= start && i % step == 5 % step;
    }

    /** The value the generator writes, which the store must give back; null when blank. */
    String value(String column, int i) {
      if (column.equals("txt")) {
        return i >= textFrom ? "t" + i : null;
      }
      if (!present(i)) {
        return null;
      }
      return switch (column) {
        case "late" -> "2021-02-08";
        case "num" -> "7";
        case "cat" -> (i / step) % 2 == 0 ? "a" : "b";
        case "dec" -> i < switchAt ? "3" : "3.5";
        case "mixed" -> i < switchAt ? "5" : "x5";
        case "empty" -> null;
        default -> throw new IllegalArgumentException(column);
      };
    }

    long presentRows() {
      long n = 0;
      for (int i = 0; i < rows; i++) {
        n += present(i) ? 1 : 0;
      }
      return n;
    }
  }

  private static final List<String> TYPED = List.of("late", "num", "cat", "dec", "mixed");

  /** The reported case: 1,100,000 rows, values only from row 2^20 on, every 1000th. */
  private static final Layout LATE = new Layout(TYPED, 1_100_000, 2 * C, 1000, 1_075_000, 0);

  /** More than one chunk of blanks (600,000), then 10 values: the import used to fail. */
  private static final Layout SHORT = new Layout(TYPED, 600_010, 600_000, 1, 600_005, 0);

  /**
   * Inferred TEXT needs more distinct values than half the rows, so more rows after the blanks than
   * before: 600,000 blanks, then 700,000 distinct values.
   */
  private static final Layout TEXT = new Layout(List.of("txt"), 1_300_000, 0, 1, 0, 600_000);

  /** A column with no value at all in 600,010 rows: the import used to fail at its end. */
  private static final Layout EMPTY =
      new Layout(List.of("empty"), 600_010, Integer.MAX_VALUE, 1, 0, 0);

  @TempDir static Path tmp;
  private static Workspace ws;

  @BeforeAll
  static void open() {
    ws = Workspace.open(tmp.resolve("ws"));
  }

  /** Imports a layout once for all tests that read it (a failed import fails each of them). */
  private static synchronized void imported(String dataset, Layout l) throws IOException {
    if (ws.datasets().stream().noneMatch(d -> d.name().equals(dataset))) {
      ws.importCsv(ImportRequest.of(dataset, write(dataset + ".csv", l)), null, null);
    }
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  private static Path write(String name, Layout l) throws IOException {
    Path csv = tmp.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("id," + String.join(",", l.columns()) + ",pad\n");
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < l.rows(); i++) {
        row.setLength(0);
        row.append(i);
        for (String c : l.columns()) {
          String v = l.value(c, i);
          row.append(',').append(v == null ? "" : v);
        }
        row.append(",p");
        while (row.length() < ROW_BYTES - 1) {
          row.append('p');
        }
        w.append(row).append('\n');
      }
    }
    return csv;
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({
    "late, DATE",
    "num, INTEGER",
    "cat, CATEGORICAL",
    "dec, DECIMAL", // whole numbers first, a decimal later in the same chunk
    "mixed, CATEGORICAL" // a number, then a word: the file is read again
  })
  void blanksThroughTheWholeFirstChunkAreStoredAsMissing(String column, VariableType type)
      throws IOException {
    // hand-worked: i = 1,049,005 .. 1,099,005 step 1000 = 51 rows with a value
    assertThat(LATE.presentRows()).isEqualTo(51);
    assertThat(1_049_005 - C).isGreaterThan(MAX_BATCH_ROWS); // a batch ends in between
    assertReadsBack("late", LATE, column, type, 1_100_000 - 51);
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({
    "late, DATE",
    "num, INTEGER",
    "cat, CATEGORICAL",
    "dec, DECIMAL",
    "mixed, CATEGORICAL"
  })
  void valuesAfterMoreThanAChunkOfBlanksImport(String column, VariableType type)
      throws IOException {
    assertThat(SHORT.presentRows()).isEqualTo(10);
    assertThat(600_000 - C).isGreaterThan(MAX_BATCH_ROWS);
    assertReadsBack("short", SHORT, column, type, 600_000);
  }

  @Test
  void aColumnBlankInEveryRowOfMoreThanAChunkIsAnEmptyCategorical() throws IOException {
    assertReadsBack("empty", EMPTY, "empty", VariableType.CATEGORICAL, 600_010);
  }

  @Test
  void textAfterMoreThanAChunkOfBlanksKeepsTheBlanksMissing() throws IOException {
    assertThat(600_000 - C).isGreaterThan(MAX_BATCH_ROWS);
    assertReadsBack("text", TEXT, "txt", VariableType.TEXT, 600_000);
  }

  /** The reported file exactly: {@code id,late}, 8 or more bytes a row, so 2^19 rows a batch. */
  @Test
  void theReportedDateColumnCountsItsBlanksAsMissing() throws IOException {
    Path csv = tmp.resolve("reported.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("id,late\n");
      for (int i = 0; i < 1_100_000; i++) {
        w.write(i + "," + (i >= 1_048_576 && i % 1000 == 5 ? "2021-02-08" : "") + "\n");
      }
    }
    ws.importCsv(ImportRequest.of("reported", csv), null, null);
    assertThat(ws.dataset("reported").variable("late").orElseThrow().missing())
        .isEqualTo(1_099_949);
    DateColumn late = (DateColumn) ws.columns("reported", List.of("late")).column("late");
    long missing = 0;
    long feb8 = 0;
    for (int i = 0; i < late.size(); i++) {
      missing += late.isMissing(i) ? 1 : 0;
      feb8 += LocalDate.of(2021, 2, 8).equals(late.date(i)) ? 1 : 0;
    }
    assertThat(missing).isEqualTo(1_099_949);
    assertThat(feb8).isEqualTo(51);
  }

  private static void assertReadsBack(
      String dataset, Layout l, String column, VariableType type, long expectedMissing)
      throws IOException {
    imported(dataset, l);
    assertThat(ws.dataset(dataset).rows()).isEqualTo(l.rows());
    assertThat(ws.dataset(dataset).variable(column).orElseThrow().type()).isEqualTo(type);
    assertThat(ws.dataset(dataset).variable(column).orElseThrow().missing())
        .isEqualTo(expectedMissing);
    Column col = ws.columns(dataset, List.of(column)).column(column);
    long wrong = 0;
    int firstWrong = -1;
    long missing = 0;
    for (int i = 0; i < l.rows(); i++) {
      String expected = l.value(column, i);
      missing += col.isMissing(i) ? 1 : 0;
      if (!Objects.equals(col.text(i), expected) || col.isMissing(i) != (expected == null)) {
        wrong++;
        firstWrong = firstWrong < 0 ? i : firstWrong;
      }
    }
    assertThat(missing).as("missing rows read back").isEqualTo(expectedMissing);
    assertThat(wrong)
        .as(
            "rows read back wrong, the first at row %d: %s",
            firstWrong, firstWrongText(col, firstWrong))
        .isZero();
  }

  private static String firstWrongText(Column col, int row) {
    return row < 0 ? "-" : String.valueOf(col.text(row));
  }
}
