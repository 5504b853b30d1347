package org.statbench.app.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.statbench.core.data.DatasetInfo;
import org.statbench.link.LinkField;
import org.statbench.link.Linker;

/**
 * The first guess of the field mapping: every variable both datasets share (or every variable of
 * one dataset when deduplicating), except the ids, with the type the engine guesses from its name.
 * Identifier-like variables ({@code *_id}, {@code id}) are offered but not ticked: a record id says
 * nothing about whether two records are the same person, and a shared entity id is the truth, not
 * evidence. Plain Java.
 */
final class FieldMapping {
  private FieldMapping() {}

  /** The id of a dataset when none is chosen: its first variable, as on the command line. */
  static String defaultId(DatasetInfo d) {
    return d == null || d.variableNames().isEmpty() ? null : d.variableNames().get(0);
  }

  /**
   * Rows for the mapping table.
   *
   * @param right null when deduplicating
   */
  static List<FieldRow> guess(DatasetInfo left, DatasetInfo right) {
    String lid = defaultId(left);
    String rid = right == null ? null : defaultId(right);
    List<LinkField> fields;
    try {
      fields = Linker.guessFields(left, right, lid, rid, null);
    } catch (org.statbench.core.InputException e) {
      return List.of(); // nothing shared: the view says so
    }
    List<FieldRow> rows = new ArrayList<>();
    for (LinkField f : fields) {
      rows.add(new FieldRow(f.name(), f.type(), !isIdentifier(f.name())));
    }
    return rows;
  }

  /** True for names like {@code person_id} or {@code id}. */
  static boolean isIdentifier(String variable) {
    String v = variable.toLowerCase(Locale.ROOT);
    return v.equals("id") || v.endsWith("_id") || v.endsWith("id_");
  }

  /** The shared identifier-like variable to evaluate against, e.g. {@code person_id}, or null. */
  static String guessTruth(List<FieldRow> rows) {
    for (FieldRow r : rows) {
      if (isIdentifier(r.name())) {
        return r.name();
      }
    }
    return null;
  }
}
