package org.statbench.tabulate.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.statbench.core.CancellationToken;
import org.statbench.core.CancelledException;
import org.statbench.core.StatBenchException;
import org.statbench.core.data.VariableType;

/**
 * Runs queries over one JDBC connection: every value bound as a parameter, a statement timeout, and
 * cancellation that reaches the server: a watchdog thread polls the token (and the deadline) every
 * 50 ms and calls {@link Statement#cancel()} on the running statement, which every driver used here
 * passes on to the engine. After a failure the transaction is rolled back, so the connection stays
 * usable. One query at a time (the connection is not shared).
 */
public final class JdbcRunner implements SqlRunner {
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "statbench-sql-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final Connection connection;
  private final int timeoutSeconds;

  /**
   * @param connection an open connection; not closed here
   * @param timeoutSeconds statement timeout, 0 for none
   */
  public JdbcRunner(Connection connection, int timeoutSeconds) {
    this.connection = Objects.requireNonNull(connection);
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public List<Object[]> query(String sql, List<Object> params, CancellationToken cancel) {
    cancel.throwIfCancelled();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> watch = null;
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        bind(ps, i + 1, params.get(i));
      }
      ps.setFetchSize(10_000);
      long deadline =
          timeoutSeconds <= 0
              ? Long.MAX_VALUE
              : System.nanoTime() + timeoutSeconds * 1_000_000_000L;
      watch =
          WATCHDOG.scheduleWithFixedDelay(
              () -> {
                boolean late = System.nanoTime() > deadline;
                if (cancel.isCancelled() || late) {
                  timedOut.set(late);
                  try {
                    ps.cancel();
                  } catch (SQLException ignored) {
                    // the statement finished meanwhile
                  }
                }
              },
              50,
              50,
              TimeUnit.MILLISECONDS);
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            row[i] = value(rs.getObject(i + 1));
          }
          rows.add(row);
          if ((rows.size() & 0x3FFF) == 0) {
            cancel.throwIfCancelled();
          }
        }
      }
      endTransaction(false);
      return rows;
    } catch (SQLException e) {
      endTransaction(true);
      if (cancel.isCancelled()) {
        throw new CancelledException();
      }
      if (timedOut.get()) {
        throw new StatBenchException(
            "The database did not answer within "
                + timeoutSeconds
                + " s (the statement timeout), so the query was cancelled: filter or band the"
                + " table, or ask the database administrator",
            e);
      }
      throw new StatBenchException("The database refused the query: " + message(e), e);
    } finally {
      if (watch != null) {
        watch.cancel(false);
      }
    }
  }

  /** The database's message without the statement text some drivers append. */
  static String message(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int cut = m.indexOf("; SQL statement:");
    return (cut >= 0 ? m.substring(0, cut) : m).strip();
  }

  private void endTransaction(boolean failed) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback(); // read-only: nothing to keep, and an aborted transaction ends
      }
    } catch (SQLException e) {
      if (!failed) {
        throw new StatBenchException("The database connection failed: " + e.getMessage(), e);
      }
    }
  }

  private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v instanceof String s) {
      ps.setString(i, s);
    } else if (v instanceof Double d) {
      ps.setDouble(i, d);
    } else if (v instanceof LocalDate d) {
      ps.setObject(i, d);
    } else {
      throw new IllegalArgumentException("unsupported parameter " + v);
    }
  }

  /** A value as the push-down reads it: Number, String, LocalDate or null. */
  static Object value(Object o) {
    if (o == null || o instanceof Number || o instanceof String || o instanceof LocalDate) {
      return o;
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (o instanceof java.time.LocalDateTime t) {
      return t.toString();
    }
    return o.toString();
  }

  @Override
  public Map<String, VariableType> columns(String from) {
    Map<String, VariableType> m = new LinkedHashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + from + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        m.put(md.getColumnLabel(i), typeOf(md.getColumnType(i)));
      }
      endTransaction(false);
    } catch (SQLException e) {
      endTransaction(true);
      throw new StatBenchException("The database refused the query: " + message(e), e);
    }
    return m;
  }

  /** A variable type from a JDBC column type. */
  public static VariableType typeOf(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> VariableType.INTEGER;
      case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL ->
          VariableType.DECIMAL;
      case Types.DATE -> VariableType.DATE;
      default -> VariableType.CATEGORICAL;
    };
  }
}
