package org.statbench.app.workspace;

import java.util.List;
import java.util.Map;
import org.statbench.core.CancellationToken;
import org.statbench.geo.GeoJoins;
import org.statbench.geo.JoinSpec;
import org.statbench.sampledata.SampleData;
import org.statbench.store.Workspace;

/**
 * The joins the sample workspace comes with, so a trainer can tabulate straight away: the wealth
 * survey by area classification (supergroup, group, subgroup), referrals by the geography hierarchy
 * of their output area (LSOA up to region, for roll-up), and housing-benefit claims by the region
 * of their local authority.
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
  }
}
