package org.statbench.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  private static Table twoByTwo() {
    Dimension rows =
        new Dimension(
            "sex", null, DimensionRole.ROW, List.of(Category.of("F"), Category.of("M")), true);
    Dimension cols =
        new Dimension(
            "region",
            null,
            DimensionRole.COLUMN,
            List.of(Category.of("N"), Category.of("S")),
            true);
    // F: 1 2 | 3 ; M: 4 5 | 9 ; Total: 5 7 | 12
    return Table.ofCounts("d", List.of(rows, cols), new long[] {1, 2, 3, 4, 5, 9, 5, 7, 12});
  }

  @Test
  void indexAndCoordinateAreInverse() {
    Table t = twoByTwo();
    for (int i = 0; i < t.cellCount(); i++) {
      assertThat(t.index(t.coord(i))).isEqualTo(i);
    }
    assertThat(t.value(t.index(2, 2))).isEqualTo(12);
  }

  @Test
  void marginsAreTypedNotLabelled() {
    Table t = twoByTwo();
    assertThat(t.kind(t.index(0, 0))).isEqualTo(CellKind.DATA);
    assertThat(t.kind(t.index(0, 2))).isEqualTo(CellKind.TOTAL);
    assertThat(t.codes(t.index(2, 1))).containsExactly("Total", "S");
  }

  @Test
  void hashChangesWhenAValueChanges() {
    Table t = twoByTwo();
    double[] v = new double[t.cellCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = t.value(i);
    }
    assertThat(t.withValues(v).hash()).isEqualTo(t.hash());
    v[0] = 0;
    assertThat(t.withValues(v).hash()).isNotEqualTo(t.hash());
  }

  @Test
  void measureLabelsRoundTrip() {
    for (String s :
        List.of("count", "sum:amount", "mean:x", "median:age", "p90:award", "min:a", "max:b")) {
      assertThat(Measure.parse(s).label()).isEqualTo(s);
    }
  }

  @Test
  void hierarchyChildrenFollowParents() {
    Dimension geo =
        new Dimension(
            "area",
            null,
            DimensionRole.ROW,
            List.of(
                new Category("R1", null, -1),
                new Category("LA1", null, 0),
                new Category("LA2", null, 0)),
            true);
    assertThat(geo.children(geo.totalIndex())).containsExactly(0);
    assertThat(geo.children(0)).containsExactly(1, 2);
    assertThat(geo.isMargin(0)).isTrue();
    assertThat(geo.isMargin(1)).isFalse();
  }

  @Test
  void positionsWalkTheChosenDimensionsLastFastestWithTheirTotals() {
    Table t = twoByTwo(); // each dimension: two codes and its total = 3 positions
    List<int[]> both = Positions.combinations(t, List.of(0, 1));
    assertThat(both).hasSize(9);
    assertThat(both.get(0)).containsExactly(0, 0);
    assertThat(both.get(1)).containsExactly(0, 1);
    assertThat(both.get(3)).containsExactly(1, 0);
    assertThat(both.get(8)).containsExactly(2, 2);
    assertThat(Positions.combinations(t, List.of(1))).hasSize(3);
    assertThat(Positions.combinations(t, List.of()))
        .singleElement()
        .satisfies(c -> assertThat(c).isEmpty());
  }
}
