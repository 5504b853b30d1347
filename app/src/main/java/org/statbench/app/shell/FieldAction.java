package org.statbench.app.shell;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Something a feature can do with a variable of the selected dataset, offered in the field list's
 * context menu and by keyboard (e.g. the table builder's "Add to rows", Ctrl+R). This is the
 * keyboard alternative to dragging a field.
 *
 * @param text menu text
 * @param accelerator a {@code KeyCombination} text such as {@code Shortcut+R}, or null
 * @param action receives the variable name; runs on the FX thread
 */
public record FieldAction(String text, String accelerator, Consumer<String> action) {
  public FieldAction {
    Objects.requireNonNull(text);
    Objects.requireNonNull(action);
  }
}
