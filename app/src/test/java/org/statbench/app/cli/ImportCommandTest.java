package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir Path tmp;

  private final CliRun cli = CliRun.accumulating();

  @Test
  void importsAnExtractAndListsItInDatasets() throws Exception {
    Path csv = CliRun.file(tmp, "claims.csv", "id,sex,age\n1,F,30\n2,M,41\n3,F,\n");
    String db = tmp.resolve("ws").toString();

    int code = cli.run("import", "--db", db, "--name", "claims", "--file", csv.toString());

    assertThat(code).isZero();
    assertThat(cli.out()).matches("Imported claims: 3 rows, 3 variables in \\d+\\.\\d s\\R");
    assertThat(cli.err()).isEmpty();

    cli.clear();
    assertThat(cli.run("datasets", "--db", db)).isZero();
    assertThat(cli.out()).isEqualTo("claims\t3\t3" + System.lineSeparator());
  }

  @Test
  void datasetsListsEveryDatasetByName() throws Exception {
    Path a = CliRun.file(tmp, "a.csv", "x\n1\n");
    Path b = CliRun.file(tmp, "b.csv", "x;y\n1;2\n3;4\n");
    String db = tmp.resolve("ws").toString();
    cli.importCsv(db, "zeta", a);
    assertThat(
            cli.run(
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
    cli.clear();

    assertThat(cli.run("datasets", "--db", db)).isZero();

    assertThat(cli.out().split("\\R")).containsExactly("alpha\t2\t2", "zeta\t1\t1");
  }

  @Test
  void schemaAndTabDelimiterAndEncodingOptionsAreApplied() throws Exception {
    Path csv = tmp.resolve("t.tsv");
    Files.write(csv, "code\tname\n1\tZo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1));
    Path schema =
        CliRun.file(tmp, "s.json", "{\"variables\": {\"code\": {\"type\": \"categorical\"}}}");
    String db = tmp.resolve("ws").toString();

    int code =
        cli.run(
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

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out()).startsWith("Imported t: 1 rows, 2 variables");
  }

  @Test
  void badInputExitsWithTwoAndNamesFileLineAndColumn() throws Exception {
    Path csv = CliRun.file(tmp, "bad.csv", "id,sex\n1,F\n2\n");
    String db = tmp.resolve("ws").toString();

    int code = cli.run("import", "--db", db, "--name", "bad", "--file", csv.toString());

    assertThat(code).isEqualTo(2);
    assertThat(cli.err())
        .contains("bad.csv, line 3, column sex: expected 2 fields but found 1")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    cli.clear();
    assertThat(cli.run("datasets", "--db", db)).isZero();
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void missingFileAndUnknownOptionsExitWithTwo() throws Exception {
    String db = tmp.resolve("ws").toString();
    assertThat(
            cli.run(
                "import", "--db", db, "--name", "x", "--file", tmp.resolve("nope.csv").toString()))
        .isEqualTo(2);
    assertThat(cli.err()).contains("nope.csv: file not found");
    Path csv = CliRun.file(tmp, "a.csv", "x\n1\n");
    assertThat(
            cli.run(
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
    assertThat(cli.err()).contains("Unknown delimiter 'abc'");
    assertThat(
            cli.run(
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
    assertThat(cli.err()).contains("Unknown encoding 'nope-42'");
    assertThat(cli.run("import", "--db", db)).isEqualTo(2);
  }

  @Test
  void helpWorksOnImportAndDatasets() {
    assertThat(cli.run("import", "--help")).isZero();
    assertThat(cli.out()).contains("--delimiter").contains("--schema");
    assertThat(cli.run("datasets", "--help")).isZero();
    assertThat(cli.out()).contains("--db");
  }
}
