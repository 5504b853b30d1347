package org.statbench.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;
import org.statbench.testsupport.TestData;

class PrimaryRulesTest {
  private static final DisclosureChecker DEFAULT = new DisclosureChecker(DisclosurePolicy.DEFAULT);

  private static Table oneDimCounts(long... leaves) {
    String[] codes = new String[leaves.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = "k" + i;
    }
    return TestTables.counts(
        List.of(TestData.flat("k", DimensionRole.ROW, codes)), c -> leaves[c[0]]);
  }

  /** A 1-D sum table with one cell per entry: value, record count, top contributions. */
  private static Table sums(
      MeasureKind kind, double[] values, long[] counts, double[][] top, boolean[] negative) {
    String[] codes = new String[values.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = "k" + i;
    }
    var dim =
        new org.statbench.core.table.Dimension(
            "k",
            null,
            DimensionRole.ROW,
            java.util.Arrays.stream(codes).map(org.statbench.core.table.Category::of).toList(),
            false);
    return new Table(
        "t", List.of(dim), Measure.of(kind, "amount"), false, values, counts, top, negative);
  }

  @Test
  void thresholdFailsCountsOneToNineAndKeepsZerosSafe() {
    DisclosureReport r = DEFAULT.check(oneDimCounts(0, 3, 9, 10, 25));
    assertThat(r.cells())
        .extracting(c -> c.status().word())
        .containsExactly("ok", "primary:threshold", "primary:threshold", "ok", "ok", "ok");
    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.cell(1).findings().get(0).parameters()).isEqualTo("threshold=10, zerosSafe=true");
    assertThat(r.tableHash()).isEqualTo(oneDimCounts(0, 3, 9, 10, 25).hash());
  }

  @Test
  void zeroFailsWhenThePolicySaysZerosAreUnsafe() {
    DisclosureChecker strict = new DisclosureChecker(DisclosurePolicy.DEFAULT.withZerosSafe(false));
    DisclosureReport r = strict.check(oneDimCounts(0, 30));
    assertThat(r.cell(0).status().word()).isEqualTo("primary:threshold");
    assertThat(r.cell(1).status().word()).isEqualTo("ok");
  }

  @Test
  void tableWithoutRiskPasses() {
    DisclosureReport r = DEFAULT.check(oneDimCounts(10, 20));
    assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(r.releasable()).isTrue();
  }

  @Test
  void dominanceFailsWhenTwoContributorsMakeUpMoreThan85Percent() {
    // 12 records: 50 + 40 of 100 = 90% > 85%; the rest (10) hides more than 10% of 50, so p% holds.
    Table t =
        sums(
            MeasureKind.SUM,
            new double[] {100, 100},
            new long[] {12, 12},
            new double[][] {{50, 40, 2, 1, 1}, {30, 20, 10, 10, 10}},
            null);
    DisclosureReport r = DEFAULT.check(t);
    assertThat(r.cell(0).status().word()).isEqualTo("primary:dominance");
    assertThat(r.cell(0).findings()).extracting(RuleFinding::rule).containsExactly("dominance");
    assertThat(r.cell(0).findings().get(0).parameters()).isEqualTo("n=2, k=85");
    // Dominance protection level: (50 + 40) * 100 / 85 - 100 = 5.88...
    assertThat(r.cell(0).required().upper()).isCloseTo(90 * 100.0 / 85 - 100, within());
    assertThat(r.cell(1).status().word()).isEqualTo("ok");
  }

  @Test
  void pPercentFailsWhenTheThirdContributorHidesTooLittle() {
    // Three contributors 100, 30, 4: the second can estimate the first within 4 < 10% of 100.
    DisclosurePolicy p =
        new DisclosurePolicy(
            "p-only",
            3,
            true,
            List.of(),
            10,
            ValueHandling.REVIEW,
            ValueHandling.REVIEW,
            ProtectionMethod.SUPPRESS,
            RoundingPolicy.DEFAULT,
            PerturbationPolicy.DEFAULT,
            SecondaryProtection.absolute(3));
    Table t =
        sums(
            MeasureKind.SUM,
            new double[] {134, 150},
            new long[] {3, 3},
            new double[][] {{100, 30, 4}, {100, 30, 20}},
            null);
    DisclosureReport r = new DisclosureChecker(p).check(t);
    assertThat(r.cell(0).status().word()).isEqualTo("primary:p%");
    // Protection level: 10% of 100 less the 4 the third contributor hides.
    assertThat(r.cell(0).required().upper()).isCloseTo(6, within());
    assertThat(r.cell(0).required().lower()).isCloseTo(6, within());
    assertThat(r.cell(1).status().word()).isEqualTo("ok");
  }

  @Test
  void negativeContributionsNeedReview() {
    Table t =
        sums(
            MeasureKind.SUM,
            new double[] {100},
            new long[] {20},
            new double[][] {{40, 30, 20, 10, 10}},
            new boolean[] {true});
    DisclosureReport r = DEFAULT.check(t);
    assertThat(r.cell(0).status().word()).isEqualTo("review:negative");
    assertThat(r.outcome()).isEqualTo(Outcome.REVIEW);
    assertThat(r.releasable()).isFalse();
  }

  @Test
  void allZeroMagnitudeCellNeedsReview() {
    Table t =
        sums(
            MeasureKind.SUM,
            new double[] {0},
            new long[] {20},
            new double[][] {{0, 0, 0, 0, 0}},
            null);
    assertThat(DEFAULT.check(t).cell(0).status().word()).isEqualTo("review:zero");
  }

  @Test
  void countCellsAreNeverReview() {
    DisclosureReport r = DEFAULT.check(oneDimCounts(0, 0));
    assertThat(r.reviews()).isEmpty();
  }

  @Test
  void meanOfFewRecordsIsTreatedAsTheCellItself() {
    Table t =
        sums(
            MeasureKind.MEAN,
            new double[] {42.5, 40},
            new long[] {4, 40},
            new double[][] {{60, 50, 30, 30}, {50, 50, 50, 50, 50}},
            null);
    DisclosureReport r = DEFAULT.check(t);
    assertThat(r.cell(0).findings()).extracting(RuleFinding::rule).contains("threshold");
    assertThat(r.cell(1).status().word()).isEqualTo("ok");
  }

  @Test
  void medianOfFewRecordsFailsTheThreshold() {
    Table t = sums(MeasureKind.MEDIAN, new double[] {42.5}, new long[] {4}, null, null);
    assertThat(DEFAULT.check(t).cell(0).status().word()).isEqualTo("primary:threshold");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
