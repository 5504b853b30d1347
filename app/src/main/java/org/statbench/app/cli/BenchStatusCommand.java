package org.statbench.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.statbench.cohort.StatusSpec;
import org.statbench.cohort.StatusTable;
import org.statbench.cohort.StatusTracker;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench status [--people N] [--spells M]}: N participants in 36 monthly cohorts (June 2011
 * to May 2014) and about M benefit spells (JSA, ESA, IS, UC; sorted by person as extracts are, some
 * overlapping, some open), tracked over 25 durations (horizon 24); prints the median warm time of
 * the whole engine (join by person, validation, sort, kernel, rows) over in-memory columns.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark status tracking: N participants in 36 monthly cohorts, M spells, 25 durations;"
            + " prints the median warm time of the engine over in-memory columns.")
public final class BenchStatusCommand implements Callable<Integer> {
  private static final String[] STATES = {"JSA", "ESA", "IS", "UC"};

  @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

  @Option(
      names = "--people",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Participants (default ${DEFAULT-VALUE}).")
  int people;

  @Option(
      names = "--spells",
      paramLabel = "M",
      defaultValue = "5000000",
      description = "Spells (default ${DEFAULT-VALUE}).")
  int spells;

  @Option(
      names = "--ids",
      paramLabel = "text|integer",
      defaultValue = "text",
      description = "Person ids as text (P0000001, default) or integers.")
  String ids;

  @Option(
      names = "--runs",
      paramLabel = "R",
      defaultValue = "9",
      description = "Timed runs after warm-up (default ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() {
    if (people < 1 || spells < 0 || runs < 1) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(), "--people and --runs must be at least 1");
    }
    boolean text = !"integer".equalsIgnoreCase(ids);
    PrintWriter out = commandSpec.commandLine().getOut();
    long t0 = System.nanoTime();
    DatasetColumns[] data = generate(people, spells, text);
    long genMs = (System.nanoTime() - t0) / 1_000_000;
    StatusSpec base =
        StatusSpec.of("cohort", "id", "entry", "spells", "pid", "state", "start", "end");
    StatusSpec spec =
        base.withCohort(base.cohort().withHorizon(24).withAsOf(LocalDate.parse("2016-06-30")));
    StatusTable table = null;
    for (int i = 0; i < 5; i++) {
      table = StatusTracker.track(data[0], data[1], spec);
    }
    double[] ms = new double[runs];
    double[] cpu = new double[runs];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      long c = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      table = StatusTracker.track(data[0], data[1], spec);
      ms[i] = (System.nanoTime() - s) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    double median = ms[runs / 2];
    Runtime rt = Runtime.getRuntime();
    long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
    out.printf(
        Locale.ROOT,
        "bench status: %,d participants (%s ids), %,d spells, %d monthly cohorts x %d durations x"
            + " %d states, %,d overlapping member-durations (data generated in %,d ms)%n",
        people,
        text ? "text" : "integer",
        data[1].rows(),
        table.cohorts().size(),
        table.horizon() + 1,
        table.states().size(),
        table.overlaps(),
        genMs);
    out.printf(
        Locale.ROOT,
        "median %.1f ms warm (min %.1f, max %.1f over %d runs; median CPU time of the"
            + " tracking thread %.1f ms, load average %.1f), heap %d MB%n",
        median,
        ms[0],
        ms[runs - 1],
        runs,
        cpu[runs / 2],
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        heapMb);
    out.flush();
    return StatBenchCommand.EXIT_OK;
  }

  /** Deterministic participants and spells: {cohort dataset, spell dataset}. */
  static DatasetColumns[] generate(int n, int m, boolean textIds) {
    int first = (int) LocalDate.parse("2011-06-01").toEpochDay();
    int span = (int) (LocalDate.parse("2014-06-01").toEpochDay() - first);
    SplittableRandom rnd = new SplittableRandom(20110601L);
    int[] entry = new int[n];
    int[] sPerson = new int[m];
    byte[] sState = new byte[m];
    int[] sStart = new int[m];
    int[] sEnd = new int[m];
    int j = 0;
    for (int i = 0; i < n; i++) {
      int e = first + rnd.nextInt(span);
      entry[i] = e;
      // Spells left for the people still to come, spread evenly: about m / n each.
      int k = (int) ((long) m * (i + 1) / n - j);
      int day = e - 60 - rnd.nextInt(300);
      for (int s = 0; s < k; s++) {
        sPerson[j] = i;
        sState[j] = (byte) rnd.nextInt(STATES.length);
        // Most spells follow the last one after a gap; one in ten overlaps it.
        int begin = rnd.nextInt(10) == 0 ? day - 20 : day + rnd.nextInt(90);
        int length = 30 + rnd.nextInt(240);
        sStart[j] = begin;
        sEnd[j] = s == k - 1 && rnd.nextInt(4) == 0 ? DateColumn.MISSING : begin + length;
        day = begin + length;
        j++;
      }
    }
    List<Column> cohort = new ArrayList<>();
    List<Column> spellCols = new ArrayList<>();
    if (textIds) {
      List<String> dict = new ArrayList<>(n);
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        dict.add(String.format(Locale.ROOT, "P%07d", i + 1));
        codes[i] = i;
      }
      cohort.add(CategoricalColumn.ofInts("id", VariableType.TEXT, dict, codes));
      // The spell extract has its own dictionary, in its own order of first appearance.
      List<String> spellDict = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        spellDict.add(String.format(Locale.ROOT, "P%07d", i + 1));
      }
      spellCols.add(CategoricalColumn.ofInts("pid", VariableType.TEXT, spellDict, sPerson));
    } else {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = 1_000_000 + i;
      }
      double[] sv = new double[m];
      for (int s = 0; s < m; s++) {
        sv[s] = 1_000_000 + sPerson[s];
      }
      cohort.add(new NumericColumn("id", VariableType.INTEGER, v));
      spellCols.add(new NumericColumn("pid", VariableType.INTEGER, sv));
    }
    cohort.add(new DateColumn("entry", entry));
    spellCols.add(
        CategoricalColumn.ofBytes("state", VariableType.CATEGORICAL, List.of(STATES), sState));
    spellCols.add(new DateColumn("start", sStart));
    spellCols.add(new DateColumn("end", sEnd));
    return new DatasetColumns[] {
      DatasetColumns.of("cohort", cohort), DatasetColumns.of("spells", spellCols)
    };
  }
}
