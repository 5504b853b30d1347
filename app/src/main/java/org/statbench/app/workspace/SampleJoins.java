package org.statbench.app.workspace;

import java.util.List;
import java.util.Map;
import org.statbench.core.CancellationToken;
import org.statbench.geo.GeoJoins;
import org.statbench.geo.JoinSpec;
import org.statbench.geo.SplitRule;
import org.statbench.sampledata.SampleData;
import org.statbench.store.Workspace;

/**
 * The joins the sample workspace comes with, so a trainer can tabulate straight away: the wealth
 * survey by area classification (supergroup, group, subgroup), referrals by the geography hierarchy
 * of their output area (LSOA up to region, for roll-up), housing-benefit claims by the region of
 * their local authority, housing-benefit claims by the output area, LSOA and local authority of
 * their postcode (a postcode join whose report shows terminated, pseudo and invalid postcodes), and
 * the wealth survey's 2011 output areas bridged through the 2011-2021 code changes to the 2021
 * classification (best fit: a split area takes the successor with the largest population share).
 */
final class SampleJoins {
  private SampleJoins() {}

  static void apply(Workspace ws, CancellationToken cancel) {
    GeoJoins geo = new GeoJoins(ws);
    String oac = SampleData.CLASSIFICATION.datasetName();
    String geography = SampleData.GEOGRAPHY.datasetName();
    geo.join(SampleData.WEALTH_SURVEY.datasetName(), oac, null, JoinSpec.of("oa_code"), cancel);
    geo.join(
        SampleData.REFERRALS.datasetName(),
        geography,
        null,
        new JoinSpec(
            "oa_code",
            List.of("lsoa", "msoa", "la", "la_name", "region", "region_name"),
            null,
            List.of(),
            Map.of()),
        cancel);
    geo.join(
        SampleData.HOUSING_BENEFIT.datasetName(),
        geography,
        "la",
        new JoinSpec("la_code", List.of("region", "region_name"), null, List.of(), Map.of()),
        cancel);
    geo.join(
        SampleData.HOUSING_BENEFIT.datasetName(),
        SampleData.POSTCODES.datasetName(),
        null,
        new JoinSpec("postcode", List.of("oa", "lsoa", "la"), null, List.of(), Map.of()),
        cancel);
    geo.join(
        SampleData.WEALTH_SURVEY.datasetName(),
        SampleData.CLASSIFICATION_2021.datasetName(),
        null,
        JoinSpec.of("oa_code")
            .withBridge(
                geo.bridge(SampleData.OA_CHANGES.datasetName(), SplitRule.BEST_FIT, "weight")),
        cancel);
  }
}
