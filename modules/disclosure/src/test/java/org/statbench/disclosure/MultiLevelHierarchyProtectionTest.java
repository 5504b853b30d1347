package org.statbench.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.statbench.core.table.Category;
import org.statbench.core.table.CellKind;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;
import org.statbench.testsupport.TestData;

/**
 * Tables from a roll-up over three levels (region > LA > MSOA by sex), as the tabulation engine
 * lays them out: every parent at every level is a subtotal, and protection must hold against all
 * those relations at once.
 */
class MultiLevelHierarchyProtectionTest {
  /** R1 > (L1 > M1 M2 M3, L2 > M4 M5), R2 > (L3 > M6 M7, L4 > M8), then an area with no parents. */
  private static Dimension geography() {
    List<Category> c = new ArrayList<>();
    c.add(new Category("R1", null, -1)); // 0
    c.add(new Category("L1", null, 0)); // 1
    c.add(new Category("M1", null, 1));
    c.add(new Category("M2", null, 1));
    c.add(new Category("M3", null, 1));
    c.add(new Category("L2", null, 0)); // 5
    c.add(new Category("M4", null, 5));
    c.add(new Category("M5", null, 5));
    c.add(new Category("R2", null, -1)); // 8
    c.add(new Category("L3", null, 8)); // 9
    c.add(new Category("M6", null, 9));
    c.add(new Category("M7", null, 9));
    c.add(new Category("L4", null, 8)); // 12
    c.add(new Category("M8", null, 12));
    c.add(new Category("Missing", null, -1));
    return new Dimension("msoa", null, DimensionRole.ROW, c, true);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void protectionPassesAnExactAuditOverEveryLevelsRelations(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Dimension geo = geography();
    Dimension sex = TestData.flat("sex", DimensionRole.COLUMN, "F", "M");
    long[][] leaf = new long[geo.categories().size()][2];
    for (long[] row : leaf) {
      for (int s = 0; s < 2; s++) {
        row[s] = r.nextInt(4) == 0 ? r.nextInt(1, 9) : r.nextInt(10, 60);
      }
    }
    Table t = TestTables.counts(List.of(geo, sex), co -> leaf[co[0]][co[1]]);
    // a subtotal two levels up is the sum of its leaves and typed as a margin
    assertThat(t.value(t.index(0, 0)))
        .isEqualTo(leaf[2][0] + leaf[3][0] + leaf[4][0] + leaf[6][0] + leaf[7][0]);
    assertThat(t.kind(t.index(1, 0))).isEqualTo(CellKind.TOTAL);

    for (AuditMode mode : AuditMode.values()) {
      DisclosureReport report = new DisclosureChecker(DisclosurePolicy.DEFAULT, mode).protect(t);
      assertThat(report.outcome()).as(mode + " seed " + seed).isEqualTo(Outcome.PROTECTED);
      boolean[] sup = new boolean[t.cellCount()];
      for (CellResult c : report.cells()) {
        sup[c.index()] = c.status().isSuppressed();
      }
      DisclosureReport exact =
          new DisclosureChecker(DisclosurePolicy.DEFAULT, AuditMode.EXACT).audit(t, sup);
      assertThat(exact.audit().passed()).as(mode + " seed " + seed).isTrue();
      for (CellResult c : exact.cells()) {
        if (c.failsPrimary()) {
          assertThat(c.interval().exact()).isTrue();
          assertThat(c.interval().width())
              .as(mode + " seed " + seed + " cell " + c.index())
              .isGreaterThanOrEqualTo(c.required().width() - 1e-7);
        }
      }
    }
  }
}
