package org.statbench.export;

import java.time.Instant;
import java.util.Objects;
import org.statbench.core.table.Table;

/**
 * An analyst's exception request: release this exact table although it failed the automatic checks,
 * for the reason given.
 *
 * @param id request id, e.g. {@code CR-0003}
 * @param created when it was submitted (UTC)
 * @param requester OS user name of the analyst
 * @param justification the analyst's written justification (never blank)
 * @param table the table to be released
 * @param report the disclosure report the analyst saw, computed on {@code table}
 */
public record ClearanceRequest(
    String id,
    Instant created,
    String requester,
    String justification,
    Table table,
    ReportSnapshot report) {
  public ClearanceRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(report, "report");
    if (justification == null || justification.isBlank()) {
      throw new IllegalArgumentException("a clearance request needs a written justification");
    }
  }

  /** Hash of the table the request is for. */
  public String tableHash() {
    return table.hash();
  }
}
