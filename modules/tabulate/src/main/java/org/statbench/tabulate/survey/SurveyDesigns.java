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
      var info = ws.dataset(dataset);
      for (String v : design.variables()) {
        if (info.variables().stream().noneMatch(x -> x.name().equals(v))) {
          throw new InputException(
              "The survey design names '" + v + "', which dataset '" + dataset + "' does not have");
        }
      }
    }
    ws.setProperty(dataset, PROPERTY, design == null ? null : design.toText());
  }
}
