package org.statbench.app.disclosurepanel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.clearance.CellMark;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.core.RefusedException;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;
import org.statbench.export.ClearanceBook;
import org.statbench.store.AuditEntry;
import org.statbench.store.Workspace;

class DisclosurePanelViewModelTest {
  @TempDir Path dir;

  private Workspace ws;
  private DisclosurePanelViewModel vm;

  /** region (A, B, C) x sex (F, M) counts; B|F = 3 fails the threshold of 10. */
  static Table table() {
    List<Dimension> dims =
        List.of(
            new Dimension(
                "region",
                null,
                DimensionRole.ROW,
                List.of(Category.of("A"), Category.of("B"), Category.of("C")),
                true),
            new Dimension(
                "sex",
                null,
                DimensionRole.COLUMN,
                List.of(Category.of("F"), Category.of("M")),
                true));
    long[] c = {12, 15, 27, 3, 20, 23, 11, 14, 25, 26, 49, 75};
    return Table.ofCounts("people", dims, c);
  }

  @BeforeEach
  void setUp() {
    ws = Workspace.open(dir.resolve("ws"));
    vm = new DisclosurePanelViewModel(new SameThreadTaskRunner());
    vm.workspaceProperty().set(ws);
  }

  @AfterEach
  void tearDown() {
    ws.close();
  }

  @Test
  void showsLiveWhichCellsFailAndWhy() {
    Table t = table();
    vm.tableProperty().set(t);
    assertThat(vm.headlineProperty().get()).isEqualTo("1 cell fails");
    assertThat(vm.ruleCounts()).containsExactly("1 cell below the threshold of 10");
    assertThat(vm.failingCells()).singleElement().asString().startsWith("(B, F) primary:threshold");
    assertThat(vm.marksProperty().get()).containsEntry(t.index(1, 0), CellMark.FAILING);
    assertThat(vm.failsBinding().get()).isTrue();
  }

  @Test
  void exportOfAFailingTableIsRefusedAndWritesNothing() {
    vm.tableProperty().set(table());
    Path out = dir.resolve("t.csv");
    assertThatThrownBy(() -> vm.export(out)).isInstanceOf(RefusedException.class);
    assertThat(out).doesNotExist();
  }

  @Test
  void protectThenExportWritesWithheldCellsEmpty() throws Exception {
    vm.tableProperty().set(table());
    vm.protect();
    assertThat(vm.headlineProperty().get()).startsWith("Protected\n");
    assertThat(vm.failsBinding().get()).isFalse();
    Path out = vm.export(dir.resolve("t.csv"));
    assertThat(Files.readAllLines(out)).contains("B,F,count,,primary:threshold");
    assertThat(ws.auditLog().entries())
        .extracting(AuditEntry::type)
        .containsExactly("check", "export");
  }

  @Test
  void requestClearanceSubmitsTheTableToTheQueue() {
    Table t = table();
    vm.tableProperty().set(t);
    vm.requestClearance("The 3 are published in the annual report");
    assertThat(ClearanceBook.of(ws).pending())
        .singleElement()
        .satisfies(r -> assertThat(r.tableHash()).isEqualTo(t.hash()));
    assertThat(vm.messageProperty().get()).contains("CR-0001");
  }

  @Test
  void anApprovedTableIsExportedWithTheDecision() throws Exception {
    Table t = table();
    vm.tableProperty().set(t);
    vm.requestClearance("needed");
    // the gate trusts the keys in the StatBench home's trust file
    String home = System.setProperty("statbench.home", dir.resolve("home").toString());
    try {
      org.statbench.export.SigningKey sam = org.statbench.export.SigningKey.create("sam");
      org.statbench.export.TrustFile.inHome().add(sam.publicKey());
      ClearanceBook.of(ws, "ann").approve("CR-0001", "fine", sam);
      Path out = vm.export(dir.resolve("t.csv"));
      assertThat(Files.readAllLines(out)).contains("B,F,count,3,primary:threshold");
    } finally {
      if (home == null) {
        System.clearProperty("statbench.home");
      } else {
        System.setProperty("statbench.home", home);
      }
    }
    Path out = dir.resolve("t.csv");
    assertThat(Files.readAllLines(out)).contains("B,F,count,3,primary:threshold");
    assertThat(Files.readString(dir.resolve("t.csv.clearance.txt"))).contains("approved by sam");
  }

  @Test
  void aChangedTableDropsTheOldReport() {
    vm.tableProperty().set(table());
    vm.protect();
    Table other =
        table().withValues(new double[] {12, 15, 27, 30, 20, 50, 11, 14, 25, 53, 49, 102});
    vm.tableProperty().set(other);
    assertThat(vm.protectionProperty().get()).isNull();
    assertThat(vm.checkProperty().get().tableHash()).isEqualTo(other.hash());
  }
}
