package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.DatasetColumns;

/** The mutual-best rule of one-to-one linkage (see {@link MutualBest#select}). */
class MutualBestTest {
  private static final float NONE = Float.NEGATIVE_INFINITY;

  /** The sum of 2^w over each record's absent pairs, when each has at most the one given. */
  private static float[] mass(float[] best) {
    float[] m = new float[best.length];
    for (int i = 0; i < best.length; i++) {
      m[i] = (float) Math.pow(2, best[i]); // 2^-infinity = 0
    }
    return m;
  }

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
    // no right record has a partner a priori (share 0) and probability 0.5: the floor is
    // log2(1 * 1) = 0 and the odds are 2^w / ((1 + A)(1 + B)), at least 1 for every pair below
    // that the margins allow (pair 0: 4 / 1.125; pair 4: 5.66 / (1.33 * 1.25))
    int[] got =
        MutualBest.select(
            Decisions.sortByWeight(w),
            l,
            r,
            w,
            new MutualBest.Absent(belowL, belowR, mass(belowL), mass(belowR)),
            usedL,
            usedR,
            4,
            0,
            0.5);
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

  private static int[] alone(double weight, float absentL, float absentR, double share) {
    float[] bl = {absentL};
    float[] br = {absentR};
    return MutualBest.select(
        new int[] {0},
        new int[] {0},
        new int[] {0},
        new double[] {weight},
        new MutualBest.Absent(bl, br, mass(bl), mass(br)),
        new BitSet(),
        new BitSet(),
        1,
        share,
        0.8);
  }

  @Test
  void theOneToOneProbabilityWeighsAPairAgainstTheShareOfRightRecordsWithoutAPartner() {
    // weight -1: pairwise probability 1/3. With no competitor the one-to-one odds are
    // 2^-1 / (1 - share): 0.5 / 0.1 = 5 (probability 0.83) when nine right records in ten have a
    // partner, 0.5 / 0.2 = 2.5 (0.71) when eight in ten do; the rule needs 0.8 (odds 4)
    assertThat(alone(-1, NONE, NONE, 0.9)).containsExactly(0);
    assertThat(alone(-1, NONE, NONE, 0.8)).isEmpty();
    // below log2((1 - 0.9) * 4) = -1.32 bits no pair can reach 0.8
    assertThat(MutualBest.floorWeight(0.9, 0.8)).isCloseTo(log2(0.4), within(1e-12));
    assertThat(alone(-1.4, NONE, NONE, 0.9)).isEmpty();
  }

  @Test
  void weakerCandidatesOfEitherRecordLowerTheOneToOneProbability() {
    // a right record's other candidate 2 bits lower (2^-3 = 0.125): 0.5 / (0.1 + 0.125) = 2.2
    assertThat(alone(-1, NONE, -3f, 0.9)).isEmpty();
    // the left record's: 0.5 / (0.1 * (1 + 0.125 / 0.1)) = 2.2
    assertThat(alone(-1, -3f, NONE, 0.9)).isEmpty();
    // one 8 bits lower hardly counts: 0.5 / (0.1 + 0.0020) = 4.9
    assertThat(alone(-1, NONE, -9f, 0.9)).containsExactly(0);
  }

  @Test
  void theShareOfRightRecordsWithAPartnerComesFromThePriorAndIsCapped() {
    // prior per pair 8e-8 over 10 million left records: 0.8 of the right records have a partner
    assertThat(MutualBest.matchedShare(model(8e-8), 10_000_000)).isCloseTo(0.8, within(1e-12));
    assertThat(MutualBest.matchedShare(model(8e-8), 100_000_000)).isEqualTo(0.9);
  }

  @Test
  void sortableFloatsKeepTheirOrder() {
    float[] v = {NONE, -7.5f, -0.25f, 0f, 0.25f, 12f};
    for (int i = 1; i < v.length; i++) {
      assertThat(MutualBest.sortable(v[i])).isGreaterThan(MutualBest.sortable(v[i - 1]));
      assertThat(MutualBest.unsortable(MutualBest.sortable(v[i]))).isEqualTo(v[i]);
    }
  }

  /**
   * Names with term frequencies, dates without; an exact date is weak evidence (log2(0.9 / 0.3) =
   * 1.58 bits) and a date one digit apart counts against (log2(0.005 / 0.05) = -3.32 bits).
   */
  private static LinkModel model(double prior) {
    double[] nameM = {0, 0.02, 0.001, 0.01, 0.02, 0.03, 0.05, 0.899};
    double[] nameU = {0, 0.97, 0.0001, 0.01, 0.01, 0.003, 0.005, 0.005};
    // missing, else, within a year, within a month, day-month swapped, one digit, exact
    double[] dateM = {0, 0.02, 0.01, 0.01, 0.01, 0.005, 0.9};
    double[] dateU = {0, 0.6, 0.02, 0.002, 0.0001, 0.05, 0.3};
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
            model(0.2),
            null,
            o);
    return Linker.link(job, null, null);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void oneToOneLinksAClearMutualBestBelowTheThresholdButNotTwins() {
    // prior 0.2 per pair over 4 left records: 0.8 of the right records have a partner, so a pair
    // that is both records' clear best has one-to-one odds 2^w / 0.2 (five times its pairwise odds)
    // term frequency over both sides: ADAMS 2 of 8 names, BROWN 3, CLARK 3
    double base = log2(0.2 / 0.8) + log2(0.9 / 0.3);
    double adams = base + log2(0.899 / (2 / 8.0)); // 1.43 bits: probability 0.73 < 0.9
    double clark = base + log2(0.899 / (3 / 8.0)); // 0.85 bits: probability 0.64
    // L4's other candidate R4 is one digit off in the date: log2(0.005 / 0.05) instead of
    // log2(0.9 / 0.3) date bits, so it is 4.9 bits lower (a clear best) and R4's pair weighs
    // -4.06 bits: one-to-one odds 2^0.85 / (0.2 * (1 + 2^-4.06 / 0.2)) = 6.9, probability 0.87;
    // ADAMS: 2^1.43 / 0.2 = 13.5, probability 0.93; both at least MutualBest.FLOOR (0.6).
    // L2 and L3 are identical: R2's two candidates tie (margin 0), so neither links.
    assertThat(LinkRun.probability(adams)).isBetween(0.5, 0.9);
    assertThat(LinkRun.probability(clark)).isBetween(0.5, 0.9);
    assertThat(MutualBest.FLOOR).isEqualTo(0.6);
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
