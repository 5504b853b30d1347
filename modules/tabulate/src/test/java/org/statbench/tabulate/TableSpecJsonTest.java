package org.statbench.tabulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.InputException;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;

class TableSpecJsonTest {
  private static TableSpec documented() {
    return TableSpec.of("claims")
        .withRows(
            List.of(
                DimensionSpec.of("la", RollUp.toVariable("region")),
                DimensionSpec.of("age", Bands.parse("16-24,50+"))))
        .withColumns(List.of(DimensionSpec.of("sex").withTotal(false)))
        .withWafers(List.of(DimensionSpec.of("start", new DateGrouping(DateUnit.FINANCIAL_YEAR))))
        .withFilter(CodeFilter.include("benefit", "JSA", "UC"))
        .withFilter(new RangeFilter("age", 16, Double.POSITIVE_INFINITY))
        .withFilter(new DateRangeFilter("start", LocalDate.of(2024, 4, 1), null))
        .withMeasure(Measure.parse("sum:amount"))
        .withWeight("w")
        .withPercentage(Percentage.ROW);
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = TableSpecJsonTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesTheDocumentedFormat() throws Exception {
    assertThat(TableSpecJson.write(documented())).isEqualTo(resource("claims-by-age.table.json"));
  }

  @Test
  void roundTripsEveryDerivationAndFilter(@TempDir Path dir) throws Exception {
    TableSpec s =
        documented()
            .withWafers(
                List.of(
                    DimensionSpec.of(
                        "provider",
                        new CodeGroups(List.of(new CodeGroup("Big, \"3\"", List.of("P1", "P2"))))),
                    DimensionSpec.of("la2", RollUp.byMapping(Map.of("L1", "R1", "L2", "R1"))),
                    DimensionSpec.of("x", Bands.equalWidth(0, 1, 3))))
            .withFilter(CodeFilter.exclude("sex", "Missing"))
            .withWeight(null)
            .withPercentage(Percentage.NONE)
            .withMeasure(Measure.parse("p90:amount"));
    Path f = dir.resolve("t.json");
    TableSpecJson.write(s, f);
    assertThat(TableSpecJson.read(f)).isEqualTo(s);
    assertThat(TableSpecJson.read(TableSpecJson.write(documented()), "x")).isEqualTo(documented());
  }

  @Test
  void acceptsShortBandStringsAndMinimalDefinitions() {
    TableSpec s =
        TableSpecJson.read(
            "{\"format\":\"statbench-table\",\"version\":1,\"dataset\":\"d\","
                + "\"rows\":[{\"variable\":\"age\",\"bands\":[\"-15\",\"16-24\",\"25+\"]}]}",
            "t.json");
    assertThat(s.rows().get(0).derivation()).isEqualTo(Bands.parse("-15,16-24,25+"));
    assertThat(s.measure()).isEqualTo(Measure.COUNT);
  }

  @Test
  void multiLevelRollUpsRoundTripAsVersionTwo() {
    TableSpec s =
        TableSpec.of("d")
            .withRows(
                List.of(
                    DimensionSpec.of("oa", RollUp.toVariables(List.of("la", "region", "country")))))
            .withColumns(
                List.of(
                    DimensionSpec.of(
                        "x",
                        RollUp.byMappings(List.of(Map.of("a", "A", "b", "A"), Map.of("A", "T"))))));
    String json = TableSpecJson.write(s);
    assertThat(json).contains("\"version\" : 2").contains("\"parentVariables\"");
    assertThat(TableSpecJson.read(json, "t.json")).isEqualTo(s);
  }

  @Test
  void singleLevelRollUpsStillWriteVersionOneInTheOldForm() {
    TableSpec s =
        TableSpec.of("d").withRows(List.of(DimensionSpec.of("la", RollUp.toVariable("region"))));
    String json = TableSpecJson.write(s);
    assertThat(json).contains("\"version\" : 1").contains("\"parentVariable\" : \"region\"");
    assertThat(TableSpecJson.read(json, "t.json")).isEqualTo(s);
  }

  @Test
  void multiLevelRollUpNeedsVersionTwoAndAWellFormedChain() {
    String v1 = "{\"format\":\"statbench-table\",\"version\":1,\"dataset\":\"d\",";
    assertThatThrownBy(
            () ->
                TableSpecJson.read(
                    v1
                        + "\"rows\":[{\"variable\":\"oa\",\"rollUp\":"
                        + "{\"parentVariables\":[\"la\",\"region\"]}}]}",
                    "t.json"))
        .hasMessageStartingWith("t.json: rows[0].rollUp.parentVariables: needs \"version\" : 2");
    String v2 = "{\"format\":\"statbench-table\",\"version\":2,\"dataset\":\"d\",";
    assertThatThrownBy(
            () ->
                TableSpecJson.read(
                    v2
                        + "\"rows\":[{\"variable\":\"oa\",\"rollUp\":"
                        + "{\"parentVariables\":[\"la\",\"la\"]}}]}",
                    "t.json"))
        .hasMessageStartingWith("t.json: rows[0].rollUp: ")
        .hasMessageContaining("listed twice");
    assertThatThrownBy(
            () ->
                TableSpecJson.read(
                    v2
                        + "\"rows\":[{\"variable\":\"oa\",\"rollUp\":"
                        + "{\"parentVariable\":\"la\",\"parents\":{}}}]}",
                    "t.json"))
        .hasMessageStartingWith("t.json: rows[0].rollUp: give one of");
    TableSpec s =
        TableSpecJson.read(
            v2
                + "\"rows\":[{\"variable\":\"oa\",\"rollUp\":"
                + "{\"parents\":[{\"o1\":\"l1\"},{\"l1\":\"r1\"}]}}]}",
            "t.json");
    assertThat(s.rows().get(0).derivation())
        .isEqualTo(RollUp.byMappings(List.of(Map.of("o1", "l1"), Map.of("l1", "r1"))));
  }

  @Test
  void errorsNameTheFileAndTheField() {
    String head = "{\"format\":\"statbench-table\",\"version\":1,\"dataset\":\"d\",";
    assertThatThrownBy(() -> TableSpecJson.read(head + "\"rowz\":[]}", "t.json"))
        .isInstanceOf(InputException.class)
        .hasMessage("t.json: rowz: unknown field");
    assertThatThrownBy(
            () ->
                TableSpecJson.read(
                    head + "\"rows\":[{\"variable\":\"a\",\"bands\":[\"1-2\",\"x\"]}]}", "t.json"))
        .hasMessageStartingWith("t.json: rows[0].bands[1]: ");
    assertThatThrownBy(
            () ->
                TableSpecJson.read(
                    "{\"format\":\"statbench-table\",\"version\":4,\"dataset\":\"d\"}", "t.json"))
        .hasMessageContaining("version 4 is not supported (this StatBench reads versions 1 to 3)");
    assertThatThrownBy(() -> TableSpecJson.read("{\"format\":\"other\"}", "t.json"))
        .hasMessageContaining("format");
    assertThatThrownBy(() -> TableSpecJson.read("{\n\"format\": ,}", "t.json"))
        .hasMessageStartingWith("t.json, line 2: not valid JSON");
    assertThatThrownBy(() -> TableSpecJson.read(Path.of("/nonexistent.json")))
        .hasMessageContaining("/nonexistent.json");
  }

  private static final TableView SORTED_VIEW =
      new TableView(
          new TableView.Sort(TableView.Order.VALUE_DESC, List.of("F", "Total")),
          new TableView.Sort(TableView.Order.LABEL_ASC, List.of()),
          true,
          true);

  @Test
  void aViewRoundTripsAsVersionThree(@TempDir Path dir) throws Exception {
    SavedTable saved = new SavedTable(documented(), SORTED_VIEW);
    Path f = dir.resolve("t.json");
    TableSpecJson.write(saved, f);
    String json = Files.readString(f);
    assertThat(json)
        .contains("\"version\" : 3")
        .contains("\"order\" : \"value_desc\"")
        .contains("\"by\" : [ \"F\", \"Total\" ]")
        .contains("\"hideEmpty\" : true")
        .contains("\"heatMap\" : true");
    assertThat(TableSpecJson.readSaved(f)).isEqualTo(saved);
    assertThat(TableSpecJson.read(f)).isEqualTo(documented());

    TableView onlyHeat = new TableView(null, null, false, true);
    String heat = TableSpecJson.write(new SavedTable(documented(), onlyHeat));
    assertThat(heat).contains("\"view\" : {\n    \"heatMap\" : true\n  }");
    assertThat(heat).doesNotContain("rowSort").doesNotContain("hideEmpty");
    assertThat(TableSpecJson.readSaved(heat, "t.json").view()).isEqualTo(onlyHeat);
  }

  @Test
  void aDefaultViewIsNotWrittenSoTheFileStaysAsBefore() throws Exception {
    String plain = resource("claims-by-age.table.json");
    assertThat(TableSpecJson.write(new SavedTable(documented(), TableView.DEFAULT)))
        .isEqualTo(plain);
    assertThat(TableSpecJson.write(new SavedTable(documented(), null))).isEqualTo(plain);
    assertThat(
            TableSpecJson.write(
                new SavedTable(
                    documented(),
                    new TableView(
                        new TableView.Sort(TableView.Order.NATURAL, List.of("ignored")),
                        TableView.Sort.NATURAL,
                        false,
                        false))))
        .isEqualTo(plain);
  }

  @Test
  void aVersionOneFileLoadsWithTheDefaultView() throws Exception {
    SavedTable saved = TableSpecJson.readSaved(resource("claims-by-age.table.json"), "t.json");
    assertThat(saved.spec()).isEqualTo(documented());
    assertThat(saved.view()).isEqualTo(TableView.DEFAULT);
    assertThat(saved.view().isDefault()).isTrue();
  }

  @Test
  void theViewNeedsVersionThreeAndIsCheckedStrictly() {
    String v1 = "{\"format\":\"statbench-table\",\"version\":1,\"dataset\":\"d\",";
    String v3 = "{\"format\":\"statbench-table\",\"version\":3,\"dataset\":\"d\",";
    assertThatThrownBy(() -> TableSpecJson.read(v1 + "\"view\":{\"hideEmpty\":true}}", "t.json"))
        .hasMessageStartingWith("t.json: view: needs \"version\" : 3");
    assertThatThrownBy(() -> TableSpecJson.read(v3 + "\"view\":{\"hideEmpti\":true}}", "t.json"))
        .hasMessage("t.json: view.hideEmpti: unknown field");
    assertThatThrownBy(
            () -> TableSpecJson.read(v3 + "\"view\":{\"rowSort\":{\"order\":\"up\"}}}", "t.json"))
        .hasMessageStartingWith("t.json: view.rowSort.order: 'up' is not one of");
    assertThatThrownBy(
            () ->
                TableSpecJson.read(
                    v3 + "\"view\":{\"columnSort\":{\"order\":\"label_asc\",\"by\":[\"x\"]}}}",
                    "t.json"))
        .hasMessageStartingWith("t.json: view.columnSort.by: only a value order");
    assertThatThrownBy(() -> TableSpecJson.read(v3 + "\"view\":{\"heatMap\":1}}", "t.json"))
        .hasMessage("t.json: view.heatMap: expected true or false");
    assertThatThrownBy(
            () -> TableSpecJson.read(v3 + "\"view\":{\"heatMap\":true},\"sorting\":1}", "t.json"))
        .hasMessage("t.json: sorting: unknown field");
    SavedTable ok =
        TableSpecJson.readSaved(
            v3 + "\"view\":{\"rowSort\":{\"order\":\"value_asc\"},\"hideEmpty\":false}}", "t.json");
    assertThat(ok.spec()).isEqualTo(TableSpec.of("d"));
    assertThat(ok.view().rowSort()).isEqualTo(new TableView.Sort(TableView.Order.VALUE_ASC, null));
    assertThat(ok.view().hideEmpty()).isFalse();
  }
}
