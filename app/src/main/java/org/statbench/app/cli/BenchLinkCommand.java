package org.statbench.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.link.LinkField;
import org.statbench.link.LinkJob;
import org.statbench.link.LinkOutputs;
import org.statbench.link.LinkResult;
import org.statbench.link.Linker;
import org.statbench.sampledata.people.SyntheticPeople;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench link [--left-rows N] [--right-rows N]}: generates a benefit-eligibility job (left:
 * customer accounts; right: benefit recipients, 80% of whom are customers) with known truth, then
 * times one linkage end to end as {@code link} runs it (standardise, block, train by EM with no
 * labels, score, one-to-one, write the links file) and prints precision and recall against the
 * truth, the verification rate and the peak heap.
 */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description =
        "Time record linkage of N synthetic customer accounts against M benefit recipients"
            + " (end-to-end seconds, precision and recall vs the generated truth, records/s, heap).")
public final class BenchLinkCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--left-rows",
      paramLabel = "N",
      description = "Left records (default 10,000,000).")
  int leftRows = 10_000_000;

  @Option(
      names = "--right-rows",
      paramLabel = "N",
      description = "Right records (default 900,000).")
  int rightRows = 900_000;

  @Option(names = "--seed", paramLabel = "S", description = "Generator seed (default 2026).")
  long seed = 2026;

  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (leftRows < 1 || rightRows < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--left-rows and --right-rows must be at least 1");
    }
    long g0 = System.nanoTime();
    SyntheticPeople.Job data = SyntheticPeople.generate(seed, leftRows, rightRows);
    out.printf(
        Locale.ROOT,
        "bench link: %,d customer accounts x %,d benefit recipients (%,d true pairs), generated in"
            + " %.1f s%n",
        leftRows,
        rightRows,
        data.truePairs(),
        (System.nanoTime() - g0) / 1e9);
    out.flush();
    List<LinkField> fields =
        Linker.guessFields(
            "left",
            List.copyOf(data.left().columns().keySet()),
            "right",
            List.copyOf(data.right().columns().keySet()),
            "customer_id",
            "recipient_id",
            SyntheticPeople.TRUTH);
    LinkJob job =
        new LinkJob(
            data.left(),
            data.right(),
            "customer_id",
            "recipient_id",
            fields,
            List.of(),
            List.of(),
            null,
            SyntheticPeople.TRUTH,
            LinkJob.Options.DEFAULT.withOneToOne(true));
    Path dir = Files.createTempDirectory("statbench-bench-link");
    Path links = dir.resolve("links.csv");
    try {
      System.gc();
      WholeProcessBench.resetHeapPeaks();
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      LinkResult r = Linker.link(job, ProgressListener.NONE, CancellationToken.NONE);
      long t1 = System.nanoTime();
      try (BufferedWriter w = Files.newBufferedWriter(links, StandardCharsets.UTF_8)) {
        LinkOutputs.writeLinks(
            r, data.left().column("customer_id"), data.right().column("recipient_id"), w);
      }
      long t2 = System.nanoTime();
      double cpu = (processCpuNanos() - cpu0) / 1e9;
      double total = (t2 - t0) / 1e9;
      long heapMb = WholeProcessBench.peakHeapBytes() >> 20;
      Map<String, Long> ms = r.timingsMs();
      out.printf(
          Locale.ROOT,
          "  fields: %s%n",
          String.join(", ", fields.stream().map(f -> f.name() + ":" + f.type().key()).toList()));
      for (LinkResult.RuleCount c : r.blocking()) {
        out.printf(
            Locale.ROOT, "  block %-40s pairs %,13d  adds %,13d%n", c.rule(), c.pairs(), c.added());
      }
      out.printf(Locale.ROOT, "  candidate pairs: %,d%n", r.candidatePairs());
      StringBuilder stages = new StringBuilder();
      ms.forEach((k, v) -> stages.append(String.format(Locale.ROOT, "%s %.1f s, ", k, v / 1000.0)));
      stages.append(String.format(Locale.ROOT, "write links %.1f s", (t2 - t1) / 1e9));
      out.printf(Locale.ROOT, "  stages: %s%n", stages);
      LinkResult.Evaluation e = r.evaluation();
      out.printf(
          Locale.ROOT,
          "  links: %,d; precision %.4f, recall %.4f, f1 %.4f (truth used only to score); pairs"
              + " completeness %.4f%n",
          r.links().size(),
          e.precision(),
          e.recall(),
          e.f1(),
          e.pairsCompleteness());
      // verification: what a run with a trained model does per left record once the right side
      // is indexed (compare, score, decide)
      long verifyMs =
          ms.getOrDefault("match keys", 0L)
              + ms.getOrDefault("block and compare", 0L)
              + ms.getOrDefault("score", 0L)
              + ms.getOrDefault("decide", 0L);
      out.printf(
          Locale.ROOT,
          "  verification: %,.0f left records/s (compare + score + decide, right side indexed)%n",
          leftRows / Math.max(1e-3, verifyMs / 1000.0));
      out.printf(
          Locale.ROOT,
          "  end to end: %.1f s (standardise, block, train, score, one-to-one, write links);"
              + " peak heap %,d MB%n",
          total,
          heapMb);
      out.printf(
          Locale.ROOT,
          "  CPU: %.1f s of processor time over %d processors (the wall time above depends on what"
              + " else the machine runs)%n",
          cpu,
          Runtime.getRuntime().availableProcessors());
    } finally {
      Files.deleteIfExists(links);
      Files.deleteIfExists(dir);
    }
    out.flush();
    return StatBenchCommand.EXIT_OK;
  }
}
