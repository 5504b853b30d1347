package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import picocli.CommandLine;

/**
 * The public command-line contract of DESIGN.md driven as an acceptance checker drives it: exit
 * codes, messages that name file, line and option, and nothing changed or created when a command
 * fails.
 */
class CommandLineContractTest {
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

  private Path file(String name, String content) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @BeforeEach
  void importPeople() throws Exception {
    db = tmp.resolve("ws").toString();
    Path csv =
        file(
            "people.csv",
            "id,oa,sex,age\n1,E00000001,F,20\n2,E00000002,M,30\n3,E00000009,F,\n4,,M,55\n");
    assertThat(run("import", "--db", db, "--name", "people", "--file", csv.toString())).isZero();
  }

  @Test
  void importOfAHeaderOnlyFileFailsAndKeepsTheDatasetOfThatName() throws Exception {
    Path headerOnly = file("header-only.csv", "id,oa,sex,age\n");

    int code = run("import", "--db", db, "--name", "people", "--file", headerOnly.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("header-only.csv").contains("no data rows");
    assertThat(err.toString()).doesNotContain("Exception");
    assertThat(run("datasets", "--db", db)).isZero();
    assertThat(out.toString().strip()).isEqualTo("people\t4\t4");
  }

  @Test
  void overlappingBandsAreABandErrorNamingTheVariableAndBothBands() {
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
            "age=10-30,25-40");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--band age")
        .contains("'10-30' and '25-40' overlap")
        .contains("25 to 30");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void bandsThatOnlyTouchAreAcceptedAndLabelledAsWritten() {
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
            "age=0-<30,30-60");

    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "age,measure,value\n0-<30,count,1\n30-60,count,2\nMissing,count,1\nTotal,count,4\n");
  }

  @Test
  void outputIntoAMissingFolderIsRefusedBeforeAnyWorkAndTheFolderIsNotCreated() throws Exception {
    Path missing = tmp.resolve("no-such-folder");
    Path counts = file("counts.csv", "a,measure,value\nx,count,20\ny,count,30\nTotal,count,50\n");
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
      int code = run(args);

      assertThat(code).as(args[0]).isEqualTo(2);
      assertThat(err.toString())
          .as(args[0])
          .contains(missing.toString())
          .contains("does not exist")
          .doesNotContain("Exception");
      assertThat(missing).as(args[0]).doesNotExist();
    }
  }

  @Test
  void joinWhoseReportCannotBeWrittenFailsWithoutAddingVariables() throws Exception {
    Path lookup = file("oac.csv", "oa_code,group\nE00000001,1a\nE00000002,2b\n");
    assertThat(run("import", "--db", db, "--name", "oac", "--file", lookup.toString())).isZero();
    Path report = tmp.resolve("missing").resolve("report.csv");

    int code =
        run(
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
    assertThat(err.toString()).contains("--report").contains("does not exist");
    assertThat(run("datasets", "--db", db)).isZero();
    assertThat(out.toString()).contains("people\t4\t4");
    assertThat(run("tabulate", "--db", db, "--dataset", "people", "--rows", "group")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown variable 'group'");
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
    Path t = file("header.csv", "a,measure,value\n");

    assertThat(run("check", "--table", t.toString())).isEqualTo(2);

    assertThat(err.toString()).contains("header.csv, line 1").contains("no data rows");
  }

  @Test
  void checkRefusesDuplicateHeaderNames() throws Exception {
    Path t = file("dup.csv", "a,a,measure,value\nx,y,count,20\n");

    assertThat(run("check", "--table", t.toString())).isEqualTo(2);

    assertThat(err.toString())
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

    assertThat(run("protect", "--table", t.toString(), "--out", tmp.resolve("p.csv").toString()))
        .isEqualTo(2);

    assertThat(err.toString()).contains("latin1.csv, line 3").contains("0xFC").contains("UTF-8");
  }

  @Test
  void checkReportsAnUnterminatedQuoteAtTheLineWhereItOpens() throws Exception {
    Path t =
        file(
            "quote.csv",
            "a,measure,value\n\"multi\nline\",count,20\n\"open,count,30\nz,count,3\nw,count,4\n");

    assertThat(run("check", "--table", t.toString())).isEqualTo(2);

    assertThat(err.toString()).contains("quote.csv, line 4").contains("unterminated quote");
  }

  @Test
  void checkReadsAHandWrittenLongCsvWithQuotedMultiLineLabelsAndAStatusColumn() throws Exception {
    Path t =
        file(
            "hand.csv",
            "a,measure,value,status\n\"multi\nline\",count,20,ok\n\"=x,\"\"y\"\"\",count,30,ok\n"
                + "Total,count,50,ok\n");

    assertThat(run("check", "--table", t.toString())).isZero();

    assertThat(out.toString()).contains("passed").contains("cells: 3");
  }

  @Test
  void aCategoryCodedTotalIsRefusedRatherThanWrittenLikeTheMargin() throws Exception {
    Path csv = file("totals.csv", "r\nTotal\nx\nx\n");
    assertThat(run("import", "--db", db, "--name", "t", "--file", csv.toString())).isZero();
    Path t = tmp.resolve("t.csv");

    int code = run("tabulate", "--db", db, "--dataset", "t", "--rows", "r", "--out", t.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("column r").contains("'Total'").contains("--no-total r");
    assertThat(t).doesNotExist();
    assertThat(run("tabulate", "--db", db, "--dataset", "t", "--rows", "r", "--no-total", "r"))
        .isZero();
    assertThat(out.toString()).isEqualTo("r,measure,value\nTotal,count,1\nx,count,2\n");
  }

  @Test
  void protectNamesTheFileWhoseTotalsDoNotAddUp() throws Exception {
    Path t = file("nadd.csv", "a,measure,value\nx,count,20\ny,count,3\nTotal,count,99\n");
    Path protectedFile = tmp.resolve("p.csv");

    int code = run("protect", "--table", t.toString(), "--out", protectedFile.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
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
      collect(StatBenchCommand.commandLine(), List.of(), names);
      for (String name : names) {
        List<String> args = new ArrayList<>(List.of(name.split(" ")));
        args.add("--help");

        int code = run(args.toArray(String[]::new));

        assertThat(code).as(name).isZero();
        assertThat(out.toString()).as(name).startsWith("Usage: statbench " + name);
        assertThat(err.toString()).as(name).isEmpty();
      }
    } finally {
      System.setErr(saved);
    }
    assertThat(names).contains("import", "tabulate", "cohort", "join", "bench disclosure");
    assertThat(picocliWarnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static void collect(CommandLine cl, List<String> path, List<String> names) {
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      names.add(String.join(" ", p));
      collect(e.getValue(), p, names);
    }
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
