package org.statbench.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;
import org.statbench.disclosure.perturb.PerturbationTable;
import org.statbench.testsupport.TestData;

class RoundingPerturbationTest {
  // 2x2 table: r1 = 3, 12 (15); r2 = 7, 24 (31); columns 10, 36; total 46.
  private static final Table T = TestTables.counts2d(new long[][] {{3, 12}, {7, 24}});

  private static double published(DisclosureReport r, int row, int col) {
    return r.protectedTable().value(T.index(row, col));
  }

  @Test
  void roundsEveryCellToBase5WithTotalsRoundedIndependently() {
    DisclosureReport r = new DisclosureChecker(DisclosurePolicy.profile("round5")).protect(T);
    assertThat(published(r, 0, 0)).isEqualTo(5); // 3
    assertThat(published(r, 0, 1)).isEqualTo(10); // 12
    assertThat(published(r, 0, 2)).isEqualTo(15); // 15
    assertThat(published(r, 1, 0)).isEqualTo(5); // 7
    assertThat(published(r, 1, 1)).isEqualTo(25); // 24
    assertThat(published(r, 2, 2)).isEqualTo(45); // 46
    assertThat(r.note()).contains("totals rounded independently");
    assertThat(r.cells()).allMatch(c -> c.status().word().equals("rounded"));
    assertThat(r.outcome()).isEqualTo(Outcome.PROTECTED);
  }

  @Test
  void recomputedTotalsAreSumsOfRoundedCells() {
    DisclosureReport r =
        new DisclosureChecker(DisclosurePolicy.profile("round5-recomputed")).protect(T);
    assertThat(published(r, 0, 2)).isEqualTo(15); // 5 + 10
    assertThat(published(r, 1, 2)).isEqualTo(30); // 5 + 25
    assertThat(published(r, 2, 0)).isEqualTo(10); // 5 + 5
    assertThat(published(r, 2, 2)).isEqualTo(45); // 15 + 30
    assertThat(r.note()).contains("totals recomputed");
  }

  @Test
  void roundsToBase10() {
    DisclosureReport r = new DisclosureChecker(DisclosurePolicy.profile("round10")).protect(T);
    assertThat(published(r, 0, 0)).isEqualTo(0); // 3
    assertThat(published(r, 0, 2)).isEqualTo(20); // 15: halves up
    assertThat(published(r, 1, 1)).isEqualTo(20); // 24
  }

  @Test
  void suppressBelowThresholdThenRoundTheRest() {
    Table t =
        TestTables.counts2d(new long[][] {{3, 40, 55, 12}, {25, 21, 60, 33}, {50, 70, 11, 14}});
    DisclosureReport r =
        new DisclosureChecker(DisclosurePolicy.profile("suppress-round5")).protect(t);
    assertThat(r.cell(t.index(0, 0)).status().word()).isEqualTo("primary:threshold");
    assertThat(r.protectedTable().value(t.index(0, 0))).isNaN();
    assertThat(r.summary().secondary()).isGreaterThan(0);
    for (CellResult c : r.cells()) {
      if (!c.status().isSuppressed()) {
        assertThat(c.status().word()).isEqualTo("rounded");
        assertThat(c.published() % 5).isZero();
      }
    }
    assertThat(r.outcome()).isEqualTo(Outcome.PROTECTED);
  }

  @Test
  void roundingAMagnitudeTableIsRefused() {
    Table sums =
        new Table(
            "t",
            List.of(new Dimension("k", null, DimensionRole.ROW, List.of(Category.of("a")), false)),
            org.statbench.core.table.Measure.parse("sum:x"),
            false,
            new double[] {5},
            new long[] {20},
            null,
            null);
    assertThatThrownBy(
            () -> new DisclosureChecker(DisclosurePolicy.profile("round5")).protect(sums))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("count tables");
  }

  @Test
  void perturbationTableNeverGivesSmallCountsAndKeepsZeros() {
    PerturbationTable pt = new PerturbationTable(5, 3, 4);
    for (long n = 0; n <= 30; n++) {
      double mean = 0;
      for (int e = -5; e <= 5; e++) {
        double p = pt.probability(n, e);
        mean += p * e;
        if (p > 0) {
          assertThat(n + e >= 1 && n + e <= 4).isFalse();
          assertThat(n + e).isGreaterThanOrEqualTo(0);
        }
      }
      assertThat(mean).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
      for (double key = 0; key < 1; key += 0.01) {
        long v = pt.perturb(n, key);
        assertThat(v >= 1 && v <= 4).isFalse();
        assertThat(v).isGreaterThanOrEqualTo(0);
      }
    }
    assertThat(pt.perturb(0, 0.99)).isZero();
    // Large counts: noise variance V = 3.
    double var = 0;
    for (int e = -5; e <= 5; e++) {
      var += pt.probability(100, e) * e * e;
    }
    assertThat(var).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void sameCellGetsTheSameNoiseInTwoTablesThatShareIt() {
    // Table A: sex by region; table B: sex by age. They share the cell "F, all regions" =
    // "F, all ages": the same records, so the same count and the same cell key.
    Dimension sex = TestData.flat("sex", DimensionRole.ROW, "F", "M");
    Dimension region = TestData.flat("region", DimensionRole.COLUMN, "N", "S", "E");
    Dimension age = TestData.flat("age", DimensionRole.COLUMN, "young", "old");
    long[][] a = {{17, 23, 40}, {5, 61, 12}};
    long[][] b = {{30, 50}, {41, 37}};
    Table ta = TestTables.counts(List.of(sex, region), c -> a[c[0]][c[1]]);
    Table tb = TestTables.counts(List.of(sex, age), c -> b[c[0]][c[1]]);
    assertThat(ta.value(ta.index(0, 3))).isEqualTo(tb.value(tb.index(0, 2))); // 80 both
    double sharedKey = 0.734;
    ta = ta.withCellKeys(keys(ta, 11, ta.index(0, 3), sharedKey));
    tb = tb.withCellKeys(keys(tb, 29, tb.index(0, 2), sharedKey));
    DisclosureChecker c = new DisclosureChecker(DisclosurePolicy.profile("perturb"));
    DisclosureReport ra = c.protect(ta);
    DisclosureReport rb = c.protect(tb);
    assertThat(ra.protectedTable().value(ta.index(0, 3)))
        .isEqualTo(rb.protectedTable().value(tb.index(0, 2)));
    assertThat(ra.cells()).allMatch(x -> x.status().word().equals("perturbed"));
    assertThat(ra.note()).contains("D=5, V=3, js=4");
    // Perturbing the same table twice gives the same numbers.
    assertThat(c.protect(ta).protectedHash()).isEqualTo(ra.protectedHash());
    for (CellResult x : ra.cells()) {
      assertThat(x.published() >= 1 && x.published() <= 4).isFalse();
    }
  }

  @Test
  void perturbationWithoutCellKeysIsRefused() {
    assertThatThrownBy(() -> new DisclosureChecker(DisclosurePolicy.profile("perturb")).protect(T))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cell keys");
  }

  private static double[] keys(Table t, long seed, int shared, double sharedKey) {
    java.util.Random r = new java.util.Random(seed);
    double[] k = new double[t.cellCount()];
    for (int i = 0; i < k.length; i++) {
      k[i] = r.nextDouble();
    }
    k[shared] = sharedKey;
    return k;
  }
}
