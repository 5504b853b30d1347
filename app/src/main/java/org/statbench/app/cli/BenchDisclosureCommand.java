package org.statbench.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;
import org.statbench.disclosure.AuditMode;
import org.statbench.disclosure.DisclosureChecker;
import org.statbench.disclosure.DisclosurePolicy;
import org.statbench.disclosure.DisclosureReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench disclosure [--rows N]}: protects generated 3-D count tables with 5% primary cells
 * (10,000 and 100,000 cells by default; about N cells with {@code --rows}) and prints the time of
 * secondary suppression plus audit, the pattern's size and the heap.
 */
@Command(
    name = "disclosure",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark secondary suppression and audit: generate a 3-D count table with margins and 5%%"
          + " primary cells (deterministic), protect it with the default policy, and print the"
          + " median time, cells suppressed, LPs and peak heap.",
      "Default: a 10,000-cell and a 100,000-cell table; --rows N: one table of about N cells."
    })
public final class BenchDisclosureCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "Cells of the one table to generate (default: 10,000 and 100,000).")
  Integer rows;

  @Option(
      names = "--runs",
      paramLabel = "R",
      description = "Runs per table (default 3 up to 20,000 cells, else 1).")
  Integer runs;

  @Option(
      names = "--exact",
      description = "Also run an exact audit (two LPs per suppressed cell) of the 10k pattern.")
  boolean exact;

  @Override
  public Integer call() {
    if (rows != null && rows < 8) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be at least 8");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Integer> sizes = rows == null ? List.of(10_000, 100_000) : List.of(rows);
    for (int target : sizes) {
      run(out, target);
    }
    return StatBenchCommand.EXIT_OK;
  }

  private void run(PrintWriter out, int target) {
    Table t = generate(target, 20261126L);
    int k = t.dimensions().get(0).categories().size();
    int primaries = (int) Math.round(t.cellCount() * 0.05);
    out.printf(
        Locale.ROOT,
        "table: 3-D %dx%dx%d with totals = %,d cells, %,d primary (5%%)%n",
        k,
        k,
        k,
        t.cellCount(),
        primaries);
    out.flush();
    int r = runs != null ? runs : t.cellCount() <= 20_000 ? 3 : 1;
    DisclosureChecker checker = new DisclosureChecker(DisclosurePolicy.DEFAULT);
    long[] ms = new long[r];
    DisclosureReport rep = null;
    WholeProcessBench.resetHeapPeaks();
    for (int i = 0; i < r; i++) {
      long t0 = System.nanoTime();
      rep = checker.protect(t);
      ms[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    out.printf(
        Locale.ROOT,
        "  protect (suppression + audit): median %,d ms of %d run(s) %s; outcome %s%n",
        WholeProcessBench.median(ms),
        r,
        Arrays.toString(ms),
        rep.outcome().name().toLowerCase(Locale.ROOT));
    out.printf(
        Locale.ROOT,
        "  suppressed %,d cells (%,d primary, %,d secondary), value suppressed %,.0f (grand total %,.0f)%n",
        rep.summary().suppressed(),
        rep.summary().primary(),
        rep.summary().secondary(),
        rep.summary().valueSuppressed(),
        t.value(t.cellCount() - 1));
    out.printf(
        Locale.ROOT,
        "  audit: %s, %s, %,d certified, %,d LPs solved, %,d skipped, %,d ms; peak heap %,d MB%n",
        rep.audit().passed() ? "passed" : "FAILED",
        rep.audit().mode().name().toLowerCase(Locale.ROOT),
        rep.audit().certified(),
        rep.audit().lpsSolved(),
        rep.audit().lpsSkipped(),
        rep.audit().millis(),
        WholeProcessBench.peakHeapBytes() / (1024 * 1024));
    out.flush();
    if (exact && t.cellCount() <= 20_000) {
      boolean[] sup = new boolean[t.cellCount()];
      rep.cells().forEach(c -> sup[c.index()] = c.status().isSuppressed());
      long t0 = System.nanoTime();
      DisclosureReport ex =
          new DisclosureChecker(DisclosurePolicy.DEFAULT, AuditMode.EXACT).audit(t, sup);
      out.printf(
          Locale.ROOT,
          "  exact audit of that pattern: %s, %,d LPs solved, %,d skipped (%s), %,d ms%n",
          ex.audit().passed() ? "passed" : "FAILED",
          ex.audit().lpsSolved(),
          ex.audit().lpsSkipped(),
          ex.audit().solver(),
          (System.nanoTime() - t0) / 1_000_000);
      out.flush();
    }
  }

  /**
   * A deterministic 3-D count table of about {@code target} cells (k categories per dimension plus
   * totals): data cells 10..300, and 5% of all cells, chosen among the data cells, set to 1..9.
   */
  static Table generate(int target, long seed) {
    int k = 1;
    while ((long) (k + 1) * (k + 1) * (k + 1) < target) {
      k++;
    }
    List<Dimension> dims = new ArrayList<>();
    for (String v : new String[] {"a", "b", "c"}) {
      List<Category> cats = new ArrayList<>();
      for (int i = 1; i <= k; i++) {
        cats.add(Category.of(v + i));
      }
      DimensionRole role =
          v.equals("a")
              ? DimensionRole.ROW
              : v.equals("b") ? DimensionRole.COLUMN : DimensionRole.WAFER;
      dims.add(new Dimension(v, null, role, cats, true));
    }
    int s = k + 1;
    int n = s * s * s;
    long[] counts = new long[n];
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] data = new int[k * k * k];
    int m = 0;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        for (int c = 0; c < k; c++) {
          int i = (a * s + b) * s + c;
          counts[i] = 10 + rnd.nextInt(291);
          data[m++] = i;
        }
      }
    }
    int primaries = (int) Math.round(n * 0.05);
    for (int p = 0; p < primaries; p++) {
      // Partial Fisher-Yates: distinct cells.
      int j = p + rnd.nextInt(data.length - p);
      int tmp = data[p];
      data[p] = data[j];
      data[j] = tmp;
      counts[data[p]] = 1 + rnd.nextInt(9);
    }
    // Margins: sum along each dimension in turn.
    int[] strides = {s * s, s, 1};
    for (int d = 0; d < 3; d++) {
      for (int i = 0; i < n; i++) {
        if ((i / strides[d]) % s != k) {
          continue;
        }
        long sum = 0;
        for (int q = 0; q < k; q++) {
          sum += counts[i - (k - q) * strides[d]];
        }
        counts[i] = sum;
      }
    }
    return Table.ofCounts("bench", dims, counts);
  }
}
