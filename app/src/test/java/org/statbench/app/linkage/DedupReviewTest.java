package org.statbench.app.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.link.LinkResult;
import org.statbench.link.Links;

class DedupReviewTest {
  @Test
  void anAcceptedPairJoinsItsTwoClustersARejectedOneChangesNothing() {
    // records 0..5 in clusters {0,1} {2} {3} {4,5}
    int[] before = {1, 1, 2, 3, 4, 4};
    List<LinkResult.Review> decisions =
        List.of(
            new LinkResult.Review(2, 5, 0.7, true), // joins {2} and {4,5}
            new LinkResult.Review(0, 3, 0.6, false));

    int[] after = DedupReview.clusters(before, decisions);

    // renumbered by first record: {0,1} -> 1, {2,4,5} -> 2, {3} -> 3
    assertThat(after).containsExactly(1, 1, 2, 3, 2, 2);
  }

  @Test
  void theGreyZoneIsTheWidePassLinksBelowTheMatchThreshold() {
    List<Links.Link> wide =
        List.of(
            new Links.Link(0, 4, 0.97, 5, "model"),
            new Links.Link(1, 3, 0.67, 1, "model"),
            new Links.Link(2, 5, 0.33, -1, "model"));

    assertThat(DedupReview.greyPairs(wide, 0.9))
        .containsExactly(new ReviewQueue.Pair(1, 3, 0.67), new ReviewQueue.Pair(2, 5, 0.33));
  }
}
