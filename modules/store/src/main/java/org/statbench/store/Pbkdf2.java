package org.statbench.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) computed with the HMAC's inner and outer pad blocks hashed once and
 * the digest state copied for each iteration: two SHA-256 compressions per iteration instead of the
 * four of the JDK's {@code PBKDF2WithHmacSHA256}, with the same output (the passphrase is UTF-8
 * encoded as the JDK does). The work factor an attacker faces is unchanged (they can do the same);
 * what is saved is only our own overhead, which a short command pays at every start.
 */
final class Pbkdf2 {
  private static final int BLOCK = 64;
  private static final int HASH = 32;

  private Pbkdf2() {}

  static byte[] sha256(char[] passphrase, byte[] salt, int iterations, int keyBytes) {
    if (iterations < 1) {
      throw new IllegalArgumentException("PBKDF2 needs at least one iteration");
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] password = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
    Arrays.fill(encoded.array(), (byte) 0);
    try {
      MessageDigest inner = MessageDigest.getInstance("SHA-256");
      MessageDigest outer = MessageDigest.getInstance("SHA-256");
      byte[] key = password.length > BLOCK ? inner.digest(password) : password;
      byte[] pad = new byte[BLOCK];
      for (int i = 0; i < BLOCK; i++) {
        pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
      }
      inner.update(pad);
      for (int i = 0; i < BLOCK; i++) {
        pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
      }
      outer.update(pad);
      Arrays.fill(pad, (byte) 0);
      Arrays.fill(key, (byte) 0);
      Arrays.fill(password, (byte) 0);

      byte[] out = new byte[keyBytes];
      byte[] u = new byte[HASH];
      byte[] t = new byte[HASH];
      for (int block = 1, at = 0; at < keyBytes; block++, at += HASH) {
        MessageDigest in = (MessageDigest) inner.clone();
        in.update(salt);
        in.update(
            new byte[] {
              (byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block
            });
        in.digest(u, 0, HASH);
        MessageDigest on = (MessageDigest) outer.clone();
        on.update(u);
        on.digest(u, 0, HASH);
        System.arraycopy(u, 0, t, 0, HASH);
        for (int i = 1; i < iterations; i++) {
          in = (MessageDigest) inner.clone();
          in.update(u);
          in.digest(u, 0, HASH);
          on = (MessageDigest) outer.clone();
          on.update(u);
          on.digest(u, 0, HASH);
          for (int j = 0; j < HASH; j++) {
            t[j] ^= u[j];
          }
        }
        System.arraycopy(t, 0, out, at, Math.min(HASH, keyBytes - at));
      }
      Arrays.fill(u, (byte) 0);
      Arrays.fill(t, (byte) 0);
      return out;
    } catch (NoSuchAlgorithmException | CloneNotSupportedException | DigestException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
