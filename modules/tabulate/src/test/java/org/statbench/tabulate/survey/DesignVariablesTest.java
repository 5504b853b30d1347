package org.statbench.tabulate.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;

/** Weights read from a dataset's columns: a missing weight counts as 0, the data stay as read. */
class DesignVariablesTest {
  @Test
  void aMissingWeightIsZeroAndTheColumnKeepsItsMissingValue() {
    DatasetColumns data = Fixtures.of(Fixtures.num("w", 1.5, Double.NaN, 2, Double.NaN));
    double[] w = DesignVariables.weights("w", data);
    assertThat(w).containsExactly(1.5, 0, 2, 0);
    // the column is shared by every later table: its values are never changed
    assertThat(((NumericColumn) data.column("w")).values())
        .containsExactly(1.5, Double.NaN, 2, Double.NaN);
  }

  @Test
  void weightsWithoutMissingValuesAreTheColumnsValues() {
    DatasetColumns data = Fixtures.of(Fixtures.num("w", 1, 2.5, 0));
    assertThat(DesignVariables.weights("w", data)).containsExactly(1, 2.5, 0);
  }

  @Test
  void aNegativeWeightNamesTheVariableAndTheRecordOfTheDataset() {
    DatasetColumns slice = Fixtures.of(Fixtures.num("rw3", 1, Double.NaN, -0.5));
    assertThatThrownBy(() -> DesignVariables.weights("rw3", slice, 1_000))
        .isInstanceOf(InputException.class)
        .hasMessage("The weight 'rw3' is negative on record 1003");
  }
}
