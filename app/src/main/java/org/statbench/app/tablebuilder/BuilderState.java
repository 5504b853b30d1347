package org.statbench.app.tablebuilder;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.TableSpec;

/**
 * What undo and redo step through: the table definition plus the fields sitting in the Filters zone
 * (a field may sit there before it has a condition; only fields with a condition are in the spec's
 * filters).
 *
 * @param spec the table definition
 * @param filterZone variables in the Filters zone, in order
 */
public record BuilderState(TableSpec spec, List<String> filterZone) {
  public BuilderState {
    List<String> zone = new ArrayList<>(filterZone);
    for (Filter f : spec.filters()) {
      if (!zone.contains(f.variable())) {
        zone.add(f.variable());
      }
    }
    filterZone = List.copyOf(zone);
  }

  public static BuilderState of(TableSpec spec) {
    return new BuilderState(spec, List.of());
  }

  /** True when the table has at least one row or column dimension. */
  public boolean isComputable() {
    return !spec.rows().isEmpty() || !spec.columns().isEmpty();
  }
}
