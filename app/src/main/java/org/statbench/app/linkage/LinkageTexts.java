package org.statbench.app.linkage;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.statbench.link.LinkResult;
import org.statbench.link.Links;

/** The Linkage tab's status lines, formatted from engine results. Plain code, no toolkit. */
final class LinkageTexts {
  private LinkageTexts() {}

  /** e.g. {@code p ≥ 0.900 (3.2 bits): 1,234 links; estimated precision 99.8%, recall 97.0%}. */
  static String threshold(double w, LinkResult.WeightHistogram h) {
    return String.format(
        Locale.ROOT,
        "p ≥ %.3f (%.1f bits): %,d links; estimated precision %.1f%%, recall %.1f%%",
        LinkageCharts.probability(w),
        w,
        h.pairsAtOrAbove(w),
        100 * h.estimatedPrecision(w),
        100 * h.estimatedRecall(w));
  }

  /** Candidate pairs and links of a run, with precision and recall against {@code truth}. */
  static String summary(LinkResult res, String truth) {
    return String.format(
        Locale.ROOT,
        "%,d candidate pairs, %,d links%s%s",
        res.candidatePairs(),
        res.links().size(),
        byStage(res.links()),
        res.evaluation() == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; against %s: precision %.3f, recall %.3f",
                truth,
                res.evaluation().precision(),
                res.evaluation().recall()));
  }

  /** e.g. {@code (key:nino+dob 120, model 80)}; empty when every link is the model's. */
  static String byStage(Links links) {
    Map<String, Integer> n = new LinkedHashMap<>();
    for (int i = 0; i < links.size(); i++) {
      n.merge(links.stage(i), 1, Integer::sum);
    }
    if (n.isEmpty() || n.keySet().equals(java.util.Set.of("model"))) {
      return "";
    }
    StringBuilder b = new StringBuilder(" (");
    n.forEach((k, v) -> b.append(b.length() > 2 ? ", " : "").append(k).append(' ').append(v));
    return b.append(')').toString();
  }
}
