package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.InputException;

class CohortSpecJsonTest {
  @Test
  void savedDefinitionLoadsBackEqual(@TempDir Path dir) {
    CohortSpec spec =
        CohortSpec.of("referrals", "referral_date", "job_outcome_date")
            .withTitle("job outcome within 12 months")
            .withEnd("left_date")
            .withCompeting("death_date")
            .withPeriod(CohortPeriod.QUARTER)
            .withUnit(DurationUnit.WEEKS)
            .withHorizon(52)
            .withAsOf(LocalDate.parse("2012-06-30"))
            .withBy(List.of("region", "sex", "age"))
            .withDerivation("age", org.statbench.core.spec.Bands.parse("16-24,25-49,50+"))
            .withDerivation(
                "region",
                new org.statbench.core.spec.CodeGroups(
                    List.of(
                        new org.statbench.core.spec.CodeGroup(
                            "North", List.of("E12000001", "E12000002")))))
            .withFilter(org.statbench.core.spec.CodeFilter.include("benefit", "JSA", "UC"))
            .withFilter(org.statbench.core.spec.RangeFilter.parse("age=16..64"))
            .withFilter(org.statbench.core.spec.DateRangeFilter.parse("referral_date=2011-06-01.."))
            .withEstimator(Estimator.KAPLAN_MEIER);
    Path file = dir.resolve("def.json");

    CohortSpecJson.save(spec, file);

    assertThat(CohortSpecJson.load(file)).isEqualTo(spec);
    assertThat(CohortSpecJson.toJson(spec))
        .contains("\"format\" : \"statbench-cohort\"")
        .contains("\"version\" : 3");
  }

  @Test
  void minimalDefinitionTakesTheDefaults() {
    CohortSpec spec =
        CohortSpecJson.fromJson(
            "{\"format\":\"statbench-cohort\",\"version\":1,\"dataset\":\"d\","
                + "\"entry\":\"a\",\"event\":\"b\"}",
            "x.json");

    assertThat(spec).isEqualTo(CohortSpec.of("d", "a", "b"));
  }

  @Test
  void rejectsAnotherFormatNamingTheFileAndField() {
    assertThatThrownBy(
            () ->
                CohortSpecJson.fromJson("{\"format\":\"statbench-table\",\"version\":1}", "t.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("t.json")
        .hasMessageContaining("format");
  }

  @Test
  void rejectsAMissingEventVariable() {
    assertThatThrownBy(
            () ->
                CohortSpecJson.fromJson(
                    "{\"format\":\"statbench-cohort\",\"version\":1,\"dataset\":\"d\","
                        + "\"entry\":\"a\"}",
                    "t.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("event");
  }

  @Test
  void versionOneFiltersObjectStillLoadsAsIncludeFilters() {
    CohortSpec spec =
        CohortSpecJson.fromJson(
            "{\"format\":\"statbench-cohort\",\"version\":1,\"dataset\":\"d\","
                + "\"entry\":\"a\",\"event\":\"b\",\"filters\":{\"region\":[\"N\",\"S\"]}}",
            "old.json");

    assertThat(spec.filters())
        .containsExactly(org.statbench.core.spec.CodeFilter.include("region", "N", "S"));
  }

  @Test
  void filtersAreWrittenAsInTableDefinitionsAndDateGroupingsRoundTrip(@TempDir Path dir) {
    CohortSpec spec =
        CohortSpec.of("d", "a", "b")
            .withFilter(org.statbench.core.spec.CodeFilter.exclude("region", "S"))
            .withBy(List.of("a"))
            .withDerivation(
                "a",
                new org.statbench.core.spec.DateGrouping(
                    org.statbench.core.spec.DateUnit.FINANCIAL_YEAR));
    Path file = dir.resolve("fy.json");

    CohortSpecJson.save(spec, file);

    assertThat(CohortSpecJson.load(file)).isEqualTo(spec);
    assertThat(CohortSpecJson.toJson(spec))
        .contains("\"exclude\" : [ \"S\" ]")
        .contains("\"dateGrouping\" : \"financial_year\"");
  }

  @Test
  void aBadFilterEntryIsReportedWithItsPath() {
    assertThatThrownBy(
            () ->
                CohortSpecJson.fromJson(
                    "{\"format\":\"statbench-cohort\",\"version\":2,\"dataset\":\"d\","
                        + "\"entry\":\"a\",\"event\":\"b\","
                        + "\"filters\":[{\"variable\":\"age\",\"range\":{\"min\":\"x\"}}]}",
                    "bad.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("filters[0]");
  }
}
