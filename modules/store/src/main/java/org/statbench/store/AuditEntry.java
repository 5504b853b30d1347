package org.statbench.store;

import java.time.Instant;

/**
 * One audit log entry.
 *
 * @param seq 1-based sequence number
 * @param time when it was appended (UTC)
 * @param type kind of event
 * @param user who
 * @param subject what about
 * @param details free text or JSON
 * @param previousHash hash of entry seq-1 (64 zeros for the first)
 * @param hash SHA-256 over seq, time, type, user, subject, details and previousHash
 */
public record AuditEntry(
    long seq,
    Instant time,
    String type,
    String user,
    String subject,
    String details,
    String previousHash,
    String hash) {}
