package org.statbench.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.statbench.core.CancellationToken;
import org.statbench.core.StatBenchException;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench startup [--rows N]}: the whole-process figure a user meets, next to DuckDB's for the
 * same job. Generates the bench extract, imports it into a workspace and into a DuckDB file, then
 * times, alternately, new processes that open the data, count region x sex with margins and write
 * the long CSV: {@code java -jar statbench.jar tabulate ...} with default JVM options, and DuckDB's
 * JDBC driver in a new JVM ({@link DuckDbPeer}, GROUP BY CUBE). Prints both medians and their
 * ratio, after checking that both wrote the same table.
 *
 * <p>The DuckDB driver is a benchmark-only dependency and never on the product's class path: the
 * build copies it to {@code app/target/bench/}; {@code --duckdb-jar} names another copy, and the
 * local Maven repository is the last place looked.
 */
@Command(
    name = "startup",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark start-up: time new statbench.jar tabulate processes (open, count region x sex"
            + " with margins, write CSV) against DuckDB JDBC doing the same in a new JVM.")
public final class BenchStartupCommand implements Callable<Integer> {
  static final String DUCKDB_VERSION = "1.4.4.0";
  static final String DUCKDB_JAR = "duckdb_jdbc-" + DUCKDB_VERSION + ".jar";

  @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "5000000",
      description = "Rows to generate (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--runs",
      paramLabel = "R",
      defaultValue = "11",
      description =
          "Timed runs of each, alternating, after one warm-up (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description =
          "Keep the extract, workspace and DuckDB file in DIR (default: a temporary"
              + " folder); a later run with the same DIR and --rows reuses them.")
  Path keep;

  @Option(
      names = "--duckdb-jar",
      paramLabel = "JAR",
      description =
          "The DuckDB JDBC driver (default: bench/"
              + DUCKDB_JAR
              + " beside statbench.jar, else the local Maven repository).")
  Path duckdbJar;

  @Option(
      names = "--classes",
      description = "Also count the classes a statbench.jar tabulate process loads (one more run).")
  boolean classes;

  @Override
  public Integer call() throws Exception {
    if (rows < 1 || runs < 1) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(), "--rows and --runs must be at least 1");
    }
    PrintWriter out = commandSpec.commandLine().getOut();
    Path jar = WholeProcessBench.jarPath();
    if (jar == null) {
      out.println("bench startup: skipped (not running from statbench.jar)");
      out.flush();
      return StatBenchCommand.EXIT_OK;
    }
    Path driver = driver(jar);
    if (driver == null) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(),
          "No DuckDB JDBC driver: build with 'mvn package' (it copies "
              + DUCKDB_JAR
              + " to app/target/bench/) or name one with --duckdb-jar");
    }
    Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("sb-bench");
    try {
      run(out, jar, driver, dir);
    } finally {
      if (keep == null) {
        WholeProcessBench.deleteTreeQuietly(dir);
      }
    }
    out.flush();
    return StatBenchCommand.EXIT_OK;
  }

  private void run(PrintWriter out, Path jar, Path driver, Path dir) throws Exception {
    Path csv = dir.resolve("bench.csv");
    Path db = dir.resolve("ws");
    Path duck = dir.resolve("bench-" + rows + ".duckdb");
    Path peer = dir.resolve("peer");
    copyPeer(peer);
    boolean reuse = false;
    if (keep != null && Files.isDirectory(db) && Files.exists(duck)) {
      try (Workspace ws = Workspace.open(db)) {
        reuse = ws.hasDataset("bench") && ws.dataset("bench").rows() == rows;
      }
    }
    String prepared;
    if (reuse) {
      prepared = "reusing " + db + " and " + duck.getFileName();
    } else {
      long t0 = System.nanoTime();
      BenchTabulateCommand.generate(csv, rows);
      long genMs = ms(t0);
      long t1 = System.nanoTime();
      try (Workspace ws = Workspace.open(db)) {
        ws.importCsv(ImportRequest.of("bench", csv), null, CancellationToken.NONE);
      }
      long importMs = ms(t1);
      Files.deleteIfExists(duck);
      long t2 = System.nanoTime();
      mustSucceed(peerCommand(peer, driver, "load", duck.toString(), csv.toString()), "load");
      long duckMs = ms(t2);
      prepared =
          String.format(
              Locale.ROOT,
              "generated in %,d ms; imported in %,d ms; DuckDB loaded it in %,d ms",
              genMs,
              importMs,
              duckMs);
    }
    out.printf(Locale.ROOT, "bench startup: %,d rows (%s)%n", rows, prepared);
    Path ours = dir.resolve("statbench-region-by-sex.csv");
    Path theirs = dir.resolve("duckdb-region-by-sex.csv");
    List<String> statbench = new ArrayList<>();
    statbench.add(WholeProcessBench.java());
    statbench.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "tabulate",
            "--db",
            db.toString(),
            "--dataset",
            "bench",
            "--rows",
            "region",
            "--cols",
            "sex",
            "--out",
            ours.toString()));
    List<String> duckdb =
        peerCommand(peer, driver, "tabulate", duck.toString(), theirs.toString(), "region", "sex");
    // one warm-up each: the page cache holds both files afterwards, as for a user's second command
    mustSucceed(statbench, "statbench");
    mustSucceed(duckdb, "duckdb");
    List<String> a = sortedLines(ours);
    List<String> b = sortedLines(theirs);
    if (!a.equals(b)) {
      throw new StatBenchException(
          "statbench and DuckDB wrote different tables: " + ours + " and " + theirs);
    }
    out.printf(
        Locale.ROOT, "same table from both: %d rows of region x sex with margins%n", a.size());
    out.flush();
    double[] ts = new double[runs];
    double[] td = new double[runs];
    for (int i = 0; i < runs; i++) {
      ts[i] = mustSucceed(statbench, "statbench");
      td[i] = mustSucceed(duckdb, "duckdb");
    }
    Arrays.sort(ts);
    Arrays.sort(td);
    double ms = ts[runs / 2];
    double md = td[runs / 2];
    out.printf(
        Locale.ROOT,
        "statbench: java -jar statbench.jar tabulate --rows region --cols sex --out CSV:"
            + " median %.0f ms (min %.0f, max %.0f)%n",
        ms,
        ts[0],
        ts[runs - 1]);
    out.printf(
        Locale.ROOT,
        "duckdb:    java -cp %s (open, GROUP BY CUBE count, write CSV):"
            + " median %.0f ms (min %.0f, max %.0f)%n",
        driver.getFileName(),
        md,
        td[0],
        td[runs - 1]);
    out.printf(
        Locale.ROOT,
        "ratio statbench / duckdb: %.2f (medians of %d alternating runs each; target at most"
            + " 0.80)%n",
        ms / md,
        runs);
    if (classes) {
      countClasses(out, statbench, dir);
    }
  }

  private static void countClasses(PrintWriter out, List<String> statbench, Path dir)
      throws Exception {
    Path log = dir.resolve("class-load.log");
    List<String> cmd = new ArrayList<>(statbench);
    cmd.add(1, "-Xlog:class+load=info:file=" + log);
    mustSucceed(cmd, "statbench -Xlog:class+load");
    int all = 0;
    int h2Sql = 0;
    int picocli = 0;
    for (String line : Files.readAllLines(log)) {
      String[] f = line.split(" ");
      if (f.length < 2) {
        continue;
      }
      String cls = f[1];
      all++;
      if (cls.startsWith("org.h2.") && !cls.startsWith("org.h2.mvstore.")) {
        h2Sql++;
      } else if (cls.startsWith("picocli.")) {
        picocli++;
      }
    }
    out.printf(
        Locale.ROOT,
        "classes loaded by statbench.jar tabulate: %,d (H2 outside org.h2.mvstore %d, picocli %d)%n",
        all,
        h2Sql,
        picocli);
  }

  /** The driver jar: --duckdb-jar, bench/ beside statbench.jar, or the local Maven repository. */
  private Path driver(Path jar) {
    if (duckdbJar != null) {
      return Files.isRegularFile(duckdbJar) ? duckdbJar : null;
    }
    String repo =
        System.getProperty(
            "maven.repo.local",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
    for (Path p :
        List.of(
            jar.resolveSibling("bench").resolve(DUCKDB_JAR),
            Path.of(repo, "org", "duckdb", "duckdb_jdbc", DUCKDB_VERSION, DUCKDB_JAR))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** Copies {@link DuckDbPeer}'s class file out, so the peer's JVM needs nothing of ours. */
  private static void copyPeer(Path peer) throws IOException {
    Path target =
        peer.resolve(DuckDbPeer.class.getName().replace('.', '/') + ".class").toAbsolutePath();
    Files.createDirectories(target.getParent());
    try (InputStream in = DuckDbPeer.class.getResourceAsStream("DuckDbPeer.class")) {
      Files.write(target, in.readAllBytes());
    }
  }

  private static List<String> peerCommand(Path peer, Path driver, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(WholeProcessBench.java());
    cmd.add("-cp");
    cmd.add(peer + java.io.File.pathSeparator + driver);
    cmd.add(DuckDbPeer.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs a process to completion (output inherited) and returns its wall time in ms. */
  private static double mustSucceed(List<String> cmd, String what) throws Exception {
    long s = System.nanoTime();
    int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
    double t = (System.nanoTime() - s) / 1e6;
    if (rc != 0) {
      throw new StatBenchException(what + " exited with " + rc + ": " + String.join(" ", cmd));
    }
    return t;
  }

  private static List<String> sortedLines(Path p) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(p));
    lines.sort(null);
    return lines;
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
