package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code source add|list|test} and {@code --dataset SOURCE} on tabulate, export, cohort and
 * datasets, against an H2 file as the server (and PostgreSQL when {@code STATBENCH_PG_URL} is set).
 * A source gives exactly the outputs of importing the same records.
 */
class SourceCommandTest {
  @TempDir Path tmp;

  private final CliRun cli = new CliRun();
  private String db;
  private String url;

  private static final String[] ROWS = {
    "N,F,34,120,2024-01-15,2024-03-02",
    "N,M,51,80,2024-01-20,",
    "S,F,19,,2024-02-03,2024-02-28",
    "S,M,,40,2024-02-10,2024-07-01",
    "N,F,65,300,2024-03-05,",
    "S,,42,90,2024-03-11,2024-04-20",
    "N,M,28,55,,",
  };

  @BeforeEach
  void serverAndImport() throws Exception {
    db = tmp.resolve("ws").toString();
    Path csv = tmp.resolve("people.csv");
    List<String> lines = new ArrayList<>(List.of("region,sex,age,amount,referred,job"));
    lines.addAll(List.of(ROWS));
    Files.write(csv, lines);
    cli.importCsv(db, "imported", csv);
    url = "jdbc:h2:file:" + tmp.resolve("server").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      load(c);
    }
  }

  private static void load(Connection c) throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS \"people\"");
      st.execute(
          "CREATE TABLE \"people\" (\"region\" VARCHAR(5), \"sex\" VARCHAR(5), \"age\" INT,"
              + " \"amount\" INT, \"referred\" DATE, \"job\" DATE)");
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO \"people\" VALUES (?, ?, ?, ?, ?, ?)")) {
      for (String row : ROWS) {
        String[] f = row.split(",", -1);
        for (int i = 0; i < 6; i++) {
          String v = f[i].isEmpty() ? null : f[i];
          if (v == null) {
            ps.setObject(i + 1, null);
          } else if (i == 2 || i == 3) {
            ps.setInt(i + 1, Integer.parseInt(v));
          } else if (i >= 4) {
            ps.setObject(i + 1, java.time.LocalDate.parse(v));
          } else {
            ps.setString(i + 1, v);
          }
        }
        ps.executeUpdate();
      }
    }
  }

  private void addH2Source() {
    assertThat(addSource("people", url, "people", "--user", "sa")).as(cli.err()).isZero();
  }

  @Test
  void addListTestAndDatasetsShowTheSource() {
    addH2Source();
    assertThat(cli.out()).contains("Added source people (H2): 7 records, 6 variables");
    assertThat(cli.run("source", "list", "--db", db)).isZero();
    assertThat(cli.out()).isEqualTo("people\tH2\t" + url + "\tpeople\tsa\n");
    assertThat(cli.run("source", "test", "--db", db, "--name", "people")).isZero();
    assertThat(cli.out()).startsWith("OK: people (H2): 7 records, 6 variables");
    assertThat(cli.run("datasets", "--db", db)).isZero();
    assertThat(cli.out()).contains("people\t7\t6");
  }

  @Test
  void tabulateExportAndCohortGiveTheImportedDatasetsOutputs() throws Exception {
    addH2Source();
    for (String[] args :
        List.of(
            new String[] {"--rows", "region", "--cols", "sex"},
            new String[] {
              "--rows", "age", "--band", "age=-29,30-49,50+", "--measure", "sum:amount"
            },
            new String[] {"--rows", "sex", "--filter", "region=N", "--percent", "column"})) {
      String viaSource = tabulate("people", args);
      assertThat(viaSource).isEqualTo(tabulate("imported", args)).contains("Total");
    }
    Path a = tmp.resolve("a.csv");
    Path b = tmp.resolve("b.csv");
    int ca = run("export", "people", "--rows", "region", "--out", a.toString());
    int cb = run("export", "imported", "--rows", "region", "--out", b.toString());
    assertThat(ca).isEqualTo(cb);
    if (ca == 0) {
      assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    }
    String[] cohort = {"--entry", "referred", "--event", "job", "--by", "sex", "--horizon", "3"};
    assertThat(cohort("people", cohort)).isEqualTo(cohort("imported", cohort));
  }

  /** {@code COMMAND --db DB --dataset DATASET} with the arguments given; the exit code. */
  private int run(String command, String dataset, String... args) {
    List<String> a = new ArrayList<>(List.of(command, "--db", db, "--dataset", dataset));
    a.addAll(List.of(args));
    return cli.run(a.toArray(String[]::new));
  }

  private String tabulate(String dataset, String... args) {
    assertThat(run("tabulate", dataset, args)).as(cli.err()).isZero();
    return cli.out();
  }

  private String cohort(String dataset, String... args) {
    assertThat(run("cohort", dataset, args)).as(cli.err()).isZero();
    return cli.out();
  }

  /** {@code source add --db DB --name NAME --url URL --table TABLE} with more options. */
  private int addSource(String name, String url, String table, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of("source", "add", "--db", db, "--name", name, "--url", url, "--table", table));
    a.addAll(List.of(more));
    return cli.run(a.toArray(String[]::new));
  }

  @Test
  void connectionProblemsExitTwoWithTheServersMessageAndWhatToDo() {
    assertThat(addSource("x", "jdbc:nosuch://h/d", "t")).isEqualTo(2);
    assertThat(cli.err()).contains("No JDBC driver for 'nosuch'").contains("drivers");
    assertThat(addSource("x", url, "nope", "--user", "sa")).isEqualTo(2);
    assertThat(cli.err()).contains("Cannot read the table or view 'nope'").contains("not found");
    assertThat(addSource("x", "jdbc:postgresql://127.0.0.1:1/stats", "t")).isEqualTo(2);
    assertThat(cli.err()).contains("Cannot reach the database").contains("Connection");
    assertThat(addSource("x", "postgres://h", "t")).isEqualTo(2);
    assertThat(cli.err()).contains("not a JDBC URL");
    assertThat(cli.err()).doesNotContain("Exception");
  }

  @Test
  void postgresSourceWithAPasswordFile() throws Exception {
    String full = System.getenv("STATBENCH_PG_URL");
    Assumptions.assumeTrue(full != null && !full.isBlank(), "Skipped: STATBENCH_PG_URL not set");
    try (Connection c = DriverManager.getConnection(full)) {
      load(c);
    }
    String base = full.substring(0, full.indexOf('?'));
    String user = param(full, "user");
    Path pw = tmp.resolve("pw.txt");
    Files.writeString(pw, param(full, "password") + "\n");
    Path bad = tmp.resolve("bad.txt");
    Files.writeString(bad, "not-the-password\n");
    assertThat(addSource("pg", base, "people", "--user", user, "--password-file", bad.toString()))
        .isEqualTo(2);
    assertThat(cli.err()).contains("refused the user name or password");
    assertThat(addSource("pg", base, "people", "--user", user, "--password-file", pw.toString()))
        .as(cli.err())
        .isZero();
    assertThat(cli.out()).contains("Added source pg (PostgreSQL): 7 records, 6 variables");
    String[] t = {"--rows", "region", "--cols", "sex"};
    assertThat(
            run(
                "tabulate",
                "pg",
                "--password-file",
                pw.toString(),
                "--rows",
                "region",
                "--cols",
                "sex"))
        .as(cli.err())
        .isZero();
    assertThat(cli.out()).isEqualTo(tabulate("imported", t));
    assertThat(
            cli.run("source", "test", "--db", db, "--name", "pg", "--password-file", pw.toString()))
        .isZero();
  }

  private static String param(String url, String name) {
    for (String kv : url.substring(url.indexOf('?') + 1).split("&")) {
      String[] p = kv.split("=", 2);
      if (p[0].equals(name)) {
        return p[1];
      }
    }
    throw new AssertionError(name);
  }
}
