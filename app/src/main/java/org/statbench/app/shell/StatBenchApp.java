package org.statbench.app.shell;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class StatBenchApp extends Application {

  /** Launches the GUI (blocks until the window closes). */
  public static void launchGui(String[] args) {
    Application.launch(StatBenchApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    stage.setTitle("StatBench");
    stage.setScene(new Scene(new Label("StatBench"), 1200, 800));
    stage.show();
  }
}
