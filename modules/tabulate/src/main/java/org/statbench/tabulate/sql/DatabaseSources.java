package org.statbench.tabulate.sql;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetInfo;
import org.statbench.store.DatabaseSource;
import org.statbench.store.Workspace;

/**
 * Database sources (the facade): connect read-only to a source's database, add a source to a
 * workspace (variables, types and codelists read from the database), and open a {@link
 * SourceConnection} that computes tables and cohort counts there. Drivers for PostgreSQL, DuckDB
 * and H2 ship with StatBench; others are found in the jars of a {@code drivers/} folder.
 *
 * <p>Connection failures become {@link InputException}s that carry the database's own message and
 * say what to do (missing driver, unreachable server, wrong password, unknown table). Passwords are
 * used for connecting only: never stored, logged or put in a message. Thread-safe.
 */
public final class DatabaseSources {
  /** Default statement timeout in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 600;

  /** Most codes kept in the catalogue per categorical variable of a source. */
  public static final int CODELIST_LIMIT = 10_000;

  private DatabaseSources() {}

  /**
   * Connects to a source's database, read-only, and checks that its table or query can be read.
   *
   * @param password the password, or null/empty when the database needs none
   * @param driversDir a folder of extra JDBC driver jars, or null
   * @param timeoutSeconds statement timeout, 0 for none
   * @throws InputException with the database's message and what to do
   */
  public static SourceConnection connect(
      DatabaseSource source, char[] password, Path driversDir, int timeoutSeconds) {
    Dialect dialect = Dialect.forUrl(source.url());
    Connection c = open(source.url(), source.user(), password, driversDir, timeoutSeconds);
    try {
      return new SourceConnection(source, c, dialect, timeoutSeconds);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /**
   * The tables and views a user can read at a URL (for a table picker): connects read-only, lists,
   * disconnects.
   *
   * @throws InputException as {@link #connect} does
   */
  public static List<String> tables(String url, String user, char[] password, Path driversDir) {
    Connection c = open(url, user, password, driversDir, DEFAULT_TIMEOUT_SECONDS);
    try {
      return SourceConnection.tables(c);
    } finally {
      closeQuietly(c);
    }
  }

  private static Connection open(
      String sourceUrl, String user, char[] password, Path driversDir, int timeoutSeconds) {
    Dialect dialect = Dialect.forUrl(sourceUrl);
    String url = dialect.connectUrl(sourceUrl);
    Properties props = dialect.properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null && password.length > 0) {
      props.setProperty("password", new String(password));
    }
    Driver driver = driver(sourceUrl, driversDir);
    Connection c;
    try {
      c = driver.connect(url, props);
      if (c == null) {
        throw new InputException(
            "The driver does not accept the URL '" + sourceUrl + "': check its spelling");
      }
    } catch (SQLException e) {
      throw connectFailure(sourceUrl, e);
    }
    try {
      dialect.prepare(c, timeoutSeconds);
      return c;
    } catch (SQLException e) {
      closeQuietly(c);
      throw connectFailure(sourceUrl, e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /**
   * Adds (or replaces) a source in a workspace: connects, reads the variables and types from the
   * metadata, the number of records and each categorical variable's codelist ({@code SELECT
   * DISTINCT} with counts, at most {@link #CODELIST_LIMIT} codes), and stores that in the
   * catalogue. Nothing else is copied.
   */
  public static DatasetInfo add(
      Workspace workspace,
      DatabaseSource source,
      char[] password,
      Path driversDir,
      CancellationToken cancel) {
    try (SourceConnection c = connect(source, password, driversDir, DEFAULT_TIMEOUT_SECONDS)) {
      SourceConnection.Description d = c.describe(cancel);
      return workspace.addSource(source, d.rows(), d.variables());
    }
  }

  /** The StatBench home's folder of extra JDBC drivers. */
  public static Path driversFolder(Path home) {
    return home.resolve("drivers");
  }

  private static Driver driver(String url, Path driversDir) {
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException notBuiltIn) {
      // look in the drivers folder
    }
    List<URL> jars = new ArrayList<>();
    if (driversDir != null && Files.isDirectory(driversDir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(driversDir, "*.jar")) {
        for (Path p : ds) {
          jars.add(p.toUri().toURL());
        }
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new InputException("Cannot read the drivers folder " + driversDir + ": " + e);
      }
    }
    if (!jars.isEmpty()) {
      URLClassLoader loader =
          new URLClassLoader(jars.toArray(URL[]::new), DatabaseSources.class.getClassLoader());
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        try {
          if (d.acceptsURL(url)) {
            DriverManager.registerDriver(new DriverShim(d));
            return d;
          }
        } catch (SQLException ignored) {
          // not this one
        }
      }
    }
    String scheme = url.split(":", 3).length > 1 ? url.split(":", 3)[1] : url;
    throw new InputException(
        "No JDBC driver for '"
            + scheme
            + "' URLs: put the database's JDBC driver jar into "
            + (driversDir == null ? "the StatBench home's drivers folder" : driversDir.toString())
            + " (PostgreSQL, DuckDB and H2 drivers come with StatBench)");
  }

  private static InputException connectFailure(String url, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String msg = JdbcRunner.message(e);
    String lower = msg.toLowerCase(Locale.ROOT);
    String what;
    if (state.startsWith("28") || lower.contains("password") || lower.contains("authentication")) {
      what =
          "The database refused the user name or password: check --user and the password"
              + " (--password-file F or the STATBENCH_DB_PASSWORD variable)";
    } else if (state.startsWith("08") || lower.contains("connection refused")) {
      what =
          "Cannot reach the database: check the host and port in the URL, and that the server"
              + " is running and accepts connections from this computer";
    } else {
      what = "Cannot connect to " + url;
    }
    return new InputException(what + ". The database said: " + msg);
  }

  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // failing already
    }
  }
}
