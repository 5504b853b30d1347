package org.statbench.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.TableSpec;
import org.statbench.tabulate.Tabulator;
import org.statbench.tabulate.survey.SurveyDesign;
import org.statbench.tabulate.survey.SurveyEstimator;
import org.statbench.tabulate.survey.SurveyMeasure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench survey [--rows N]}: N household records in 50 strata of 20 PSUs with weights, ten
 * bootstrap replicate weights and a wealth variable; prints the median warm time of standard errors
 * for a 3-dimensional table (region x tenure x age band, every margin a domain): a mean by
 * linearisation, row percentages of counts, and the mean by replicate weights.
 */
@Command(
    name = "survey",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark survey standard errors for a 3-D table (region x tenure x age band, margins"
            + " included) on N records: linearisation (mean, row %%) and 10 replicate weights.")
public final class BenchSurveyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Number of records (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--runs",
      paramLabel = "R",
      defaultValue = "7",
      description = "Timed runs after warm-up (default ${DEFAULT-VALUE}).")
  int runs;

  private static final int REPLICATES = 10;

  @Override
  public Integer call() {
    if (rows < 1 || runs < 1) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(), "--rows and --runs must be at least 1");
    }
    PrintWriter out = commandSpec.commandLine().getOut();
    long t0 = System.nanoTime();
    DatasetColumns data = generate(rows);
    long genMs = (System.nanoTime() - t0) / 1_000_000;
    out.printf(
        Locale.ROOT,
        "bench survey: %,d records, 50 strata x 20 PSUs, table region x tenure x age band with"
            + " margins (data generated in %,d ms)%n",
        rows,
        genMs);
    SurveyEstimator est = new SurveyEstimator(new Tabulator());
    TableSpec spec =
        TableSpec.of("bench").withRows("region").withColumns("tenure").withWafers("ageband");
    SurveyDesign lin = SurveyDesign.parse("strata=stratum,psu=psu", "w");
    List<String> reps = new ArrayList<>();
    for (int r = 1; r <= REPLICATES; r++) {
      reps.add("rw" + r);
    }
    SurveyDesign rep = lin.withReplicates(reps, SurveyDesign.ReplicateType.BOOTSTRAP);
    time(
        out,
        "mean:wealth, linearisation",
        () -> est.estimate(spec, mean(), lin, 0.95, data, none()));
    TableSpec rowPct = spec.withPercentage(Percentage.ROW);
    time(
        out,
        "row% of count, linearisation",
        () -> est.estimate(rowPct, SurveyMeasure.COUNT, lin, 0.95, data, none()));
    time(
        out,
        "mean:wealth, " + REPLICATES + " bootstrap replicates",
        () -> est.estimate(spec, mean(), rep, 0.95, data, none()));
    return StatBenchCommand.EXIT_OK;
  }

  private static SurveyMeasure mean() {
    return SurveyMeasure.parse("mean:wealth");
  }

  private static CancellationToken none() {
    return CancellationToken.NONE;
  }

  private void time(PrintWriter out, String what, Runnable work) {
    for (int i = 0; i < 3; i++) {
      work.run();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    Runtime rt = Runtime.getRuntime();
    out.printf(
        Locale.ROOT,
        "%s: median %.1f ms warm (min %.1f, max %.1f over %d runs), heap %d MB%n",
        what,
        ms[runs / 2],
        ms[0],
        ms[runs - 1],
        runs,
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    out.flush();
  }

  /** Synthetic households: 9 regions, 4 tenures, 5 age bands, lognormal wealth. */
  static DatasetColumns generate(int n) {
    SplittableRandom rnd = new SplittableRandom(13);
    int[] stratum = new int[n];
    int[] psu = new int[n];
    int[] region = new int[n];
    int[] tenure = new int[n];
    int[] age = new int[n];
    double[] w = new double[n];
    double[] wealth = new double[n];
    double[][] rw = new double[REPLICATES][n];
    double[][] psuFactor = new double[REPLICATES][1000];
    for (double[] f : psuFactor) {
      for (int p = 0; p < f.length; p++) {
        f[p] = rnd.nextInt(3); // 0, 1 or 2 draws of the PSU
      }
    }
    for (int i = 0; i < n; i++) {
      int s = rnd.nextInt(50);
      int p = rnd.nextInt(20);
      stratum[i] = s;
      psu[i] = p;
      region[i] = s % 9;
      tenure[i] = rnd.nextInt(4);
      age[i] = rnd.nextInt(5);
      w[i] = 500 + rnd.nextInt(1000);
      wealth[i] = Math.exp(11 + tenure[i] * 0.4 + age[i] * 0.2 + rnd.nextDouble() * 1.5);
      for (int r = 0; r < REPLICATES; r++) {
        rw[r][i] = w[i] * psuFactor[r][s * 20 + p];
      }
    }
    List<Column> cols = new ArrayList<>();
    cols.add(codes("stratum", stratum, 50, "S"));
    cols.add(codes("psu", psu, 20, "P"));
    cols.add(codes("region", region, 9, "R"));
    cols.add(codes("tenure", tenure, 4, "T"));
    cols.add(codes("ageband", age, 5, "A"));
    cols.add(new NumericColumn("w", VariableType.INTEGER, w));
    cols.add(new NumericColumn("wealth", VariableType.DECIMAL, wealth));
    for (int r = 0; r < REPLICATES; r++) {
      cols.add(new NumericColumn("rw" + (r + 1), VariableType.INTEGER, rw[r]));
    }
    return DatasetColumns.of("bench", cols);
  }

  private static CategoricalColumn codes(String name, int[] codes, int k, String prefix) {
    List<String> dict = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      dict.add(prefix + c);
    }
    return CategoricalColumn.of(name, VariableType.CATEGORICAL, dict, codes);
  }
}
