package org.statbench.app.linkage;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.core.InputException;
import org.statbench.link.MatchKey;

/**
 * The deterministic match keys of the Linkage tab, e.g. {@code nino+dob} then {@code
 * forename+surname+dob+postcode}: applied in order before the model, each linking records whose
 * compared fields all agree when the key is unique on both sides (see the engine's match-key
 * stage). Each link made by a key carries the stage {@code key:...}. Plain Java (no javafx.scene).
 */
final class MatchKeysModel {
  private final ObservableList<String> keys = FXCollections.observableArrayList();

  /** The keys as written, in the order they run. */
  ObservableList<String> keys() {
    return keys;
  }

  /**
   * Adds a key over compared fields.
   *
   * @param text e.g. {@code nino+dob}
   * @param fields the names of the compared (ticked) fields
   * @return the reason when the key is not usable, else null
   */
  String add(String text, List<String> fields) {
    MatchKey k;
    try {
      k = MatchKey.parse(text == null ? "" : text);
    } catch (InputException e) {
      return e.getMessage();
    }
    for (String f : k.fields()) {
      if (f.isEmpty()) {
        return "Match key '" + text + "': an empty field name";
      }
      if (!fields.contains(f)) {
        return "Match key '" + k + "': '" + f + "' is not a compared field (tick it first)";
      }
    }
    if (keys.contains(k.toString())) {
      return "Match key '" + k + "' is already in the list";
    }
    keys.add(k.toString());
    return null;
  }

  /** Removes the key at {@code index}; false when there is none. */
  boolean remove(int index) {
    if (index < 0 || index >= keys.size()) {
      return false;
    }
    keys.remove(index);
    return true;
  }

  /** The keys for the engine, in order. */
  List<MatchKey> parsed() {
    return keys.stream().map(MatchKey::parse).toList();
  }
}
