package org.statbench.tabulate.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What differs between database engines for SQL push-down, each engine in one small subclass:
 * identifier quoting, the double type's name, whether {@code GROUPING SETS} exist, how a row limit
 * is written, a per-record hash for cell keys, and how a connection is made read-only. Everything
 * else the push-down writes is standard SQL with window functions. Stateless and thread-safe.
 */
public abstract class Dialect {
  /** The engine's name as shown to users. */
  public abstract String name();

  /** A URL template shown when connecting (upper-case words are to be replaced). */
  public abstract String urlTemplate();

  /** A quoted identifier: every name the push-down writes goes through here. */
  public String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** A table reference from dotted parts ({@code schema.table}), each part quoted. */
  public String table(String dotted) {
    List<String> parts = List.of(dotted.split("\\.", -1));
    return String.join(".", parts.stream().map(this::quote).toList());
  }

  /** The name of the 8-byte floating-point type, for casts of bound numbers. */
  public String doubleType() {
    return "DOUBLE PRECISION";
  }

  /** Whether {@code GROUP BY GROUPING SETS (...)} and {@code GROUPING(column)} exist. */
  public boolean groupingSets() {
    return true;
  }

  /** A query returning at most {@code n} rows of {@code select}. */
  public String limit(String select, int n) {
    return select + " LIMIT " + n;
  }

  /**
   * An expression giving each record a whole-number key in {@code [0, 2^32)} from its values (the
   * same record always gets the same key), for cell-key perturbation; null when the engine has no
   * hash function.
   */
  public String recordKey(List<String> quotedColumns) {
    return null;
  }

  /** The URL to connect with (e.g. with a read-only flag added). */
  public String connectUrl(String url) {
    return url;
  }

  /** Driver properties besides user and password. */
  public Properties properties() {
    return new Properties();
  }

  /**
   * Makes a fresh connection read-only (and sets a server-side statement timeout where the engine
   * has one). The default asks the driver ({@link Connection#setReadOnly}).
   */
  public void prepare(Connection c, int timeoutSeconds) throws SQLException {
    try {
      c.setReadOnly(true);
    } catch (java.sql.SQLFeatureNotSupportedException ignored) {
      // the engine has no read-only mode; StatBench only ever sends SELECTs
    }
  }

  /** The dialect of a JDBC URL; engines not known here get the generic (standard SQL) dialect. */
  public static Dialect forUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect();
    }
    if (u.startsWith("jdbc:duckdb:")) {
      return new DuckDbDialect();
    }
    if (u.startsWith("jdbc:h2:")) {
      return new H2Dialect();
    }
    if (u.startsWith("jdbc:hive2:")
        || u.startsWith("jdbc:spark:")
        || u.startsWith("jdbc:databricks:")) {
      return new SparkDialect();
    }
    return new GenericDialect();
  }

  /** The dialect of an open connection, from the product name its driver reports. */
  public static Dialect forConnection(Connection c) {
    try {
      String p = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (p.contains("postgres")) {
        return new PostgresDialect();
      }
      if (p.contains("duckdb")) {
        return new DuckDbDialect();
      }
      if (p.equals("h2")) {
        return new H2Dialect();
      }
      if (p.contains("spark") || p.contains("databricks")) {
        return new SparkDialect();
      }
      return new GenericDialect();
    } catch (SQLException e) {
      return new GenericDialect();
    }
  }

  /** The templates of the engines StatBench knows, for the connect dialog. */
  public static List<Dialect> known() {
    return List.of(new PostgresDialect(), new DuckDbDialect(), new SparkDialect(), new H2Dialect());
  }

  @Override
  public String toString() {
    return name();
  }
}
