package org.statbench.core.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, the one digest StatBench writes: table hashes, audit-log chains,
 * source-file and released-file fingerprints. Stateless and thread-safe (each call gets its own
 * {@link MessageDigest}).
 */
public final class Digests {
  private Digests() {}

  /** A fresh SHA-256 digest (every JVM has one; its absence is a broken runtime). */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 of {@code bytes} as 64 lower-case hex digits. */
  public static String sha256Hex(byte[] bytes) {
    return hex(sha256().digest(bytes));
  }

  /** The SHA-256 of the UTF-8 bytes of {@code text} as 64 lower-case hex digits. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Completes {@code digest} and returns its value as lower-case hex. */
  public static String hex(MessageDigest digest) {
    return hex(digest.digest());
  }

  /** Bytes as lower-case hex. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
