package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.store.ColumnSlices;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/**
 * Status tracking with the spells read a slice at a time equals tracking over the whole columns in
 * memory, over a spell dataset of three slices (the last one short): spells grouped by person
 * (walked person by person), the same spells interleaved (in hash partitions of persons, and in one
 * partition), with text ids, people without spells or entry dates, spells of people outside the
 * cohort, overlapping and open spells.
 */
class StreamedStatusTest {
  @TempDir static Path dir;
  static Workspace ws;

  static final int PEOPLE = 240_000;

  /** Spells of person {@code i}: none for every 13th, else 1 + i % 10 (5.5 on average). */
  static int spellsOf(int i) {
    return i % 13 == 0 ? 0 : 1 + i % 10;
  }

  static final LocalDate BASE = LocalDate.of(2020, 1, 1);

  @BeforeAll
  static void importData() throws Exception {
    Path people = dir.resolve("people.csv");
    try (BufferedWriter w = Files.newBufferedWriter(people)) {
      w.write("id,entry,region\n");
      for (int i = 0; i < PEOPLE; i++) {
        String entry = i % 997 == 0 ? "" : BASE.plusDays(i % 500).toString();
        w.write("P" + i + "," + entry + ",R" + i % 3 + "\n");
      }
    }
    Path grouped = dir.resolve("grouped.csv");
    Path mixed = dir.resolve("mixed.csv");
    long spells = 0;
    try (BufferedWriter g = Files.newBufferedWriter(grouped);
        BufferedWriter m = Files.newBufferedWriter(mixed)) {
      g.write("pid,benefit,start,end\n");
      m.write("pid,benefit,start,end\n");
      for (int i = 0; i < PEOPLE; i++) {
        for (int s = 0; s < spellsOf(i); s++) {
          g.write(spell(i, s));
          spells++;
        }
        if (i % 40 == 0) {
          g.write(spell(PEOPLE + i, 0)); // outside the cohort
        }
      }
      // the same spells, round by round: a person's spells are spread over the whole file
      for (int s = 0; s < 10; s++) {
        for (int i = 0; i < PEOPLE; i++) {
          if (s < spellsOf(i)) {
            m.write(spell(i, s));
          }
          if (s == 0 && i % 40 == 0) {
            m.write(spell(PEOPLE + i, 0));
          }
        }
      }
    }
    assertThat(spells).isGreaterThan(2L * ColumnSlices.SLICE_ROWS);
    ws = Workspace.open(dir.resolve("ws"));
    ws.importCsv(ImportRequest.of("people", people), null, CancellationToken.NONE);
    ws.importCsv(ImportRequest.of("grouped", grouped), null, CancellationToken.NONE);
    ws.importCsv(ImportRequest.of("mixed", mixed), null, CancellationToken.NONE);
  }

  /** Spell {@code s} of person {@code i}: every 40 days from 10 days before entry, some overlap. */
  private static String spell(int i, int s) {
    LocalDate start = BASE.plusDays(i % 500 + 40L * s - 10);
    boolean open = s == spellsOf(i) - 1 && i % 3 == 0;
    return "P"
        + i
        + ",S"
        + (i + s) % 4
        + ","
        + start
        + ","
        + (open ? "" : start.plusDays(20 + (i + s) % 50).toString())
        + "\n";
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  private static StatusSpec spec(String spells) {
    StatusSpec s = StatusSpec.of("people", "id", "entry", spells, "pid", "benefit", "start", "end");
    return s.withCohort(s.cohort().withHorizon(12));
  }

  private static StatusTable inMemory(StatusSpec spec) {
    return StatusTracker.track(
        ws.columns("people", spec.cohortVariables()),
        ws.columns(spec.spells(), spec.spellVariables()),
        spec);
  }

  /** Tracked with the spells a slice at a time and {@code budget} bytes for members' spells. */
  private static StatusTable streamed(StatusSpec spec, long budget) {
    return StatusTracker.track(
        ws.columns("people", spec.cohortVariables()),
        null,
        RecordSlices.of(
            ws.columnSlices(spec.spells(), spec.spellVariables()),
            vars -> ws.columnSlices(spec.spells(), vars)),
        spec,
        budget,
        ProgressListener.NONE,
        CancellationToken.NONE);
  }

  /** Bytes for a third of the members' spells: three hash partitions. */
  private static long third(StatusSpec spec) {
    long spells = ws.dataset(spec.spells()).rows();
    assertThat(StatusTracker.partitions(spells, StatusTracker.SPELL_BYTES * spells / 3))
        .isEqualTo(3);
    return StatusTracker.SPELL_BYTES * spells / 3;
  }

  @Test
  void spellsGroupedByPersonWalkedPersonByPersonEqualTheInMemoryTable() {
    StatusSpec spec = spec("grouped");
    StatusTable expected = inMemory(spec);
    assertThat(expected.spellsOutside()).isGreaterThan(PEOPLE / 40); // and non-members'
    assertThat(expected.overlaps()).isPositive();
    assertThat(streamed(spec, third(spec))).isEqualTo(expected);
  }

  @Test
  void interleavedSpellsInHashPartitionsEqualTheInMemoryTable() {
    StatusSpec spec = spec("mixed");
    StatusTable expected = inMemory(spec);
    assertThat(streamed(spec, third(spec))).isEqualTo(expected);
    assertThat(streamed(spec, Long.MAX_VALUE)).isEqualTo(expected); // one partition
    // the same spells in another order give the same table
    assertThat(expected.rows()).isEqualTo(inMemory(spec("grouped")).rows());
  }

  @Test
  void aBreakdownAndMonthlyCellsAreTheSameStreamed() {
    StatusSpec spec = spec("mixed");
    spec = spec.withCohort(spec.cohort().withBy(List.of("region")));
    StatusTable expected = inMemory(spec);
    assertThat(expected.groups()).hasSize(3);
    assertThat(streamed(spec, third(spec))).isEqualTo(expected);
  }
}
