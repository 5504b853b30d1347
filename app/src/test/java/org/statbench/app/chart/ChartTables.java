package org.statbench.app.chart;

import java.util.List;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.tabulate.Tabulator;

/** Small tables computed by the real engine. */
final class ChartTables {
  private ChartTables() {}

  /**
   * 8 people: region N/S/E, sex F/M, year 2023/2024, amount. N: F 2, M 1; S: F 1, M 2; E: F 1, M 1.
   */
  static final DatasetColumns PEOPLE =
      DatasetColumns.of(
          "people",
          List.of(
              CategoricalColumn.of(
                  "region",
                  VariableType.CATEGORICAL,
                  List.of("N", "S", "E"),
                  new int[] {0, 0, 0, 1, 1, 1, 2, 2}),
              CategoricalColumn.of(
                  "sex",
                  VariableType.CATEGORICAL,
                  List.of("F", "M"),
                  new int[] {0, 0, 1, 0, 1, 1, 0, 1}),
              CategoricalColumn.of(
                  "year",
                  VariableType.CATEGORICAL,
                  List.of("2023", "2024"),
                  new int[] {0, 1, 0, 1, 0, 1, 0, 1}),
              new NumericColumn(
                  "amount", VariableType.INTEGER, new double[] {10, 20, 30, 40, 50, 60, 70, 80})));

  static Table table(TableSpec spec) {
    return new Tabulator().tabulate(spec, PEOPLE, CancellationToken.NONE);
  }
}
