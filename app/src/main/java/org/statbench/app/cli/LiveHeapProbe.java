package org.statbench.app.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one statbench command (the arguments as for {@code statbench.jar}) while measuring the heap
 * it really holds: every {@link #MIN_INTERVAL_MS} ms or more (five times the last collection's
 * time, so that a big heap is not spent collecting) a full collection ({@code System.gc()}) and the
 * heap used right after it ({@code MemoryMXBean}), which is live data only, not garbage G1 has not
 * collected yet. Prints {@code live heap peak: BYTES SAMPLES} last on stderr and exits with the
 * command's code. For {@code bench import --max-heap} (its child processes); the collections slow
 * the command, so its time is not a speed figure.
 */
public final class LiveHeapProbe {
  static final String PREFIX = "live heap peak: ";
  static final long MIN_INTERVAL_MS = 100;

  private LiveHeapProbe() {}

  public static void main(String[] args) throws InterruptedException {
    AtomicLong peak = new AtomicLong();
    AtomicLong samples = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              try {
                long pause = MIN_INTERVAL_MS;
                while (true) {
                  Thread.sleep(pause);
                  long t0 = System.nanoTime();
                  peak.accumulateAndGet(liveHeap(), Math::max);
                  samples.incrementAndGet();
                  // at most about a sixth of the time in the probe's own collections
                  pause = Math.max(MIN_INTERVAL_MS, 5 * (System.nanoTime() - t0) / 1_000_000);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "live-heap-probe");
    sampler.setDaemon(true);
    sampler.start();
    PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
    int code;
    try {
      code = StatBenchCommand.run(args);
    } catch (Throwable t) {
      code = StatBenchCommand.escaped(t, err);
    }
    sampler.interrupt();
    sampler.join();
    err.println(PREFIX + peak.get() + " " + samples.get());
    System.exit(code);
  }

  /** Heap in use right after a full collection. */
  static long liveHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
