package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.DatasetInfo;
import org.statbench.sampledata.SampleData;
import org.statbench.store.Workspace;

class JoinCommandTest {
  @TempDir Path tmp;

  private final CliRun cli = new CliRun();
  private String db;

  @BeforeEach
  void importSurveyAndClassification() throws Exception {
    Path files = tmp.resolve("files");
    Files.createDirectories(files);
    Files.writeString(
        files.resolve("survey.csv"),
        "household_id,oa_code,savings\n"
            + "H1,E00900001,100\n"
            + "H2, e00900002 ,200\n"
            + "H3,E99999999,300\n"
            + "H4,XYZ,400\n"
            + "H5,,500\n"
            + "H6,E00999999,600\n"
            + "H7,E00900001,700\n",
        StandardCharsets.UTF_8);
    SampleData.copyTo(files);
    db = tmp.resolve("ws").toString();
    assertThat(
            cli.run(
                "import",
                "--db",
                db,
                "--name",
                "survey",
                "--file",
                files.resolve("survey.csv").toString()))
        .isZero();
    assertThat(
            cli.run(
                "import",
                "--db",
                db,
                "--name",
                "oac_2011",
                "--file",
                files.resolve(SampleData.CLASSIFICATION.fileName()).toString()))
        .isZero();
  }

  /** {@code join --db DB --dataset DATASET} with the options given; the exit code. */
  private int join(String dataset, String... options) {
    java.util.List<String> args =
        new java.util.ArrayList<>(java.util.List.of("join", "--db", db, "--dataset", dataset));
    args.addAll(java.util.List.of(options));
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void joinPrintsTheMatchReportAndWritesTheReportCsv() throws Exception {
    Path report = tmp.resolve("report.csv");
    int code =
        join(
            "survey",
            "--key",
            "oa_code",
            "--lookup",
            "oac_2011",
            "--levels",
            "supergroup,group",
            "--report",
            report.toString());

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("Join survey.oa_code -> oac_2011")
        .contains("pseudo_code")
        .contains("Added to survey: supergroup, group");
    assertThat(Files.readString(report))
        .isEqualTo(
            "category,count\ntotal,7\nmatched,3\ninvalid_format,1\nunknown_code,1\n"
                + "terminated,0\npseudo_code,1\nempty,1\nrate,"
                + java.math.BigDecimal.valueOf(3.0 / 7).toPlainString()
                + "\n");
  }

  @Test
  void levelsDefaultToEveryLookupColumnButTheKeyAndPersistForLaterCommands() throws Exception {
    assertThat(join("survey", "--key", "oa_code", "--lookup", "oac_2011")).isZero();
    // A later command (a new workspace session) sees the added variables.
    assertThat(cli.run("datasets", "--db", db)).isZero();
    assertThat(cli.out()).contains("survey\t7\t9");
    try (Workspace ws = Workspace.open(Path.of(db))) {
      DatasetInfo info = ws.dataset("survey");
      assertThat(info.variableNames())
          .containsSubsequence(
              "oa_code",
              "supergroup",
              "supergroup_name",
              "group",
              "group_name",
              "subgroup",
              "subgroup_name");
      CategoricalColumn sg =
          (CategoricalColumn) ws.columns("survey", List.of("supergroup")).column("supergroup");
      // Unmatched records are missing in every added variable.
      assertThat(sg.isMissing(2)).isTrue();
      assertThat(sg.isMissing(0)).isFalse();
      assertThat(sg.text(1)).isNotNull();
    }
  }

  @Test
  void unknownDatasetIsExit2NamingIt() {
    int code = join("nope", "--key", "oa_code", "--lookup", "oac_2011");
    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("'nope'").doesNotContain("Exception");
  }

  @Test
  void unknownKeyVariableIsExit2NamingIt() {
    int code = join("survey", "--key", "oa", "--lookup", "oac_2011");
    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("'oa'").contains("survey");
  }

  @Test
  void unknownLevelIsExit2NamingIt() {
    int code =
        join(
            "survey",
            "--key",
            "oa_code",
            "--lookup",
            "oac_2011",
            "--levels",
            "supergroup,nonsense");
    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("'nonsense'");
  }

  @Test
  void unknownLookupIsExit2NamingIt() {
    int code = join("survey", "--key", "oa_code", "--lookup", "oac_2031");
    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("'oac_2031'");
  }

  @Test
  void reportByWritesTheMatchRateByVariableAndLeavesTheReportFormatAlone() throws Exception {
    Path claims = tmp.resolve("files").resolve("claims.csv");
    Files.writeString(
        claims,
        "claim,oa_code,region\nC1,E00900001,North\nC2,XYZ,North\nC3,E00900002,South\nC4,,\n",
        StandardCharsets.UTF_8);
    cli.importCsv(db, "claims", claims);
    Path report = tmp.resolve("report.csv");
    Path byRegion = tmp.resolve("by-region.csv");
    int code =
        join(
            "claims",
            "--key",
            "oa_code",
            "--lookup",
            "oac_2011",
            "--levels",
            "supergroup",
            "--by",
            "region",
            "--report",
            report.toString(),
            "--report-by",
            byRegion.toString());

    assertThat(code).as(cli.err()).isZero();
    assertThat(Files.readString(byRegion))
        .isEqualTo(
            "variable,category,total,matched,unmatched,rate\n"
                + "region,North,2,1,1,0.5\n"
                + "region,South,1,1,0,1\n"
                + "region,Missing,1,0,1,0\n");
    assertThat(Files.readAllLines(report))
        .containsExactly(
            "category,count",
            "total,4",
            "matched,2",
            "invalid_format,1",
            "unknown_code,0",
            "terminated,0",
            "pseudo_code,0",
            "empty,1",
            "rate,0.5");
  }

  @Test
  void reportByWithoutByIsExit2() {
    int code =
        join(
            "survey",
            "--key",
            "oa_code",
            "--lookup",
            "oac_2011",
            "--report-by",
            tmp.resolve("x.csv").toString());
    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--report-by needs --by");
  }

  @Test
  void helpDescribesTheOptions() {
    assertThat(cli.run("join", "--help")).isZero();
    assertThat(cli.out())
        .contains("--lookup-key", "--levels", "--report", "--bridge", "--report-by");
  }

  @Test
  void aLaterTabulateUsesTheJoinedLevelWithUnmatchedRecordsAsMissing() {
    assertThat(join("survey", "--key", "oa_code", "--lookup", "oac_2011", "--levels", "supergroup"))
        .isZero();
    int code = cli.run("tabulate", "--db", db, "--dataset", "survey", "--rows", "supergroup");
    assertThat(code).as(cli.err()).isZero();
    String csv = cli.out();
    assertThat(csv.lines().findFirst()).hasValue("supergroup,measure,value");
    // Four of the seven records are unmatched and form the Missing category; Total counts all.
    assertThat(csv).contains("Missing,count,4").contains("Total,count,7");
  }
}
