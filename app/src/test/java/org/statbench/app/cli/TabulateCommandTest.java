package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.export.LongCsv;
import org.statbench.tabulate.SavedTable;
import org.statbench.tabulate.TableSpecJson;
import org.statbench.tabulate.TableView;
import picocli.CommandLine;

class TabulateCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private String db;

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = StatBenchCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = TabulateCommandTest.class.getResourceAsStream("tabulate/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void importPeople() throws Exception {
    Path csv = tmp.resolve("people.csv");
    Files.writeString(csv, resource("people.csv"));
    db = tmp.resolve("ws").toString();
    assertThat(run("import", "--db", db, "--name", "people", "--file", csv.toString())).isZero();
  }

  @Test
  void printsTheLongCsvOfCountsWithMarginsAndHostileLabels() throws Exception {
    assertThat(
            run("tabulate", "--db", db, "--dataset", "people", "--rows", "region", "--cols", "sex"))
        .isZero();
    assertThat(out.toString()).isEqualTo(resource("region-by-sex.expected.csv"));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void bandsFiltersAndSumsMatchTheGoldenFile() throws Exception {
    int code =
        run(
            "tabulate",
            "--db",
            db,
            "--dataset",
            "people",
            "--rows",
            "age",
            "--band",
            "age=16-24,25-49,50+",
            "--measure",
            "sum:amount",
            "--filter",
            "sex=F,M");
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo(resource("age-bands-sum.expected.csv"));
  }

  @Test
  void writesToOutAndReadsBackAsTheSameTable() throws Exception {
    Path f = tmp.resolve("t.csv");
    assertThat(
            run(
                "tabulate",
                "--db",
                db,
                "--dataset",
                "people",
                "--rows",
                "region",
                "--cols",
                "sex",
                "--out",
                f.toString()))
        .isZero();
    assertThat(out.toString()).isEmpty();
    Table t = LongCsv.readTable(f);
    assertThat(t.cellCount()).isEqualTo(16);
    assertThat(Files.readString(f)).isEqualTo(resource("region-by-sex.expected.csv"));
  }

  @Test
  void savedSpecReproducesTheTable() throws Exception {
    Path spec = tmp.resolve("t.table.json");
    assertThat(
            run(
                "tabulate",
                "--db",
                db,
                "--dataset",
                "people",
                "--rows",
                "age",
                "--band",
                "age=16-24,25-49,50+",
                "--measure",
                "sum:amount",
                "--filter",
                "sex=F,M",
                "--save-spec",
                spec.toString()))
        .isZero();
    assertThat(run("tabulate", "--db", db, "--spec", spec.toString())).isZero();
    assertThat(out.toString()).isEqualTo(resource("age-bands-sum.expected.csv"));
  }

  @Test
  void aSpecWithAViewGivesTheSameCsvAsWithoutButUnknownFieldsAreStillRefused() throws Exception {
    Path plain = tmp.resolve("plain.table.json");
    TableSpec spec =
        TableSpec.of("people")
            .withRows(List.of(DimensionSpec.of("region")))
            .withColumns(List.of(DimensionSpec.of("sex")));
    TableSpecJson.write(spec, plain);
    Path viewed = tmp.resolve("viewed.table.json");
    TableView view =
        new TableView(
            new TableView.Sort(TableView.Order.VALUE_DESC, List.of("F")),
            new TableView.Sort(TableView.Order.LABEL_DESC, List.of()),
            true,
            true);
    TableSpecJson.write(new SavedTable(spec, view), viewed);
    assertThat(Files.readString(viewed)).contains("\"view\"");

    assertThat(run("tabulate", "--db", db, "--spec", plain.toString())).isZero();
    String expected = out.toString();
    assertThat(expected).isEqualTo(resource("region-by-sex.expected.csv"));
    assertThat(run("tabulate", "--db", db, "--spec", viewed.toString())).isZero();
    assertThat(out.toString()).isEqualTo(expected);

    Path typo = tmp.resolve("typo.table.json");
    Files.writeString(typo, Files.readString(viewed).replace("\"percentage\"", "\"percentages\""));
    assertThat(run("tabulate", "--db", db, "--spec", typo.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("typo.table.json").contains("percentages: unknown field");
  }

  @Test
  void percentagesAreLabelledInTheMeasureColumn() {
    assertThat(
            run(
                "tabulate",
                "--db",
                db,
                "--dataset",
                "people",
                "--rows",
                "region",
                "--cols",
                "sex",
                "--percent",
                "row"))
        .isZero();
    assertThat(out.toString())
        .contains("North,F,row%:count,50\n")
        .contains("North,Total,row%:count,100\n");
  }

  @Test
  void dateGroupingAndNoTotal() {
    assertThat(
            run(
                "tabulate",
                "--db",
                db,
                "--dataset",
                "people",
                "--rows",
                "start",
                "--date-group",
                "start=fy",
                "--cols",
                "sex",
                "--no-total",
                "sex",
                "--measure",
                "median:amount"))
        .isZero();
    assertThat(out.toString())
        .contains("2023/24,F,median:amount,5.25\n")
        .contains("2023/24,M,median:amount,\n")
        .doesNotContain(",Total,median");
  }

  @Test
  void rollUpThroughSeveralLevelsWritesASubtotalForEveryParent() throws Exception {
    Path csv = tmp.resolve("areas.csv");
    Files.writeString(
        csv,
        "oa,la,region\nO1,L1,R1\nO2,L1,R1\nO2,L1,R1\nO3,L2,R1\nO4,L3,R2\n",
        StandardCharsets.UTF_8);
    assertThat(run("import", "--db", db, "--name", "areas", "--file", csv.toString())).isZero();
    assertThat(
            run(
                "tabulate",
                "--db",
                db,
                "--dataset",
                "areas",
                "--rows",
                "oa",
                "--rollup",
                "oa=la,region"))
        .isZero();
    assertThat(out.toString())
        .isEqualTo(
            "oa,measure,value\n"
                + "R1,count,4\n"
                + "L1,count,3\n"
                + "O1,count,1\n"
                + "O2,count,2\n"
                + "L2,count,1\n"
                + "O3,count,1\n"
                + "R2,count,1\n"
                + "L3,count,1\n"
                + "O4,count,1\n"
                + "Total,count,5\n");
    assertThat(run("tabulate", "--help")).isZero();
    assertThat(out.toString()).contains("--rollup=V=PARENT[,GRANDPARENT...]");
  }

  @Test
  void weightedMedianInvertsTheWeightedDistribution() throws Exception {
    Path csv = tmp.resolve("weighted.csv");
    // A: 1 2 3 with weights 1 1 2 (median 2.5); B: 4 and 6, the 4 with weight 0 (median 6)
    Files.writeString(csv, "g,x,w\nA,1,1\nA,2,1\nA,3,2\nB,4,0\nB,6,3\n", StandardCharsets.UTF_8);
    assertThat(run("import", "--db", db, "--name", "weighted", "--file", csv.toString())).isZero();
    assertThat(
            run(
                "tabulate",
                "--db",
                db,
                "--dataset",
                "weighted",
                "--rows",
                "g",
                "--measure",
                "median:x",
                "--weight",
                "w"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .isEqualTo(
            "g,measure,value\n" + "A,median:x,2.5\n" + "B,median:x,6\n" + "Total,median:x,3\n");
  }

  @Test
  void unknownVariableExitsTwoNamingIt() {
    assertThat(run("tabulate", "--db", db, "--dataset", "people", "--rows", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("'nope'").doesNotContain("Exception");
  }

  @Test
  void unknownDatasetExitsTwoNamingIt() {
    assertThat(run("tabulate", "--db", db, "--dataset", "other", "--rows", "sex")).isEqualTo(2);
    assertThat(err.toString()).contains("'other'");
  }

  @Test
  void bandOnAVariableThatIsNotADimensionIsRejected() {
    assertThat(
            run(
                "tabulate",
                "--db",
                db,
                "--dataset",
                "people",
                "--rows",
                "sex",
                "--band",
                "age=1-2"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--band age");
  }

  @Test
  void missingRowsIsAUsageError() {
    assertThat(run("tabulate", "--db", db, "--dataset", "people")).isEqualTo(2);
    assertThat(err.toString()).contains("--rows");
  }
}
