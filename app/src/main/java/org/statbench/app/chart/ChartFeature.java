package org.statbench.app.chart;

import javafx.scene.Node;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.Feature;

/** The Chart tab: charts of the current table. */
public final class ChartFeature implements Feature {
  @Override
  public String id() {
    return "chart";
  }

  @Override
  public String title() {
    return "Chart";
  }

  @Override
  public Node createContent(AppContext context) {
    return new ChartView(new ChartViewModel(context.currentTable()));
  }
}
