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
 * @param requesterKey the requester's public key when the request was made with a key file, else
 *     null (then {@code requester} alone identifies the requester)
 */
public record ClearanceRequest(
    String id,
    Instant created,
    String requester,
    String justification,
    Table table,
    ReportSnapshot report,
    PublicSigningKey requesterKey) {
  /** A request made without a key (identified by user name). */
  public ClearanceRequest(
      String id,
      Instant created,
      String requester,
      String justification,
      Table table,
      ReportSnapshot report) {
    this(id, created, requester, justification, table, report, null);
  }

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

  /** Who asked: the user name, and the key when there is one. */
  public String requesterDescription() {
    return requesterKey == null ? requester : requester + " with key " + requesterKey.describe();
  }

  /** Hash of the table the request is for. */
  public String tableHash() {
    return table.hash();
  }
}
