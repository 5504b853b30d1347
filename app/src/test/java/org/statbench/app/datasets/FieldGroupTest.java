package org.statbench.app.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;

class FieldGroupTest {
  static VariableInfo v(String name, String label, VariableType t) {
    return new VariableInfo(name, label, t, 0, List.of(), null);
  }

  static final List<VariableInfo> VARS =
      List.of(
          v("sex", "Sex", VariableType.CATEGORICAL),
          v("age", "Age in years", VariableType.INTEGER),
          v("amount", "Weekly award", VariableType.DECIMAL),
          v("referral_date", "Referral date", VariableType.DATE),
          v("region", "Region", VariableType.CATEGORICAL));

  @Test
  void groupsVariablesByTypeInDatasetOrder() {
    List<FieldGroup> g = FieldGroup.group(VARS, "");
    assertThat(g).extracting(FieldGroup::title).containsExactly("Categories", "Numbers", "Dates");
    assertThat(g.get(0).variables())
        .extracting(VariableInfo::name)
        .containsExactly("sex", "region");
    assertThat(g.get(1).variables())
        .extracting(VariableInfo::name)
        .containsExactly("age", "amount");
  }

  @Test
  void searchMatchesNamesAndLabelsIgnoringCase() {
    List<FieldGroup> g = FieldGroup.group(VARS, "WEEK");
    assertThat(g)
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.variables()).extracting(VariableInfo::name).containsExactly("amount"));
    assertThat(FieldGroup.group(VARS, "nothing")).isEmpty();
  }

  @Test
  void variablesAddedByAJoinAreListedFirstUnderGeography() {
    VariableInfo joined =
        new VariableInfo(
            "supergroup",
            null,
            VariableType.CATEGORICAL,
            0,
            List.of(),
            "join oac_2011 (2011) on oa");
    List<VariableInfo> vars = new java.util.ArrayList<>(VARS);
    vars.add(joined);
    List<FieldGroup> g = FieldGroup.group(vars, "");
    assertThat(g).extracting(FieldGroup::title).startsWith("Geography", "Categories");
    assertThat(g.get(0).variables()).containsExactly(joined);
  }
}
