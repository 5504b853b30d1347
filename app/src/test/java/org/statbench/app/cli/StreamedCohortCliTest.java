package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cohorts and status tracking over columns larger than the heap, run as a user runs them in a child
 * JVM with a small {@code -Xmx}: cohorts are tracked a slice of records at a time (the long CSV is
 * the one a large heap writes); status tracking reads the spells a slice at a time, person by
 * person (the long CSV is again the one a large heap writes).
 */
class StreamedCohortCliTest {
  @TempDir Path tmp;

  /** {@code statbench ARGS} in a child JVM with the given heap; its output, then RC=exit code. */
  private static String statbench(String heap, String args) {
    return ChildJvm.statbenchRc(heap, args);
  }

  private static String sh(String script) throws Exception {
    return ChildJvm.sh(script).out();
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

  @Test
  void statusTrackingWhoseSpellsExceedTheHeapIsStreamedAndEqualsTheInMemoryTable()
      throws Exception {
    Path ws = tmp.resolve("ws");
    Path people = tmp.resolve("people.csv");
    Path spells = tmp.resolve("spells.csv");
    int members = 1_000_000;
    LocalDate base = LocalDate.of(2020, 1, 1);
    try (BufferedWriter p = Files.newBufferedWriter(people);
        BufferedWriter s = Files.newBufferedWriter(spells)) {
      p.write("person,entry\n");
      s.write("person,state,start,end\n");
      for (int i = 0; i < members; i++) {
        LocalDate entry = base.plusDays(i % 365);
        p.write(i + "," + entry + "\n");
        s.write(i + ",JSA," + entry + "," + entry.plusDays(30 + i % 90) + "\n");
        s.write(i + ",ESA," + entry.plusDays(121) + ",\n");
      }
    }
    String status =
        "status --db '"
            + ws
            + "' --dataset people --id person --entry entry --spells spells --spell-id person"
            + " --state state --start start --end end --horizon 6 --out '";
    String out =
        sh(
            statbench("256m", "import --db '" + ws + "' --name people --file '" + people + "'")
                + statbench(
                    "256m", "import --db '" + ws + "' --name spells --file '" + spells + "'")
                + statbench("64m", status + tmp.resolve("small.csv") + "'")
                + statbench("1g", status + tmp.resolve("normal.csv") + "'"));

    // people: person (a number, 8 bytes) and entry (4); spells: person 8, state 1, start 4, end 4;
    // 16 bytes a spell and 22 a person in memory: 12 + 34 + 32 + 22 = 100 million bytes, more than
    // 64 MB: the spells, sorted by person, are walked person by person
    assertThat(out)
        .endsWith("RC=0\n")
        .doesNotContain("internal error", "Exception", "\tat ", "RC=1", "RC=2");
    List<String> small = Files.readAllLines(tmp.resolve("small.csv"));
    assertThat(small).isEqualTo(Files.readAllLines(tmp.resolve("normal.csv")));
    assertThat(small).contains("2020-01,0,JSA,84940,1,observed"); // 31 entry days in 2,740 cycles
  }
}
