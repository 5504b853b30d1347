package org.statbench.app.linkage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.statbench.core.data.DatasetColumns;
import org.statbench.link.BlockingRule;
import org.statbench.link.LinkField;
import org.statbench.link.LinkJob;
import org.statbench.link.LinkModel;
import org.statbench.link.MatchKey;
import org.statbench.store.Workspace;

/**
 * Builds the engine's {@link LinkJob} from the tab's choices, reading only the variables the job
 * needs (ids, compared fields, truth), with the match keys to apply before the model. Plain code,
 * no toolkit.
 */
final class LinkJobs {
  private LinkJobs() {}

  /** The job on datasets {@code l} and {@code r} (null: deduplicate {@code l}). */
  static LinkJob job(
      Workspace ws,
      String l,
      String r,
      String lid,
      String rid,
      List<LinkField> f,
      List<BlockingRule> rules,
      List<MatchKey> keys,
      String truth,
      LinkModel model,
      LinkJob.Options o) {
    Set<String> lv = new LinkedHashSet<>();
    Set<String> rv = new LinkedHashSet<>();
    lv.add(lid);
    rv.add(rid);
    for (LinkField x : f) {
      lv.add(x.leftVariable());
      rv.add(x.rightVariable());
    }
    if (truth != null) {
      lv.add(truth);
      rv.add(truth);
    }
    DatasetColumns lc = ws.columns(l, lv);
    DatasetColumns rc = r == null ? null : ws.columns(r, rv);
    return new LinkJob(lc, rc, lid, rid, f, rules, keys, model, truth, o);
  }

  static LinkJob withModel(LinkJob j, LinkModel m) {
    return new LinkJob(
        j.left(),
        j.right(),
        j.leftId(),
        j.rightId(),
        j.fields(),
        j.rules(),
        j.matchKeys(),
        m,
        j.truth(),
        j.options());
  }

  /** The id value of a record of the job's left (or right) dataset. */
  static String idText(LinkJob j, boolean leftSide, int row) {
    DatasetColumns d = leftSide || j.isDeduplication() ? j.left() : j.right();
    return d.column(leftSide || j.isDeduplication() ? j.leftId() : j.rightId()).text(row);
  }
}
