package org.statbench.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.table.Category;
import org.statbench.core.table.CellKind;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;
import org.statbench.testsupport.TestData;

class SuppressionAuditTest {
  private static final DisclosureChecker DEFAULT = new DisclosureChecker(DisclosurePolicy.DEFAULT);

  /** DESIGN.md's published 4x4 table (rows w, x, y, z; columns a..d) with margins. */
  private static Table designTable() {
    long[][] data = {{30, 47, 64, 89}, {90, 124, 5, 31}, {92, 100, 59, 85}, {800, 991, 651, 685}};
    return TestTables.counts(
        List.of(
            TestData.flat("r", DimensionRole.ROW, "w", "x", "y", "z"),
            TestData.flat("c", DimensionRole.COLUMN, "a", "b", "c", "d")),
        co -> data[co[0]][co[1]]);
  }

  @Test
  void auditCatchesExactlyRecoverableCellDespiteTwoSuppressionsPerRowAndColumn() {
    Table t = designTable();
    boolean[] sup = new boolean[t.cellCount()];
    String[] cells = {"w|a", "w|b", "w|c", "x|a", "x|c", "y|b", "y|d", "z|b", "z|d"};
    for (String rc : cells) {
      String[] p = rc.split("\\|");
      sup[t.index("wxyz".indexOf(p[0]), "abcd".indexOf(p[1]))] = true;
    }
    // Every suppressed cell has a suppressed partner in its row and in its column ...
    DisclosureReport r = DEFAULT.audit(t, sup);
    CellResult wb = r.cell(t.index(0, 1));
    // ... yet w|b is exactly 47: (w total) - (a and c column totals) + (x total) - x|b - x|d.
    assertThat(wb.interval().min()).isEqualTo(47.0);
    assertThat(wb.interval().max()).isEqualTo(47.0);
    assertThat(wb.interval().exact()).isTrue();
    // x|c (5 records) is a primary cell; its pattern leaves it an interval, w|b has none.
    CellResult xa = r.cell(t.index(1, 0));
    assertThat(xa.interval().width()).isGreaterThan(0);
  }

  @Test
  void auditFailsAPatternThatLeavesAPrimaryCellRecoverable() {
    // Primary x|c (5) with only its row partner x|d suppressed: the column total gives it away.
    Table t = designTable();
    boolean[] sup = new boolean[t.cellCount()];
    sup[t.index(1, 2)] = true;
    sup[t.index(1, 3)] = true;
    DisclosureReport r = DEFAULT.audit(t, sup);
    assertThat(r.cell(t.index(1, 2)).interval().width()).isZero();
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.audit().passed()).isFalse();
  }

  @Test
  void protectsThe4x4TableWithAPatternThatPassesTheExactAudit() {
    Table t = designTable();
    DisclosureReport r = DEFAULT.protect(t);
    assertPassesIndependentAudit(t, r);
    assertThat(r.cell(t.index(1, 2)).status().word()).isEqualTo("primary:threshold");
    assertThat(r.summary().primary()).isEqualTo(1);
    // A 2x2 rectangle of data cells suffices; no margin needed.
    assertThat(r.summary().suppressed()).isEqualTo(4);
    assertThat(r.cells().stream().filter(c -> c.status().isSuppressed()))
        .allMatch(c -> c.kind() == CellKind.DATA);
  }

  @Test
  void protects2dTableWithSeveralPrimaries() {
    long[][] data = {
      {3, 40, 55, 12, 80}, {25, 2, 60, 33, 41}, {50, 70, 11, 4, 90}, {30, 30, 30, 30, 7}
    };
    Table t = TestTables.counts2d(data);
    DisclosureReport r = DEFAULT.protect(t);
    assertPassesIndependentAudit(t, r);
    assertThat(r.summary().primary()).isEqualTo(4);
    assertThat(r.outcome()).isEqualTo(Outcome.PROTECTED);
  }

  @Test
  void protects3dTable() {
    List<Dimension> dims =
        List.of(
            TestData.flat("a", DimensionRole.ROW, "a1", "a2", "a3", "a4"),
            TestData.flat("b", DimensionRole.COLUMN, "b1", "b2", "b3"),
            TestData.flat("c", DimensionRole.WAFER, "c1", "c2", "c3"));
    Table t =
        TestTables.counts(
            dims, co -> ((co[0] * 7 + co[1] * 5 + co[2] * 3) % 11) * 6 + (co[0] == co[2] ? 2 : 0));
    DisclosureReport r = DEFAULT.protect(t);
    assertThat(r.summary().primary()).isGreaterThan(3);
    assertPassesIndependentAudit(t, r);
  }

  @Test
  void protectsHierarchicalTable() {
    // region > la (R1: L1 L2 L3; R2: L4 L5) by sex, with subtotals for the regions.
    List<Category> geo = new ArrayList<>();
    geo.add(new Category("R1", null, -1));
    geo.add(new Category("L1", null, 0));
    geo.add(new Category("L2", null, 0));
    geo.add(new Category("L3", null, 0));
    geo.add(new Category("R2", null, -1));
    geo.add(new Category("L4", null, 4));
    geo.add(new Category("L5", null, 4));
    Dimension la = new Dimension("la", null, DimensionRole.ROW, geo, true);
    Dimension sex = TestData.flat("sex", DimensionRole.COLUMN, "F", "M");
    long[][] leaf = new long[7][];
    leaf[1] = new long[] {40, 35};
    leaf[2] = new long[] {4, 28};
    leaf[3] = new long[] {22, 31};
    leaf[5] = new long[] {50, 3};
    leaf[6] = new long[] {60, 45};
    Table t = TestTables.counts(List.of(la, sex), co -> leaf[co[0]][co[1]]);
    // The region subtotal R1|F is 66, the sum of its LAs.
    assertThat(t.value(t.index(0, 0))).isEqualTo(66);
    DisclosureReport r = DEFAULT.protect(t);
    assertThat(r.summary().primary()).isEqualTo(2);
    assertPassesIndependentAudit(t, r);
  }

  @Test
  void protectsASubtotalThatFailsTheThreshold() {
    // R2|F = L4|F + L5|F = 3 + 4 = 7: the region subtotal itself is a primary cell.
    List<Category> geo = new ArrayList<>();
    geo.add(new Category("R1", null, -1));
    geo.add(new Category("L1", null, 0));
    geo.add(new Category("L2", null, 0));
    geo.add(new Category("R2", null, -1));
    geo.add(new Category("L4", null, 3));
    geo.add(new Category("L5", null, 3));
    Dimension la = new Dimension("la", null, DimensionRole.ROW, geo, true);
    Dimension sex = TestData.flat("sex", DimensionRole.COLUMN, "F", "M");
    long[][] leaf = new long[6][];
    leaf[1] = new long[] {40, 35};
    leaf[2] = new long[] {24, 28};
    leaf[4] = new long[] {3, 30};
    leaf[5] = new long[] {4, 45};
    Table t = TestTables.counts(List.of(la, sex), co -> leaf[co[0]][co[1]]);
    DisclosureReport r = DEFAULT.protect(t);
    assertThat(r.cell(t.index(3, 0)).status().word()).isEqualTo("primary:threshold");
    assertThat(r.cell(t.index(3, 0)).kind()).isEqualTo(CellKind.TOTAL);
    assertPassesIndependentAudit(t, r);
  }

  @Test
  void sameTableGivesTheSamePattern() {
    long[][] data = {{3, 40, 55, 12}, {25, 2, 60, 33}, {50, 70, 11, 4}};
    Table t = TestTables.counts2d(data);
    DisclosureReport a = DEFAULT.protect(t);
    DisclosureReport b = DEFAULT.protect(TestTables.counts2d(data));
    assertThat(a.cells())
        .extracting(c -> c.status().word())
        .containsExactlyElementsOf(b.cells().stream().map(c -> c.status().word()).toList());
    assertThat(a.protectedHash()).isEqualTo(b.protectedHash());
  }

  @Test
  void suppressedValuesAreNotPublishedAndOthersAreTrue() {
    Table t = TestTables.counts2d(new long[][] {{3, 40, 55}, {25, 20, 60}, {50, 70, 11}});
    DisclosureReport r = DEFAULT.protect(t);
    for (CellResult c : r.cells()) {
      if (c.status().isSuppressed()) {
        assertThat(r.protectedTable().value(c.index())).isNaN();
      } else {
        assertThat(r.protectedTable().value(c.index())).isEqualTo(t.value(c.index()));
      }
    }
  }

  @Test
  void certifiedAuditAgreesWithExactAudit() {
    long[][] data = {
      {3, 40, 55, 12, 80}, {25, 2, 60, 33, 41}, {50, 70, 11, 4, 90}, {30, 30, 30, 30, 7}
    };
    Table t = TestTables.counts2d(data);
    DisclosureReport cert =
        new DisclosureChecker(DisclosurePolicy.DEFAULT, AuditMode.CERTIFIED).protect(t);
    assertThat(cert.audit().mode()).isEqualTo(AuditMode.CERTIFIED);
    assertThat(cert.audit().passed()).isTrue();
    assertPassesIndependentAudit(t, cert);
  }

  /** Re-audits the published pattern exactly and checks every primary is protected. */
  private static void assertPassesIndependentAudit(Table t, DisclosureReport r) {
    assertThat(r.outcome()).isEqualTo(Outcome.PROTECTED);
    boolean[] sup = new boolean[t.cellCount()];
    for (CellResult c : r.cells()) {
      sup[c.index()] = c.status().isSuppressed();
    }
    DisclosureReport exact = DEFAULT.audit(t, sup);
    assertThat(exact.audit().passed()).isTrue();
    for (CellResult c : exact.cells()) {
      if (c.failsPrimary()) {
        assertThat(c.interval()).isNotNull();
        assertThat(c.interval().exact()).isTrue();
        assertThat(c.interval().width()).isGreaterThanOrEqualTo(c.required().width() - 1e-7);
      }
    }
  }
}
