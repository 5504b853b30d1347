package org.statbench.app.tablebuilder.survey;

import java.util.List;
import org.statbench.disclosure.QualityPolicy;
import org.statbench.export.LongCsv;
import org.statbench.export.SurveyColumns;
import org.statbench.tabulate.survey.SurveyTable;

/**
 * What a release of a survey table carries beyond its values: per cell the quality rules' verdict
 * (status word and reason) and, when asked, the columns {@code se,lower,upper,cv,n}. The one place
 * both the command line ({@code export --se}) and the GUI's exports build them. Stateless.
 */
public final class SurveyFlags {
  /** Headers of the columns {@code --se} appends. */
  public static final List<String> SE_COLUMNS = List.of("se", "lower", "upper", "cv", "n");

  private SurveyFlags() {}

  /** The verdict on a cell whose estimate is 0 and that the other rules let through. */
  public static final QualityPolicy.Verdict CV_UNDEFINED =
      new QualityPolicy.Verdict(
          QualityPolicy.Level.CAUTION,
          "caution:cv-undefined",
          "use with caution: CV undefined (estimate 0)");

  /**
   * Every cell's verdict under the quality rules. A cell whose estimate is 0 has no CV (its SE over
   * 0), so the CV rules cannot judge it; unless its base withholds it, it is flagged for caution
   * ({@link #CV_UNDEFINED}) rather than published as reliable.
   */
  public static QualityPolicy.Verdict[] verdicts(SurveyTable st, QualityPolicy quality) {
    QualityPolicy.Verdict[] out = new QualityPolicy.Verdict[st.cellCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = quality.assess(st.cv(i) * 100, st.base(i));
      if (out[i].level() == QualityPolicy.Level.OK && st.estimate(i) == 0) {
        out[i] = CV_UNDEFINED;
      }
    }
    return out;
  }

  /**
   * The release's survey columns.
   *
   * @param withSe whether to append {@link #SE_COLUMNS}
   */
  public static SurveyColumns columns(SurveyTable st, QualityPolicy quality, boolean withSe) {
    QualityPolicy.Verdict[] v = verdicts(st, quality);
    String[] flags = new String[v.length];
    String[] reasons = new String[v.length];
    for (int i = 0; i < v.length; i++) {
      flags[i] = v[i].status();
      reasons[i] = v[i].reason();
    }
    return new SurveyColumns(
        st.measureLabel(),
        withSe ? SE_COLUMNS : List.of(),
        withSe ? extras(st) : null,
        flags,
        reasons);
  }

  /** Per cell se, lower, upper, cv (percent), n as written. */
  public static String[][] extras(SurveyTable st) {
    String[][] out = new String[st.cellCount()][];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          new String[] {
            LongCsv.formatValue(st.se(i)),
            LongCsv.formatValue(st.lower(i)),
            LongCsv.formatValue(st.upper(i)),
            LongCsv.formatValue(st.cv(i) * 100),
            Long.toString(st.base(i))
          };
    }
    return out;
  }
}
