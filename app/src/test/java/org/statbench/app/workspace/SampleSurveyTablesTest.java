package org.statbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.spec.TableSpec;
import org.statbench.store.Workspace;
import org.statbench.tabulate.TableSpecJson;
import org.statbench.tabulate.Tabulator;
import org.statbench.tabulate.survey.SurveyDesign;
import org.statbench.tabulate.survey.SurveyDesigns;
import org.statbench.tabulate.survey.SurveyEstimator;
import org.statbench.tabulate.survey.SurveyMeasure;
import org.statbench.tabulate.survey.SurveyTable;

/** The sample wealth survey: design kept with it, the two survey tables it ships, both waves. */
class SampleSurveyTablesTest {
  @TempDir Path dir;

  @Test
  void decileTableAndMedianTableHaveIntervalsFromTheKeptDesign() {
    SampleWorkspace.Opened opened =
        SampleWorkspace.open(
            dir.resolve("sample"), false, ProgressListener.NONE, CancellationToken.NONE);
    try (Workspace ws = opened.workspace()) {
      SurveyDesign design = SurveyDesigns.of(ws, "wealth_survey").orElseThrow();
      assertThat(design).isEqualTo(SampleWorkspace.WEALTH_DESIGN);
      Path tables = dir.resolve("sample").resolve(SampleWorkspace.TABLES_DIR);
      SurveyEstimator est = new SurveyEstimator(new Tabulator());

      TableSpec deciles =
          TableSpecJson.read(tables.resolve(SampleWorkspace.TABLES.get(4).fileName()));
      SurveyTable d =
          est.estimate(
              deciles,
              SurveyMeasure.of(deciles.measure()),
              design,
              0.95,
              ws,
              CancellationToken.NONE);
      // ten deciles of the 5,000 wave-2 households (weighted: about 500 records each), shares
      // adding up to 100, rising from the bottom decile to the top
      assertThat(d.cellCount()).isEqualTo(11);
      double sum = 0;
      for (int i = 0; i < 10; i++) {
        sum += d.estimate(i);
        assertThat(d.base(i)).isBetween(400L, 600L);
        assertThat(d.se(i)).isPositive();
        assertThat(d.lower(i)).isLessThan(d.estimate(i));
      }
      assertThat(sum).isCloseTo(100, within(1e-9));
      assertThat(d.estimate(9)).isGreaterThan(d.estimate(0));

      TableSpec medians =
          TableSpecJson.read(tables.resolve(SampleWorkspace.TABLES.get(5).fileName()));
      SurveyTable m =
          est.estimate(
              medians,
              SurveyMeasure.of(medians.measure()),
              design,
              0.95,
              ws,
              CancellationToken.NONE);
      int total = m.cellCount() - 1;
      assertThat(m.lower(total)).isLessThanOrEqualTo(m.estimate(total));
      assertThat(m.upper(total)).isGreaterThanOrEqualTo(m.estimate(total));

      // the same definition re-run on another wave in one step: only the filter changes
      TableSpec wave1 =
          medians.withFilters(
              List.of(new org.statbench.core.spec.CodeFilter("wave", List.of("1"), false)));
      SurveyTable m1 =
          est.estimate(
              wave1, SurveyMeasure.of(wave1.measure()), design, 0.95, ws, CancellationToken.NONE);
      assertThat(m1.base(total)).isEqualTo(5000);
      SurveyTable change =
          est.estimateChange(
              medians
                  .withFilters(List.of())
                  .withMeasure(org.statbench.core.table.Measure.parse("mean:savings")),
              SurveyMeasure.parse("mean:savings"),
              design,
              0.95,
              ws.columns(
                  "wealth_survey",
                  List.of("supergroup_name", "savings", "weight", "stratum", "psu", "wave")),
              "wave",
              "1",
              "2",
              CancellationToken.NONE);
      assertThat(change.base(total)).isEqualTo(10_000);
      assertThat(change.se(total)).isPositive();
    }
  }
}
