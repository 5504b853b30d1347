package org.statbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.spec.TableSpec;
import org.statbench.store.DatabaseSource;
import org.statbench.tabulate.sql.DatabaseSources;
import org.statbench.tabulate.sql.SourceConnection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench source [--rows N] [--url URL]}: loads an N-row table into PostgreSQL with {@code
 * COPY} (kept between runs when it already has N rows), then times a 3-dimensional count with
 * totals (la x sex x benefit) computed by StatBench on the server against the same count
 * hand-written as {@code GROUP BY CUBE} and run through plain JDBC, as psql would send it. Prints
 * both medians and their ratio.
 */
@Command(
    name = "source",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark a PostgreSQL database source: StatBench's 3-D count with totals against the"
            + " same hand-written GROUP BY CUBE through JDBC (needs --url or STATBENCH_PG_URL).")
public final class BenchSourceCommand implements Callable<Integer> {
  static final String TABLE = "statbench_bench_source";

  @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "5000000",
      description = "Rows to load (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--runs",
      paramLabel = "R",
      defaultValue = "7",
      description = "Timed runs of each query after one warm-up (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--url",
      paramLabel = "JDBC_URL",
      description =
          "PostgreSQL JDBC URL with user and password (default: the STATBENCH_PG_URL variable).")
  String url;

  @Override
  public Integer call() throws Exception {
    String u = url != null ? url : System.getenv("STATBENCH_PG_URL");
    if (u == null || u.isBlank() || !u.startsWith("jdbc:postgresql:")) {
      throw new InputException(
          "bench source needs a PostgreSQL JDBC URL: give --url jdbc:postgresql://HOST/DB?user=U"
              + "&password=P or set STATBENCH_PG_URL");
    }
    if (rows < 1 || runs < 1) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(), "--rows and --runs must be at least 1");
    }
    PrintWriter out = commandSpec.commandLine().getOut();
    try (Connection c = DriverManager.getConnection(u)) {
      long t0 = System.nanoTime();
      boolean loaded = load(c);
      out.printf(
          Locale.ROOT,
          "table %s: %d rows %s%n",
          TABLE,
          rows,
          loaded ? String.format(Locale.ROOT, "loaded by COPY in %.1f s", secs(t0)) : "(kept)");
      out.flush();
    }
    String hand =
        "SELECT la, sex, benefit, COUNT(*) FROM " + TABLE + " GROUP BY CUBE (la, sex, benefit)";
    TableSpec spec = TableSpec.of("bench").withRows("la").withColumns("sex").withWafers("benefit");
    String[] parts = withoutPassword(u);
    DatabaseSource source = new DatabaseSource("bench", parts[0], TABLE, null, null);
    double[] statbench = new double[runs];
    double[] jdbc = new double[runs];
    long cells = 0;
    long handRows = 0;
    try (SourceConnection sc =
            DatabaseSources.connect(
                source,
                parts[1] == null ? null : parts[1].toCharArray(),
                null,
                DatabaseSources.DEFAULT_TIMEOUT_SECONDS);
        Connection plain = DriverManager.getConnection(u)) {
      for (int r = -1; r < runs; r++) { // run -1 warms up both
        long t = System.nanoTime();
        cells = sc.tabulate(spec, CancellationToken.NONE).cellCount();
        double a = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        handRows = 0;
        try (Statement st = plain.createStatement();
            ResultSet rs = st.executeQuery(hand)) {
          while (rs.next()) {
            rs.getString(1);
            rs.getString(2);
            rs.getString(3);
            rs.getLong(4);
            handRows++;
          }
        }
        double b = (System.nanoTime() - t) / 1e6;
        if (r >= 0) {
          statbench[r] = a;
          jdbc[r] = b;
        }
      }
    }
    double ms = median(statbench);
    double hm = median(jdbc);
    out.printf(
        Locale.ROOT,
        "3-D count la x sex x benefit with totals (%d cells): StatBench median %.0f ms,"
            + " hand-written GROUP BY CUBE via JDBC (%d rows) median %.0f ms, ratio %.2f%n",
        cells,
        ms,
        handRows,
        hm,
        ms / hm);
    out.flush();
    return StatBenchCommand.EXIT_OK;
  }

  /** The URL without its password parameter, and the password (or null). */
  static String[] withoutPassword(String u) {
    int q = u.indexOf('?');
    if (q < 0) {
      return new String[] {u, null};
    }
    List<String> kept = new ArrayList<>();
    String password = null;
    for (String kv : u.substring(q + 1).split("&")) {
      if (kv.startsWith("password=")) {
        password = kv.substring("password=".length());
      } else if (!kv.isEmpty()) {
        kept.add(kv);
      }
    }
    return new String[] {
      u.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)), password
    };
  }

  /** Loads the table unless it already holds exactly {@code rows} rows; true when loaded. */
  private boolean load(Connection c) throws Exception {
    try (Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery("SELECT COUNT(*) FROM pg_tables WHERE tablename = '" + TABLE + "'")) {
        rs.next();
        if (rs.getLong(1) == 1) {
          try (ResultSet n = st.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            n.next();
            if (n.getLong(1) == rows) {
              return false;
            }
          }
        }
      }
      st.execute("DROP TABLE IF EXISTS " + TABLE);
      st.execute(
          "CREATE TABLE "
              + TABLE
              + " (id BIGINT, la VARCHAR(9), region VARCHAR(9), sex VARCHAR(1), age INT,"
              + " benefit VARCHAR(8), amount DOUBLE PRECISION)");
    }
    c.unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn("COPY " + TABLE + " FROM STDIN (FORMAT csv)", new Generator(rows));
    try (Statement st = c.createStatement()) {
      st.execute("ANALYZE " + TABLE);
    }
    return true;
  }

  /** The rows as CSV text, generated as COPY reads them. */
  private static final class Generator extends Reader {
    private static final String[] BENEFITS = {"JSA", "UC", "ESA", "PIP", "IS", "HB"};
    private final SplittableRandom random = new SplittableRandom(2026);
    private final int rows;
    private int row;
    private final StringBuilder buf = new StringBuilder();
    private int at;

    Generator(int rows) {
      this.rows = rows;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (at == buf.length()) {
        buf.setLength(0);
        at = 0;
        for (int i = 0; i < 10_000 && row < rows; i++, row++) {
          int la = random.nextInt(BenchTabulateCommand.LAS);
          buf.append(row)
              .append(",E0")
              .append(6000000 + la)
              .append(",R")
              .append(la % BenchTabulateCommand.REGIONS)
              .append(',')
              .append(random.nextInt(50) == 0 ? "" : random.nextBoolean() ? "F" : "M")
              .append(',')
              .append(16 + random.nextInt(60))
              .append(',')
              .append(BENEFITS[random.nextInt(BENEFITS.length)])
              .append(',')
              .append(random.nextInt(100_000) / 100.0)
              .append('\n');
        }
        if (buf.length() == 0) {
          return -1;
        }
      }
      int n = Math.min(len, buf.length() - at);
      buf.getChars(at, at + n, cbuf, off);
      at += n;
      return n;
    }

    @Override
    public void close() {}
  }

  private static double median(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
