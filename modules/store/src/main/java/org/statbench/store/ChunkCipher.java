package org.statbench.store;

import java.nio.charset.StandardCharsets;

/**
 * Encryption of column-file values: each chunk (codes, dictionary, record keys) is sealed on its
 * own with AES-256-GCM (random IV, the chunk's map key as associated data, so chunks cannot be
 * swapped), so reading one chunk decrypts only that chunk and random access stays fast. The JDK's
 * AES-GCM is hardware-accelerated. {@link #NONE} leaves values in clear (an unencrypted workspace).
 */
final class ChunkCipher {
  static final ChunkCipher NONE = new ChunkCipher(null);

  private final byte[] key;

  ChunkCipher(byte[] key) {
    this.key = key;
  }

  boolean encrypted() {
    return key != null;
  }

  byte[] seal(String mapKey, byte[] plain) {
    return key == null ? plain : Crypto.seal(key, plain, mapKey.getBytes(StandardCharsets.UTF_8));
  }

  byte[] open(String mapKey, byte[] stored) {
    if (key == null) {
      return stored;
    }
    try {
      return Crypto.open(key, stored, mapKey.getBytes(StandardCharsets.UTF_8));
    } catch (Crypto.WrongPassphraseException e) {
      throw new org.statbench.core.StatBenchException(
          "The workspace is damaged or was altered: column chunk " + mapKey + " does not decrypt");
    }
  }
}
