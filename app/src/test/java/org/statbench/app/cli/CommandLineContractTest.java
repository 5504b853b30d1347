package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.Main;

/**
 * The public command-line contract of DESIGN.md driven as an acceptance checker drives it: exit
 * codes, messages that name file, line and option, and nothing changed or created when a command
 * fails.
 */
class CommandLineContractTest {
  @TempDir Path tmp;

  private final CliRun cli = new CliRun();
  private String db;

  @BeforeEach
  void importPeople() throws Exception {
    db = tmp.resolve("ws").toString();
    Path csv =
        CliRun.file(
            tmp,
            "people.csv",
            "id,oa,sex,age\n1,E00000001,F,20\n2,E00000002,M,30\n3,E00000009,F,\n4,,M,55\n");
    cli.importCsv(db, "people", csv);
  }

  @Test
  void importOfAHeaderOnlyFileFailsAndKeepsTheDatasetOfThatName() throws Exception {
    Path headerOnly = CliRun.file(tmp, "header-only.csv", "id,oa,sex,age\n");

    int code = cli.run("import", "--db", db, "--name", "people", "--file", headerOnly.toString());

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("header-only.csv").contains("no data rows");
    assertThat(cli.err()).doesNotContain("Exception");
    assertThat(cli.run("datasets", "--db", db)).isZero();
    assertThat(cli.out().strip()).isEqualTo("people\t4\t4");
  }

  @Test
  void overlappingBandsAreABandErrorNamingTheVariableAndBothBands() {
    int code =
        cli.run(
            "tabulate",
            "--db",
            db,
            "--dataset",
            "people",
            "--rows",
            "age",
            "--band",
            "age=10-30,25-40");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err())
        .contains("--band age")
        .contains("'10-30' and '25-40' overlap")
        .contains("25 to 30");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void bandsThatOnlyTouchAreAcceptedAndLabelledAsWritten() {
    int code =
        cli.run(
            "tabulate",
            "--db",
            db,
            "--dataset",
            "people",
            "--rows",
            "age",
            "--band",
            "age=0-<30,30-60");

    assertThat(code).isZero();
    assertThat(cli.out())
        .isEqualTo(
            "age,measure,value\n0-<30,count,1\n30-60,count,2\nMissing,count,1\nTotal,count,4\n");
  }

  @Test
  void outputIntoAMissingFolderIsRefusedBeforeAnyWorkAndTheFolderIsNotCreated() throws Exception {
    Path missing = tmp.resolve("no-such-folder");
    Path counts =
        CliRun.file(tmp, "counts.csv", "a,measure,value\nx,count,20\ny,count,30\nTotal,count,50\n");
    List<String[]> commands = new ArrayList<>();
    commands.add(
        new String[] {
          "tabulate",
          "--db",
          db,
          "--dataset",
          "people",
          "--rows",
          "sex",
          "--out",
          missing.resolve("t.csv").toString()
        });
    commands.add(
        new String[] {
          "export",
          "--db",
          db,
          "--dataset",
          "people",
          "--rows",
          "sex",
          "--out",
          missing.resolve("e.xlsx").toString()
        });
    commands.add(
        new String[] {
          "protect", "--table", counts.toString(), "--out", missing.resolve("p.csv").toString()
        });
    commands.add(
        new String[] {
          "check", "--table", counts.toString(), "--report", missing.resolve("r.json").toString()
        });
    commands.add(
        new String[] {
          "cohort",
          "--db",
          db,
          "--dataset",
          "people",
          "--entry",
          "x",
          "--event",
          "y",
          "--out",
          missing.resolve("c.csv").toString()
        });

    for (String[] args : commands) {
      int code = cli.run(args);

      assertThat(code).as(args[0]).isEqualTo(2);
      assertThat(cli.err())
          .as(args[0])
          .contains(missing.toString())
          .contains("does not exist")
          .doesNotContain("Exception");
      assertThat(missing).as(args[0]).doesNotExist();
    }
  }

  @Test
  void joinWhoseReportCannotBeWrittenFailsWithoutAddingVariables() throws Exception {
    Path lookup = CliRun.file(tmp, "oac.csv", "oa_code,group\nE00000001,1a\nE00000002,2b\n");
    cli.importCsv(db, "oac", lookup);
    Path report = tmp.resolve("missing").resolve("report.csv");

    int code =
        cli.run(
            "join",
            "--db",
            db,
            "--dataset",
            "people",
            "--key",
            "oa",
            "--lookup",
            "oac",
            "--report",
            report.toString());

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("--report").contains("does not exist");
    assertThat(cli.run("datasets", "--db", db)).isZero();
    assertThat(cli.out()).contains("people\t4\t4");
    assertThat(cli.run("tabulate", "--db", db, "--dataset", "people", "--rows", "group"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("Unknown variable 'group'");
  }

  @Test
  void aFileThatCannotBeCreatedIsDescribedNotJustNamed() {
    String where = tmp.resolve("x.csv").toString();

    String described =
        OutputFiles.describe(
            new UncheckedIOException(
                "cannot write " + where + ": " + where, new NoSuchFileException(where)));

    assertThat(described)
        .isEqualTo("cannot write " + where + ": no such file, and it cannot be created there");
    assertThat(
            OutputFiles.describe(
                new NoSuchFileException(tmp.resolve("gone").resolve("x.csv").toString())))
        .endsWith("the folder " + tmp.resolve("gone") + " does not exist");
  }

  @Test
  void checkRefusesALongCsvWithAHeaderButNoCells() throws Exception {
    Path t = CliRun.file(tmp, "header.csv", "a,measure,value\n");

    assertThat(cli.run("check", "--table", t.toString())).isEqualTo(2);

    assertThat(cli.err()).contains("header.csv, line 1").contains("no data rows");
  }

  @Test
  void checkRefusesDuplicateHeaderNames() throws Exception {
    Path t = CliRun.file(tmp, "dup.csv", "a,a,measure,value\nx,y,count,20\n");

    assertThat(cli.run("check", "--table", t.toString())).isEqualTo(2);

    assertThat(cli.err())
        .contains("dup.csv, line 1, column 2")
        .contains("duplicate column name 'a'");
  }

  @Test
  void checkNamesTheLineOfABadUtf8Byte() throws Exception {
    Path t = tmp.resolve("latin1.csv");
    Files.write(
        t,
        "a,measure,value\nx,count,20\nZ\u00fcrich,count,30\n"
            .getBytes(StandardCharsets.ISO_8859_1));

    assertThat(
            cli.run("protect", "--table", t.toString(), "--out", tmp.resolve("p.csv").toString()))
        .isEqualTo(2);

    assertThat(cli.err()).contains("latin1.csv, line 3").contains("0xFC").contains("UTF-8");
  }

  @Test
  void checkReportsAnUnterminatedQuoteAtTheLineWhereItOpens() throws Exception {
    Path t =
        CliRun.file(
            tmp,
            "quote.csv",
            "a,measure,value\n\"multi\nline\",count,20\n\"open,count,30\nz,count,3\nw,count,4\n");

    assertThat(cli.run("check", "--table", t.toString())).isEqualTo(2);

    assertThat(cli.err()).contains("quote.csv, line 4").contains("unterminated quote");
  }

  @Test
  void checkReadsAHandWrittenLongCsvWithQuotedMultiLineLabelsAndAStatusColumn() throws Exception {
    Path t =
        CliRun.file(
            tmp,
            "hand.csv",
            "a,measure,value,status\n\"multi\nline\",count,20,ok\n\"=x,\"\"y\"\"\",count,30,ok\n"
                + "Total,count,50,ok\n");

    assertThat(cli.run("check", "--table", t.toString())).isZero();

    assertThat(cli.out()).contains("passed").contains("cells: 3");
  }

  @Test
  void aCategoryCodedTotalIsRefusedRatherThanWrittenLikeTheMargin() throws Exception {
    Path csv = CliRun.file(tmp, "totals.csv", "r\nTotal\nx\nx\n");
    cli.importCsv(db, "t", csv);
    Path t = tmp.resolve("t.csv");

    int code =
        cli.run("tabulate", "--db", db, "--dataset", "t", "--rows", "r", "--out", t.toString());

    assertThat(code).isEqualTo(2);
    assertThat(cli.err()).contains("column r").contains("'Total'").contains("--no-total r");
    assertThat(t).doesNotExist();
    assertThat(cli.run("tabulate", "--db", db, "--dataset", "t", "--rows", "r", "--no-total", "r"))
        .isZero();
    assertThat(cli.out()).isEqualTo("r,measure,value\nTotal,count,1\nx,count,2\n");
  }

  @Test
  void protectNamesTheFileWhoseTotalsDoNotAddUp() throws Exception {
    Path t =
        CliRun.file(tmp, "nadd.csv", "a,measure,value\nx,count,20\ny,count,3\nTotal,count,99\n");
    Path protectedFile = tmp.resolve("p.csv");

    int code = cli.run("protect", "--table", t.toString(), "--out", protectedFile.toString());

    assertThat(code).isEqualTo(2);
    assertThat(cli.err())
        .contains("nadd.csv: the table does not add up")
        .contains("is 99 but its parts along a sum to 23");
    assertThat(protectedFile).doesNotExist();
  }

  @Test
  void everySubCommandPrintsItsHelpWithoutWarnings() {
    PrintStream saved = System.err;
    ByteArrayOutputStream picocliWarnings = new ByteArrayOutputStream();
    List<String> names = new ArrayList<>();
    try {
      System.setErr(new PrintStream(picocliWarnings, true, StandardCharsets.UTF_8));
      names.addAll(CliRun.subcommandPaths());
      for (String name : names) {
        List<String> args = new ArrayList<>(List.of(name.split(" ")));
        args.add("--help");

        int code = cli.run(args.toArray(String[]::new));

        assertThat(code).as(name).isZero();
        assertThat(cli.out()).as(name).startsWith("Usage: statbench " + name);
        assertThat(cli.err()).as(name).isEmpty();
      }
    } finally {
      System.setErr(saved);
    }
    assertThat(names).contains("import", "tabulate", "cohort", "join", "bench disclosure");
    assertThat(picocliWarnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void noArgumentsWithoutADisplayIsAClearErrorNotAStackTrace() {
    Properties none = new Properties();

    assertThat(Main.noDisplay(Map.of(), "Linux", none)).contains("DISPLAY is not set");
    assertThat(Main.noDisplay(Map.of("DISPLAY", ":0"), "Linux", none)).isNull();
    assertThat(Main.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", none)).isNull();
    assertThat(Main.noDisplay(Map.of(), "Windows 11", none)).isNull();
    Properties monocle = new Properties();
    monocle.setProperty("glass.platform", "Monocle");
    assertThat(Main.noDisplay(Map.of(), "Linux", monocle)).isNull();
  }
}
