package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.VariableType;
import org.statbench.sampledata.SampleData;

/** Golden tests on the bundled synthetic referrals (the published "within 12 months" case). */
class SampleReferralsGoldenTest {

  /** referral_date, job_outcome_date and payment_group of the sample referrals. */
  static DatasetColumns referrals() throws IOException {
    List<int[]> dates = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(SampleData.REFERRALS.open(), StandardCharsets.UTF_8))) {
      List<String> header = List.of(r.readLine().split(",", -1));
      int entry = header.indexOf("referral_date");
      int event = header.indexOf("job_outcome_date");
      int group = header.indexOf("payment_group");
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        dates.add(new int[] {day(f[entry]), day(f[event])});
        groups.add(f[group]);
      }
    }
    int n = dates.size();
    int[] entry = new int[n];
    int[] event = new int[n];
    Map<String, Integer> dict = new LinkedHashMap<>();
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      entry[i] = dates.get(i)[0];
      event[i] = dates.get(i)[1];
      codes[i] = dict.computeIfAbsent(groups.get(i), k -> dict.size());
    }
    return DatasetColumns.of(
        "referrals",
        List.of(
            new DateColumn("referral_date", entry),
            new DateColumn("job_outcome_date", event),
            CategoricalColumn.of(
                "payment_group", VariableType.CATEGORICAL, new ArrayList<>(dict.keySet()), codes)));
  }

  private static int day(String text) {
    return text.isEmpty() ? DateColumn.MISSING : (int) LocalDate.parse(text).toEpochDay();
  }

  static String golden(String name) throws IOException {
    try (InputStream in = SampleReferralsGoldenTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static final CohortSpec SPEC =
      CohortSpec.of("referrals", "referral_date", "job_outcome_date")
          .withHorizon(12)
          .withAsOf(LocalDate.parse("2015-03-31"));

  @Test
  void monthlyReferralCohortsWithin12MonthsMatchTheGoldenCsv() throws IOException {
    CohortTable t = CohortTracker.track(referrals(), SPEC);
    StringWriter out = new StringWriter();

    CohortCsv.write(t, out);

    assertThat(out.toString()).isEqualTo(golden("referrals-monthly-h12.csv"));
    // Spot check counted independently from the extract: the January 2012 cohort (440 people) had
    // 42 job outcomes by 30 June 2012 (duration 5).
    assertThat(out.toString()).contains("\n2012-01,5,").contains(",0.09545454545454546,");
  }

  @Test
  void june2011CohortRateMatchesADirectCountOfTheExtract() throws IOException {
    // Counted independently from the CSV: 646 referrals in June 2011, 162 with a job outcome on
    // or before 30 June 2012.
    CohortTable t = CohortTracker.track(referrals(), SPEC);

    HorizonMeasure june = t.horizonMeasures().get(0);
    assertThat(june.cohort()).isEqualTo("2011-06");
    assertThat(june.size()).isEqualTo(JUNE_2011_SIZE);
    assertThat(june.events()).isEqualTo(JUNE_2011_EVENTS_12M);
    assertThat(june.proportion()).isEqualTo((double) JUNE_2011_EVENTS_12M / JUNE_2011_SIZE);
    // The last cohort old enough for the 12-month measure on 31 March 2015 is March 2014.
    assertThat(t.horizonMeasures())
        .filteredOn(m -> m.status() == CellStatus.OBSERVED)
        .last()
        .extracting(HorizonMeasure::cohort)
        .isEqualTo("2014-03");
  }

  @Test
  void breakdownByPaymentGroupSumsToTheCohortSizes() throws IOException {
    CohortTable all = CohortTracker.track(referrals(), SPEC);
    CohortTable by = CohortTracker.track(referrals(), SPEC.withBy(List.of("payment_group")));

    for (int c = 0; c < all.cohorts().size(); c++) {
      long sum = 0;
      for (int g = 0; g < by.groups().size(); g++) {
        sum += by.size(c, g);
      }
      assertThat(sum).isEqualTo(all.size(c, 0));
    }
    assertThat(by.logRank()).isPresent();
    assertThat(by.logRank().get().pValue()).isLessThan(0.001);
  }

  @Test
  void bundledSavedDefinitionIsThePublishedTwelveMonthMeasure() throws IOException {
    CohortSpec saved;
    try (InputStream in = SampleData.class.getClassLoader().getResourceAsStream(SAVED_DEFINITION)) {
      assertThat(in).as(SAVED_DEFINITION).isNotNull();
      saved = CohortSpecJson.load(in, SAVED_DEFINITION);
    }

    assertThat(saved.title()).isEqualTo("Job outcome within 12 months by monthly referral cohort");
    assertThat(saved.withTitle(null)).isEqualTo(SPEC);
    StringWriter out = new StringWriter();
    CohortCsv.write(CohortTracker.track(referrals(), saved), out);
    assertThat(out.toString()).isEqualTo(golden("referrals-monthly-h12.csv"));
  }

  static final String SAVED_DEFINITION =
      SampleData.RESOURCE_DIR + "job-outcome-12m-by-referral-cohort.cohort.json";

  static final long JUNE_2011_SIZE = 646;
  static final long JUNE_2011_EVENTS_12M = 162;
}
