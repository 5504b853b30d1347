package org.statbench.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.CohortTable;
import org.statbench.cohort.CohortTracker;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench cohort [--rows N]}: N entries spread over 36 monthly cohorts (June 2011 to May
 * 2014), about 45% with an event within 30 months, tracked with a 24-month horizon; prints the
 * median warm time of the tracker over in-memory epoch-day columns (the form the store loads), then
 * the store path a user meets: the same entries written as a CSV extract and imported into a
 * workspace, the workspace opened afresh and the two date columns loaded, and whole {@code
 * statbench.jar cohort} processes (open, load, track, write the long CSV).
 */
@Command(
    name = "cohort",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark cohort tracking: N entries in 36 monthly cohorts, 24-month horizon; prints the"
            + " median warm time of the engine, then the store path (import, open and load the"
            + " columns) and whole statbench.jar cohort processes.")
public final class BenchCohortCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "5000000",
      description = "Number of entries (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--runs",
      paramLabel = "R",
      defaultValue = "9",
      description = "Timed runs after warm-up (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description = "Keep the generated CSV and workspace in DIR (default: a temporary folder).")
  Path keep;

  @Option(
      names = "--process-runs",
      paramLabel = "R",
      defaultValue = "3",
      description = "Whole-process runs of statbench.jar cohort (0 to skip; default 3).")
  int processRuns;

  @Option(names = "--no-store", description = "Time the engine only (skip the store path).")
  boolean noStore;

  @Option(
      names = "--max-heap",
      paramLabel = "SIZE",
      description =
          "Instead: import the entries, then run statbench.jar cohort in new processes with"
              + " -XmxSIZE (e.g. 256m), printing the time and the live heap (in use after a full"
              + " GC) of each; columns larger than the free heap are tracked a slice at a time.")
  String maxHeap;

  @Override
  public Integer call() throws Exception {
    if (rows < 1 || runs < 1) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(), "--rows and --runs must be at least 1");
    }
    java.io.PrintWriter out = commandSpec.commandLine().getOut();
    if (maxHeap != null) {
      boundedHeap(out);
      return StatBenchCommand.EXIT_OK;
    }
    long t0 = System.nanoTime();
    DatasetColumns data = generate(rows);
    long genMs = (System.nanoTime() - t0) / 1_000_000;
    CohortSpec spec = CohortSpec.of("bench", "entry", "event").withHorizon(24);

    CohortTable table = null;
    for (int i = 0; i < 5; i++) {
      table = CohortTracker.track(data, spec);
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      table = CohortTracker.track(data, spec);
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    double median = WholeProcessBench.median(ms);
    Runtime rt = Runtime.getRuntime();
    long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
    out.printf(
        Locale.ROOT,
        "bench cohort: %,d entries, %d monthly cohorts, horizon 24, as-of %s (data generated in"
            + " %,d ms)%n",
        rows,
        table.cohorts().size(),
        table.asOf(),
        genMs);
    out.printf(
        Locale.ROOT,
        "median %.1f ms warm (min %.1f, max %.1f over %d runs), %,.0f rows/s, heap %d MB%n",
        median,
        ms[0],
        ms[runs - 1],
        runs,
        rows / (median / 1000),
        heapMb);
    out.flush();
    if (!noStore) {
      data = null;
      table = null;
      storePath(out, spec);
    }
    return StatBenchCommand.EXIT_OK;
  }

  /**
   * The figures a user meets: import the entries as an extract, open the workspace afresh and load
   * the columns the cohort needs, track once; then whole {@code statbench.jar cohort} processes.
   */
  private void storePath(java.io.PrintWriter out, CohortSpec spec) throws Exception {
    Path dir = WholeProcessBench.workFolder(keep);
    try {
      Path csv = dir.resolve("cohort-bench.csv");
      Path db = dir.resolve("ws");
      boolean reuse = false;
      if (keep != null && Files.isDirectory(db)) {
        try (Workspace ws = Workspace.open(db)) {
          reuse = ws.hasDataset("bench") && ws.dataset("bench").rows() == rows;
        }
      }
      if (!reuse) {
        long t0 = System.nanoTime();
        writeCsv(csv, generate(rows));
        long writeMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        try (Workspace ws = Workspace.open(db)) {
          ws.importCsv(ImportRequest.of("bench", csv), null, CancellationToken.NONE);
        }
        long importMs = (System.nanoTime() - t1) / 1_000_000;
        out.printf(
            Locale.ROOT,
            "store: %,d entries written as a CSV extract in %,d ms, imported in %,d ms%n",
            rows,
            writeMs,
            importMs);
      } else {
        out.printf(Locale.ROOT, "store: reusing the workspace in %s%n", db);
      }
      long t2 = System.nanoTime();
      CohortTable t;
      long loadMs;
      try (Workspace ws = Workspace.open(db)) {
        DatasetColumns cols = ws.columns("bench", spec.variables());
        loadMs = (System.nanoTime() - t2) / 1_000_000;
        long t3 = System.nanoTime();
        t = CohortTracker.track(cols, spec);
        long trackMs = (System.nanoTime() - t3) / 1_000_000;
        out.printf(
            Locale.ROOT,
            "store: open the workspace and load the %d columns the cohort needs: %,d ms; then"
                + " track (first run in this JVM): %,d ms; together %,d ms for %d cohorts%n",
            spec.variables().size(),
            loadMs,
            trackMs,
            loadMs + trackMs,
            t.cohorts().size());
      }
      out.flush();
      if (processRuns > 0) {
        wholeProcess(out, db, dir);
      }
    } finally {
      if (keep == null) {
        WholeProcessBench.deleteTreeQuietly(dir);
      }
    }
    out.flush();
  }

  private void wholeProcess(java.io.PrintWriter out, Path db, Path dir) throws Exception {
    WholeProcessBench.time(
        out, processRuns, cohortArgs(db, dir), "cohort (open, load, track, write the long CSV)");
  }

  /**
   * {@code --max-heap}: the entries imported, then whole {@code cohort} processes at that heap
   * under the live-heap probe ({@code --process-runs} of them, at least one).
   */
  private void boundedHeap(java.io.PrintWriter out) throws Exception {
    Path dir = WholeProcessBench.workFolder(keep);
    try {
      Path csv = dir.resolve("cohort-bench.csv");
      Path db = dir.resolve("ws");
      long t0 = System.nanoTime();
      writeCsv(csv, generate(rows));
      try (Workspace ws = Workspace.open(db)) {
        ws.importCsv(ImportRequest.of("bench", csv), null, CancellationToken.NONE);
      }
      Files.deleteIfExists(csv);
      out.printf(
          Locale.ROOT,
          "cohort with -Xmx%s in new processes: %,d entries (2 date columns, %,d MB loaded whole)"
              + " written and imported in %,d ms; live heap = heap in use after a full GC, sampled"
              + " every %d ms or more (so times are inflated)%n",
          maxHeap,
          rows,
          (8L * rows) >> 20,
          (System.nanoTime() - t0) / 1_000_000,
          LiveHeapProbe.MIN_INTERVAL_MS);
      out.flush();
      for (int run = 1; run <= Math.max(1, processRuns); run++) {
        out.printf(
            Locale.ROOT, "run %d: %s%n", run, HeapBench.probeLine(maxHeap, cohortArgs(db, dir)));
        out.flush();
      }
    } finally {
      if (keep == null) {
        WholeProcessBench.deleteTreeQuietly(dir);
      }
    }
  }

  /** The arguments of {@code statbench cohort} over the bench workspace (24-month horizon). */
  private static List<String> cohortArgs(Path db, Path dir) {
    return List.of(
        "cohort",
        "--db",
        db.toString(),
        "--dataset",
        "bench",
        "--entry",
        "entry",
        "--event",
        "event",
        "--horizon",
        "24",
        "--out",
        dir.resolve("cohorts.csv").toString());
  }

  /** The generated entries as an extract: {@code entry,event} ISO dates, empty for no event. */
  static void writeCsv(Path csv, DatasetColumns data) throws IOException {
    int[] entry = ((DateColumn) data.column("entry")).epochDays();
    int[] event = ((DateColumn) data.column("event")).epochDays();
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("entry,event\n");
      StringBuilder sb = new StringBuilder(32);
      for (int i = 0; i < entry.length; i++) {
        sb.setLength(0);
        sb.append(LocalDate.ofEpochDay(entry[i])).append(',');
        if (event[i] != DateColumn.MISSING) {
          sb.append(LocalDate.ofEpochDay(event[i]));
        }
        sb.append('\n');
        w.append(sb);
      }
    }
  }

  /** Deterministic synthetic entries and events. */
  static DatasetColumns generate(int n) {
    int first = (int) LocalDate.parse("2011-06-01").toEpochDay();
    int span = (int) (LocalDate.parse("2014-06-01").toEpochDay() - first);
    int[] entry = new int[n];
    int[] event = new int[n];
    SplittableRandom rnd = new SplittableRandom(20110601L);
    for (int i = 0; i < n; i++) {
      int e = first + rnd.nextInt(span);
      entry[i] = e;
      event[i] = rnd.nextInt(100) < 45 ? e + rnd.nextInt(900) : DateColumn.MISSING;
    }
    return DatasetColumns.of(
        "bench", List.of(new DateColumn("entry", entry), new DateColumn("event", event)));
  }
}
