package org.statbench.app.shell;

/** The main window's top-level menus, in order. */
public enum AppMenu {
  FILE("File"),
  DATASETS("Datasets"),
  EDIT("Edit"),
  VIEW("View"),
  TABLE("Table"),
  DISCLOSURE("Disclosure"),
  HELP("Help");

  private final String title;

  AppMenu(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
