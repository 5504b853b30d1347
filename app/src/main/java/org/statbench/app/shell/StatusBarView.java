package org.statbench.app.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status bar: the context's status text on the left; while a task runs, its message, a progress
 * bar and Cancel on the right.
 */
public final class StatusBarView extends HBox {
  public StatusBarView(AppContext context) {
    TaskRunner tasks = context.tasks();
    setId("statusBar");
    getStyleClass().add("status-bar");
    setSpacing(8);
    setPadding(new Insets(3, 8, 3, 8));
    setAlignment(Pos.CENTER_LEFT);

    Label status = new Label();
    status.setId("statusText");
    status.textProperty().bind(context.statusProperty());
    status.setMinWidth(0);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);

    Label message = new Label();
    message.setId("taskMessage");
    message.textProperty().bind(tasks.messageProperty());
    message.setMinWidth(0);
    ProgressBar progress = new ProgressBar();
    progress.setId("taskProgress");
    progress.setPrefWidth(180);
    progress
        .progressProperty()
        .bind(
            javafx.beans.binding.Bindings.when(tasks.progressProperty().lessThan(0))
                .then(ProgressBar.INDETERMINATE_PROGRESS)
                .otherwise(tasks.progressProperty()));
    Button cancel = new Button("Cancel");
    cancel.setId("taskCancel");
    cancel.setOnAction(e -> tasks.cancelCurrent());
    HBox busy = new HBox(8, message, progress, cancel);
    busy.setAlignment(Pos.CENTER_RIGHT);
    busy.setId("taskBox");
    busy.visibleProperty().bind(tasks.busyProperty());
    busy.managedProperty().bind(tasks.busyProperty());
    Label source = new Label();
    source.setId("sourceState");
    source.textProperty().bind(org.statbench.app.sources.SourceSessions.shared().stateProperty());
    getChildren().addAll(status, spacer, source, busy);
  }
}
