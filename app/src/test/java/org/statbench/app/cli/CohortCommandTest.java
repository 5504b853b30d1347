package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CohortCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = StatBenchCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void helpDescribesTheDefinitionsAndColumns() {
    int code = run("cohort", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("--entry")
        .contains("--as-of")
        .contains("at_risk")
        .contains("censored");
  }

  @Test
  void missingEntryAndEventAreBadUsage(@TempDir Path dir) {
    int code = run("cohort", "--db", dir.toString(), "--dataset", "referrals");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--entry").contains("--event");
  }

  @Test
  void badAsOfDateIsBadInputNamingTheOption(@TempDir Path dir) {
    int code =
        run(
            "cohort",
            "--db",
            dir.toString(),
            "--dataset",
            "r",
            "--entry",
            "a",
            "--event",
            "b",
            "--as-of",
            "2015-02-30");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--as-of").doesNotContain("Exception");
  }

  @Test
  void unknownPeriodIsBadInput(@TempDir Path dir) {
    int code =
        run(
            "cohort",
            "--db",
            dir.toString(),
            "--dataset",
            "r",
            "--entry",
            "a",
            "--event",
            "b",
            "--period",
            "decade");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("decade");
  }

  @Test
  void benchCohortPrintsTheMedianWarmTime() {
    int code = run("bench", "cohort", "--rows", "20000", "--runs", "3");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("median").contains("ms warm").contains("36 monthly");
  }
}
