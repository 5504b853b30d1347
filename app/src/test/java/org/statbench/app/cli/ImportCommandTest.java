package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
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

  @Test
  void importsAnExtractAndListsItInDatasets() throws Exception {
    Path csv = file("claims.csv", "id,sex,age\n1,F,30\n2,M,41\n3,F,\n");
    String db = tmp.resolve("ws").toString();

    int code = run("import", "--db", db, "--name", "claims", "--file", csv.toString());

    assertThat(code).isZero();
    assertThat(out.toString()).matches("Imported claims: 3 rows, 3 variables in \\d+\\.\\d s\\R");
    assertThat(err.toString()).isEmpty();

    out.getBuffer().setLength(0);
    assertThat(run("datasets", "--db", db)).isZero();
    assertThat(out.toString()).isEqualTo("claims\t3\t3" + System.lineSeparator());
  }

  @Test
  void datasetsListsEveryDatasetByName() throws Exception {
    Path a = file("a.csv", "x\n1\n");
    Path b = file("b.csv", "x;y\n1;2\n3;4\n");
    String db = tmp.resolve("ws").toString();
    assertThat(run("import", "--db", db, "--name", "zeta", "--file", a.toString())).isZero();
    assertThat(
            run(
                "import",
                "--db",
                db,
                "--name",
                "alpha",
                "--file",
                b.toString(),
                "--delimiter",
                ";"))
        .isZero();
    out.getBuffer().setLength(0);

    assertThat(run("datasets", "--db", db)).isZero();

    assertThat(out.toString().split("\\R")).containsExactly("alpha\t2\t2", "zeta\t1\t1");
  }

  @Test
  void schemaAndTabDelimiterAndEncodingOptionsAreApplied() throws Exception {
    Path csv = tmp.resolve("t.tsv");
    Files.write(csv, "code\tname\n1\tZo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1));
    Path schema = file("s.json", "{\"variables\": {\"code\": {\"type\": \"categorical\"}}}");
    String db = tmp.resolve("ws").toString();

    int code =
        run(
            "import",
            "--db",
            db,
            "--name",
            "t",
            "--file",
            csv.toString(),
            "--schema",
            schema.toString(),
            "--delimiter",
            "\\t",
            "--encoding",
            "windows-1252");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("Imported t: 1 rows, 2 variables");
  }

  @Test
  void badInputExitsWithTwoAndNamesFileLineAndColumn() throws Exception {
    Path csv = file("bad.csv", "id,sex\n1,F\n2\n");
    String db = tmp.resolve("ws").toString();

    int code = run("import", "--db", db, "--name", "bad", "--file", csv.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("bad.csv, line 3, column sex: expected 2 fields but found 1")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    out.getBuffer().setLength(0);
    assertThat(run("datasets", "--db", db)).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void missingFileAndUnknownOptionsExitWithTwo() throws Exception {
    String db = tmp.resolve("ws").toString();
    assertThat(
            run("import", "--db", db, "--name", "x", "--file", tmp.resolve("nope.csv").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("nope.csv: file not found");
    Path csv = file("a.csv", "x\n1\n");
    assertThat(
            run(
                "import",
                "--db",
                db,
                "--name",
                "x",
                "--file",
                csv.toString(),
                "--delimiter",
                "abc"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Unknown delimiter 'abc'");
    assertThat(
            run(
                "import",
                "--db",
                db,
                "--name",
                "x",
                "--file",
                csv.toString(),
                "--encoding",
                "nope-42"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Unknown encoding 'nope-42'");
    assertThat(run("import", "--db", db)).isEqualTo(2);
  }

  @Test
  void helpWorksOnImportAndDatasets() {
    assertThat(run("import", "--help")).isZero();
    assertThat(out.toString()).contains("--delimiter").contains("--schema");
    assertThat(run("datasets", "--help")).isZero();
    assertThat(out.toString()).contains("--db");
  }
}
