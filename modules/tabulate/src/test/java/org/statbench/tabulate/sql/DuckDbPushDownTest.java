package org.statbench.tabulate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;
import org.statbench.core.table.Table;
import org.statbench.store.DatabaseSource;
import org.statbench.tabulate.Tabulator;

/** SQL push-down on DuckDB (embedded, GROUPING SETS): identical to the kernel's tables. */
class DuckDbPushDownTest {
  @Test
  void duckDbGivesTheKernelsTablesOnRandomSpecs() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      PushDownEquivalenceTest.compare(new SplittableRandom(4_4_2026L), c, 6, 20);
    }
  }

  @Test
  void aDuckDbFileSourceIsReadOnlyAndGivesTheImportsTable(@TempDir Path dir) throws Exception {
    DatasetColumns data = RandomTables.dataset(new SplittableRandom(7));
    String url = "jdbc:duckdb:" + dir.resolve("claims.duckdb");
    try (Connection c = DriverManager.getConnection(url)) {
      RowTables.load(c, "claims", data);
    }
    DatabaseSource source = new DatabaseSource("claims", url, "claims", null, null);
    try (SourceConnection sc = DatabaseSources.connect(source, null, null, 60)) {
      TableSpec spec =
          TableSpec.of("claims")
              .withRows("c2")
              .withColumns("i1")
              .withMeasure(Measure.parse("sum:x"));
      Table expected = new Tabulator().tabulate(spec, data, CancellationToken.NONE);
      RandomTables.assertSame(expected, sc.tabulate(spec, CancellationToken.NONE), "file source");
      assertThat(sc.types()).containsKeys("c1", "x", "d");
    }
    try (SourceConnection sc = DatabaseSources.connect(source, null, null, 60)) {
      // the file is opened read-only: a write through the same driver session fails
      var conn = (Connection) field(sc, "connection");
      try (var st = conn.createStatement()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("DELETE FROM claims"))
            .hasMessageContaining("read-only");
      }
    }
  }

  static Object field(Object o, String name) throws Exception {
    var f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }
}
