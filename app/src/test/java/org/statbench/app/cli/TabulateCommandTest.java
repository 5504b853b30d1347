package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
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

class TabulateCommandTest {
  @TempDir Path tmp;

  private final CliRun cli = new CliRun();
  private String db;

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
    cli.importCsv(db, "people", csv);
  }

  /** {@code tabulate --db DB --dataset DATASET} with the options given; the exit code. */
  private int tabulate(String dataset, String... options) {
    java.util.List<String> args =
        new java.util.ArrayList<>(java.util.List.of("tabulate", "--db", db, "--dataset", dataset));
    args.addAll(java.util.List.of(options));
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void printsTheLongCsvOfCountsWithMarginsAndHostileLabels() throws Exception {
    assertThat(tabulate("people", "--rows", "region", "--cols", "sex")).isZero();
    assertThat(cli.out()).isEqualTo(resource("region-by-sex.expected.csv"));
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void bandsFiltersAndSumsMatchTheGoldenFile() throws Exception {
    int code =
        tabulate(
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
    assertThat(cli.out()).isEqualTo(resource("age-bands-sum.expected.csv"));
  }

  @Test
  void writesToOutAndReadsBackAsTheSameTable() throws Exception {
    Path f = tmp.resolve("t.csv");
    assertThat(tabulate("people", "--rows", "region", "--cols", "sex", "--out", f.toString()))
        .isZero();
    assertThat(cli.out()).isEmpty();
    Table t = LongCsv.readTable(f);
    assertThat(t.cellCount()).isEqualTo(16);
    assertThat(Files.readString(f)).isEqualTo(resource("region-by-sex.expected.csv"));
  }

  @Test
  void savedSpecReproducesTheTable() throws Exception {
    Path spec = tmp.resolve("t.table.json");
    assertThat(
            tabulate(
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
    assertThat(cli.run("tabulate", "--db", db, "--spec", spec.toString())).isZero();
    assertThat(cli.out()).isEqualTo(resource("age-bands-sum.expected.csv"));
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

    assertThat(cli.run("tabulate", "--db", db, "--spec", plain.toString())).isZero();
    String expected = cli.out();
    assertThat(expected).isEqualTo(resource("region-by-sex.expected.csv"));
    assertThat(cli.run("tabulate", "--db", db, "--spec", viewed.toString())).isZero();
    assertThat(cli.out()).isEqualTo(expected);

    Path typo = tmp.resolve("typo.table.json");
    Files.writeString(typo, Files.readString(viewed).replace("\"percentage\"", "\"percentages\""));
    assertThat(cli.run("tabulate", "--db", db, "--spec", typo.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("typo.table.json").contains("percentages: unknown field");
  }

  @Test
  void percentagesAreLabelledInTheMeasureColumn() {
    assertThat(tabulate("people", "--rows", "region", "--cols", "sex", "--percent", "row"))
        .isZero();
    assertThat(cli.out())
        .contains("North,F,row%:count,50\n")
        .contains("North,Total,row%:count,100\n");
  }

  @Test
  void dateGroupingAndNoTotal() {
    assertThat(
            tabulate(
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
    assertThat(cli.out())
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
    cli.importCsv(db, "areas", csv);
    assertThat(tabulate("areas", "--rows", "oa", "--rollup", "oa=la,region")).isZero();
    assertThat(cli.out())
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
    assertThat(cli.run("tabulate", "--help")).isZero();
    assertThat(cli.out()).contains("--rollup=V=PARENT[,GRANDPARENT...]");
  }

  @Test
  void weightedMedianInvertsTheWeightedDistribution() throws Exception {
    Path csv = tmp.resolve("weighted.csv");
    // A: 1 2 3 with weights 1 1 2 (median 2.5); B: 4 and 6, the 4 with weight 0 (median 6)
    Files.writeString(csv, "g,x,w\nA,1,1\nA,2,1\nA,3,2\nB,4,0\nB,6,3\n", StandardCharsets.UTF_8);
    cli.importCsv(db, "weighted", csv);
    assertThat(tabulate("weighted", "--rows", "g", "--measure", "median:x", "--weight", "w"))
        .as(cli.err())
        .isZero();
    assertThat(cli.out())
        .isEqualTo(
            "g,measure,value\n" + "A,median:x,2.5\n" + "B,median:x,6\n" + "Total,median:x,3\n");
  }

  @Test
  void unknownVariableExitsTwoNamingIt() {
    assertThat(tabulate("people", "--rows", "nope")).isEqualTo(2);
    assertThat(cli.err()).contains("'nope'").doesNotContain("Exception");
  }

  @Test
  void unknownDatasetExitsTwoNamingIt() {
    assertThat(tabulate("other", "--rows", "sex")).isEqualTo(2);
    assertThat(cli.err()).contains("'other'");
  }

  @Test
  void bandOnAVariableThatIsNotADimensionIsRejected() {
    assertThat(tabulate("people", "--rows", "sex", "--band", "age=1-2")).isEqualTo(2);
    assertThat(cli.err()).contains("--band age");
  }

  @Test
  void missingRowsIsAUsageError() {
    assertThat(tabulate("people")).isEqualTo(2);
    assertThat(cli.err()).contains("--rows");
  }
}
