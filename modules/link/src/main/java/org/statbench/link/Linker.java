package org.statbench.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetInfo;

/**
 * Record linkage, the one facade of this module: finds the records of two datasets that belong to
 * the same person (or the duplicates within one dataset), probabilistically (Fellegi-Sunter with
 * {@code u} from random sampling, {@code m} and the prior by EM over agreement-pattern counts,
 * term-frequency adjustments, a household dependence correction) and deterministically (match keys
 * accepted only when unique on both sides, before the model).
 *
 * <p>Typical use from a GUI: {@link #guessFields} to propose the field mapping, {@link
 * #defaultRules} for blocking, {@link #countPairs} to show the pairs each rule brings while the
 * user edits them, then {@link #link} on a worker thread with a {@link ProgressListener} and a
 * {@link CancellationToken}; the {@link LinkResult} carries the links, the per-record verification,
 * the trained {@link LinkModel} (m and u per level for the charts: {@link
 * LinkModel.FieldModel#weight}), the precision-recall curve by threshold and, with a truth
 * variable, the evaluation. A pair's waterfall is the prior's log-odds plus {@link
 * LinkModel.FieldModel#weight} of each field's level (and the term-frequency and household terms
 * described on {@link LinkModel}). Write outputs and save a linked dataset with {@link
 * LinkOutputs}; pseudonymise with {@link Pseudonymiser}.
 *
 * <p>Thread-safety: stateless; every call works on its own data. Personal values never appear in
 * exceptions or progress messages, only variable names and counts.
 */
public final class Linker {
  private Linker() {}

  /**
   * Links (or deduplicates) and decides.
   *
   * @param progress called with stage names and chunk counts; may be null
   * @param cancel polled between chunks; may be null
   * @throws InputException for an empty dataset, unknown variable, a type that does not fit, or a
   *     model that does not fit the fields
   * @throws org.statbench.core.RefusedException when the blocking rules bring more candidate pairs
   *     than {@link LinkJob.Options#maxPairs()} (the message gives the count per rule)
   * @throws org.statbench.core.CancelledException when cancelled
   */
  public static LinkResult link(LinkJob job, ProgressListener progress, CancellationToken cancel) {
    return new LinkRun(job, progress, cancel).run();
  }

  /**
   * The candidate pairs each blocking rule brings on its own (cheap: no comparisons), to show while
   * rules are edited. {@link LinkResult.RuleCount#added()} is -1 here.
   */
  public static List<LinkResult.RuleCount> countPairs(LinkJob job) {
    return new LinkRun(job, null, null).countOnly();
  }

  /**
   * One candidate pair's match weight taken apart (prior, each field's level, term frequencies,
   * household correction) for a waterfall chart. The steps add up to the weight the pair was scored
   * with under the same job and model.
   *
   * @param job the job as linked, with its trained model ({@link LinkResult#model()}) set
   * @param left left record number (0-based)
   * @param right right record number (0-based; of the left dataset again when deduplicating)
   * @throws InputException when the job has no model or a record number is out of range
   */
  public static Waterfall explain(LinkJob job, int left, int right) {
    return new LinkRun(job, null, null).explain(left, right);
  }

  /**
   * Fields to compare when none are given: every variable both datasets share, except the ids and
   * the truth variable, with the type guessed from its name.
   *
   * @param right null when deduplicating (then every variable of {@code left} but the id)
   */
  public static List<LinkField> guessFields(
      DatasetInfo left, DatasetInfo right, String leftId, String rightId, String truth) {
    return guessFields(
        left.name(),
        left.variableNames(),
        right == null ? null : right.name(),
        right == null ? null : right.variableNames(),
        leftId,
        rightId,
        truth);
  }

  /** {@link #guessFields(DatasetInfo, DatasetInfo, String, String, String)} by variable names. */
  public static List<LinkField> guessFields(
      String leftName,
      List<String> leftVariables,
      String rightName,
      List<String> rightVariables,
      String leftId,
      String rightId,
      String truth) {
    Set<String> skip = new java.util.HashSet<>();
    skip.add(leftId);
    if (rightId != null) {
      skip.add(rightId);
    }
    if (truth != null) {
      skip.add(truth);
    }
    List<LinkField> out = new ArrayList<>();
    for (String v : leftVariables) {
      if (skip.contains(v) || (rightVariables != null && !rightVariables.contains(v))) {
        continue;
      }
      out.add(LinkField.of(v, FieldType.guess(v)));
    }
    if (out.isEmpty()) {
      throw new InputException(
          "Datasets '"
              + leftName
              + "' and '"
              + (rightName == null ? leftName : rightName)
              + "' share no variable to compare besides the ids: give --fields");
    }
    return out;
  }

  /**
   * Sensible blocking rules for the fields: postcode; surname and date of birth; date of birth and
   * both initials in either order; surname within a postcode district; surname and address; date of
   * birth and the forename's soundex (no surname on a side); and for fields of other types their
   * exact value (e.g. a NINo or a keyed hash).
   */
  public static List<BlockingRule> defaultRules(List<LinkField> fields) {
    String pc = first(fields, FieldType.POSTCODE, null);
    String date = first(fields, FieldType.DATE, null);
    String sn = first(fields, FieldType.NAME, "sur");
    String fn = null;
    for (LinkField f : fields) {
      if (f.type() == FieldType.NAME && !f.name().equals(sn)) {
        fn = f.name();
        break;
      }
    }
    List<BlockingRule> rules = new ArrayList<>();
    if (pc != null) {
      rules.add(BlockingRule.parse(pc));
    }
    if (sn != null && date != null) {
      // movers: the postcode differs, the birthday and the sound of the surname do not
      rules.add(BlockingRule.parse("soundex(" + sn + ")+" + date));
    }
    if (date != null && fn != null) {
      // a surname typing error that changes its sound; both initials keep the pairs few (date and
      // forename initial alone brought tens of millions of pairs at 10 million records), taken in
      // either order so that a forename and surname swapped still meet
      rules.add(
          BlockingRule.parse(
              date + (sn != null ? "+initials(" + fn + "," + sn + ")" : "+initial(" + fn + ")")));
    }
    if (sn != null && pc != null) {
      rules.add(BlockingRule.parse("district(" + pc + ")+soundex(" + sn + ")"));
    }
    String address = first(fields, FieldType.TEXT, "address");
    if (sn != null && address != null) {
      // the same home when the postcode is missing or mistyped (a household: few pairs)
      rules.add(BlockingRule.parse("soundex(" + sn + ")+" + address));
    }
    if (date != null && fn != null) {
      // no surname on a side (or one whose sound and initial changed): the birthday and the sound
      // of the forename (0.14 pairs per left record at 1M x 90k; the rules before it all need the
      // surname)
      rules.add(BlockingRule.parse(date + "+soundex(" + fn + ")"));
    }
    for (LinkField f : fields) {
      if (f.type() == FieldType.NINO || f.type() == FieldType.EXACT) {
        rules.add(BlockingRule.parse(f.name()));
      }
    }
    if (rules.isEmpty()) {
      for (LinkField f : fields) {
        rules.add(BlockingRule.parse(f.name()));
      }
    }
    return rules;
  }

  private static String first(List<LinkField> fields, FieldType type, String preferring) {
    String any = null;
    for (LinkField f : fields) {
      if (f.type() == type) {
        if (preferring == null
            || f.name().toLowerCase(java.util.Locale.ROOT).contains(preferring)) {
          return f.name();
        }
        any = any == null ? f.name() : any;
      }
    }
    return any;
  }
}
