package org.statbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;

class FormulaGuardTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "=HYPERLINK(\"http://x.invalid\";\"click\")|'=HYPERLINK(\"http://x.invalid\";\"click\")",
        "+cmd|'+cmd",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "-1|-1",
        "-12.5|-12.5",
        "+7|+7",
        "E06000001|E06000001",
        "a=b|a=b",
        "Total|Total"
      })
  void prefixesFormulaTriggersButNotPlainNumbers(String in, String out) {
    assertThat(FormulaGuard.neutralise(in)).isEqualTo(out);
  }

  @Test
  void tabAndCarriageReturnLeadersAreNeutralised() {
    assertThat(FormulaGuard.neutralise("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(FormulaGuard.neutralise("\r=1+1")).isEqualTo("'\r=1+1");
  }

  /** region has a hostile label, a negative-number code and a plain code; counts 7, 20, 11. */
  private static Table hostile() {
    Dimension region =
        new Dimension(
            "region",
            null,
            DimensionRole.ROW,
            List.of(
                Category.of("=HYPERLINK(\"http://x.invalid\",\"click\")"),
                Category.of("-1"),
                Category.of("@x")),
            true);
    return Table.ofCounts("d", List.of(region), new long[] {12, 20, 11, 43});
  }

  @Test
  void releasedCsvNeutralisesLabelsButKeepsNumbersAndNegativeCodes(@TempDir Path dir) {
    Table t = hostile();
    ReportSnapshot passed = Fixtures.report(t, true, Set.of(), "none");
    Path out = ExportGate.detached().admit(t, withOk(t, passed)).writeCsv(dir.resolve("t.csv"));
    String csv = read(out);
    assertThat(csv)
        .isEqualTo(
            "region,measure,value,status\n"
                + "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\",count,12,ok\n"
                + "-1,count,20,ok\n"
                + "'@x,count,11,ok\n"
                + "Total,count,43,ok\n");
  }

  @Test
  void clipboardTextNeutralisesLabels() {
    Table t = hostile();
    ReportSnapshot passed = withOk(t, Fixtures.report(t, true, Set.of(), "none"));
    String text = ExportGate.detached().admit(t, passed).clipboardText();
    assertThat(text).contains("'@x\t11\n").contains("\n-1\t20\n").doesNotContain("\n=HYPER");
  }

  @Test
  void workingLongCsvStaysExact() throws Exception {
    java.io.StringWriter w = new java.io.StringWriter();
    LongCsv.write(hostile(), w);
    assertThat(w.toString()).contains("\n@x,count,11\n");
  }

  /** The fixture marks cell 0 primary; here every cell is ok. */
  private static ReportSnapshot withOk(Table t, ReportSnapshot r) {
    List<CellVerdict> cells =
        r.cells().stream()
            .map(
                c ->
                    new CellVerdict(
                        c.index(), "ok", false, c.published(), Double.NaN, Double.NaN, ""))
            .toList();
    return new ReportSnapshot(t.hash(), true, "threshold 10", "none", cells, List.of());
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
