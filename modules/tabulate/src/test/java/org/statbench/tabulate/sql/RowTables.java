package org.statbench.tabulate.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;

/** Loads in-memory columns into a JDBC row table (NULL for missing values). */
final class RowTables {
  private RowTables() {}

  static void load(Connection c, String table, DatasetColumns data) throws SQLException {
    List<Column> cols = new ArrayList<>(data.columns().values());
    List<String> defs = new ArrayList<>();
    for (Column col : cols) {
      String type =
          switch (col.type()) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            default -> "VARCHAR(1000)";
          };
      defs.add(SqlTabulator.q(col.name()) + " " + type);
    }
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + table);
      st.execute("CREATE TABLE " + table + " (" + String.join(", ", defs) + ")");
    }
    String marks = String.join(", ", java.util.Collections.nCopies(cols.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
      for (int r = 0; r < data.rows(); r++) {
        for (int i = 0; i < cols.size(); i++) {
          Column col = cols.get(i);
          if (col.isMissing(r)) {
            ps.setNull(i + 1, sqlType(col.type()));
          } else if (col instanceof NumericColumn n) {
            if (n.type() == VariableType.INTEGER) {
              ps.setLong(i + 1, (long) n.value(r));
            } else {
              ps.setDouble(i + 1, n.value(r));
            }
          } else if (col instanceof DateColumn d) {
            ps.setObject(i + 1, LocalDate.ofEpochDay(d.epochDays()[r]));
          } else {
            ps.setString(i + 1, ((CategoricalColumn) col).text(r));
          }
        }
        ps.addBatch();
        if (r % 500 == 499) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Each categorical column's dictionary, for codes without records. */
  static Map<String, List<String>> codelists(DatasetColumns data) {
    Map<String, List<String>> m = new java.util.HashMap<>();
    for (Column col : data.columns().values()) {
      if (col instanceof CategoricalColumn cc) {
        m.put(col.name(), cc.dictionary());
      }
    }
    return m;
  }

  private static int sqlType(VariableType t) {
    return switch (t) {
      case INTEGER -> Types.BIGINT;
      case DECIMAL -> Types.DOUBLE;
      case DATE -> Types.DATE;
      default -> Types.VARCHAR;
    };
  }
}
