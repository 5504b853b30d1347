package org.statbench.tabulate.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.statbench.core.InputException;

/**
 * A survey design: how the sample was drawn, which is what standard errors depend on. Either a
 * stratified multistage design described by its first stage (strata, primary sampling units,
 * optional finite population correction; R {@code svydesign(ids=~psu, strata=~stratum, weights=~w,
 * fpc=~fpc, nest=TRUE)}) or replicate weights (R {@code svrepdesign}).
 *
 * <p>PSU codes are taken within their stratum (the same code in two strata is two PSUs). Without
 * PSUs each record is its own PSU; without strata there is one stratum.
 *
 * @param weight the sampling weight variable (required)
 * @param strata stratum variable, or null
 * @param psu primary sampling unit (cluster) variable, or null
 * @param fpc finite population correction variable, or null: per record the stratum's population
 *     number of PSUs (a value above 1) or the sampling fraction (a value of at most 1)
 * @param lonely what to do with a stratum of one PSU
 * @param replicates replicate weight variables (empty for a linearisation design)
 * @param replicateType how the replicates were made (used when there are replicates)
 */
public record SurveyDesign(
    String weight,
    String strata,
    String psu,
    String fpc,
    LonelyPsu lonely,
    List<String> replicates,
    ReplicateType replicateType) {

  /** Treatment of strata with a single PSU, as R's {@code options(survey.lonely.psu=...)}. */
  public enum LonelyPsu {
    /** Refuse, naming the strata (R's default {@code "fail"}). */
    FAIL,
    /** Centre the lonely PSU at the average of all PSU totals ({@code "adjust"}). */
    ADJUST,
    /** Leave the stratum out and scale the rest up by strata / strata with 2+ PSUs. */
    AVERAGE,
    /** The stratum contributes no variance (a certainty PSU). */
    CERTAINTY;

    /** The option word: {@code fail}, {@code adjust}, {@code average}, {@code certainty}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Kinds of replicate weights, as R's {@code svrepdesign(type=...)}. */
  public enum ReplicateType {
    /** Bootstrap: variance = sum of squared deviations / (R - 1). */
    BOOTSTRAP,
    /** Delete-one-PSU jackknife, unstratified: (R - 1) / R times the sum of squares. */
    JK1,
    /**
     * Stratified jackknife: each replicate's squared deviation scaled by (n_h - 1) / n_h of the
     * stratum whose PSU it deletes (needs the design's strata and PSUs).
     */
    JKN;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static ReplicateType parse(String s) {
      for (ReplicateType t : values()) {
        if (t.key().equalsIgnoreCase(s.trim())) {
          return t;
        }
      }
      throw new InputException("Unknown replicate type '" + s + "': use bootstrap, jk1 or jkn");
    }
  }

  public SurveyDesign {
    if (weight == null || weight.isBlank()) {
      throw new InputException("A survey design needs a weight variable (--weight)");
    }
    strata = blankToNull(strata);
    psu = blankToNull(psu);
    fpc = blankToNull(fpc);
    lonely = lonely == null ? LonelyPsu.FAIL : lonely;
    replicates = replicates == null ? List.of() : List.copyOf(replicates);
    replicateType = replicateType == null ? ReplicateType.BOOTSTRAP : replicateType;
    if (!replicates.isEmpty() && replicates.size() < 2) {
      throw new InputException("Replicate weights need at least two variables");
    }
    if (replicateType == ReplicateType.JKN && !replicates.isEmpty() && (strata == null)) {
      throw new InputException(
          "JKn replicate weights need the design's strata and PSUs (--design strata=V,psu=V)");
    }
  }

  /** A design with a weight only (simple random sampling with replacement of records). */
  public static SurveyDesign weightOnly(String weight) {
    return new SurveyDesign(weight, null, null, null, null, null, null);
  }

  /** True when variances come from replicate weights. */
  public boolean usesReplicates() {
    return !replicates.isEmpty();
  }

  /** A copy with replicate weights. */
  public SurveyDesign withReplicates(List<String> variables, ReplicateType type) {
    return new SurveyDesign(weight, strata, psu, fpc, lonely, variables, type);
  }

  /** Every variable the design reads. */
  public List<String> variables() {
    List<String> out = new ArrayList<>();
    out.add(weight);
    for (String v : new String[] {strata, psu, fpc}) {
      if (v != null) {
        out.add(v);
      }
    }
    out.addAll(replicates);
    return out;
  }

  /**
   * Parses the command line's {@code strata=V,psu=V[,fpc=V][,lonely=adjust|average|certainty]}
   * (every key optional, in any order).
   *
   * @throws InputException naming the bad key or value
   */
  public static SurveyDesign parse(String text, String weight) {
    Map<String, String> kv = keyValues(text, "--design");
    String lonely = kv.remove("lonely");
    SurveyDesign d =
        new SurveyDesign(
            weight,
            kv.remove("strata"),
            kv.remove("psu"),
            kv.remove("fpc"),
            lonely == null ? null : lonelyOf(lonely),
            null,
            null);
    if (!kv.isEmpty()) {
      throw new InputException(
          "--design: unknown key '"
              + kv.keySet().iterator().next()
              + "': use strata=V, psu=V, fpc=V, lonely=adjust|average|certainty");
    }
    return d;
  }

  private static LonelyPsu lonelyOf(String s) {
    for (LonelyPsu l : LonelyPsu.values()) {
      if (l.key().equalsIgnoreCase(s.trim())) {
        return l;
      }
    }
    throw new InputException(
        "--design: unknown lonely='" + s + "': use adjust, average, certainty or fail");
  }

  /**
   * The design as one line of text, the form kept with a dataset in the workspace: {@code
   * weight=W;strata=S;psu=P;fpc=F;lonely=adjust;replicates=R1,R2;type=jk1} (absent parts left out).
   * {@link #fromText} reads it back.
   */
  public String toText() {
    StringBuilder sb = new StringBuilder("weight=").append(weight);
    if (strata != null) {
      sb.append(";strata=").append(strata);
    }
    if (psu != null) {
      sb.append(";psu=").append(psu);
    }
    if (fpc != null) {
      sb.append(";fpc=").append(fpc);
    }
    sb.append(";lonely=").append(lonely.key());
    if (usesReplicates()) {
      sb.append(";replicates=").append(String.join(",", replicates));
      sb.append(";type=").append(replicateType.key());
    }
    return sb.toString();
  }

  /**
   * The design in words for a dataset's properties, e.g. {@code survey design: weight w, strata s,
   * PSU p, lonely PSUs adjust}.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder("survey design: weight ").append(weight);
    if (strata != null) {
      sb.append(", strata ").append(strata);
    }
    if (psu != null) {
      sb.append(", PSU ").append(psu);
    }
    if (fpc != null) {
      sb.append(", fpc ").append(fpc);
    }
    if (lonely != LonelyPsu.FAIL) {
      sb.append(", lonely PSUs ").append(lonely.key());
    }
    if (usesReplicates()) {
      sb.append(", ")
          .append(replicates.size())
          .append(' ')
          .append(replicateType.key())
          .append(" replicates");
    }
    return sb.toString();
  }

  /** Reads the text of {@link #toText}. */
  public static SurveyDesign fromText(String text) {
    Map<String, String> kv = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        kv.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    String reps = kv.get("replicates");
    return new SurveyDesign(
        kv.get("weight"),
        kv.get("strata"),
        kv.get("psu"),
        kv.get("fpc"),
        kv.containsKey("lonely") ? lonelyOf(kv.get("lonely")) : null,
        reps == null ? null : List.of(reps.split(",")),
        kv.containsKey("type") ? ReplicateType.parse(kv.get("type")) : null);
  }

  static Map<String, String> keyValues(String text, String option) {
    Objects.requireNonNull(text, option);
    Map<String, String> kv = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        throw new InputException(option + ": expected key=value, got '" + p + "'");
      }
      kv.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), p.substring(eq + 1).trim());
    }
    return kv;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
