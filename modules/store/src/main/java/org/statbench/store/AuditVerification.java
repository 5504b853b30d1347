package org.statbench.store;

/**
 * Result of checking the audit log's hash chain.
 *
 * @param ok true when every entry's hash and link are intact
 * @param entries number of entries checked
 * @param firstBroken sequence number of the first bad entry, or -1
 * @param message human-readable summary
 */
public record AuditVerification(boolean ok, long entries, long firstBroken, String message) {}
