package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench import --rows N --max-heap [SIZE]}: shows that the heap an import and a 2-D table
 * hold does not grow with the rows. Imports N/8, N/4, N/2 and N rows of the bench extract, each
 * with {@code java -XmxSIZE ... import} in a new process, then counts region x sex over it in
 * another; each process runs under {@link LiveHeapProbe}, which prints the most heap still in use
 * after a full collection (live data, not G1's uncollected garbage). Prints, for each size, the
 * times and the live-heap peaks.
 */
final class HeapBench {
  private HeapBench() {}

  static void run(PrintWriter out, int rows, String maxHeap, Path keep) throws Exception {
    Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("sb-heap");
    try {
      out.printf(
          Locale.ROOT,
          "import, then count region x sex, with -Xmx%s, each in a new process; live heap = heap in"
              + " use after a full GC, sampled every %d ms or more (so times are inflated)%n",
          maxHeap,
          LiveHeapProbe.MIN_INTERVAL_MS);
      out.printf(
          Locale.ROOT,
          "%14s %10s %10s %15s %10s %15s%n",
          "rows",
          "file MB",
          "import ms",
          "live heap, MB",
          "table ms",
          "live heap, MB");
      out.flush();
      for (int n : sizes(rows)) {
        Path csv = dir.resolve("extract-" + n + ".csv");
        BenchExtract.write(csv, n);
        Path ws = dir.resolve("ws-" + n);
        Probed imp =
            probe(
                maxHeap,
                List.of(
                    "import", "--db", ws.toString(), "--name", "bench", "--file", csv.toString()));
        Probed table =
            imp.code != 0
                ? imp
                : probe(
                    maxHeap,
                    List.of(
                        "tabulate",
                        "--db",
                        ws.toString(),
                        "--dataset",
                        "bench",
                        "--rows",
                        "region",
                        "--cols",
                        "sex"));
        out.printf(
            Locale.ROOT,
            "%,14d %10.1f %10s %15s %10s %15s%n",
            n,
            Files.size(csv) / 1e6,
            imp.time(),
            imp.liveMb(),
            table == imp ? "-" : table.time(),
            table == imp ? "-" : table.liveMb());
        for (Probed p : table == imp ? List.of(imp) : List.of(imp, table)) {
          if (p.code != 0) {
            out.println("  " + p.said.strip());
          }
        }
        out.flush();
        if (keep == null || n != rows) { // --keep keeps the largest extract and workspace
          Files.deleteIfExists(csv);
          WholeProcessBench.deleteTreeQuietly(ws);
        }
      }
    } finally {
      if (keep == null) {
        WholeProcessBench.deleteTreeQuietly(dir);
      }
    }
  }

  /** A probed command: exit code, wall time, live-heap peak in bytes (-1 unknown), its output. */
  private record Probed(int code, long ms, long liveBytes, String said) {
    String time() {
      return code == 0 ? Long.toString(ms) : "failed";
    }

    String liveMb() {
      return liveBytes < 0 ? "-" : Long.toString(liveBytes >> 20);
    }
  }

  private static Probed probe(String maxHeap, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx" + maxHeap);
    Path jar = WholeProcessBench.jarPath();
    cmd.add("-cp");
    cmd.add(jar != null ? jar.toString() : System.getProperty("java.class.path"));
    cmd.add(LiveHeapProbe.class.getName());
    cmd.addAll(args);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new Probed(rc, ms, livePeak(said), said);
  }

  /**
   * Runs one statbench command in a new process with {@code -XmxSIZE} under {@link LiveHeapProbe};
   * returns "T ms, live heap M MB", or "failed (exit C): what it said".
   */
  static String probeLine(String maxHeap, List<String> args) throws Exception {
    Probed p = probe(maxHeap, args);
    return p.code == 0
        ? p.ms + " ms, live heap " + p.liveMb() + " MB"
        : "failed (exit " + p.code + "): " + p.said.strip();
  }

  /** The live-heap peak {@link LiveHeapProbe} printed, in bytes; -1 when none was sampled. */
  static long livePeak(String output) {
    int at = output.lastIndexOf(LiveHeapProbe.PREFIX);
    if (at < 0) {
      return -1;
    }
    String[] f = output.substring(at + LiveHeapProbe.PREFIX.length()).strip().split("\\s+");
    return f.length < 2 || Long.parseLong(f[1]) == 0 ? -1 : Long.parseLong(f[0]);
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
}
