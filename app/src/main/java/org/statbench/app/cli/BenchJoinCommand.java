package org.statbench.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.geo.GeoJoins;
import org.statbench.geo.JoinEngine;
import org.statbench.geo.JoinResult;
import org.statbench.geo.JoinSpec;
import org.statbench.geo.Lookup;
import org.statbench.sampledata.SyntheticGeography;
import org.statbench.sampledata.SyntheticGeography.OutputArea;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench join [--rows N] [--areas A] [--runs R]}: generates a synthetic geography of about A
 * output areas (hierarchy and classification levels) and N records keyed on output-area code (0.6%
 * deliberately unmatched), imports both into a temporary workspace, then times the join as the
 * {@code join} command runs it (match report and derived variables saved), warm, and the reload of
 * the joined variables by a later command (workspace reopened).
 */
@Command(
    name = "join",
    mixinStandardHelpOptions = true,
    description =
        "Time a join of N records to a lookup of about 190,000 output areas (median ms, rows/s,"
            + " peak heap).")
public final class BenchJoinCommand implements Callable<Integer> {
  /** Mean output areas per local authority of {@link SyntheticGeography#generate}. */
  private static final double OAS_PER_LA = 112.5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--rows", paramLabel = "N", description = "Records (default 5,000,000).")
  long rows = 5_000_000;

  @Option(names = "--areas", paramLabel = "A", description = "Output areas (default 190,000).")
  int areas = 190_000;

  @Option(names = "--runs", paramLabel = "R", description = "Timed runs (default 5).")
  int runs = 5;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (rows < 1 || rows > Integer.MAX_VALUE || areas < 100 || runs < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--rows must be 1..2^31-1, --areas at least 100, --runs at least 1");
    }
    Path dir = WholeProcessBench.workFolder(null);
    try {
      long t0 = System.nanoTime();
      SyntheticGeography geo =
          SyntheticGeography.generate(
              SyntheticGeography.SEED, (int) Math.max(1, Math.round(areas / OAS_PER_LA)));
      List<OutputArea> oas = geo.outputAreas();
      Path lookupFile = dir.resolve("areas.csv");
      writeLookup(lookupFile, oas);
      Path dataFile = dir.resolve("records.csv");
      writeRecords(dataFile, oas, rows);
      double genS = (System.nanoTime() - t0) / 1e9;
      out.printf(
          Locale.ROOT,
          "bench join: %,d records, %,d-area lookup (%d levels)%n",
          rows,
          oas.size(),
          6);
      out.flush();

      JoinResult last;
      try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
        long t1 = System.nanoTime();
        GeoJoins joins = new GeoJoins(ws);
        joins.importLookup(
            ImportRequest.of("areas", lookupFile),
            "bench",
            null,
            ProgressListener.NONE,
            CancellationToken.NONE);
        double lookupS = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        ws.importCsv(
            ImportRequest.of("records", dataFile), ProgressListener.NONE, CancellationToken.NONE);
        double importS = (System.nanoTime() - t2) / 1e9;
        out.printf(
            Locale.ROOT,
            "  prepare: generate %.1f s, lookup import + validation %.1f s, records import %.1f s%n",
            genS,
            lookupS,
            importS);
        out.flush();

        JoinSpec js = JoinSpec.of("oa_code");
        last = null;
        // Warm-up: loads the columns into the workspace cache and compiles the hot loops.
        for (int i = 0; i < 2; i++) {
          last = joins.join("records", "areas", null, js, CancellationToken.NONE);
        }
        double[] full = new double[runs];
        for (int i = 0; i < runs; i++) {
          long s = System.nanoTime();
          last = joins.join("records", "areas", null, js, CancellationToken.NONE);
          full[i] = (System.nanoTime() - s) / 1e6;
        }
        // The engine alone, on columns and a lookup already in memory.
        var cols = ws.columns("records", List.of("oa_code"));
        var lookupCols = ws.columns("areas", ws.dataset("areas").variableNames());
        Lookup lookup = Lookup.of("areas", "bench", lookupCols, null, null);
        double[] engine = new double[runs];
        for (int i = 0; i < runs + 2; i++) {
          long s = System.nanoTime();
          JoinEngine.join(cols, js, lookup, CancellationToken.NONE);
          if (i >= 2) {
            engine[i - 2] = (System.nanoTime() - s) / 1e6;
          }
        }
        double median = WholeProcessBench.median(full);
        out.printf(
            Locale.ROOT,
            "  join (saved to the workspace, warm): median %.0f ms (min %.0f, max %.0f) over %d"
                + " runs, %,.0f rows/s%n",
            median,
            Arrays.stream(full).min().orElse(0),
            Arrays.stream(full).max().orElse(0),
            runs,
            rows / (median / 1000));
        out.printf(
            Locale.ROOT,
            "  join engine only (lookup and key in memory): median %.0f ms%n",
            WholeProcessBench.median(engine));
        out.printf(
            Locale.ROOT,
            "  match rate %s (%,d unmatched); peak heap %,d MB%n",
            last.report().rateText(),
            last.report().unmatchedTotal(),
            WholeProcessBench.peakHeapBytes() / (1024 * 1024));
      }
      // What a later command pays: open the workspace and load the added variables.
      List<String> added = last.variables().stream().map(v -> v.name()).toList();
      double[] reload = new double[runs];
      for (int i = 0; i < runs; i++) {
        long s = System.nanoTime();
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
          ws.columns("records", added);
        }
        reload[i] = (System.nanoTime() - s) / 1e6;
      }
      out.printf(
          Locale.ROOT,
          "  reopen workspace + load the %d joined variables: median %.0f ms%n",
          added.size(),
          WholeProcessBench.median(reload));
    } finally {
      WholeProcessBench.deleteTreeQuietly(dir);
    }
    out.flush();
    return StatBenchCommand.EXIT_OK;
  }

  private static void writeLookup(Path file, List<OutputArea> oas) throws IOException {
    try (Writer w = writer(file)) {
      w.write("oa,lsoa,msoa,la,region,supergroup,subgroup\n");
      StringBuilder sb = new StringBuilder(128);
      for (OutputArea oa : oas) {
        sb.setLength(0);
        sb.append(oa.code())
            .append(',')
            .append(oa.lsoa())
            .append(',')
            .append(oa.msoa())
            .append(',')
            .append(oa.la().code())
            .append(',')
            .append(oa.la().region().code())
            .append(',')
            .append(oa.subgroup().supergroup())
            .append(',')
            .append(oa.subgroup().subgroup())
            .append('\n');
        w.write(sb.toString());
      }
    }
  }

  private static void writeRecords(Path file, List<OutputArea> oas, long n) throws IOException {
    String[] bad = {"E99999999", "XYZ", "", "E00999999"};
    SplittableRandom rnd = new SplittableRandom(42);
    try (Writer w = writer(file)) {
      w.write("oa_code,sex\n");
      StringBuilder sb = new StringBuilder(1 << 16);
      for (long i = 0; i < n; i++) {
        String code =
            rnd.nextInt(1000) < 6
                ? bad[rnd.nextInt(bad.length)]
                : oas.get(rnd.nextInt(oas.size())).code();
        sb.append(code).append(',').append(rnd.nextBoolean() ? 'F' : 'M').append('\n');
        if (sb.length() > 60_000) {
          w.write(sb.toString());
          sb.setLength(0);
        }
      }
      w.write(sb.toString());
    }
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(
        new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
        1 << 16);
  }
}
