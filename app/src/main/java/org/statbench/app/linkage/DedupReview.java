package org.statbench.app.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.statbench.link.LinkJob;
import org.statbench.link.LinkModel;
import org.statbench.link.LinkResult;
import org.statbench.link.Links;

/**
 * Clerical review for deduplication (one dataset), where the engine gives no per-record
 * verification: the grey zone is the pairs a second pass with the same model links between the
 * review and the match threshold, and the reviewer's accepted pairs join their clusters (a rejected
 * grey pair was never a link, so it changes nothing). Plain Java.
 */
final class DedupReview {
  private DedupReview() {}

  /** The job again with {@code model} and the match threshold lowered to the review threshold. */
  static LinkJob wide(LinkJob j, LinkModel model, double review) {
    return new LinkJob(
        j.left(),
        j.right(),
        j.leftId(),
        j.rightId(),
        j.fields(),
        j.rules(),
        j.matchKeys(),
        model,
        j.truth(),
        j.options().withThresholds(review, review));
  }

  /** The links of the wide pass below the match threshold {@code threshold}: the grey zone. */
  static List<ReviewQueue.Pair> greyPairs(Links wide, double threshold) {
    List<Links.Link> all = new ArrayList<>();
    for (int i = 0; i < wide.size(); i++) {
      all.add(wide.get(i));
    }
    return greyPairs(all, threshold);
  }

  /** The links below the match threshold {@code threshold}, as pairs to review. */
  static List<ReviewQueue.Pair> greyPairs(List<Links.Link> wide, double threshold) {
    List<ReviewQueue.Pair> out = new ArrayList<>();
    for (Links.Link k : wide) {
      if (k.probability() < threshold && k.left() != k.right()) {
        out.add(new ReviewQueue.Pair(k.left(), k.right(), k.probability()));
      }
    }
    return out;
  }

  /**
   * The clusters with every accepted pair's two clusters joined, numbered again 1, 2, ... in order
   * of first record.
   */
  static int[] clusters(int[] clusters, List<LinkResult.Review> decisions) {
    int n = clusters.length;
    int[] parent = new int[n + 1];
    for (int i = 0; i <= n; i++) {
      parent[i] = i;
    }
    for (LinkResult.Review d : decisions) {
      if (d.accept()) {
        int a = root(parent, clusters[d.left()]);
        int b = root(parent, clusters[d.right()]);
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    int[] number = new int[n + 1];
    Arrays.fill(number, 0);
    int next = 0;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int r = root(parent, clusters[i]);
      if (number[r] == 0) {
        number[r] = ++next;
      }
      out[i] = number[r];
    }
    return out;
  }

  /** {@code r} with these clusters. */
  static LinkResult withClusters(LinkResult r, int[] clusters) {
    return new LinkResult(
        r.leftRecords(),
        r.rightRecords(),
        r.blocking(),
        r.candidatePairs(),
        r.model(),
        r.links(),
        r.verification(),
        clusters,
        r.curve(),
        r.evaluation(),
        r.timingsMs(),
        r.histogram());
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
