package org.statbench.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;
import org.statbench.core.table.Table;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import org.statbench.tabulate.Tabulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench tabulate [--rows N]}: generates a 7-column extract (id, la with 400 codes, region,
 * sex with a few missing, age, benefit, amount), imports it through the store, and prints the
 * median warm time of (a) a 2-D count la x sex, (b) a 3-D count la x sex x benefit with totals, (c)
 * the median of amount by region x sex, plus the live heap; then times whole {@code statbench.jar
 * tabulate} processes (open the store, load, count region x sex with margins, write the CSV).
 */
@Command(
    name = "tabulate",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark tabulation: generate and import N rows, then time 2-D and 3-D counts and a"
            + " median (median of warm runs), and a whole statbench.jar tabulate process.")
public final class BenchTabulateCommand implements Callable<Integer> {
  static final int LAS = 400;
  static final int REGIONS = 9;

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
      defaultValue = "9",
      description = "Timed runs per figure after warm-up (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description = "Keep the generated CSV and workspace in DIR (default: a temporary folder).")
  Path keep;

  @Option(
      names = "--process-runs",
      paramLabel = "R",
      defaultValue = "5",
      description = "Whole-process runs of statbench.jar tabulate (0 to skip; default 5).")
  int processRuns;

  @Option(
      names = "--encrypted",
      description =
          "Also import the extract into an encrypted workspace and time opening and tabulating it"
              + " against the unencrypted one (the ratio should stay within 1.5).")
  boolean encrypted;

  @Override
  public Integer call() throws Exception {
    if (rows < 1 || runs < 1) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(), "--rows and --runs must be at least 1");
    }
    PrintWriter out = commandSpec.commandLine().getOut();
    Path dir = WholeProcessBench.workFolder(keep);
    try {
      Path csv = dir.resolve("bench.csv");
      Path db = dir.resolve("ws");
      long genMs = -1;
      long importMs = -1;
      boolean reuse = false;
      if (keep != null && Files.isDirectory(db)) {
        try (Workspace ws = Workspace.open(db)) {
          reuse = ws.hasDataset("bench") && ws.dataset("bench").rows() == rows;
        }
      }
      if (!reuse) {
        long t0 = System.nanoTime();
        generate(csv, rows);
        genMs = ms(t0);
        try (Workspace ws = Workspace.open(db)) {
          long t1 = System.nanoTime();
          ws.importCsv(ImportRequest.of("bench", csv), null, CancellationToken.NONE);
          importMs = ms(t1);
        }
      }
      DatasetColumns data;
      long loadMs;
      try (Workspace ws = Workspace.open(db)) {
        long t2 = System.nanoTime();
        data = ws.columns("bench", List.of("la", "region", "sex", "benefit", "amount"));
        loadMs = ms(t2);
      }
      out.printf(
          Locale.ROOT,
          "bench tabulate: %,d rows (%s, 5 columns loaded in %,d ms)%n",
          rows,
          reuse
              ? "reusing the workspace in " + db
              : String.format(
                  Locale.ROOT, "generated in %,d ms, imported in %,d ms", genMs, importMs),
          loadMs);
      TableSpec a = TableSpec.of("bench").withRows("la").withColumns("sex");
      TableSpec b = TableSpec.of("bench").withRows("la", "sex").withColumns("benefit");
      TableSpec c =
          TableSpec.of("bench")
              .withRows("region")
              .withColumns("sex")
              .withMeasure(Measure.parse("median:amount"));
      report(out, "(a) 2-D count la x sex", a, data);
      report(out, "(b) 3-D count la x sex x benefit, totals", b, data);
      report(out, "(c) median amount by region x sex", c, data);
      out.printf(
          Locale.ROOT,
          "live heap (in use after a full GC) %d MB with the 5 columns loaded (max %d MB)%n",
          LiveHeapProbe.liveHeap() >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
      out.flush();
      data = null;
      if (encrypted) {
        encryptedComparison(out, csv, db, dir, loadMs);
      } else if (processRuns > 0) {
        wholeProcess(out, db, dir, List.of(), "");
      }
    } finally {
      if (keep == null) {
        WholeProcessBench.deleteTreeQuietly(dir);
      }
    }
    out.flush();
    return StatBenchCommand.EXIT_OK;
  }

  private void report(PrintWriter out, String name, TableSpec spec, DatasetColumns data) {
    // one engine per figure, as in a GUI session: the first run builds its per-column caches
    Tabulator engine = new Tabulator();
    Supplier<Table> run = () -> engine.tabulate(spec, data, CancellationToken.NONE);
    Table t = null;
    long f0 = System.nanoTime();
    t = run.get();
    double first = (System.nanoTime() - f0) / 1e6;
    for (int i = 0; i < 4; i++) {
      t = run.get();
    }
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      t = run.get();
      times[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(times);
    double median = WholeProcessBench.median(times);
    out.printf(
        Locale.ROOT,
        "%-44s median %7.1f ms (min %.1f, max %.1f; first run with cold caches %.1f; %,d cells),"
            + " %,.0f rows/s%n",
        name,
        median,
        times[0],
        times[runs - 1],
        first,
        t.cellCount(),
        rows / (median / 1000));
    out.flush();
  }

  private double wholeProcess(PrintWriter out, Path db, Path dir, List<String> extra, String label)
      throws Exception {
    return WholeProcessBench.time(out, processRuns, tabulateArgs(db, dir, extra), what(label));
  }

  private static String what(String label) {
    return "tabulate region x sex with margins --out CSV" + label;
  }

  private static List<String> tabulateArgs(Path db, Path dir, List<String> extra) {
    Path csvOut = dir.resolve("region-by-sex.csv");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
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
                csvOut.toString()));
    args.addAll(extra);
    return args;
  }

  /**
   * Imports the same extract into an encrypted workspace (default KDF cost, as a user creates one)
   * and compares loading the columns in process and a whole tabulate process with the plain one.
   */
  private void encryptedComparison(PrintWriter out, Path csv, Path db, Path dir, long plainLoadMs)
      throws Exception {
    Path encDb = dir.resolve("ws-encrypted");
    Path pass = dir.resolve("bench-passphrase.txt");
    Files.writeString(pass, "bench passphrase, not secret\n");
    char[] pw = "bench passphrase, not secret".toCharArray();
    if (!Workspace.isEncrypted(encDb)) {
      if (!Files.exists(csv)) {
        generate(csv, rows);
      }
      long t0 = System.nanoTime();
      try (Workspace ws =
          Workspace.createEncrypted(encDb, pw, org.statbench.store.Crypto.WORKSPACE_ITERATIONS)) {
        ws.importCsv(ImportRequest.of("bench", csv), null, CancellationToken.NONE);
      }
      out.printf(Locale.ROOT, "encrypted workspace: imported in %,d ms%n", ms(t0));
    }
    long[] open = new long[2];
    long[] load = new long[2];
    for (int k = 0; k < 2; k++) {
      long t1 = System.nanoTime();
      try (Workspace ws = k == 0 ? Workspace.open(db) : Workspace.open(encDb, pw)) {
        open[k] = ms(t1);
        long t2 = System.nanoTime();
        ws.columns("bench", List.of("la", "region", "sex", "benefit", "amount"));
        load[k] = ms(t2);
      }
    }
    out.printf(
        Locale.ROOT,
        "in process: open %,d ms plain, %,d ms encrypted (key derivation included); load 5"
            + " columns %,d ms plain, %,d ms encrypted (first plain load above: %,d ms)%n",
        open[0],
        open[1],
        load[0],
        load[1],
        plainLoadMs);
    if (processRuns > 0) {
      // plain and encrypted processes in turn, so a change of load weighs on both alike
      double[] ms =
          WholeProcessBench.timeAlternating(
              out,
              processRuns,
              List.of(
                  tabulateArgs(db, dir, List.of()),
                  tabulateArgs(encDb, dir, List.of("--passphrase-file", pass.toString()))),
              List.of(what(""), what(" (encrypted)")));
      if (!Double.isNaN(ms[0]) && !Double.isNaN(ms[1])) {
        out.printf(
            Locale.ROOT,
            "encrypted / unencrypted whole process: %.2fx (target <= 1.5x; runs alternated)%n",
            ms[1] / ms[0]);
      }
    }
    out.flush();
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Writes the deterministic bench extract. */
  static void generate(Path csv, int n) {
    String[] la = new String[LAS];
    String[] regionOfLa = new String[LAS];
    for (int i = 0; i < LAS; i++) {
      la[i] = String.format(Locale.ROOT, "E%08d", 6000001 + i);
      regionOfLa[i] = String.format(Locale.ROOT, "E%08d", 12000001 + i % REGIONS);
    }
    String[] benefits = {"JSA", "UC", "ESA", "PIP"};
    SplittableRandom rnd = new SplittableRandom(5_000_000L);
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("id,la,region,sex,age,benefit,amount\n");
      StringBuilder sb = new StringBuilder(96);
      for (int i = 0; i < n; i++) {
        int l = rnd.nextInt(LAS);
        int s = rnd.nextInt(1000);
        sb.setLength(0);
        sb.append(i + 1)
            .append(',')
            .append(la[l])
            .append(',')
            .append(regionOfLa[l])
            .append(',')
            .append(s < 5 ? "" : s < 505 ? "F" : "M")
            .append(',')
            .append(16 + rnd.nextInt(75))
            .append(',')
            .append(benefits[rnd.nextInt(benefits.length)])
            .append(',');
        int pence = 1000 + rnd.nextInt(99000);
        sb.append(pence / 100).append('.').append(pence % 100 < 10 ? "0" : "").append(pence % 100);
        sb.append('\n');
        w.append(sb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
