package org.statbench.tabulate.survey;

import java.util.Optional;
import org.statbench.core.InputException;
import org.statbench.store.Workspace;

/**
 * The survey design kept with a dataset in the workspace (a dataset property, so it survives a
 * re-import and goes with the dataset when it is dropped). Every table of the dataset uses it
 * unless switched off. Stateless.
 */
public final class SurveyDesigns {
  /** The dataset property holding {@link SurveyDesign#toText()}. */
  public static final String PROPERTY = "survey.design";

  private SurveyDesigns() {}

  /** The dataset's design, if one is set. */
  public static Optional<SurveyDesign> of(Workspace ws, String dataset) {
    String text = ws.property(dataset, PROPERTY);
    return text == null ? Optional.empty() : Optional.of(SurveyDesign.fromText(text));
  }

  /**
   * Keeps a design with a dataset (null removes it), after checking that its variables exist.
   *
   * @throws InputException naming a variable the dataset does not have
   */
  public static void set(Workspace ws, String dataset, SurveyDesign design) {
    if (design != null) {
      checkVariables(ws, dataset, design);
    }
    ws.setProperty(dataset, PROPERTY, design == null ? null : design.toText());
  }

  /**
   * Checks a design against the dataset's data without keeping it: its variables exist, the weight
   * and fpc are usable, and no stratum has a single PSU unless the design says how to treat it.
   * Reads the design's columns (a worker-thread call on a large dataset).
   *
   * @throws InputException naming the unknown variable, the bad record or the one-PSU strata
   */
  public static void check(Workspace ws, String dataset, SurveyDesign design) {
    checkVariables(ws, dataset, design);
    DesignFrame.of(design, ws.columns(dataset, design.variables()));
  }

  private static void checkVariables(Workspace ws, String dataset, SurveyDesign design) {
    var info = ws.dataset(dataset);
    for (String v : design.variables()) {
      if (info.variables().stream().noneMatch(x -> x.name().equals(v))) {
        throw new InputException(
            "The survey design names '" + v + "', which dataset '" + dataset + "' does not have");
      }
    }
  }
}
