package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statbench.sampledata.people.SyntheticPeople;

/** The engine's support for the Linkage tab: histogram, waterfall of a pair, clerical review. */
class LinkReviewAndExplainTest {
  private static LinkJob job;
  private static LinkResult result;

  @BeforeAll
  static void link() {
    SyntheticPeople.Job data = SyntheticPeople.generate(2026, 2_000, 300);
    job = LinkerTest.peopleJob(data, LinkJob.Options.DEFAULT.withThresholds(0.9, 0.2));
    result = Linker.link(job, null, null);
  }

  @Test
  void histogramAgreesWithTheCurveAtItsThresholds() {
    LinkResult.WeightHistogram h = result.histogram();
    for (LinkResult.CurvePoint c : result.curve()) {
      double w = Math.log(c.probability() / (1 - c.probability())) / Math.log(2);
      assertThat(h.pairsAtOrAbove(w)).as("pairs at %s", c.probability()).isEqualTo(c.pairs());
      assertThat(h.estimatedPrecision(w)).isCloseTo(c.estimatedPrecision(), within(1e-9));
      assertThat(h.estimatedRecall(w)).isCloseTo(c.estimatedRecall(), within(1e-9));
    }
    long all = 0;
    for (long n : h.counts()) {
      all += n;
    }
    assertThat(all).isEqualTo(result.candidatePairs());
  }

  @Test
  void waterfallStepsAddUpToTheLinksWeight() {
    LinkJob trained =
        new LinkJob(
            job.left(),
            job.right(),
            job.leftId(),
            job.rightId(),
            job.fields(),
            job.rules(),
            job.matchKeys(),
            result.model(),
            job.truth(),
            job.options());
    assertThat(result.links().size()).isGreaterThan(20);
    for (int i = 0; i < 20; i++) {
      Waterfall w = Linker.explain(trained, result.links().left(i), result.links().right(i));
      assertThat(w.steps().get(0).kind()).isEqualTo(Waterfall.Kind.PRIOR);
      assertThat(w.steps().stream().filter(s -> s.kind() == Waterfall.Kind.FIELD).count())
          .isEqualTo(job.fields().size());
      assertThat(w.total()).isCloseTo(result.links().weight(i), within(1e-9));
      assertThat(w.probability()).isCloseTo(result.links().probability(i), within(1e-9));
    }
  }

  @Test
  void acceptedReviewBecomesALinkAndRejectedLinkIsDropped() {
    Verification v = result.verification();
    int possible = -1;
    for (int i = 0; i < v.size() && possible < 0; i++) {
      if (v.result(i) == Verification.Result.POSSIBLE) {
        possible = i;
      }
    }
    assertThat(possible).as("a record in the grey zone").isGreaterThanOrEqualTo(0);
    Links before = result.links();
    LinkResult.Review accept =
        new LinkResult.Review(possible, v.right(possible), v.probability(possible), true);
    LinkResult.Review reject =
        new LinkResult.Review(before.left(0), before.right(0), before.probability(0), false);
    LinkResult after = result.withReview(List.of(accept, reject));
    // one added, one removed
    assertThat(after.links().size()).isEqualTo(before.size());
    Links.Link added = after.links().get(after.links().size() - 1);
    assertThat(added.left()).isEqualTo(possible);
    assertThat(added.stage()).isEqualTo("review");
    assertThat(after.verification().result(possible)).isEqualTo(Verification.Result.MATCH);
    assertThat(after.verification().result(before.left(0))).isEqualTo(Verification.Result.NO_MATCH);
    // the original result is unchanged
    assertThat(result.verification().result(possible)).isEqualTo(Verification.Result.POSSIBLE);
  }
}
