package org.statbench.app.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

/**
 * Finds labels, buttons, check boxes and combo boxes' button cells that show less than their text
 * (JavaFX 21 has no {@code Labeled#isTextTruncated}): the skin's text node then holds a shortened
 * text ending in the ellipsis. Cells of lists and tables and the grid are left out (their labels
 * may elide; numbers are checked by the grid's own test).
 */
public final class Truncation {
  private Truncation() {}

  /** "text (shown as 'tex…')" for every visible truncated Labeled under {@code root}. */
  public static List<String> truncated(Node root) {
    List<String> out = new ArrayList<>();
    walk(root, out);
    return out;
  }

  private static void walk(Node n, List<String> out) {
    if (!n.isVisible()
        || n instanceof VirtualFlow<?>
        || n instanceof TableView<?>
        || n instanceof TreeTableView<?>
        || "tableGrid".equals(n.getId())) {
      return;
    }
    if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
      for (Node c : l.getChildrenUnmodifiable()) {
        if (c instanceof Text t
            && c.isVisible()
            && t.getText() != null
            && !t.getText().equals(l.getText())
            && t.getText().endsWith(l.getEllipsisString())) {
          out.add(
              l.getText()
                  + " (shown as '"
                  + t.getText()
                  + "', "
                  + (l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId())
                  + " in "
                  + owner(l)
                  + ")");
        }
      }
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        walk(c, out);
      }
    }
  }

  /** The nearest ancestor with an id, to say where a label is. */
  private static String owner(Node n) {
    for (Node p = n.getParent(); p != null; p = p.getParent()) {
      if (p.getId() != null) {
        return "#" + p.getId();
      }
    }
    return "the window";
  }
}
