package org.statbench.store;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.statbench.core.StatBenchException;

/**
 * The few cryptographic primitives StatBench uses, all from the JDK: a slow passphrase KDF
 * (PBKDF2WithHmacSHA256 with a high iteration count and a random salt) and AES-256-GCM sealing of
 * small blobs (key files, saved definitions, clearance files). Keeping them in one place keeps the
 * parameters consistent. Thread-safe (stateless).
 */
public final class Crypto {
  /** PBKDF2 iterations for new keys (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256). */
  public static final int ITERATIONS = 600_000;

  /**
   * Default PBKDF2 iterations for new workspaces. Lower than {@link #ITERATIONS} because every
   * command that opens a workspace pays it once, and opening and tabulating an encrypted workspace
   * must stay within 1.5x of an unencrypted one: measured on the shared 2-core machine, the KDF was
   * nearly all of the difference (310,000 iterations gave 1.84x). {@code workspace encrypt
   * --kdf-iterations N} sets a higher count; it is stored in the workspace's header. Key files,
   * opened once per decision, use the full count.
   */
  public static final int WORKSPACE_ITERATIONS = 120_000;

  /** Salt length in bytes. */
  public static final int SALT_BYTES = 16;

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Crypto() {}

  /** Thrown when a passphrase does not open what it should (wrong passphrase or altered data). */
  public static final class WrongPassphraseException extends StatBenchException {
    private static final long serialVersionUID = 1L;

    public WrongPassphraseException(String message) {
      super(message);
    }
  }

  /** {@code n} random bytes from a {@link SecureRandom}. */
  public static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /**
   * Derives a 256-bit key from a passphrase.
   *
   * @param passphrase the passphrase (not cleared by this method)
   * @param salt random salt stored beside what the key protects
   * @param iterations PBKDF2 iterations (stored beside the salt)
   */
  public static byte[] deriveKey(char[] passphrase, byte[] salt, int iterations) {
    return Pbkdf2.sha256(passphrase, salt, iterations, 32);
  }

  /**
   * Encrypts and authenticates {@code plain} with AES-256-GCM under {@code key}; the result is the
   * random 12-byte IV followed by the ciphertext and tag.
   *
   * @param aad associated data bound to the ciphertext (e.g. a file name), or null
   */
  public static byte[] seal(byte[] key, byte[] plain, byte[] aad) {
    byte[] iv = random(IV_BYTES);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
      if (aad != null) {
        c.updateAAD(aad);
      }
      byte[] body = c.doFinal(plain);
      byte[] out = Arrays.copyOf(iv, IV_BYTES + body.length);
      System.arraycopy(body, 0, out, IV_BYTES, body.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Opens what {@link #seal} produced.
   *
   * @throws WrongPassphraseException when the key is wrong or the data was altered
   */
  public static byte[] open(byte[] key, byte[] sealed, byte[] aad) {
    if (sealed.length < IV_BYTES + TAG_BITS / 8) {
      throw new WrongPassphraseException("the encrypted data is truncated");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      if (aad != null) {
        c.updateAAD(aad);
      }
      return c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    } catch (AEADBadTagException e) {
      throw new WrongPassphraseException("wrong passphrase, or the data was altered");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }
}
