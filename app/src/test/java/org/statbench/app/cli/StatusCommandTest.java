package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code status} command's contract on a hand-worked case (see StatusTrackerTest in the cohort
 * module for the reference dates): P1 enters 2020-01-31 (JSA, then an open ESA spell from 02-29),
 * P2 2020-01-15 (ESA, JSA overlapping at 02-15), P3 2020-02-10 without spells, P4 2020-02-29 (UC
 * 03-29..04-28); P9 is not in the cohort. As of 2020-04-29 both cohorts are observed to duration 2.
 */
class StatusCommandTest {
  @TempDir static Path shared;
  static String db;

  private final CliRun cli = CliRun.accumulating();

  @BeforeAll
  static void importPeopleAndSpells() throws IOException {
    Path people = shared.resolve("people.csv");
    Files.writeString(
        people, "id,entry,g\nP1,2020-01-31,A\nP2,2020-01-15,B\nP3,2020-02-10,A\nP4,2020-02-29,B\n");
    Path spells = shared.resolve("spells.csv");
    Files.writeString(
        spells,
        "pid,benefit,start,end\n"
            + "P1,JSA,2020-01-01,2020-02-28\n"
            + "P1,ESA,2020-02-29,\n"
            + "P2,ESA,2020-01-10,2020-03-14\n"
            + "P2,JSA,2020-02-01,2020-02-20\n"
            + "P4,UC,2020-03-29,2020-04-28\n"
            + "P9,JSA,2020-01-01,\n");
    db = shared.resolve("ws").toString();
    CliRun cl = new CliRun();
    cl.importCsv(db, "people", people);
    cl.importCsv(db, "spells", spells);
  }

  private int status(Path file, String... more) {
    return status("spells", file, more);
  }

  /** {@code status} of the people over a spells dataset, into {@code file}, with more options. */
  private int status(String spells, Path file, String... more) {
    boolean otherId = java.util.Arrays.asList(more).contains("--spell-id");
    String[] base = {
      "status",
      "--db",
      db,
      "--dataset",
      "people",
      "--id",
      "id",
      "--entry",
      "entry",
      "--spells",
      spells,
      otherId ? "--off" : "--spell-id",
      otherId ? "Off benefit" : "pid",
      "--state",
      "benefit",
      "--start",
      "start",
      "--end",
      "end",
      "--horizon",
      "3",
      "--as-of",
      "2020-04-29",
      "--out",
      file.toString()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return cli.run(all);
  }

  @Test
  void writesEveryStateAtEveryDurationWithCensoredRowsEmpty(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("status.csv");

    int code = status(file);

    assertThat(code).as(cli.err()).isZero();
    assertThat(Files.readString(file))
        .isEqualTo(
            """
            cohort,duration,state,people,proportion,status
            2020-01,0,JSA,1,0.5,observed
            2020-01,0,ESA,1,0.5,observed
            2020-01,0,UC,0,0,observed
            2020-01,0,Off benefit,0,0,observed
            2020-01,1,JSA,1,0.5,observed
            2020-01,1,ESA,1,0.5,observed
            2020-01,1,UC,0,0,observed
            2020-01,1,Off benefit,0,0,observed
            2020-01,2,JSA,0,0,observed
            2020-01,2,ESA,1,0.5,observed
            2020-01,2,UC,0,0,observed
            2020-01,2,Off benefit,1,0.5,observed
            2020-01,3,JSA,,,censored
            2020-01,3,ESA,,,censored
            2020-01,3,UC,,,censored
            2020-01,3,Off benefit,,,censored
            2020-02,0,JSA,0,0,observed
            2020-02,0,ESA,0,0,observed
            2020-02,0,UC,0,0,observed
            2020-02,0,Off benefit,2,1,observed
            2020-02,1,JSA,0,0,observed
            2020-02,1,ESA,0,0,observed
            2020-02,1,UC,1,0.5,observed
            2020-02,1,Off benefit,1,0.5,observed
            2020-02,2,JSA,0,0,observed
            2020-02,2,ESA,0,0,observed
            2020-02,2,UC,0,0,observed
            2020-02,2,Off benefit,2,1,observed
            2020-02,3,JSA,,,censored
            2020-02,3,ESA,,,censored
            2020-02,3,UC,,,censored
            2020-02,3,Off benefit,,,censored
            """);
    assertThat(cli.err())
        .contains("JSA, ESA, UC (the order of first appearance in the spell data)")
        .contains("1 spell of people outside the cohort ignored");
  }

  @Test
  void breaksDownFiltersAndTakesThePriorityAndOffLabel(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("status.csv");

    int code =
        status(file, "--by", "g", "--filter", "g=B", "--priority", "ESA,JSA,UC", "--off", "None");

    assertThat(code).as(cli.err()).isZero();
    // Group B: P2 (2020-01) and P4 (2020-02); P2 at d1 is on ESA and JSA: ESA now wins.
    assertThat(Files.readString(file).lines())
        .startsWith("cohort,g,duration,state,people,proportion,status")
        .contains(
            "2020-01,B,1,ESA,1,1,observed",
            "2020-01,B,1,JSA,0,0,observed",
            "2020-01,B,2,None,1,1,observed",
            "2020-02,B,1,UC,1,1,observed")
        // Groups are those of the whole dataset, as in cohort tracking: A stays, empty.
        .contains("2020-01,A,1,None,0,,observed")
        .hasSize(1 + 2 * 2 * 4 * 4);
    assertThat(cli.err()).contains("(the order given)").contains("3 spells of people");
  }

  @Test
  void writesEverInStateAndTimeInState(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("status.csv");
    Path ever = tmp.resolve("ever.csv");
    Path time = tmp.resolve("time.csv");

    int code =
        status(
            file, "--window", "2", "--ever", ever.toString(), "--time-in-state", time.toString());

    assertThat(code).as(cli.err()).isZero();
    assertThat(Files.readString(ever).lines())
        .contains("2020-01,1,JSA,2,1,observed", "2020-01,2,Off benefit,1,0.5,observed");
    assertThat(Files.readString(time).lines())
        .startsWith("cohort,state,window,people,person_durations,mean,status")
        .contains("2020-01,ESA,2,2,2,1,observed", "2020-02,Off benefit,2,2,3,1.5,observed");
  }

  @Test
  void badSpellsExitTwoNamingTheRecordsAndWriteNothing(@TempDir Path tmp) throws IOException {
    Path spells = tmp.resolve("bad.csv");
    Files.writeString(
        spells,
        "pid,benefit,start,end\nP1,JSA,2020-01-01,2020-02-28\nP2,ESA,2020-03-10,2020-03-01\n");
    cli.importCsv(db, "bad_spells", spells);
    Path file = tmp.resolve("status.csv");

    int code = status("bad_spells", file);

    assertThat(code).isEqualTo(2);
    assertThat(cli.err())
        .contains("record 2 (line 3) ends (end 2020-03-01) before it starts (start 2020-03-10)")
        .doesNotContain("Exception");
    assertThat(file).doesNotExist();
  }

  @Test
  void missingOptionsAreBadUsageAndUnknownVariablesNameTheOption(@TempDir Path tmp) {
    assertThat(cli.run("status", "--db", db, "--dataset", "people", "--out", "x.csv")).isEqualTo(2);
    assertThat(cli.err()).contains("--spells").contains("--spell-id");

    int code = status(tmp.resolve("s.csv"), "--spell-id", "nope");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--spell-id: unknown variable 'nope' in dataset 'spells'");
  }

  @Test
  void benchStatusPrintsTheMedian() {
    int code = cli.run("bench", "status", "--people", "2000", "--spells", "10000", "--runs", "1");

    assertThat(code).isZero();
    assertThat(cli.out()).contains("bench status: 2,000 participants").contains("median");
  }
}
