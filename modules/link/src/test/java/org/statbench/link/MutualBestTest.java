package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.DatasetColumns;

/** The mutual-best rule of one-to-one linkage (see {@link Decisions#mutualBest}). */
class MutualBestTest {
  private static final float NONE = Float.NEGATIVE_INFINITY;

  @Test
  void linksOnlyPairsThatAreBothRecordsClearBestAmongTheFreeOnes() {
    // pair:        0     1     2     3     4     5     6
    int[] l = {0, 1, 1, 2, 2, 3, 4};
    int[] r = {0, 1, 2, 3, 4, 5, 6};
    double[] w = {2.0, 1.5, 0.5, 3.0, 2.5, 1.0, -0.5};
    // the best absent (below-floor) candidate of each record
    float[] belowL = {-3f, NONE, -2f, NONE, NONE};
    float[] belowR = {NONE, NONE, NONE, NONE, -1.6f, -2.5f, NONE};
    BitSet usedL = new BitSet();
    BitSet usedR = new BitSet();
    usedR.set(3); // right record 3 is linked already (above the threshold to someone else)
    int[] got =
        Decisions.mutualBest(
            Decisions.sortByWeight(w), l, r, w, belowL, belowR, usedL, usedR, 0, 4);
    // pair 0: margins 2 - (-3) = 5 and infinite: links
    // pair 1: left 1's next candidate (pair 2) is only 1.5 - 0.5 = 1 bit lower: no
    // pair 2: left 1's best is pair 1: no
    // pair 3: right 3 is taken
    // pair 4: right 3 taken, so no competitor there; margins 2.5 - (-2) = 4.5 and 2.5 - (-1.6) =
    // 4.1
    // pair 5: right 5's absent candidate is 1 - (-2.5) = 3.5 bits lower: no
    // pair 6: below the floor
    assertThat(got).containsExactly(4, 0);
    assertThat(usedL.stream().toArray()).containsExactly(0, 2);
    assertThat(usedR.stream().toArray()).containsExactly(0, 3, 4);
  }

  @Test
  void sortableFloatsKeepTheirOrder() {
    float[] v = {NONE, -7.5f, -0.25f, 0f, 0.25f, 12f};
    for (int i = 1; i < v.length; i++) {
      assertThat(Decisions.sortable(v[i])).isGreaterThan(Decisions.sortable(v[i - 1]));
      assertThat(Decisions.unsortable(Decisions.sortable(v[i]))).isEqualTo(v[i]);
    }
  }

  /** Names with term frequencies, dates without (as in LinkerTest). */
  private static LinkModel model(double prior) {
    double[] nameM = {0, 0.02, 0.001, 0.01, 0.02, 0.03, 0.05, 0.899};
    double[] nameU = {0, 0.97, 0.0001, 0.01, 0.01, 0.003, 0.005, 0.005};
    double[] dateM = {0, 0.02, 0.01, 0.01, 0.01, 0.05, 0.9};
    double[] dateU = {0, 0.96, 0.02, 0.002, 0.0001, 0.001, 0.0001};
    return new LinkModel(
        LinkModel.VERSION,
        List.of(
            new LinkModel.FieldModel(
                "surname", FieldType.NAME, FieldType.NAME.levels(), nameM, nameU, true),
            new LinkModel.FieldModel(
                "dob", FieldType.DATE, FieldType.DATE.levels(), dateM, dateU, false)),
        prior,
        null,
        "by hand");
  }

  private static LinkResult link(LinkJob.Options o) {
    DatasetColumns l =
        Records.of(
            "l",
            "id,surname,dob",
            "L1,Adams,1960-01-01",
            "L2,Brown,1961-02-02",
            "L3,Brown,1961-02-02",
            "L4,Clark,1962-03-03");
    DatasetColumns r =
        Records.of(
            "r",
            "id,surname,dob",
            "R1,ADAMS,1960-01-01",
            "R2,BROWN,1961-02-02",
            "R3,CLARK,1962-03-03",
            "R4,CLARK,1962-03-04");
    LinkJob job =
        new LinkJob(
            l,
            r,
            "id",
            "id",
            List.of(LinkField.of("surname", FieldType.NAME), LinkField.of("dob", FieldType.DATE)),
            List.of(BlockingRule.parse("year(dob)")),
            List.of(),
            model(1e-4),
            null,
            o);
    return Linker.link(job, null, null);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void oneToOneLinksAClearMutualBestBelowTheThresholdButNotTwins() {
    // term frequency over both sides: ADAMS 2 of 8 names, BROWN 3, CLARK 3
    double base = log2(1e-4 / (1 - 1e-4)) + log2(0.9 / 0.0001);
    double adams = base + log2(0.899 / (2 / 8.0)); // 1.69 bits: probability 0.76 < 0.9
    double clark = base + log2(0.899 / (3 / 8.0)); // 1.11 bits: probability 0.68
    // L4's other candidate R4 differs in the date: at most log2(0.01 / 0.0001) date bits instead
    // of log2(0.9 / 0.0001), so it is at least 13.14 - 6.64 = 6.5 bits lower: a clear best.
    // L2 and L3 are identical: R2's two candidates tie (margin 0), so neither links.
    assertThat(LinkRun.probability(adams)).isBetween(0.5, 0.9);
    assertThat(LinkRun.probability(clark)).isBetween(0.5, 0.9);
    LinkJob.Options on = LinkJob.Options.DEFAULT.withOneToOne(true);
    LinkResult res = link(on);
    List<String> got = new ArrayList<>();
    for (int i = 0; i < res.links().size(); i++) {
      got.add(res.links().left(i) + "-" + res.links().right(i) + " " + res.links().stage(i));
    }
    assertThat(got).containsExactly("0-0 mutual best", "3-2 mutual best");
    assertThat(res.links().weight(0)).isCloseTo(adams, within(1e-9));
    assertThat(res.links().weight(1)).isCloseTo(clark, within(1e-9));
    assertThat(res.verification().result(0)).isEqualTo(Verification.Result.MATCH);
    assertThat(res.verification().result(1)).isEqualTo(Verification.Result.NO_MATCH);
    // the rule is part of one-to-one assignment, and a margin of 0 turns it off
    assertThat(link(on.withMutualMargin(0)).links().size()).isZero();
    assertThat(link(LinkJob.Options.DEFAULT).links().size()).isZero();
  }
}
