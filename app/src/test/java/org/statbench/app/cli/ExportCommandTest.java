package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.store.AuditEntry;
import org.statbench.store.Workspace;

class ExportCommandTest {
  @TempDir Path tmp;

  private final CliRun cli = new CliRun();
  private String db;

  /**
   * 3 regions x 2 sexes: B|F has 3 records (below the threshold of 10), every other cell at least
   * 11, so suppression must also withhold B|M, one more F and one more M cell.
   */
  @BeforeEach
  void importPeople() throws Exception {
    StringBuilder csv = new StringBuilder("id,region,sex,amount\n");
    int id = 0;
    int[][] counts = {{12, 15}, {3, 20}, {11, 14}};
    String[] regions = {"A", "B", "C"};
    String[] sexes = {"F", "M"};
    for (int r = 0; r < 3; r++) {
      for (int s = 0; s < 2; s++) {
        for (int k = 0; k < counts[r][s]; k++) {
          csv.append(++id).append(',').append(regions[r]).append(',').append(sexes[s]);
          csv.append(',').append(100 + k).append('\n');
        }
      }
    }
    Path file = tmp.resolve("people.csv");
    Files.writeString(file, csv);
    db = tmp.resolve("ws").toString();
    cli.importCsv(db, "people", file);
  }

  private String[] export(String out, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "export",
                "--db",
                db,
                "--dataset",
                "people",
                "--rows",
                "region",
                "--cols",
                "sex",
                "--out",
                out));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void refusesADisclosiveTableAndWritesNothing() throws Exception {
    Path rules = tmp.resolve("none.json");
    Files.writeString(rules, "{\"method\": \"none\"}");
    Path file = tmp.resolve("t.csv");
    assertThat(cli.run(export(file.toString(), "--rules", rules.toString()))).isEqualTo(3);
    assertThat(cli.err()).contains("refused").contains("(B, F) primary:threshold");
    assertThat(file).doesNotExist();
  }

  @Test
  void writesAProtectedCsvWhoseSuppressedCellsAreEmpty() throws Exception {
    Path file = tmp.resolve("t.csv");
    assertThat(cli.run(export(file.toString()))).isZero();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("region,sex,measure,value,status");
    assertThat(lines).contains("B,F,count,,primary:threshold");
    assertThat(lines).contains("Total,Total,count,75,ok");
    long withheld = lines.stream().filter(l -> l.contains(",,")).count();
    assertThat(withheld).isGreaterThanOrEqualTo(4);
    assertThat(lines).noneMatch(l -> l.startsWith("B,F,count,3"));
    try (Workspace ws = Workspace.open(Path.of(db))) {
      assertThat(ws.auditLog().entries())
          .extracting(AuditEntry::type)
          .containsExactly("check", "check", "export");
      assertThat(ws.auditLog().verify().ok()).isTrue();
    }
  }

  @Test
  void writesAnXlsxThatOpensWithItsReportSheet() throws Exception {
    Path file = tmp.resolve("t.xlsx");
    assertThat(cli.run(export(file.toString()))).isZero();
    try (InputStream in = Files.newInputStream(file);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertThat(wb.getSheet("Disclosure report")).isNotNull();
      assertThat(wb.getSheet("Table definition")).isNotNull();
      assertThat(wb.getSheet("Table")).isNotNull();
      assertThat(wb.getSheet("Disclosure report").getRow(1).getCell(1).getStringCellValue())
          .isEqualTo("passed");
    }
  }

  @Test
  void rejectsAnOutputThatIsNeitherCsvNorXlsx() {
    assertThat(cli.run(export(tmp.resolve("t.pdf").toString()))).isEqualTo(2);
    assertThat(cli.err()).contains(".csv or .xlsx");
  }

  @Test
  void perturbPolicyPublishesNoSmallCountsAndTheSameNoiseForTheSameCell() throws Exception {
    Path rules = tmp.resolve("perturb.json");
    Files.writeString(rules, "{\"profile\": \"perturb\"}");
    Path first = tmp.resolve("p1.csv");
    Path second = tmp.resolve("p2.csv");
    assertThat(cli.run(export(first.toString(), "--rules", rules.toString())))
        .as(cli.err())
        .isZero();
    // a second table sharing the region x sex cells, with a filter that keeps every record
    assertThat(
            cli.run(
                export(second.toString(), "--rules", rules.toString(), "--filter", "region=A,B,C")))
        .as(cli.err())
        .isZero();
    List<String> a = Files.readAllLines(first);
    List<String> b = Files.readAllLines(second);
    assertThat(a).isEqualTo(b);
    for (String line : a.subList(1, a.size())) {
      String[] f = line.split(",", -1);
      assertThat(f[f.length - 1]).isEqualTo("perturbed");
      long v = Long.parseLong(f[3]);
      assertThat(v == 0 || v > 4).as(line).isTrue(); // no perturbed count in 1..js
    }
  }
}
