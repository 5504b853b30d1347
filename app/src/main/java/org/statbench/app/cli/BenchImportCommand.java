package org.statbench.app.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench import [--rows N]}: generates an 8-column extract, imports it three times into fresh
 * workspaces, then re-opens a workspace and loads the columns a table needs three times; prints
 * medians, rows/s, file size and peak heap.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark CSV import: generate an 8-column extract of N rows, import it 3 times (fresh"
          + " workspace each), then reopen and load 3 columns 3 times.",
      "Prints median import ms, rows/s, file MB, peak heap MB and median reopen+load ms.",
      "With --max-heap: live heap of an import and a 2-D table against rows, each in its own"
          + " small-heap process."
    })
public final class BenchImportCommand implements Callable<Integer> {
  private static final int RUNS = 3;
  private static final List<String> TABLE_COLUMNS = List.of("region", "sex", "age");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Rows to generate (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description = "Generate into DIR and keep the files (default: a temporary folder, removed).")
  Path keep;

  @Option(
      names = "--max-heap",
      paramLabel = "SIZE",
      arity = "0..1",
      fallbackValue = "256m",
      description =
          "Instead: import N/8, N/4, N/2 and N rows, each in a new 'java -XmxSIZE' process"
              + " (default 256m), then count region x sex in another, and print for each the"
              + " most heap still in use after a full GC (live heap) against the rows.")
  String maxHeap;

  @Override
  public Integer call() throws Exception {
    if (rows < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be at least 1");
    }
    if (maxHeap != null) {
      if (!maxHeap.matches("[0-9]+[kKmMgG]?")) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--max-heap takes a size such as 256m or 2g");
      }
      HeapBench.run(spec.commandLine().getOut(), rows, maxHeap, keep);
      return StatBenchCommand.EXIT_OK;
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = WholeProcessBench.workFolder(keep);
    try {
      Path csv = dir.resolve("extract.csv");
      long g0 = System.nanoTime();
      BenchExtract.write(csv, rows);
      double fileMb = Files.size(csv) / 1e6;
      out.printf(
          Locale.ROOT,
          "generated %,d rows x %d columns, %.1f MB in %d ms%n",
          rows,
          BenchExtract.COLUMNS,
          fileMb,
          (System.nanoTime() - g0) / 1_000_000);
      out.flush();

      long[] importMs = new long[RUNS];
      long peakHeap = 0;
      Path last = null;
      for (int i = 0; i < RUNS; i++) {
        Path ws = dir.resolve("ws" + i);
        WholeProcessBench.deleteTreeQuietly(ws);
        System.gc();
        WholeProcessBench.resetHeapPeaks();
        long t0 = System.nanoTime();
        DatasetInfo info;
        try (Workspace w = Workspace.open(ws)) {
          info = w.importCsv(ImportRequest.of("bench", csv), null, null);
        }
        importMs[i] = (System.nanoTime() - t0) / 1_000_000;
        peakHeap = Math.max(peakHeap, WholeProcessBench.peakHeapBytes());
        if (info.rows() != rows) {
          throw new IllegalStateException("imported " + info.rows() + " rows, expected " + rows);
        }
        out.printf(Locale.ROOT, "  import run %d: %d ms%n", i + 1, importMs[i]);
        out.flush();
        if (last != null) {
          WholeProcessBench.deleteTreeQuietly(last);
        }
        last = ws;
      }

      long[] loadMs = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        try (Workspace w = Workspace.open(last)) {
          DatasetColumns cols = w.columns("bench", TABLE_COLUMNS);
          if (cols.rows() != rows) {
            throw new IllegalStateException("loaded " + cols.rows() + " rows");
          }
        }
        loadMs[i] = (System.nanoTime() - t0) / 1_000_000;
      }
      System.gc();
      long afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1 << 20);

      long medianImport = WholeProcessBench.median(importMs);
      out.printf(
          Locale.ROOT,
          "import: median %d ms (runs %s), %,.0f rows/s, %.1f MB/s, file %.1f MB%n",
          medianImport,
          Arrays.toString(importMs),
          rows * 1000.0 / medianImport,
          fileMb * 1000.0 / medianImport,
          fileMb);
      out.printf(
          Locale.ROOT,
          "peak heap: %d MB during import, %d MB after GC (max heap %d MB)%n",
          peakHeap / (1 << 20),
          afterGc,
          Runtime.getRuntime().maxMemory() / (1 << 20));
      out.printf(
          Locale.ROOT,
          "reopen + load %s: median %d ms (runs %s)%n",
          String.join(",", TABLE_COLUMNS),
          WholeProcessBench.median(loadMs),
          Arrays.toString(loadMs));
      out.flush();
    } finally {
      if (keep == null) {
        WholeProcessBench.deleteTreeQuietly(dir);
      }
    }
    return StatBenchCommand.EXIT_OK;
  }
}
