package org.statbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.InputException;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Measure;
import org.statbench.core.table.Table;

class LongCsvTest {
  private static Table counts() {
    Dimension rows =
        new Dimension(
            "region",
            null,
            DimensionRole.ROW,
            List.of(Category.of("N"), Category.of("S, \"the\"\nsouth")),
            true);
    Dimension cols =
        new Dimension("sex", null, DimensionRole.COLUMN, List.of(Category.of("F")), true);
    return Table.ofCounts("d", List.of(rows, cols), new long[] {1, 1, 20, 20, 21, 21});
  }

  private static String write(Table t, String[] status, boolean[] suppressed) throws Exception {
    StringWriter w = new StringWriter();
    LongCsv.write(t, t.measure().label(), w, status, suppressed);
    return w.toString();
  }

  @Test
  void writesOneRowPerCellWithTotalsForMargins() throws Exception {
    assertThat(write(counts(), null, null))
        .isEqualTo(
            """
            region,sex,measure,value
            N,F,count,1
            N,Total,count,1
            "S, ""the""
            south",F,count,20
            "S, ""the""
            south",Total,count,20
            Total,F,count,21
            Total,Total,count,21
            """);
  }

  @Test
  void suppressedAndUndefinedValuesAreWrittenEmptyWithStatus() throws Exception {
    Table t = counts();
    String[] status = {"primary:threshold", "secondary", "ok", "ok", "ok", "ok"};
    boolean[] hidden = {true, true, false, false, false, false};
    String csv = write(t, status, hidden);
    assertThat(csv).startsWith("region,sex,measure,value,status\nN,F,count,,primary:threshold\n");
    double[] v = new double[t.cellCount()];
    v[0] = Double.NaN;
    v[2] = 2.5;
    v[3] = 0.1 + 0.2;
    String decimals = write(t.withValues(v), null, null);
    assertThat(decimals).contains("N,F,count,\n").contains(",F,count,2.5\n");
    assertThat(decimals).contains("0.30000000000000004");
  }

  @Test
  void hostileLabelsRoundTrip() throws Exception {
    Table t = counts();
    LongCsv.Contents back = LongCsv.read(new StringReader(write(t, null, null)), "t.csv");
    assertThat(back.table().dimensions().get(0).categories().get(1).code())
        .isEqualTo("S, \"the\"\nsouth");
    assertThat(back.table().hash()).isEqualTo(t.hash());
    assertThat(back.status()).isNull();
  }

  @Test
  void readsStatusAndSuppressedCells(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.csv");
    Table t = counts();
    boolean[] hidden = {false, false, true, false, false, false};
    LongCsv.write(t, f, new String[] {"ok", "ok", "primary", "ok", "ok", "ok"}, hidden);
    LongCsv.Contents c = LongCsv.read(f);
    assertThat(c.suppressed()).containsExactly(hidden);
    assertThat(c.status()[2]).isEqualTo("primary");
    assertThat(c.table().count(3)).isEqualTo(20);
    assertThat(Double.isNaN(c.table().value(2))).isTrue();
  }

  @Test
  void readsAMagnitudeMeasure() {
    String csv = "a,measure,value\nx,sum:amount,1.5\nTotal,sum:amount,1.5\n";
    Table t = LongCsv.read(new StringReader(csv), "t.csv").table();
    assertThat(t.measure()).isEqualTo(Measure.parse("sum:amount"));
    assertThat(t.value(0)).isEqualTo(1.5);
    assertThat(t.dimensions().get(0).total()).isTrue();
  }

  @Test
  void errorsNameFileLineAndColumn() {
    assertThatThrownBy(
            () ->
                LongCsv.read(
                    new StringReader("a,measure,value\nx,count,1\ny,count,abc\n"), "t.csv"))
        .isInstanceOf(InputException.class)
        .hasMessage("t.csv, line 3, column value: 'abc' is not a number");
    assertThatThrownBy(
            () ->
                LongCsv.read(new StringReader("a,measure,value\nx,count,1\nx,count,2\n"), "t.csv"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("already on line 2");
    assertThatThrownBy(() -> LongCsv.read(new StringReader("a,b\nx,1\n"), "t.csv"))
        .hasMessageContaining("t.csv, line 1");
    assertThatThrownBy(
            () ->
                LongCsv.read(
                    new StringReader("a,b,measure,value\nx,p,count,1\ny,q,count,1\n"), "t.csv"))
        .hasMessageContaining("no row for the cell");
    assertThatThrownBy(
            () -> LongCsv.read(new StringReader("a,measure,value\nx,count,1.5\n"), "t.csv"))
        .hasMessageContaining("line 2, column value");
    assertThatThrownBy(() -> LongCsv.read(Path.of("/nonexistent/t.csv")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("/nonexistent/t.csv");
  }

  @Test
  void writtenFilesReadBackToTheSameTable(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.csv");
    LongCsv.write(counts(), f, null, null);
    assertThat(Files.readString(f)).startsWith("region,sex,measure,value\n");
    assertThat(LongCsv.readTable(f).hash()).isEqualTo(counts().hash());
  }
}
