package org.statbench.tabulate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statbench.core.CancellationToken;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;

/**
 * SQL push-down against a real PostgreSQL server. {@code .ci/run} installs and starts PostgreSQL
 * and sets {@code STATBENCH_PG_URL} (a JDBC URL with user and password); without that variable the
 * test is skipped.
 */
class PostgresPushDownTest {
  static final String URL_VARIABLE = "STATBENCH_PG_URL";

  private static String url;

  @BeforeAll
  static void needsPostgres() {
    url = System.getenv(URL_VARIABLE);
    Assumptions.assumeTrue(
        url != null && !url.isBlank(),
        "Skipped: set "
            + URL_VARIABLE
            + " to a PostgreSQL JDBC URL (.ci/run starts a server and sets it)");
  }

  @Test
  void postgresGivesTheKernelsTablesOnRandomSpecs() throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE IF EXISTS rnd");
      }
      PushDownEquivalenceTest.compare(new SplittableRandom(15_2026L), c, 4, 15);
    }
  }

  @Test
  void postgresCountsBandedHostileData() throws Exception {
    var data =
        org.statbench.core.data.DatasetColumns.of(
            "d",
            List.of(
                org.statbench.core.data.CategoricalColumn.of(
                    "name with \"quotes\"",
                    org.statbench.core.data.VariableType.CATEGORICAL,
                    List.of("a,b", "O'Brien"),
                    new int[] {0, 1, 1, -1}),
                new org.statbench.core.data.NumericColumn(
                    "age",
                    org.statbench.core.data.VariableType.INTEGER,
                    new double[] {16, 30, 70, Double.NaN})));
    try (Connection c = DriverManager.getConnection(url)) {
      RowTables.load(c, "hostile", data);
      TableSpec spec =
          TableSpec.of("d")
              .withRows("name with \"quotes\"")
              .withColumns(List.of(DimensionSpec.of("age", Bands.parse("-17,18-64,65+"))));
      Table t =
          new SqlTabulator(c, "hostile", java.util.Map.of()).tabulate(spec, CancellationToken.NONE);
      assertThat(t.value(t.index(0, 1))).isEqualTo(1); // O'Brien sorts first; 18-64
      assertThat(t.value(t.index(3, 4))).isEqualTo(4);
      RandomTables.assertSame(
          new org.statbench.tabulate.Tabulator().tabulate(spec, data, CancellationToken.NONE),
          t,
          "hostile");
    }
  }
}
