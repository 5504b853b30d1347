package org.statbench.tabulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.statbench.tabulate.Cells.count;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.testsupport.TestData;

/**
 * A count by two byte-coded dimensions takes the kernel's one-loop pair histogram; every cell, the
 * margins included, must still be the number of records with those codes, counted here directly.
 */
class TwoDimensionCountTest {
  private static final int N = 20_000;

  private static String[] randomCodes(SplittableRandom rnd, String prefix, int codes) {
    String[] v = new String[N];
    for (int i = 0; i < N; i++) {
      int c = rnd.nextInt(codes + 1);
      v[i] = c == codes ? null : prefix + c; // one draw in codes+1 is missing
    }
    return v;
  }

  private static String label(String code) {
    return code == null ? "Missing" : code;
  }

  @Test
  void everyCellIsTheNumberOfRecordsWithItsPairOfCodes() {
    SplittableRandom rnd = new SplittableRandom(12);
    String[] region = randomCodes(rnd, "R", 12);
    String[] sex = randomCodes(rnd, "S", 3);
    CategoricalColumn a = TestData.cat("region", region);
    CategoricalColumn b = TestData.cat("sex", sex);
    assertThat(a.isByteEncoded() && b.isByteEncoded()).isTrue();
    DatasetColumns data = TestData.dataset("d", a, b);

    Table t =
        new Tabulator()
            .tabulate(
                TableSpec.of("d").withRows("region").withColumns("sex"),
                data,
                CancellationToken.NONE);

    Map<List<String>, Long> expected = new HashMap<>();
    for (int i = 0; i < N; i++) {
      String r = label(region[i]);
      String s = label(sex[i]);
      for (List<String> cell :
          List.of(
              List.of(r, s), List.of(r, "Total"), List.of("Total", s), List.of("Total", "Total"))) {
        expected.merge(cell, 1L, Long::sum);
      }
    }
    assertThat(t.cellCount()).isEqualTo(expected.size()); // 13 x 4 codes and their margins
    for (Map.Entry<List<String>, Long> e : expected.entrySet()) {
      assertThat(count(t, e.getKey().toArray(String[]::new)))
          .as(e.getKey().toString())
          .isEqualTo(e.getValue());
    }
    assertThat(count(t, "Total", "Total")).isEqualTo(N);
  }

  @Test
  void aCodeFilterStillDropsRecords() {
    Table t =
        new Tabulator()
            .tabulate(
                TableSpec.of("d")
                    .withRows("region")
                    .withColumns("sex")
                    .withFilter(new CodeFilter("sex", List.of("F"), false)),
                TestData.dataset(
                    "d",
                    TestData.cat("region", "N", "N", "S", "S", null),
                    TestData.cat("sex", "F", "M", "F", "F", "F")),
                CancellationToken.NONE);

    // F only: N 1, S 2, Missing 1; total 4
    assertThat(count(t, "N", "F")).isEqualTo(1);
    assertThat(count(t, "S", "F")).isEqualTo(2);
    assertThat(count(t, "Missing", "F")).isEqualTo(1);
    assertThat(count(t, "Total", "Total")).isEqualTo(4);
  }
}
