package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cohorts over columns larger than the heap, run as a user runs them in a child JVM with a small
 * {@code -Xmx}: tracked a slice of records at a time, the long CSV is the one a large heap writes.
 */
class StreamedCohortCliTest {
  @TempDir Path tmp;

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** {@code statbench ARGS} in a child JVM with the given heap; its output, then RC=exit code. */
  private static String statbench(String heap, String args) {
    return JAVA
        + " -Xmx"
        + heap
        + " -cp '"
        + System.getProperty("java.class.path")
        + "' org.statbench.app.Main "
        + args
        + "; echo RC=$?\n";
  }

  private static String sh(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return out;
  }

  @Test
  void cohortsWhoseColumnsExceedTheHeapAreStreamedAndEqualTheInMemoryTable() throws Exception {
    Path ws = tmp.resolve("ws");
    Path csv = tmp.resolve("referrals.csv");
    int rows = 3_000_000; // entry, event: 4 bytes a row each, region 1: 27 MB of columns
    LocalDate base = LocalDate.of(2020, 1, 1);
    // January 2020, region R0: entry day i % 365 <= 30 and i % 4 == 0; an event in the month of
    // entry (duration 0) when there is one (i % 3 != 0) and it is at most 30 - entry day later
    long januaryR0 = 0;
    long sameMonth = 0;
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("entry,event,region\n");
      for (int i = 0; i < rows; i++) {
        LocalDate entry = base.plusDays(i % 365);
        w.write(entry + "," + (i % 3 == 0 ? "" : entry.plusDays(i % 200)) + ",R" + i % 4 + "\n");
        if (i % 365 <= 30 && i % 4 == 0) {
          januaryR0++;
          if (i % 3 != 0 && i % 365 + i % 200 <= 30) {
            sameMonth++;
          }
        }
      }
    }
    String cohort =
        "cohort --db '"
            + ws
            + "' --dataset ref --entry entry --event event --by region --horizon 6 --out '";
    String out =
        sh(
            statbench("256m", "import --db '" + ws + "' --name ref --file '" + csv + "'")
                + statbench("48m", cohort + tmp.resolve("small.csv") + "'")
                + statbench("1g", cohort + tmp.resolve("normal.csv") + "'"));

    assertThat(out).startsWith("Imported ref: 3000000 rows").doesNotContain("RC=1", "RC=2");
    List<String> small = Files.readAllLines(tmp.resolve("small.csv"));
    assertThat(small).isEqualTo(Files.readAllLines(tmp.resolve("normal.csv")));
    // simple estimator: at risk at duration 0 is the cohort, the cumulative proportion the share
    // with an event in the month of entry
    assertThat(small.get(0))
        .isEqualTo("cohort,region,duration,at_risk,events,cumulative,lower,upper,status");
    String january = "2020-01,R0,0," + januaryR0 + "," + sameMonth + ",";
    assertThat(small)
        .filteredOn(line -> line.startsWith(january))
        .singleElement()
        .asString()
        .startsWith(january + (double) sameMonth / januaryR0 + ",")
        .endsWith(",observed");
  }
}
