package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;

class StatusSpecJsonTest {
  @Test
  void statusDefinitionRoundTripsWithItsCohortPart() {
    StatusSpec s =
        StatusData.spec().withPriority(List.of("UC", "ESA")).withOffLabel("None").withWindow(2);
    s = s.withCohort(s.cohort().withTitle("Benefit status").withBy(List.of("g")));

    String json = CohortSpecJson.toJson(s);

    assertThat(json).contains("\"version\" : 3").contains("\"status\"");
    assertThat(CohortSpecJson.statusFromJson(json, "x.json")).contains(s);
    assertThat(CohortSpecJson.fromJson(json, "x.json")).isEqualTo(s.cohort());
  }

  @Test
  void plainCohortDefinitionsOfEveryVersionHaveNoStatusPart() {
    String v1 =
        """
        {"format": "statbench-cohort", "version": 1, "dataset": "referrals",
         "entry": "referral_date", "event": "job_outcome_date", "filters": {}}
        """;
    String v3 = CohortSpecJson.toJson(CohortSpec.of("d", "a", "b").withAsOf(LocalDate.EPOCH));

    assertThat(CohortSpecJson.statusFromJson(v1, "v1.json")).isEmpty();
    assertThat(CohortSpecJson.statusFromJson(v3, "v3.json")).isEmpty();
    assertThat(CohortSpecJson.fromJson(v1, "v1.json").entry()).isEqualTo("referral_date");
  }

  @Test
  void statusPartMissingAFieldNamesIt() {
    String json =
        """
        {"format": "statbench-cohort", "version": 3, "dataset": "d", "entry": "a", "event": "a",
         "status": {"id": "id", "spells": "s", "spellId": "pid", "state": "benefit",
                    "start": "start"}}
        """;

    assertThatThrownBy(() -> CohortSpecJson.statusFromJson(json, "s.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("s.json")
        .hasMessageContaining("end");
  }
}
