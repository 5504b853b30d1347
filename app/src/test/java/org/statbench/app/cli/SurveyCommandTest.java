package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.data.NumericColumn;

/** tabulate with --design, --replicates, --se and --level on a design worked by hand. */
class SurveyCommandTest {
  @TempDir Path tmp;

  private final CliRun cli = new CliRun();
  private String db;

  @BeforeEach
  void importSurvey() throws Exception {
    // stratum A: PSUs 1 and 2; stratum B: PSU 3 alone
    Path csv = tmp.resolve("s.csv");
    Files.writeString(
        csv,
        "stratum,psu,g,y,w,r1,r2,r3\n"
            + "A,1,x,2,1,2,0,1\n"
            + "A,1,z,4,1,0,2,1\n"
            + "A,2,x,5,2,1,1,2\n"
            + "B,3,z,1,3,1,1,0\n");
    db = tmp.resolve("ws").toString();
    cli.importCsv(db, "s", csv);
  }

  /** {@code tabulate --db DB --dataset DATASET} with the options given. */
  private int tabulate(String dataset, String... options) {
    List<String> args =
        new java.util.ArrayList<>(List.of("tabulate", "--db", db, "--dataset", dataset));
    args.addAll(List.of(options));
    return cli.run(args.toArray(String[]::new));
  }

  private static String n(double v) {
    return NumericColumn.formatNumber(v);
  }

  @Test
  void seAppendsStandardErrorIntervalCvAndBaseOfEveryDomain() {
    int code =
        tabulate(
            "s",
            "--rows",
            "g",
            "--measure",
            "sum:y",
            "--weight",
            "w",
            "--design",
            "strata=stratum,psu=psu,lonely=certainty",
            "--se");
    assertThat(code).as(cli.err()).isZero();
    String[] lines = cli.out().split("\n");
    assertThat(lines[0]).isEqualTo("g,measure,value,se,lower,upper,cv,n");
    // domain x: w y = 2 (PSU 1) and 10 (PSU 2): total 12; A: 2 * ((2-6)^2 + (10-6)^2) = 64
    double z = 1.959963984540054;
    assertThat(lines[1])
        .isEqualTo(
            "x,sum:y,12,8," + n(12 - z * 8) + "," + n(12 + z * 8) + "," + n(8.0 / 12 * 100) + ",2");
    // total 19: A's PSU totals 6 and 10 -> 2 * (4 + 4) = 16; B certain
    assertThat(lines[3]).startsWith("Total,sum:y,19,4,");
  }

  @Test
  void lonelyPsuIsRefusedWithExitTwoNamingTheStratum() {
    int code =
        tabulate("s", "--rows", "g", "--weight", "w", "--design", "strata=stratum,psu=psu", "--se");
    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("'stratum': B").doesNotContain("Exception");
  }

  @Test
  void replicateWeightsByPrefixAndLevel() {
    // replicate totals of y: r1 = 2*2 + 0*4 + 1*5 + 1*1 = 10, r2 = 0+8+5+1 = 14,
    // r3 = 2+4+10+0 = 16; mean 40/3; squares (10/3)^2 + (2/3)^2 + (8/3)^2 = 168/9;
    // JK1: (R-1)/R = 2/3 -> variance 112/9
    int code =
        tabulate(
            "s",
            "--rows",
            "g",
            "--no-total",
            "g",
            "--measure",
            "sum:y",
            "--weight",
            "w",
            "--replicates",
            "r*",
            "--replicate-type",
            "jk1",
            "--se",
            "--level",
            "0.90",
            "--filter",
            "g=x,z");
    assertThat(code).as(cli.err()).isZero();
    String[] lines = cli.out().split("\n");
    assertThat(lines).hasSize(3);
    code =
        tabulate(
            "s",
            "--rows",
            "stratum",
            "--measure",
            "sum:y",
            "--weight",
            "w",
            "--replicates",
            "r1,r2,r3",
            "--replicate-type",
            "jk1",
            "--se",
            "--level",
            "0.90");
    assertThat(code).as(cli.err()).isZero();
    String[] total = cli.out().split("\n")[3].split(",");
    double se = Math.sqrt(112.0 / 9);
    double z90 = 1.6448536269514722;
    assertThat(total[0] + "," + total[1] + "," + total[2] + "," + total[7])
        .isEqualTo("Total,sum:y,19,4");
    double[] expected = {se, 19 - z90 * se, 19 + z90 * se, se / 19 * 100};
    for (int k = 0; k < 4; k++) {
      assertThat(Double.parseDouble(total[3 + k])).isCloseTo(expected[k], within(1e-12));
    }
  }

  @Test
  void ratioAndGiniMeasuresWithoutSeWriteEstimatesOnly() {
    assertThat(tabulate("s", "--rows", "g", "--weight", "w", "--measure", "ratio:y/w")).isZero();
    // x: (1*2 + 2*5) / (1*1 + 2*2) = 12 / 5
    assertThat(cli.out().split("\n")[0]).isEqualTo("g,measure,value");
    assertThat(cli.out().split("\n")[1]).isEqualTo("x,ratio:y/w,2.4");
  }

  @Test
  void withoutADesignTheWeightAloneGivesOtherStandardErrors() {
    assertThat(
            tabulate(
                "s",
                "--rows",
                "g",
                "--weight",
                "w",
                "--design",
                "strata=stratum,psu=psu,lonely=certainty",
                "--se"))
        .isZero();
    String withDesign = cli.out();
    assertThat(tabulate("s", "--rows", "g", "--weight", "w", "--se")).isZero();
    assertThat(cli.out()).isNotEqualTo(withDesign); // no kept design: the weight alone
  }

  private String importHundred() throws Exception {
    // 60 records in a, 35 in b, 5 in c, each of weight 100
    StringBuilder sb = new StringBuilder("g,w\n");
    for (int i = 0; i < 100; i++) {
      sb.append(i < 60 ? "a" : i < 95 ? "b" : "c").append(",100\n");
    }
    Path csv = tmp.resolve("h.csv");
    Files.writeString(csv, sb.toString());
    cli.importCsv(db, "h", csv);
    return "h";
  }

  /** Exports dataset h by g (no totals, weighted, with --se) under a policy file. */
  private int exportH(Path rules, Path out) {
    return exportByG("h", rules, out);
  }

  /** Exports a dataset by g (no totals, weighted by w, with --se) under a policy file. */
  private int exportByG(String dataset, Path rules, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "export",
                "--db",
                db,
                "--dataset",
                dataset,
                "--rows",
                "g",
                "--no-totals",
                "--weight",
                "w",
                "--se",
                "--rules",
                rules.toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void exportFlagsCellsByCvAndBaseAndCountsUnweightedRecordsForTheThreshold() throws Exception {
    importHundred();
    // each record its own PSU: CV of a domain count = sqrt((1 - p) / (n p) * n/(n-1)) roughly;
    // b: p = 0.35 -> about 13.6%, a: p = 0.6 -> about 8.2%. c has 5 records (weighted 500):
    // the threshold (10) counts records, so c fails it whatever its weight.
    Path rules = tmp.resolve("p.json");
    Files.writeString(rules, "{\"quality\": {\"cvCaution\": 10, \"cvWithhold\": 30}}");
    Path out = tmp.resolve("release.csv");
    int code = exportH(rules, out);
    assertThat(code).as(cli.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("g,measure,value,status,se,lower,upper,cv,n");
    assertThat(lines.get(1)).startsWith("a,count,6000,ok,");
    assertThat(lines.get(2)).startsWith("b,count,3500,caution:cv,");
    assertThat(lines.get(3)).isEqualTo("c,count,,primary:threshold,,,,,");
    Files.writeString(rules, "{\"quality\": {\"minBase\": 40}}");
    assertThat(exportH(rules, out)).isZero();
    assertThat(Files.readAllLines(out).get(2)).isEqualTo("b,count,,withheld:base,,,,,");
    Path xlsx = tmp.resolve("release.xlsx");
    assertThat(exportH(rules, xlsx)).isZero();
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
      var sheet = wb.getSheet("Table");
      boolean found = false;
      for (var row : sheet) {
        for (var cell : row) {
          if (cell.getCellComment() != null) {
            found |=
                cell.getCellComment()
                    .getString()
                    .getString()
                    .contains("unweighted base 35 is under 40");
          }
        }
      }
      assertThat(found).as("a note on b's cell").isTrue();
    }
  }

  @Test
  void aCellWhoseEstimateIsZeroIsFlaggedForCautionAsItsCvIsUndefined() throws Exception {
    // a: 60 records, y = 1 for every second one; b: 40 records, all y = 0
    StringBuilder sb = new StringBuilder("g,y,w\n");
    for (int i = 0; i < 100; i++) {
      sb.append(i < 60 ? "a," + i % 2 : "b,0").append(",100\n");
    }
    Path csv = tmp.resolve("z.csv");
    Files.writeString(csv, sb.toString());
    cli.importCsv(db, "z", csv);
    Path rules = tmp.resolve("q.json");
    Files.writeString(rules, "{\"quality\": {\"cvCaution\": 20, \"cvWithhold\": 30}}");
    Path out = tmp.resolve("zero.csv");
    int code = exportByG("z", rules, out, "--measure", "median:y");
    assertThat(code).as(cli.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    // b: every value 0, so its median is 0 with SE 0 and no CV (SE / 0, written empty): published
    // with the caution flag rather than as reliable (a sum or mean of zeros would go to review, as
    // dominance is undefined there)
    assertThat(lines.get(2)).isEqualTo("b,median:y,0,caution:cv-undefined,0,0,0,,40");
  }

  @Test
  void quantileGroupsMakeTheDistributionTable() throws Exception {
    StringBuilder sb = new StringBuilder("y,w\n");
    for (int i = 1; i <= 10; i++) {
      sb.append(i).append(",1\n");
    }
    Path csv = tmp.resolve("q.csv");
    Files.writeString(csv, sb.toString());
    cli.importCsv(db, "q", csv);
    int code =
        tabulate(
            "q",
            "--quantile-groups",
            "y=5",
            "--measure",
            "sum:y",
            "--percent",
            "column",
            "--weight",
            "w");
    assertThat(code).as(cli.err()).isZero();
    // quintile cut points 2.5, 4.5, 6.5, 8.5 (see HandWorkedDesignsTest); first share 3/55
    String[] lines = cli.out().split("\n");
    assertThat(lines[0]).isEqualTo("y,measure,value");
    assertThat(lines[1]).startsWith("<2.5,column%:sum:y,5.45454545454545");
    assertThat(lines[5]).startsWith("8.5+,column%:sum:y,34.5454545454545");
  }

  @Test
  void changeBetweenWavesWithItsStandardError() throws Exception {
    // see HandWorkedDesignsTest: change 3, SE sqrt(3)
    Path csv = tmp.resolve("waves.csv");
    Files.writeString(
        csv, "p,wave,y,w\np1,1,1,1\np2,1,2,1\np3,1,3,1\np1,2,2,1\np2,2,2,1\np3,2,5,1\n");
    cli.importCsv(db, "waves", csv);
    int code =
        tabulate(
            "waves",
            "--rows",
            "p",
            "--measure",
            "sum:y",
            "--weight",
            "w",
            "--design",
            "psu=p",
            "--change",
            "wave=1,2",
            "--se");
    assertThat(code).as(cli.err()).isZero();
    String[] total = cli.out().split("\n")[4].split(",");
    assertThat(total[0] + "," + total[1] + "," + total[2]).isEqualTo("Total,change:sum:y,3");
    assertThat(Double.parseDouble(total[3])).isCloseTo(Math.sqrt(3), within(1e-12));
  }
}
