package org.statbench.app.cli;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.CohortTable;
import org.statbench.cohort.CohortTracker;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench cohort [--rows N]}: N entries spread over 36 monthly cohorts (June 2011 to May
 * 2014), about 45% with an event within 30 months, tracked with a 24-month horizon; prints the
 * median warm time of the tracker over in-memory epoch-day columns (the form the store loads).
 */
@Command(
    name = "cohort",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark cohort tracking: N entries in 36 monthly cohorts, 24-month horizon; prints the"
            + " median warm time.")
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

  @Override
  public Integer call() {
    if (rows < 1 || runs < 1) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(), "--rows and --runs must be at least 1");
    }
    java.io.PrintWriter out = commandSpec.commandLine().getOut();
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
    double median = ms[runs / 2];
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
    return StatBenchCommand.EXIT_OK;
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
