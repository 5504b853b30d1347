package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A date column blank for more than the first chunk (2^19 rows) and with dates after that once made
 * {@code import} fail ("spill file ended early", exit 2) or store the blanks as 1970-01-01.
 */
class LateValuesImportCommandTest {
  @TempDir Path tmp;

  private final CliRun cli = new CliRun();

  @Test
  void datesAfterSixHundredThousandBlanksImportAndTheBlanksCountAsMissing() throws Exception {
    Path csv = tmp.resolve("late.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("id,late,pad\n");
      for (int i = 0; i < 600_010; i++) {
        // 64 bytes a row: a 4 MB read buffer ends between row 524,288 and the first date
        String row = i + "," + (i >= 600_000 ? "2021-02-08" : "") + ",";
        w.write(row + "p".repeat(63 - row.length()) + "\n");
      }
    }
    String db = tmp.resolve("ws").toString();

    assertThat(cli.run("import", "--db", db, "--name", "late", "--file", csv.toString()))
        .as(cli.err())
        .isZero();
    assertThat(cli.run("tabulate", "--db", db, "--dataset", "late", "--rows", "late")).isZero();

    // 600,000 blank rows, then 10 dates: i = 600,000 .. 600,009
    assertThat(cli.out())
        .contains("2021-02-08,count,10")
        .contains("Missing,count,600000")
        .doesNotContain("1970-01-01");
  }
}
