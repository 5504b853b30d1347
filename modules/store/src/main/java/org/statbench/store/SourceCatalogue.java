package org.statbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.statbench.core.data.Code;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.data.VariableInfo;

/**
 * Database sources in the catalogue: a dataset row of kind {@link DatasetKind#SOURCE} (no column
 * file), its variables and codelists as for an import, and one {@code sb_source} row with the
 * connection details (never a password). The table is created when missing, so workspaces made
 * before sources existed open unchanged. Not thread-safe: the workspace serialises access.
 */
final class SourceCatalogue {
  private final Connection conn;

  SourceCatalogue(Connection conn) throws SQLException {
    this.conn = conn;
    try (Statement s = conn.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS sb_source("
              + "dataset_id BIGINT PRIMARY KEY,"
              + " url CHARACTER VARYING NOT NULL,"
              + " table_name CHARACTER VARYING,"
              + " query CHARACTER LARGE OBJECT,"
              + " user_name CHARACTER VARYING)");
    }
    conn.commit();
  }

  /** Adds or replaces a source (by name) with its variables, in one transaction. */
  void put(DatabaseSource source, long rows, List<VariableInfo> variables) throws SQLException {
    try {
      try (PreparedStatement ps =
          conn.prepareStatement("SELECT id, kind FROM sb_dataset WHERE name = ?")) {
        ps.setString(1, source.name());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            if (!DatasetKind.SOURCE.name().equals(rs.getString(2))) {
              throw new org.statbench.core.InputException(
                  "A dataset named '"
                      + source.name()
                      + "' was imported into this workspace: choose another name for the source");
            }
            delete(rs.getLong(1));
          }
        }
      }
      long id =
          Catalogue.insertDataset(
              conn, source.name(), source.url(), null, rows, DatasetKind.SOURCE, null, "");
      Catalogue.insertVariables(conn, id, variables.stream().map(SourceCatalogue::column).toList());
      try (PreparedStatement ps =
          conn.prepareStatement(
              "INSERT INTO sb_source(dataset_id, url, table_name, query, user_name)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setString(2, source.url());
        ps.setString(3, source.table());
        ps.setString(4, source.query());
        ps.setString(5, source.user());
        ps.executeUpdate();
      }
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    }
  }

  /** A source's variable as the catalogue keeps it: no labels (NULL), codes with their counts. */
  private static EncodedColumn column(VariableInfo v) {
    return new EncodedColumn(
        v.name(),
        null,
        v.type(),
        v.type().isNumeric() ? Storage.DOUBLES : Storage.INT_CODES,
        v.missing(),
        v.codes().size(),
        v.codes().stream().map(c -> new Code(c.code(), null, c.count())).toList());
  }

  /** The source of that name, or null when it is not a source (or does not exist). */
  DatabaseSource get(String name) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT s.url, s.table_name, s.query, s.user_name FROM sb_source s"
                + " JOIN sb_dataset d ON d.id = s.dataset_id WHERE d.name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new DatabaseSource(
                name, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))
            : null;
      }
    }
  }

  /** Removes the connection details of sources whose dataset row is gone (after a drop). */
  void removeOrphans() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("DELETE FROM sb_source WHERE dataset_id NOT IN (SELECT id FROM sb_dataset)");
    }
    conn.commit();
  }

  private void delete(long id) throws SQLException {
    for (String sql :
        List.of(
            "DELETE FROM sb_code WHERE dataset_id = ?",
            "DELETE FROM sb_variable WHERE dataset_id = ?",
            "DELETE FROM sb_source WHERE dataset_id = ?",
            "DELETE FROM sb_dataset WHERE id = ?")) {
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
    }
  }
}
