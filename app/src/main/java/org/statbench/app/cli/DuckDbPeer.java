package org.statbench.app.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * The peer that {@code bench startup} times against: DuckDB through its JDBC driver, run in a child
 * JVM whose class path is only this class (copied out of statbench.jar) and the driver jar, so the
 * peer pays for nothing of ours. Uses only the JDK and {@code java.sql}: the DuckDB driver is a
 * benchmark-only dependency and never on the product's class path.
 *
 * <pre>
 * load DUCKDB_FILE EXTRACT.csv          create table bench from the bench extract
 * tabulate DUCKDB_FILE OUT.csv ROW COL  open, count ROW x COL with margins (GROUP BY CUBE), write the
 *                                       long CSV StatBench writes for the same table
 * </pre>
 */
public final class DuckDbPeer {
  private DuckDbPeer() {}

  public static void main(String[] args) throws Exception {
    String url = "jdbc:duckdb:" + Path.of(args[1]).toAbsolutePath();
    if (args[0].equals("load")) {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench");
        s.execute(
            "CREATE TABLE bench AS SELECT * FROM read_csv('"
                + Path.of(args[2]).toAbsolutePath().toString().replace("'", "''")
                + "', header = true)");
      }
      return;
    }
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    String row = args[3];
    String col = args[4];
    String sql =
        "SELECT "
            + label(row)
            + ", "
            + label(col)
            + ", count(*) FROM bench GROUP BY CUBE ("
            + row
            + ", "
            + col
            + ") ORDER BY GROUPING("
            + row
            + "), "
            + row
            + " NULLS LAST, GROUPING("
            + col
            + "), "
            + col
            + " NULLS LAST";
    try (Connection c = DriverManager.getConnection(url, readOnly);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql);
        BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
      w.write(row + "," + col + ",measure,value\n");
      while (rs.next()) {
        w.write(rs.getString(1) + "," + rs.getString(2) + ",count," + rs.getLong(3) + "\n");
      }
    }
  }

  /** The dimension's code, 'Total' on its margin and 'Missing' for a null code. */
  private static String label(String v) {
    return "CASE WHEN GROUPING(" + v + ") = 1 THEN 'Total' ELSE coalesce(" + v + ", 'Missing') END";
  }
}
