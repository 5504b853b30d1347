package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;

/** Editing a table definition with undo and redo, without a toolkit or a workspace. */
class SpecEditorTest {
  private final SpecEditor editor = new SpecEditor(BuilderState.of(TableSpec.of("people")));

  private List<String> rows() {
    return editor.spec().rows().stream().map(DimensionSpec::variable).toList();
  }

  @Test
  void movingAFieldTakesItFromWhereItWasAndClampsTheIndex() {
    editor.move("region", Zone.ROWS, 0, DimensionSpec.of("region"));
    editor.move("sex", Zone.ROWS, 99, DimensionSpec.of("sex"));
    editor.move("sex", Zone.ROWS, -5, DimensionSpec.of("sex"));

    assertThat(rows()).containsExactly("sex", "region");

    editor.move("sex", Zone.COLUMNS, 0, DimensionSpec.of("sex"));
    assertThat(rows()).containsExactly("region");
    assertThat(editor.spec().columns()).extracting(DimensionSpec::variable).containsExactly("sex");
  }

  @Test
  void everyChangeIsOneUndoStepAndANoChangeIsNone() {
    editor.move("region", Zone.ROWS, 0, DimensionSpec.of("region"));
    editor.move("sex", Zone.COLUMNS, 0, DimensionSpec.of("sex"));
    assertThat(editor.move("sex", Zone.COLUMNS, 0, DimensionSpec.of("sex"))).isFalse();

    assertThat(editor.undo()).isTrue();
    assertThat(editor.spec().columns()).isEmpty();
    assertThat(editor.undo()).isTrue();
    assertThat(rows()).isEmpty();
    assertThat(editor.undo()).isFalse();
    assertThat(editor.canRedo()).isTrue();

    editor.redo();
    assertThat(rows()).containsExactly("region");
    // a new edit after undo drops what could have been redone
    editor.setTotal("region", false);
    assertThat(editor.canRedo()).isFalse();
  }

  @Test
  void aFilteredDimensionKeepsItsConditionWhenItLeavesTheDimensionZone() {
    editor.move("benefit", Zone.ROWS, 0, DimensionSpec.of("benefit"));
    editor.setFilter("benefit", new CodeFilter("benefit", List.of("JSA"), false));
    // a dimension with a condition is not put in the Filters zone as well
    assertThat(editor.state().filterZone()).containsExactly("benefit");

    editor.remove("benefit", Zone.ROWS);

    assertThat(editor.spec().rows()).isEmpty();
    assertThat(editor.filter("benefit")).isNotNull();
    assertThat(editor.state().filterZone()).containsExactly("benefit");

    editor.remove("benefit", Zone.FILTERS);
    assertThat(editor.spec().filters()).isEmpty();
    assertThat(editor.state().filterZone()).isEmpty();
  }

  @Test
  void aFieldMovedToFiltersWithoutAConditionFiltersNothing() {
    editor.move("sex", Zone.FILTERS, 0, DimensionSpec.of("sex"));

    assertThat(editor.state().filterZone()).containsExactly("sex");
    assertThat(editor.spec().filters()).isEmpty();
  }

  @Test
  void aMedianDropsThePercentageAndKeepsTheWeight() {
    editor.move("region", Zone.ROWS, 0, DimensionSpec.of("region"));
    editor.setWeight("w");
    editor.setPercentage(Percentage.parse("row"));

    editor.setMeasure(Measure.parse("median:amount"));

    assertThat(editor.spec().percentage()).isEqualTo(Percentage.NONE);
    assertThat(editor.spec().weight()).isEqualTo("w");
    // a distinct count has no weight
    editor.setMeasure(Measure.parse("distinct:person"));
    assertThat(editor.spec().weight()).isNull();
  }

  @Test
  void aRefusedEditChangesNothing() {
    editor.move("region", Zone.ROWS, 0, DimensionSpec.of("region"));
    editor.setMeasure(Measure.parse("median:amount"));
    BuilderState before = editor.state();
    boolean couldUndo = editor.canUndo();

    assertThatThrownBy(() -> editor.setPercentage(Percentage.parse("row")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Percentages apply to counts and sums");
    assertThatThrownBy(() -> editor.setTotal("age", false))
        .hasMessageContaining("'age' is not a dimension");
    assertThat(editor.state()).isEqualTo(before);
    assertThat(editor.canUndo()).isEqualTo(couldUndo);
  }
}
