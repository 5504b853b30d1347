package org.statbench.tabulate.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.tabulate.TableSpecJson;
import org.statbench.tabulate.Tabulator;

/** Property-style: random data and specs give identical tables on both execution paths (H2). */
class PushDownEquivalenceTest {
  @Test
  void kernelAndSqlPushDownGiveIdenticalTablesOnRandomSpecs() throws Exception {
    SplittableRandom r = new SplittableRandom(20261126L);
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:pushdown;DB_CLOSE_DELAY=-1")) {
      compare(r, c, 12, 25);
    }
  }

  /** Runs {@code datasets x specs} random comparisons on a connection. */
  static void compare(SplittableRandom r, Connection c, int datasets, int specs) throws Exception {
    compare(
        r,
        data -> {
          RowTables.load(c, "rnd", data);
          return new SqlTabulator(c, "rnd", RowTables.codelists(data));
        },
        datasets,
        specs);
  }

  /** Loads a dataset into an engine and returns the push-down over it. */
  interface Engine {
    SqlTabulator load(DatasetColumns data) throws Exception;
  }

  /** Runs {@code datasets x specs} random comparisons on any engine. */
  static void compare(SplittableRandom r, Engine engine, int datasets, int specs) throws Exception {
    for (int i = 0; i < datasets; i++) {
      DatasetColumns data = RandomTables.dataset(r);
      SqlTabulator sql = engine.load(data);
      Tabulator kernel = new Tabulator();
      for (int j = 0; j < specs; j++) {
        TableSpec spec = RandomTables.spec(r, data);
        String context =
            "dataset " + i + " (" + data.rows() + " rows), spec " + TableSpecJson.write(spec);
        Table k = kernel.tabulate(spec, data, CancellationToken.NONE);
        Table s = sql.tabulate(spec, CancellationToken.NONE);
        RandomTables.assertSame(k, s, context);
      }
    }
  }
}
