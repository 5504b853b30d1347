package org.statbench.store;

import java.util.List;

/**
 * Append-only log of disclosure checks, export requests and clearance decisions. Every entry
 * carries the SHA-256 of the previous entry, so any edit or deletion breaks the chain and {@link
 * #verify()} reports where. Thread-safe.
 */
public interface AuditLog {
  /**
   * Appends an entry and returns it with its sequence number, time and hashes.
   *
   * @param type e.g. {@code check}, {@code export}, {@code request}, {@code approve}, {@code
   *     reject}
   * @param user OS user name of who did it
   * @param subject what it is about, e.g. a table hash or request id
   * @param details free text or JSON
   */
  AuditEntry append(String type, String user, String subject, String details);

  /** All entries, oldest first. */
  List<AuditEntry> entries();

  /** Checks the hash chain; the result names the first broken entry. */
  AuditVerification verify();
}
