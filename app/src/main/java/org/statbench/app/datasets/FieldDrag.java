package org.statbench.app.datasets;

import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;

/**
 * The drag-and-drop format of a field: the variable name under a StatBench-specific format (so drop
 * zones ignore text dragged from elsewhere), plus plain text. Drop targets in other features read
 * it with {@link #variable(Dragboard)}.
 */
public final class FieldDrag {
  /** A variable name dragged from the field list or a drop zone. */
  public static final DataFormat VARIABLE = dataFormat("application/x-statbench-variable");

  private FieldDrag() {}

  private static DataFormat dataFormat(String id) {
    DataFormat f = DataFormat.lookupMimeType(id);
    return f != null ? f : new DataFormat(id);
  }

  /** Content for dragging a variable. */
  public static ClipboardContent content(String variable) {
    ClipboardContent c = new ClipboardContent();
    c.put(VARIABLE, variable);
    c.putString(variable);
    return c;
  }

  /** The dragged variable's name, or null when the drag is not a field. */
  public static String variable(Dragboard board) {
    Object v = board.getContent(VARIABLE);
    return v instanceof String s ? s : null;
  }
}
