package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.sampledata.SampleData;

/** The {@code cohort} command against a real workspace holding the sample referrals. */
class CohortCommandTest {
  @TempDir static Path shared;
  static String db;

  private final CliRun cli = CliRun.accumulating();

  @BeforeAll
  static void importSampleReferrals() throws IOException {
    Path dir = Files.createDirectories(shared.resolve("files"));
    Path csv = dir.resolve("referrals.csv");
    try (InputStream in = SampleData.REFERRALS.open()) {
      Files.copy(in, csv);
    }
    db = shared.resolve("ws").toString();
    CliRun cl = new CliRun();
    int code = cl.run("import", "--db", db, "--name", "referrals", "--file", csv.toString());
    assertThat(code).isZero();
  }

  private static String golden() throws IOException {
    try (InputStream in =
        CohortCommandTest.class.getResourceAsStream("cohort-referrals-monthly-h12.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesTheGoldenLongCsvForMonthlyReferralCohorts(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("cohorts.csv");

    int code =
        cli.run(
            "cohort",
            "--db",
            db,
            "--dataset",
            "referrals",
            "--entry",
            "referral_date",
            "--event",
            "job_outcome_date",
            "--horizon",
            "12",
            "--as-of",
            "2015-03-31",
            "--out",
            file.toString());

    assertThat(cli.err()).isEmpty();
    assertThat(code).isZero();
    assertThat(Files.readString(file)).isEqualTo(golden());
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void writesToStdoutWithoutOut() throws IOException {
    int code =
        cli.run(
            "cohort",
            "--db",
            db,
            "--dataset",
            "referrals",
            "--entry",
            "referral_date",
            "--event",
            "job_outcome_date",
            "--period",
            "month",
            "--as-of",
            "2015-03-31");

    assertThat(code).isZero();
    assertThat(cli.out()).isEqualTo(golden());
  }

  @Test
  void savedDefinitionGivesTheSameTable(@TempDir Path tmp) throws IOException {
    Path spec = tmp.resolve("def.json");
    try (InputStream in =
        SampleData.class
            .getClassLoader()
            .getResourceAsStream(
                SampleData.RESOURCE_DIR + "job-outcome-12m-by-referral-cohort.cohort.json")) {
      Files.copy(in, spec);
    }

    int code = cli.run("cohort", "--db", db, "--spec", spec.toString());

    assertThat(code).isZero();
    assertThat(cli.out()).isEqualTo(golden());
  }

  @Test
  void breakdownColumnIsNamedAfterItsVariable() {
    int code =
        cli.run(
            "cohort",
            "--db",
            db,
            "--dataset",
            "referrals",
            "--entry",
            "referral_date",
            "--event",
            "job_outcome_date",
            "--by",
            "sex",
            "--period",
            "quarter",
            "--horizon",
            "4");

    assertThat(code).isZero();
    String[] lines = cli.out().split("\n");
    assertThat(lines[0])
        .isEqualTo("cohort,sex,duration,at_risk,events,cumulative,lower,upper,status");
    assertThat(lines[1]).startsWith("2011-Q2,F,0,");
    assertThat(lines).hasSize(1 + 15 * 2 * 5);
  }

  @Test
  void ageBandsWrittenAsForTabulateBreakCohortsDown() {
    int code =
        cli.run(
            "cohort",
            "--db",
            db,
            "--dataset",
            "referrals",
            "--entry",
            "referral_date",
            "--event",
            "job_outcome_date",
            "--by",
            "age",
            "--band",
            "age=16-24,25-49,50+",
            "--horizon",
            "0");

    assertThat(code).isZero();
    String[] lines = cli.out().split("\n");
    assertThat(lines[0]).startsWith("cohort,age,duration,");
    assertThat(lines[1]).startsWith("2011-06,16-24,0,");
    assertThat(lines[2]).startsWith("2011-06,25-49,0,");
    assertThat(lines[3]).startsWith("2011-06,50+,0,");
  }

  @Test
  void tabulateFilterOptionsSelectTheSameRecordsAsTheyDoForTables() {
    String[] filters = {
      "--range",
      "age=16..24",
      "--date-range",
      "referral_date=2012-01-01..2012-12-31",
      "--filter",
      "sex!=M"
    };
    java.util.List<String> cohortArgs =
        new java.util.ArrayList<>(
            java.util.List.of(
                "cohort",
                "--db",
                db,
                "--dataset",
                "referrals",
                "--entry",
                "referral_date",
                "--event",
                "job_outcome_date",
                "--period",
                "quarter",
                "--horizon",
                "0"));
    cohortArgs.addAll(java.util.List.of(filters));

    int code = cli.run(cohortArgs.toArray(String[]::new));

    assertThat(cli.err()).isEmpty();
    assertThat(code).isZero();
    // Cohort sizes (at risk at duration 0) per quarter of 2012 only.
    java.util.Map<String, String> sizes = new java.util.LinkedHashMap<>();
    for (String line : cli.out().split("\n")) {
      String[] f = line.split(",", -1);
      if (!f[0].equals("cohort")) {
        sizes.put(f[0], f[2]);
      }
    }
    assertThat(sizes.keySet()).containsExactly("2012-Q1", "2012-Q2", "2012-Q3", "2012-Q4");

    // The same filters on tabulate count the same people per quarter.
    cli.clear();
    java.util.List<String> tabArgs =
        new java.util.ArrayList<>(
            java.util.List.of(
                "tabulate",
                "--db",
                db,
                "--dataset",
                "referrals",
                "--rows",
                "referral_date",
                "--date-group",
                "referral_date=quarter",
                "--no-totals"));
    tabArgs.addAll(java.util.List.of(filters));
    assertThat(cli.run(tabArgs.toArray(String[]::new))).isZero();
    java.util.Map<String, String> counts = new java.util.LinkedHashMap<>();
    for (String line : cli.out().split("\n")) {
      String[] f = line.split(",", -1);
      if (sizes.containsKey(f[0])) {
        counts.put(f[0], f[2]);
      }
    }
    assertThat(counts).isEqualTo(sizes);
    assertThat(sizes.values()).allMatch(v -> Integer.parseInt(v) > 0);
  }

  @Test
  void aRangeFilterOnANonNumberExitsTwoNamingTheVariable() {
    int code =
        cli.run(
            "cohort",
            "--db",
            db,
            "--dataset",
            "referrals",
            "--entry",
            "referral_date",
            "--event",
            "job_outcome_date",
            "--range",
            "sex=1..2");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("'sex'").doesNotContain("Exception");
  }

  @Test
  void kaplanMeierEstimatorIsAvailable() {
    int code =
        cli.run(
            "cohort",
            "--db",
            db,
            "--dataset",
            "referrals",
            "--entry",
            "referral_date",
            "--event",
            "job_outcome_date",
            "--estimator",
            "km",
            "--as-of",
            "2015-03-31");

    assertThat(code).isZero();
    // With only the as-of date censoring monthly cohorts, Kaplan-Meier equals the proportion.
    assertThat(cli.out().split("\n")[13]).startsWith("2011-06,12,497,13,0.25077399380804954");
  }

  @Test
  void unknownVariableExitsTwoNamingIt() {
    int code =
        cli.run(
            "cohort",
            "--db",
            db,
            "--dataset",
            "referrals",
            "--entry",
            "referral_date",
            "--event",
            "job_date");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("job_date").doesNotContain("Exception");
  }

  @Test
  void nonDateVariableExitsTwoNamingIt() {
    int code =
        cli.run(
            "cohort",
            "--db",
            db,
            "--dataset",
            "referrals",
            "--entry",
            "sex",
            "--event",
            "job_outcome_date");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("'sex'").contains("not a date");
  }

  @Test
  void eventBeforeEntryExitsTwoNamingTheRecord(@TempDir Path tmp) throws IOException {
    Path csv = tmp.resolve("bad.csv");
    Files.writeString(csv, "id,start,outcome\nA,2011-06-01,2011-06-05\nB,2011-06-10,2011-06-02\n");
    String bad = tmp.resolve("ws").toString();
    assertThat(cli.run("import", "--db", bad, "--name", "bad", "--file", csv.toString())).isZero();
    cli.clear();

    int code =
        cli.run(
            "cohort", "--db", bad, "--dataset", "bad", "--entry", "start", "--event", "outcome");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err())
        .contains("record 2 (line 3)")
        .contains("outcome 2011-06-02 is before start 2011-06-10");
  }

  @Test
  void helpDescribesTheDefinitionsAndColumns() {
    int code = cli.run("cohort", "--help");

    assertThat(code).isZero();
    assertThat(cli.out()).contains("--entry").contains("--as-of").contains("at_risk");
  }

  @Test
  void missingEntryAndEventAreBadUsage() {
    int code = cli.run("cohort", "--db", db, "--dataset", "referrals");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--entry").contains("--event");
  }

  @Test
  void badAsOfDateIsBadInputNamingTheOption() {
    int code =
        cli.run(
            "cohort",
            "--db",
            db,
            "--dataset",
            "referrals",
            "--entry",
            "referral_date",
            "--event",
            "job_outcome_date",
            "--as-of",
            "2015-02-30");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--as-of").doesNotContain("Exception");
  }

  @Test
  void benchCohortPrintsTheMedianWarmTime() {
    int code = cli.run("bench", "cohort", "--rows", "20000", "--runs", "3");

    assertThat(code).isZero();
    assertThat(cli.out()).contains("median").contains("ms warm").contains("36 monthly");
    // the store path a user meets is printed separately
    assertThat(cli.out())
        .contains("store: 20,000 entries written as a CSV extract")
        .contains("load the 2 columns the cohort needs")
        .contains("for 36 cohorts")
        .contains("whole process: skipped");
  }
}
