package org.statbench.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to release record-level data (microdata: the links and verification files of record
 * linkage, a dataset exported as records). The table gate never releases such outputs; they need a
 * clearance of this kind, approved by a trusted statistician other than the requester exactly like
 * a table clearance.
 *
 * @param id request id, e.g. {@code RL-0002}
 * @param created when it was submitted (UTC)
 * @param requester user name of who asked
 * @param requesterKey the requester's public key, or null when made without a key file
 * @param what what will be released, e.g. {@code links claims x referrals (LINKS.csv)}
 * @param rows the most records the release may hold (a release with more is refused)
 * @param recipient to whom it goes
 * @param purpose why (the justification)
 */
public record RecordRequest(
    String id,
    Instant created,
    String requester,
    PublicSigningKey requesterKey,
    String what,
    long rows,
    String recipient,
    String purpose) {
  public RecordRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(requester, "requester");
    requireText(what, "what is to be released");
    requireText(recipient, "to whom it goes");
    requireText(purpose, "why it is needed");
    if (rows < 0) {
      throw new IllegalArgumentException("a record-level request needs a row count of 0 or more");
    }
  }

  private static void requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("a record-level request must say " + what);
    }
  }

  /**
   * SHA-256 over what, rows, recipient and purpose: what a decision on this request is signed over
   * in place of a table hash.
   */
  public String contentHash() {
    ByteBuffer b = ByteBuffer.allocate(8).putLong(rows);
    String text = what + "\u0000" + recipient + "\u0000" + purpose;
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[8 + t.length];
    System.arraycopy(b.array(), 0, all, 0, 8);
    System.arraycopy(t, 0, all, 8, t.length);
    return ClearanceBook.sha256(all);
  }

  /** Who asked: the user name, and the key when there is one. */
  public String requesterDescription() {
    return requesterKey == null ? requester : requester + " with key " + requesterKey.describe();
  }
}
