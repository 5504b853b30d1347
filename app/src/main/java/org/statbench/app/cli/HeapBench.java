package org.statbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench import --rows N --max-heap [SIZE]}: shows that an import's heap does not grow with
 * the rows. Imports N/8, N/4, N/2 and N rows of the bench extract, each with {@code java -XmxSIZE
 * ... import} in a new process logging its garbage collections, and prints for each the time, the
 * most heap in use before a collection (bounded by SIZE) and the most still in use after one (what
 * the import really holds).
 */
final class HeapBench {
  private HeapBench() {}

  /** "... 120M->30M(256M) ..." in a {@code -Xlog:gc} line: heap before and after a collection. */
  private static final Pattern GC =
      Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  static void run(PrintWriter out, int rows, String maxHeap, Path keep) throws Exception {
    Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("sb-heap");
    try {
      out.printf(
          Locale.ROOT,
          "import with -Xmx%s, each size in a new process (java -Xmx%s -Xlog:gc ... import)%n",
          maxHeap,
          maxHeap);
      out.printf(
          Locale.ROOT,
          "%14s %10s %10s %22s %21s%n",
          "rows",
          "file MB",
          "import ms",
          "heap in use, peak MB",
          "after GC, peak MB");
      out.flush();
      for (int n : sizes(rows)) {
        Path csv = dir.resolve("extract-" + n + ".csv");
        BenchExtract.write(csv, n);
        Path ws = dir.resolve("ws-" + n);
        Path log = dir.resolve("gc-" + n + ".log");
        List<String> cmd =
            WholeProcessBench.javaCommand(List.of("-Xmx" + maxHeap, "-Xlog:gc:file=" + log));
        cmd.addAll(
            List.of("import", "--db", ws.toString(), "--name", "bench", "--file", csv.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long[] peaks = peaks(log);
        out.printf(
            Locale.ROOT,
            "%,14d %10.1f %10s %22s %21s%n",
            n,
            Files.size(csv) / 1e6,
            rc == 0 ? Long.toString(ms) : "failed",
            peaks[0] < 0 ? "-" : Long.toString(peaks[0]),
            peaks[1] < 0 ? "-" : Long.toString(peaks[1]));
        if (rc != 0) {
          out.println("  " + said.strip());
        }
        out.flush();
        if (keep == null || n != rows) { // --keep keeps the largest extract and workspace
          Files.deleteIfExists(csv);
          WholeProcessBench.deleteTreeQuietly(ws);
        }
      }
      out.println(
          "(after GC: what a young collection left, old garbage included until G1's concurrent"
              + " cycle, which starts at 45% of the heap)");
    } finally {
      if (keep == null) {
        WholeProcessBench.deleteTreeQuietly(dir);
      }
    }
  }

  /** N/8, N/4, N/2, N (distinct, at least 1). */
  static List<Integer> sizes(int rows) {
    List<Integer> out = new ArrayList<>();
    for (int d : new int[] {8, 4, 2, 1}) {
      int n = Math.max(1, rows / d);
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /** The largest heap before and after a collection in a GC log, in MB (-1 when none). */
  static long[] peaks(Path log) throws IOException {
    long before = -1;
    long after = -1;
    if (Files.exists(log)) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        Matcher m = GC.matcher(line);
        if (m.find()) {
          before = Math.max(before, mb(m.group(1), m.group(2)));
          after = Math.max(after, mb(m.group(3), m.group(4)));
        }
      }
    }
    return new long[] {before, after};
  }

  private static long mb(String n, String unit) {
    long v = Long.parseLong(n);
    return switch (unit) {
      case "K" -> v >> 10;
      case "G" -> v << 10;
      default -> v;
    };
  }
}
