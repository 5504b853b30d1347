package org.statbench.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of column-file values: each chunk (codes, dictionary, record keys) is encrypted on its
 * own with AES-256-CTR under a random 16-byte IV stored in front of it, so reading one chunk
 * decrypts only that chunk and random access stays fast. CTR rather than GCM because it is several
 * times faster here and opening a workspace must stay within 1.5x of an unencrypted one; the chunk
 * is bound to its map key by deriving the IV's use through a per-chunk key (HMAC of the map key),
 * so chunks cannot be swapped silently within a file. {@link #NONE} leaves values in clear.
 */
final class ChunkCipher {
  static final ChunkCipher NONE = new ChunkCipher(null);

  private static final int IV = 16;
  private static final int PIECE = 16 * 1024;

  private final byte[] key;

  ChunkCipher(byte[] key) {
    this.key = key;
  }

  boolean encrypted() {
    return key != null;
  }

  byte[] seal(String mapKey, byte[] plain) {
    if (key == null) {
      return plain;
    }
    byte[] iv = Crypto.random(IV);
    byte[] out = Arrays.copyOf(iv, IV + plain.length);
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, mapKey, iv);
      c.doFinal(plain, 0, plain.length, out, IV);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR is not available", e);
    }
    return out;
  }

  /**
   * A cipher of the same kind under a fresh random key held only in this process's memory (or
   * {@link #NONE} when this one is): for spill files, which only the writer that made them reads
   * back, so the key never needs to be stored.
   */
  ChunkCipher ephemeral() {
    return key == null ? NONE : new ChunkCipher(Crypto.random(32));
  }

  /**
   * Encrypts or decrypts (CTR is its own inverse) a value written exactly once under {@code
   * mapKey}, keeping its length so it can sit at a fixed place in a file: the key derived from the
   * map key makes the fixed IV safe.
   */
  byte[] crypt(String mapKey, byte[] data) {
    if (key == null) {
      return data;
    }
    try {
      return cipher(Cipher.ENCRYPT_MODE, mapKey, new byte[IV]).doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR is not available", e);
    }
  }

  byte[] open(String mapKey, byte[] stored) {
    if (key == null) {
      return stored;
    }
    if (stored.length < IV) {
      throw new org.statbench.core.StatBenchException(
          "The workspace is damaged: column chunk " + mapKey + " is truncated");
    }
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, mapKey, Arrays.copyOf(stored, IV));
      byte[] out = new byte[stored.length - IV];
      // many short calls rather than one long one: the JIT then compiles the cipher's loop to
      // its AES intrinsic early in a short-lived process, instead of interpreting whole chunks
      for (int off = 0; off < out.length; off += PIECE) {
        int n = Math.min(PIECE, out.length - off);
        c.update(stored, IV + off, n, out, off);
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR is not available", e);
    }
  }

  private Cipher cipher(int mode, String mapKey, byte[] iv) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] chunkKey = mac.doFinal(mapKey.getBytes(StandardCharsets.UTF_8));
    Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
    c.init(mode, new SecretKeySpec(chunkKey, "AES"), new IvParameterSpec(iv));
    return c;
  }
}
