package org.statbench.tabulate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.CancelledException;
import org.statbench.core.InputException;
import org.statbench.core.StatBenchException;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.store.DatabaseSource;

/** Database sources are read safely: hostile names change nothing, queries can be stopped. */
class SourceSafetyTest {
  static final String HOSTILE_VAR = "x\"; DROP TABLE t; --";
  static final String HOSTILE_CODE = "'); DROP TABLE t; --";
  static final String COMMENT_CODE = "a /* b */ -- c";

  private static String h2File(Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("src").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t(" + SqlTabulator.q(HOSTILE_VAR) + " VARCHAR(50), n INT)");
      for (String[] row :
          new String[][] {
            {HOSTILE_CODE, "1"}, {HOSTILE_CODE, "2"}, {COMMENT_CODE, "3"}, {"c;d", "4"}
          }) {
        try (var ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
          ps.setString(1, row[0]);
          ps.setInt(2, Integer.parseInt(row[1]));
          ps.executeUpdate();
        }
      }
    }
    return url;
  }

  @Test
  void quotesSemicolonsAndCommentsInNamesAndCodesChangeNothingOnTheServer(@TempDir Path dir)
      throws Exception {
    String url = h2File(dir);
    DatabaseSource source = new DatabaseSource("s", url, "T", null, "sa");
    try (SourceConnection sc = DatabaseSources.connect(source, null, null, 60)) {
      TableSpec spec =
          TableSpec.of("s")
              .withRows(HOSTILE_VAR)
              .withFilter(new CodeFilter(HOSTILE_VAR, List.of(HOSTILE_CODE, COMMENT_CODE), false));
      Table t = sc.tabulate(spec, CancellationToken.NONE);
      // categories sort by code: "'); DROP..." < "a /* b */..." < "c;d"; the filter keeps 2 + 1
      assertThat(t.value(t.index(0))).isEqualTo(2);
      assertThat(t.value(t.index(1))).isEqualTo(1);
      assertThat(t.value(t.index(2))).isEqualTo(0);
      assertThat(t.value(t.index(3))).isEqualTo(3); // Total
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(4);
    }
  }

  @Test
  void aSourceQueryMustBeOneSelect(@TempDir Path dir) throws Exception {
    String url = h2File(dir);
    for (String q : List.of("DELETE FROM t", "SELECT * FROM t; DROP TABLE t")) {
      assertThatThrownBy(
              () ->
                  DatabaseSources.connect(
                      new DatabaseSource("s", url, null, q, "sa"), null, null, 60))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("one SELECT");
    }
  }

  @Test
  void cancellingStopsTheRunningQueryOnTheServer(@TempDir Path dir) throws Exception {
    String url = h2File(dir);
    DatabaseSource big =
        new DatabaseSource(
            "big", url, null, "SELECT MOD(X, 7) AS b FROM SYSTEM_RANGE(1, 2000000000)", "sa");
    CancellationToken token = new CancellationToken();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (SourceConnection sc = DatabaseSources.connect(big, null, null, 600)) {
      timer.schedule(token::cancel, 500, TimeUnit.MILLISECONDS);
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> sc.tabulate(TableSpec.of("big").withRows("B"), token))
          .isInstanceOf(CancelledException.class);
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
      // the connection is still usable afterwards
      assertThat(sc.types()).containsKey("B");
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void aQueryLongerThanTheTimeoutIsStoppedWithAClearMessage(@TempDir Path dir) throws Exception {
    String url = h2File(dir);
    DatabaseSource big =
        new DatabaseSource(
            "big", url, null, "SELECT MOD(X, 7) AS b FROM SYSTEM_RANGE(1, 2000000000)", "sa");
    try (SourceConnection sc = DatabaseSources.connect(big, null, null, 1)) {
      assertThatThrownBy(
              () -> sc.tabulate(TableSpec.of("big").withRows("B"), CancellationToken.NONE))
          .isInstanceOf(StatBenchException.class)
          .hasMessageContaining("statement timeout");
    }
  }

  @Test
  void connectionProblemsSayWhatToDo(@TempDir Path dir) throws Exception {
    String url = h2File(dir);
    assertThatThrownBy(
            () ->
                DatabaseSources.connect(
                    new DatabaseSource("s", "jdbc:nosuchdb://h/d", "t", null, null),
                    null,
                    dir.resolve("drivers"),
                    60))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("No JDBC driver for 'nosuchdb'")
        .hasMessageContaining("drivers");
    assertThatThrownBy(
            () ->
                DatabaseSources.connect(
                    new DatabaseSource("s", "jdbc:postgresql://127.0.0.1:1/x", "t", null, "u"),
                    "pw".toCharArray(),
                    null,
                    60))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Cannot reach the database")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(
            () ->
                DatabaseSources.connect(
                    new DatabaseSource("s", url, "nope", null, "sa"), null, null, 60))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Cannot read the table or view 'nope'");
    assertThatThrownBy(() -> new DatabaseSource("s", "postgres://h/d", "t", null, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a JDBC URL");
  }

  @Test
  void cellKeysAreTheSameForTheSameRecordsInEveryTable(@TempDir Path dir) throws Exception {
    String url = h2File(dir);
    try (SourceConnection sc =
        DatabaseSources.connect(new DatabaseSource("s", url, "T", null, "sa"), null, null, 60)) {
      Table all =
          sc.tabulateWithCellKeys(TableSpec.of("s").withRows(HOSTILE_VAR), CancellationToken.NONE);
      Table some =
          sc.tabulateWithCellKeys(
              TableSpec.of("s")
                  .withRows(HOSTILE_VAR)
                  .withFilter(new CodeFilter(HOSTILE_VAR, List.of(HOSTILE_CODE), false)),
              CancellationToken.NONE);
      assertThat(all.cellKey(0)).isBetween(0.0, 1.0).isEqualTo(some.cellKey(0));
      assertThat(all.cellKey(0)).isNotEqualTo(all.cellKey(1));
    }
  }
}
