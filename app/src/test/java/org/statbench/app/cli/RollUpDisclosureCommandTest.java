package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.RollUp;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.disclosure.AuditMode;
import org.statbench.disclosure.CellResult;
import org.statbench.disclosure.DisclosureChecker;
import org.statbench.disclosure.DisclosurePolicy;
import org.statbench.disclosure.DisclosureReport;
import org.statbench.store.Workspace;
import org.statbench.tabulate.Tabulator;

/** A multi-level roll-up table through the disclosure commands. */
class RollUpDisclosureCommandTest {
  @TempDir Path tmp;

  private final CliRun cli = new CliRun();
  private String db;

  /** R1 > (L1 > O1 O2, L2 > O3), R2 > (L3 > O4 O5) by sex; O2|F = 3 fails the threshold. */
  @BeforeEach
  void importAreas() throws Exception {
    String[][] areas = {
      {"O1", "L1", "R1"},
      {"O2", "L1", "R1"},
      {"O3", "L2", "R1"},
      {"O4", "L3", "R2"},
      {"O5", "L3", "R2"}
    };
    int[][] counts = {{12, 15}, {3, 20}, {14, 11}, {16, 13}, {18, 25}};
    StringBuilder csv = new StringBuilder("oa,la,region,sex\n");
    for (int a = 0; a < areas.length; a++) {
      for (int s = 0; s < 2; s++) {
        for (int k = 0; k < counts[a][s]; k++) {
          csv.append(String.join(",", areas[a])).append(',').append(s == 0 ? "F" : "M");
          csv.append('\n');
        }
      }
    }
    Path file = tmp.resolve("areas.csv");
    Files.writeString(file, csv);
    db = tmp.resolve("ws").toString();
    cli.importCsv(db, "areas", file);
  }

  private String[] table(String command, Path out, String... extra) {
    List<String> a =
        new java.util.ArrayList<>(
            List.of(
                command,
                "--db",
                db,
                "--dataset",
                "areas",
                "--rows",
                "oa",
                "--cols",
                "sex",
                "--rollup",
                "oa=la,region",
                "--out",
                out.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void exportProtectsAMultiLevelRollUpWithItsSubtotalsAsConstraints() throws Exception {
    Path file = tmp.resolve("t.csv");
    assertThat(cli.run(table("export", file))).as(cli.err()).isZero();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("oa,sex,measure,value,status");
    assertThat(lines.subList(1, lines.size()))
        .extracting(l -> l.substring(0, l.indexOf(',')))
        .containsSubsequence("R1", "L1", "O1", "O2", "L2", "O3", "R2", "L3", "O4", "O5", "Total");
    assertThat(lines).contains("O2,F,count,,primary:threshold");
    assertThat(lines).noneMatch(l -> l.startsWith("O2,F,count,3"));
    // the subtotal L1|F = O1|F + O2|F is published, so O1|F must be withheld too
    assertThat(lines).contains("L1,F,count,15,ok");
    assertThat(lines).anyMatch(l -> l.startsWith("O1,F,count,,secondary"));

    // an independent exact audit of the published pattern over the hierarchy's relations
    Table t;
    try (Workspace ws = Workspace.open(Path.of(db))) {
      t =
          new Tabulator()
              .tabulate(
                  TableSpec.of("areas")
                      .withRows(
                          List.of(
                              DimensionSpec.of("oa", RollUp.toVariables(List.of("la", "region")))))
                      .withColumns("sex"),
                  ws,
                  CancellationToken.NONE);
    }
    boolean[] suppressed = new boolean[t.cellCount()];
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      if (f[3].isEmpty()) {
        suppressed[t.index(position(t, 0, f[0]), position(t, 1, f[1]))] = true;
      }
    }
    DisclosureChecker checker = new DisclosureChecker(DisclosurePolicy.DEFAULT, AuditMode.EXACT);
    DisclosureReport audit = checker.audit(t, suppressed);
    assertThat(audit.audit().passed()).isTrue();
    for (CellResult c : audit.cells()) {
      if (c.failsPrimary()) {
        assertThat(c.interval().width()).isGreaterThanOrEqualTo(10);
      }
    }
  }

  private static int position(Table t, int d, String code) {
    var dim = t.dimensions().get(d);
    for (int p = 0; p < dim.size(); p++) {
      if (dim.code(p).equals(code)) {
        return p;
      }
    }
    throw new AssertionError(code);
  }

  @Test
  void checkOfARollUpLongCsvFindsThePrimaryCell() throws Exception {
    Path raw = tmp.resolve("raw.csv");
    assertThat(cli.run(table("tabulate", raw))).isZero();
    assertThat(cli.run("check", "--table", raw.toString())).isEqualTo(3);
    assertThat(cli.out() + cli.err()).contains("oa=O2, sex=F");
  }

  @Test
  void protectOfARollUpLongCsvIsRefusedBecauseTheFileDoesNotRecordTheHierarchy() throws Exception {
    // the long CSV writes parents as ordinary codes, so a standalone protect cannot know which
    // rows are subtotals: it must refuse rather than protect against the wrong relations
    Path raw = tmp.resolve("raw.csv");
    assertThat(cli.run(table("tabulate", raw))).isZero();
    Path p = tmp.resolve("p.csv");
    assertThat(cli.run("protect", "--table", raw.toString(), "--out", p.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("does not add up");
    assertThat(p).doesNotExist();
  }
}
