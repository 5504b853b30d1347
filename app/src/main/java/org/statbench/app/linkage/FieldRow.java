package org.statbench.app.linkage;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.statbench.link.FieldType;
import org.statbench.link.LinkField;

/**
 * One row of the field mapping: a variable both datasets share, whether it is compared, and how. FX
 * thread only.
 */
public final class FieldRow {
  private final String name;
  private final BooleanProperty use;
  private final ObjectProperty<FieldType> type;

  FieldRow(String name, FieldType type, boolean use) {
    this.name = name;
    this.use = new SimpleBooleanProperty(this, "use", use);
    this.type = new SimpleObjectProperty<>(this, "type", type);
  }

  /** The variable's name (the same on both sides). */
  public String name() {
    return name;
  }

  /** Whether the field is compared. */
  public BooleanProperty useProperty() {
    return use;
  }

  /** The comparison type (name, text, date, postcode, nino, exact, number). */
  public ObjectProperty<FieldType> typeProperty() {
    return type;
  }

  /** The engine's field, as chosen. */
  LinkField toLinkField() {
    return LinkField.of(name, type.get());
  }
}
