package org.statbench.store;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Readies the JDK's cryptography in a cold process while a command starts, on a background thread
 * beside the key derivation: the provider list and the JCE policy (loaded on the first {@code
 * getInstance}), HMAC-SHA256, AES-GCM and, above all, AES-CTR, whose decryption loop runs
 * interpreted until the JIT has compiled it to its AES intrinsic. Measured cold (decision 0012):
 * opening the two byte columns of a 5,000,000-row encrypted workspace took about 0.2 s of CPU
 * against 0.05 s unencrypted, nearly all of it decrypting before that compilation; decrypting many
 * short pieces of nothing first gets the loop compiled for a few ms of work. Works on a throwaway
 * all-zero key and zero data: no secret, no random numbers, nothing written. Once per process;
 * failures are ignored (the real open reports them).
 */
final class CryptoWarmUp {
  /** Short pieces, so the JIT's invocation counters, not bytes, decide when the loop compiles. */
  private static final int PIECE = 64;

  /** Enough calls for the compiled (C2) loop and its callers. */
  private static final int CALLS = 6_000;

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private CryptoWarmUp() {}

  /** Starts the warm-up on a daemon thread, once per process. */
  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(CryptoWarmUp::run, "statbench-crypto-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** The warm-up itself (the thread's body); public to the package for its test. */
  static boolean run() {
    try {
      byte[] zero = new byte[32];
      SecretKeySpec aes = new SecretKeySpec(zero, "AES");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(zero, "HmacSHA256"));
      mac.doFinal(zero);
      // GCM before CTR: the classes GCM loads would otherwise undo CTR's compiled code
      GCMParameterSpec iv12 = new GCMParameterSpec(128, new byte[12]);
      Cipher seal = Cipher.getInstance("AES/GCM/NoPadding");
      seal.init(Cipher.ENCRYPT_MODE, aes, iv12);
      byte[] sealed = seal.doFinal(zero);
      Cipher open = Cipher.getInstance("AES/GCM/NoPadding");
      open.init(Cipher.DECRYPT_MODE, aes, iv12);
      open.doFinal(sealed);
      Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
      ctr.init(Cipher.DECRYPT_MODE, aes, new IvParameterSpec(new byte[16]));
      byte[] in = new byte[PIECE];
      byte[] out = new byte[PIECE];
      for (int i = 0; i < CALLS; i++) {
        ctr.update(in, 0, PIECE, out, 0);
      }
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false; // only a warm-up
    }
  }
}
