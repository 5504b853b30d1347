package org.statbench.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.statbench.core.StatBenchException;
import org.statbench.core.format.Digests;

/**
 * The audit log as an append-only SQL table in the workspace database. Each entry's hash is the
 * SHA-256 of its fields (each as a length-prefixed UTF-8 string) and the previous entry's hash.
 * Thread-safe through the workspace's lock.
 */
final class SqlAuditLog implements AuditLog {
  static final String GENESIS = "0".repeat(64);

  private final Connection conn;
  private final Object lock;

  SqlAuditLog(Connection conn, Object lock) {
    this.conn = conn;
    this.lock = lock;
  }

  @Override
  public AuditEntry append(String type, String user, String subject, String details) {
    java.util.Objects.requireNonNull(type, "type");
    synchronized (lock) {
      try {
        long seq = 1;
        String previous = GENESIS;
        try (Statement s = conn.createStatement();
            ResultSet rs =
                s.executeQuery("SELECT seq, hash FROM sb_audit ORDER BY seq DESC LIMIT 1")) {
          if (rs.next()) {
            seq = rs.getLong(1) + 1;
            previous = rs.getString(2);
          }
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(seq, at, type, user, subject, details, previous);
        try (PreparedStatement ps =
            conn.prepareStatement(
                "INSERT INTO sb_audit(seq, at, type, user_name, subject, details, previous_hash,"
                    + " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, seq);
          ps.setString(2, at.toString());
          ps.setString(3, type);
          ps.setString(4, user);
          ps.setString(5, subject);
          ps.setString(6, details);
          ps.setString(7, previous);
          ps.setString(8, hash);
          ps.executeUpdate();
        }
        conn.commit();
        return new AuditEntry(seq, at, type, user, subject, details, previous, hash);
      } catch (SQLException e) {
        rollback();
        throw new StatBenchException("Cannot write the audit log: " + e.getMessage(), e);
      }
    }
  }

  private void rollback() {
    try {
      conn.rollback();
    } catch (SQLException ignored) {
      // the original error is what matters
    }
  }

  @Override
  public List<AuditEntry> entries() {
    synchronized (lock) {
      List<AuditEntry> out = new ArrayList<>();
      try (Statement s = conn.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT seq, at, type, user_name, subject, details, previous_hash, hash"
                      + " FROM sb_audit ORDER BY seq")) {
        while (rs.next()) {
          out.add(
              new AuditEntry(
                  rs.getLong(1),
                  Instant.parse(rs.getString(2)),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8)));
        }
        return out;
      } catch (SQLException e) {
        throw new StatBenchException("Cannot read the audit log: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public AuditVerification verify() {
    List<AuditEntry> entries;
    try {
      entries = entries();
    } catch (java.time.format.DateTimeParseException e) {
      return new AuditVerification(false, 0, 1, "An audit entry has an unreadable time");
    }
    String previous = GENESIS;
    long expectedSeq = 1;
    for (AuditEntry e : entries) {
      String problem = null;
      if (e.seq() != expectedSeq) {
        problem = "entry " + expectedSeq + " is missing";
      } else if (!e.previousHash().equals(previous)) {
        problem = "its link to the previous entry is broken";
      } else if (!hash(
              e.seq(), e.time(), e.type(), e.user(), e.subject(), e.details(), e.previousHash())
          .equals(e.hash())) {
        problem = "its contents do not match its hash (edited after it was written)";
      }
      if (problem != null) {
        long at = Math.min(e.seq(), expectedSeq);
        return new AuditVerification(
            false, entries.size(), at, "Audit log broken at entry " + at + ": " + problem);
      }
      previous = e.hash();
      expectedSeq++;
    }
    return new AuditVerification(
        true, entries.size(), -1, "Audit log intact: " + entries.size() + " entries");
  }

  static String hash(
      long seq,
      Instant at,
      String type,
      String user,
      String subject,
      String details,
      String previousHash) {
    MessageDigest md = Digests.sha256();
    md.update(ByteBuffer.allocate(8).putLong(seq).array());
    for (String s : new String[] {at.toString(), type, user, subject, details, previousHash}) {
      if (s == null) {
        md.update(ByteBuffer.allocate(4).putInt(-1).array());
      } else {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(4).putInt(b.length).array());
        md.update(b);
      }
    }
    return Digests.hex(md);
  }
}
