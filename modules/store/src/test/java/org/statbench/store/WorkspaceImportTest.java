package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.CancelledException;
import org.statbench.core.InputException;
import org.statbench.core.StatBenchException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Code;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;

class WorkspaceImportTest {
  @TempDir Path tmp;

  private Workspace open() {
    return Workspace.open(tmp.resolve("ws"));
  }

  private static DatasetInfo importFile(Workspace ws, String name, Path file) {
    return ws.importCsv(ImportRequest.of(name, file), null, null);
  }

  @Test
  void importsExtractAndInfersTypesAndMissingValues() {
    Path file = Fixtures.resource(tmp, "referrals.csv");
    try (Workspace ws = open()) {
      DatasetInfo info = importFile(ws, "referrals", file);

      assertThat(info.rows()).isEqualTo(5);
      assertThat(info.sha256()).hasSize(64);
      assertThat(info.sourceFile()).isEqualTo(file.toString());
      assertThat(info.variableNames())
          .containsExactly(
              "person_id",
              "referral_date",
              "region",
              "sex",
              "age",
              "amount",
              "outcome_date",
              "note");
      assertThat(type(info, "person_id")).isEqualTo(VariableType.CATEGORICAL);
      assertThat(type(info, "referral_date")).isEqualTo(VariableType.DATE);
      assertThat(type(info, "age")).isEqualTo(VariableType.INTEGER);
      assertThat(type(info, "amount")).isEqualTo(VariableType.DECIMAL);
      assertThat(type(info, "outcome_date")).isEqualTo(VariableType.DATE);
      VariableInfo region = info.variable("region").orElseThrow();
      assertThat(region.missing()).isEqualTo(1);
      assertThat(region.codes())
          .containsExactly(
              new Code("London", null, 1),
              new Code("North East", null, 2),
              new Code("North West", null, 1));
      assertThat(info.variable("outcome_date").orElseThrow().missing()).isEqualTo(3);
      assertThat(info.variable("age").orElseThrow().missing()).isEqualTo(1);

      DatasetColumns cols =
          ws.columns("referrals", List.of("age", "amount", "referral_date", "note", "region"));
      assertThat(((NumericColumn) cols.column("age")).values())
          .containsExactly(23, 41, Double.NaN, 67, 35);
      assertThat(((NumericColumn) cols.column("amount")).values())
          .containsExactly(12.5, 8, Double.NaN, 100.25, 7.75);
      assertThat(((DateColumn) cols.column("referral_date")).date(3))
          .isEqualTo(LocalDate.of(2021, 2, 15));
      assertThat(cols.column("note").text(0)).isEqualTo("said \"hello\", left");
      assertThat(cols.column("note").text(1)).isNull();
      assertThat(cols.column("note").text(2)).isEqualTo("two\nlines");
      assertThat(cols.column("region").text(4)).isNull();
      assertThat(((CategoricalColumn) cols.column("region")).isByteEncoded()).isTrue();
    }
  }

  private static VariableType type(DatasetInfo info, String v) {
    return info.variable(v).orElseThrow().type();
  }

  @Test
  void reopenedWorkspaceServesTheSameDatasetsColumnsAndRecordKeys() {
    Path file = Fixtures.resource(tmp, "referrals.csv");
    double[] keys;
    try (Workspace ws = open()) {
      importFile(ws, "referrals", file);
      keys = ws.recordKeys("referrals");
    }
    assertThat(keys).hasSize(5);
    for (double k : keys) {
      assertThat(k).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
    try (Workspace ws = open()) {
      assertThat(ws.datasets()).extracting(DatasetInfo::name).containsExactly("referrals");
      assertThat(ws.hasDataset("referrals")).isTrue();
      assertThat(ws.hasDataset("other")).isFalse();
      assertThat(ws.recordKeys("referrals")).containsExactly(keys);
      assertThat(ws.columns("referrals", List.of("sex")).column("sex").text(3)).isEqualTo("M");
    }
  }

  @Test
  void schemaOverridesTypesAndSetsLabelsAndValueLabels() {
    Path file = Fixtures.resource(tmp, "referrals.csv");
    ImportSchema schema = ImportSchema.fromJson(Fixtures.resource(tmp, "referrals-schema.json"));
    try (Workspace ws = open()) {
      DatasetInfo info = ws.importCsv(new ImportRequest("r", file, null, null, schema), null, null);

      VariableInfo sex = info.variable("sex").orElseThrow();
      assertThat(sex.label()).isEqualTo("Sex");
      assertThat(sex.codes())
          .containsExactly(
              new Code("F", "Female", 3), new Code("M", "Male", 2), new Code("X", "Other", 0));
      assertThat(type(info, "age")).isEqualTo(VariableType.DECIMAL);
      assertThat(info.variable("age").orElseThrow().label()).isEqualTo("Age at referral");
      assertThat(info.variable("region").orElseThrow().label()).isEqualTo("Region of residence");
      assertThat(type(info, "person_id")).isEqualTo(VariableType.TEXT);
      assertThat(info.variable("person_id").orElseThrow().codes()).isEmpty();
      CategoricalColumn sexCol = (CategoricalColumn) ws.columns("r", List.of("sex")).column("sex");
      assertThat(sexCol.dictionary()).containsExactly("F", "M", "X");
    }
  }

  @Test
  void manyDistinctValuesMakeATextVariableStoredAsIntCodes() {
    StringBuilder sb = new StringBuilder("id,group\n");
    for (int i = 0; i < 3000; i++) {
      sb.append("A").append(i).append(',').append(i % 300).append('\n');
    }
    Path file = Fixtures.csv(tmp, "ids.csv", sb.toString());
    try (Workspace ws = open()) {
      DatasetInfo info = importFile(ws, "ids", file);
      assertThat(type(info, "id")).isEqualTo(VariableType.TEXT);
      assertThat(type(info, "group")).isEqualTo(VariableType.INTEGER);
      CategoricalColumn id = (CategoricalColumn) ws.columns("ids", List.of("id")).column("id");
      assertThat(id.isByteEncoded()).isFalse();
      assertThat(id.text(2999)).isEqualTo("A2999");
      assertThat(id.dictionary()).hasSize(3000);
    }
  }

  @Test
  void identifierColumnOfTensOfThousandsOfRowsKeepsEveryValue() {
    StringBuilder sb = new StringBuilder("person,sex\n");
    for (int i = 0; i < 40_000; i++) {
      sb.append("ID-").append(i * 7919L % 1_000_003).append(',').append(i % 2 == 0 ? "F" : "M");
      sb.append('\n');
    }
    sb.append("ID-0,F\n"); // a repeat still gets the code of its first occurrence
    Path file = Fixtures.csv(tmp, "people.csv", sb.toString());
    try (Workspace ws = open()) {
      DatasetInfo info = importFile(ws, "p", file);
      assertThat(type(info, "person")).isEqualTo(VariableType.TEXT);
      CategoricalColumn c = (CategoricalColumn) ws.columns("p", List.of("person")).column("person");
      assertThat(c.dictionary()).hasSize(40_000);
      assertThat(c.text(39_999)).isEqualTo("ID-" + (39_999 * 7919L % 1_000_003));
      assertThat(c.code(40_000)).isEqualTo(c.dictionary().indexOf("ID-0"));
    }
  }

  @Test
  void largeCodelistsUseIntCodesSortedNumbersFirst() {
    StringBuilder sb = new StringBuilder("code\n");
    for (int i = 0; i < 2000; i++) {
      sb.append(i % 2 == 0 ? "x" + (i % 400) : "z").append('\n');
    }
    sb.append("10\n2\n");
    Path file = Fixtures.csv(tmp, "codes.csv", sb.toString());
    try (Workspace ws = open()) {
      DatasetInfo info = importFile(ws, "c", file);
      assertThat(type(info, "code")).isEqualTo(VariableType.CATEGORICAL);
      List<Code> codes = info.variable("code").orElseThrow().codes();
      assertThat(codes).hasSize(203);
      assertThat(codes.get(0).code()).isEqualTo("2");
      assertThat(codes.get(1).code()).isEqualTo("10");
      assertThat(codes.get(202)).isEqualTo(new Code("z", null, 1000));
      CategoricalColumn c = (CategoricalColumn) ws.columns("c", List.of("code")).column("code");
      assertThat(c.isByteEncoded()).isTrue();
      assertThat(c.text(1)).isEqualTo("z");
    }
  }

  @Test
  void aColumnThatStartsNumericButIsNotBecomesCategorical() {
    StringBuilder sb = new StringBuilder("code,n\n");
    for (int i = 0; i < 10_000; i++) {
      sb.append(i % 7).append(',').append(i).append('\n');
    }
    sb.append("7a,1\n2021-01-01,2.5\n");
    Path file = Fixtures.csv(tmp, "late.csv", sb.toString());
    try (Workspace ws = open()) {
      DatasetInfo info = importFile(ws, "late", file);
      assertThat(type(info, "code")).isEqualTo(VariableType.CATEGORICAL);
      assertThat(type(info, "n")).isEqualTo(VariableType.DECIMAL);
      assertThat(info.variable("code").orElseThrow().codes())
          .extracting(Code::code)
          .containsExactly("0", "1", "2", "3", "4", "5", "6", "2021-01-01", "7a");
      assertThat(ws.columns("late", List.of("code")).column("code").text(10_000)).isEqualTo("7a");
    }
  }

  @Test
  void codesWithLeadingZerosStayCategorical() {
    Path file = Fixtures.csv(tmp, "z.csv", "la\n001\n002\n010\n");
    try (Workspace ws = open()) {
      DatasetInfo info = importFile(ws, "z", file);
      assertThat(type(info, "la")).isEqualTo(VariableType.CATEGORICAL);
      assertThat(info.variable("la").orElseThrow().codes())
          .extracting(Code::code)
          .containsExactly("001", "002", "010");
    }
  }

  @Test
  void detectsTabAndSemicolonAndReadsBomAndCrlf() {
    Path tab = Fixtures.csv(tmp, "t.tsv", "\uFEFFa\tb,c\td\r\n1\tx,y\tq\r\n2\tz\t\r\n");
    Path semi = Fixtures.csv(tmp, "s.csv", "a;b\n1,5;x\n");
    try (Workspace ws = open()) {
      DatasetInfo t = importFile(ws, "t", tab);
      assertThat(t.variableNames()).containsExactly("a", "b,c", "d");
      assertThat(ws.columns("t", List.of("b,c")).column("b,c").text(0)).isEqualTo("x,y");
      DatasetInfo s = importFile(ws, "s", semi);
      assertThat(s.variableNames()).containsExactly("a", "b");
      assertThat(type(s, "a")).isEqualTo(VariableType.CATEGORICAL);
    }
  }

  @Test
  void explicitDelimiterOverridesDetection() {
    Path file = Fixtures.csv(tmp, "p.csv", "a|b,c\n1|2,3\n");
    try (Workspace ws = open()) {
      DatasetInfo info = ws.importCsv(new ImportRequest("p", file, null, '|', null), null, null);
      assertThat(info.variableNames()).containsExactly("a", "b,c");
    }
  }

  @Test
  void readsWindows1252WhenAsked() {
    Path file = Fixtures.resource(tmp, "cp1252.csv");
    try (Workspace ws = open()) {
      DatasetInfo info =
          ws.importCsv(
              new ImportRequest("w", file, Charset.forName("windows-1252"), null, null),
              null,
              null);
      assertThat(info.variable("name").orElseThrow().codes())
          .extracting(Code::code)
          .containsExactly("Renée", "Zoë");
    }
  }

  @Test
  void hostileNamesAreDataNotSql() {
    String longName = "x".repeat(10_000);
    String quote = "a'\"; DROP TABLE sb_dataset; --";
    String header = "\"" + quote.replace("\"", "\"\"") + "\"," + longName + ",\"DROP TABLE\"\n";
    Path file = Fixtures.csv(tmp, "h.csv", header + "1,2,3\n");
    try (Workspace ws = open()) {
      String dsName = "'); DELETE FROM sb_variable; --" + longName;
      DatasetInfo info = importFile(ws, dsName, file);
      assertThat(info.variableNames()).containsExactly(quote, longName, "DROP TABLE");
      assertThat(ws.dataset(dsName).name()).isEqualTo(dsName);
      assertThat(ws.columns(dsName, List.of(longName)).column(longName).text(0)).isEqualTo("2");
      assertThat(ws.datasets()).hasSize(1);
    }
  }

  @Test
  void reimportReplacesTheDatasetAndDeletesTheOldColumnFile() throws Exception {
    Path a = Fixtures.csv(tmp, "a.csv", "x\n1\n2\n");
    Path b = Fixtures.csv(tmp, "b.csv", "y\nq\n");
    try (Workspace ws = open()) {
      importFile(ws, "d", a);
      ws.setKind("d", DatasetKind.LOOKUP, "2011");
      assertThat(ws.columns("d", List.of("x")).rows()).isEqualTo(2);
      DatasetInfo info = importFile(ws, "d", b);
      assertThat(info.variableNames()).containsExactly("y");
      assertThat(info.kind()).isEqualTo(DatasetKind.LOOKUP);
      assertThat(ws.edition("d")).isEqualTo("2011");
      assertThat(ws.columns("d", List.of("y")).rows()).isEqualTo(1);
      assertThatThrownBy(() -> ws.columns("d", List.of("x")))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("Unknown variable 'x'");
      assertThat(columnFiles()).hasSize(1);
    }
  }

  @Test
  void failedReimportKeepsTheOldDataset() throws Exception {
    Path good = Fixtures.csv(tmp, "good.csv", "x\n1\n2\n");
    Path bad = Fixtures.csv(tmp, "bad.csv", "x,y\n1,2\n3\n");
    try (Workspace ws = open()) {
      DatasetInfo before = importFile(ws, "d", good);
      assertThatThrownBy(() -> importFile(ws, "d", bad)).isInstanceOf(InputException.class);
      assertThat(ws.datasets()).containsExactly(before);
      assertThat(ws.columns("d", List.of("x")).column("x").text(1)).isEqualTo("2");
      assertThat(columnFiles()).hasSize(1);
    }
  }

  @Test
  void cancelledImportLeavesTheWorkspaceAsBefore() throws Exception {
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append(i).append(",v").append(i % 5).append('\n');
    }
    Path big = Fixtures.csv(tmp, "big.csv", sb.toString());
    Path small = Fixtures.csv(tmp, "small.csv", "x\n1\n");
    try (Workspace ws = open()) {
      DatasetInfo before = importFile(ws, "keep", small);
      CancellationToken cancel = new CancellationToken();
      AtomicLong reports = new AtomicLong();
      assertThatThrownBy(
              () ->
                  ws.importCsv(
                      ImportRequest.of("big", big),
                      (done, total, msg) -> {
                        reports.incrementAndGet();
                        cancel.cancel();
                      },
                      cancel))
          .isInstanceOf(CancelledException.class);
      assertThat(reports.get()).isPositive();
      assertThat(ws.datasets()).containsExactly(before);
      assertThat(columnFiles()).hasSize(1);
    }
  }

  @Test
  void reportsProgressInBytesOfTheFileSize() throws Exception {
    StringBuilder sb = new StringBuilder("a\n");
    for (int i = 0; i < 10_000; i++) {
      sb.append(i).append('\n');
    }
    Path file = Fixtures.csv(tmp, "p.csv", sb.toString());
    long size = Files.size(file);
    List<long[]> seen = new ArrayList<>();
    try (Workspace ws = open()) {
      ws.importCsv(
          ImportRequest.of("p", file),
          (done, total, msg) -> {
            if (msg.startsWith("Reading")) {
              seen.add(new long[] {done, total});
            }
          },
          null);
    }
    assertThat(seen).isNotEmpty();
    assertThat(seen).allSatisfy(p -> assertThat(p[1]).isEqualTo(size));
    assertThat(seen.get(seen.size() - 1)[0]).isEqualTo(size);
  }

  @Test
  void derivedVariablesMapSourceCodesAndSurviveReopen() {
    Path file = Fixtures.resource(tmp, "referrals.csv");
    try (Workspace ws = open()) {
      importFile(ws, "r", file);
      DatasetInfo info =
          ws.addDerivedVariables(
              "r",
              List.of(
                  new DerivedVariable(
                      "country",
                      "Country",
                      "region",
                      Map.of("North East", "England", "North West", "England"),
                      "join regions on region")));
      VariableInfo country = info.variable("country").orElseThrow();
      assertThat(country.isDerived()).isTrue();
      assertThat(country.derivedFrom()).isEqualTo("join regions on region");
      assertThat(country.codes()).containsExactly(new Code("England", null, 3));
      assertThat(country.missing()).isEqualTo(2);
      // replacing by name
      ws.addDerivedVariables(
          "r",
          List.of(
              new DerivedVariable("country", null, "region", Map.of("London", "England"), null)));
    }
    try (Workspace ws = open()) {
      DatasetColumns cols = ws.columns("r", List.of("country", "region"));
      assertThat(Stream.of(0, 1, 2, 3, 4).map(cols.column("country")::text))
          .containsExactly(null, null, null, "England", null);
      assertThat(ws.dataset("r").variableNames()).hasSize(9);
    }
  }

  @Test
  void derivedVariableMustNotClashWithAnImportedOne() {
    Path file = Fixtures.resource(tmp, "referrals.csv");
    try (Workspace ws = open()) {
      importFile(ws, "r", file);
      assertThatThrownBy(
              () ->
                  ws.addDerivedVariables(
                      "r", List.of(new DerivedVariable("sex", null, "region", Map.of(), null))))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("already has an imported variable");
      assertThatThrownBy(
              () ->
                  ws.addDerivedVariables(
                      "r", List.of(new DerivedVariable("s2", null, "nope", Map.of(), null))))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("no imported variable 'nope'");
    }
  }

  @Test
  void dropRemovesTheDatasetAndItsData() throws Exception {
    Path file = Fixtures.resource(tmp, "referrals.csv");
    try (Workspace ws = open()) {
      importFile(ws, "r", file);
      ws.columns("r", List.of("sex"));
      ws.drop("r");
      assertThat(ws.datasets()).isEmpty();
      assertThat(columnFiles()).isEmpty();
      assertThatThrownBy(() -> ws.dataset("r"))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("Unknown dataset 'r'");
    }
  }

  @Test
  void secondOpenInTheSameProcessIsRefused() {
    try (Workspace ws = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(StatBenchException.class)
          .hasMessageContaining("already open");
    }
    open().close();
  }

  @Test
  void headerOnlyFileIsRefusedAndLeavesTheDatasetOfThatNameUnchanged() {
    Path good = Fixtures.csv(tmp, "good.csv", "a,b\n1,x\n2,y\n");
    Path headerOnly = Fixtures.csv(tmp, "e.csv", "a,b\n");
    try (Workspace ws = open()) {
      importFile(ws, "e", good);
      assertThatThrownBy(() -> importFile(ws, "e", headerOnly))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("e.csv")
          .hasMessageContaining("no data rows");
      assertThat(ws.dataset("e").rows()).isEqualTo(2);
    }
  }

  private List<Path> columnFiles() throws Exception {
    try (Stream<Path> s = Files.list(tmp.resolve("ws").resolve("columns"))) {
      return s.toList();
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
