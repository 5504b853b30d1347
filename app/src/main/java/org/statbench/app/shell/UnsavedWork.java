package org.statbench.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.statbench.app.shell.DialogService.UnsavedChoice;

/**
 * The definitions being edited that may have unsaved changes (a table, a cohort), asked about
 * before an action would discard them: New table, opening another definition, importing over the
 * dataset in use, Help > Demo (which switches workspace) and closing the window. Each source with
 * changes gets one Save / Discard / Cancel question. FX thread only.
 */
public final class UnsavedWork {
  /** A definition that can tell whether it has unsaved changes and can save them. */
  public interface Source {
    /** True when the definition differs from its saved (or empty) state. */
    boolean hasUnsavedChanges();

    /** What it is, for the question: e.g. {@code The table "region-by-sex"}. */
    String describe();

    /** Saves (asking for a file when needed); false when not saved (cancelled or failed). */
    boolean save();
  }

  private final DialogService dialogs;
  private final List<Source> sources = new ArrayList<>();

  public UnsavedWork(DialogService dialogs) {
    this.dialogs = Objects.requireNonNull(dialogs);
  }

  /** Adds a source (once per feature). */
  public void register(Source source) {
    sources.add(Objects.requireNonNull(source));
  }

  /** True when some definition has unsaved changes. */
  public boolean any() {
    return sources.stream().anyMatch(Source::hasUnsavedChanges);
  }

  /**
   * Asks about every source with unsaved changes before {@code action} (e.g. {@code starting a new
   * table}); true when the action may go ahead (saved or discarded), false when the user cancelled
   * or a save did not happen.
   */
  public boolean allow(String action) {
    for (Source s : sources) {
      if (!allow(s, action)) {
        return false;
      }
    }
    return true;
  }

  /** As {@link #allow(String)} for one source only. */
  public boolean allow(Source source, String action) {
    if (!source.hasUnsavedChanges()) {
      return true;
    }
    UnsavedChoice choice =
        dialogs.askUnsaved(
            "Unsaved changes",
            source.describe() + " has unsaved changes. Save them before " + action + "?");
    return switch (choice) {
      case SAVE -> source.save();
      case DISCARD -> true;
      case CANCEL -> false;
    };
  }
}
