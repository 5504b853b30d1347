package org.statbench.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) computed with the HMAC's inner and outer pad blocks hashed once and
 * the digest state copied for each iteration: two SHA-256 compressions per iteration instead of the
 * four of the JDK's {@code PBKDF2WithHmacSHA256}, with the same output (the passphrase is UTF-8
 * encoded as the JDK does). It needs nothing from the JDK's security providers, so in a cold
 * process it starts at once, while another thread sets the providers up. The work factor an
 * attacker faces is unchanged (they can do the same); what is saved is only our own overhead, which
 * a short command pays at every start.
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
    byte[] key = password.length > BLOCK ? bytes(digest(IV, 0, password)) : password;
    byte[] pad = new byte[BLOCK];
    int[] w = new int[64];
    for (int i = 0; i < BLOCK; i++) {
      pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
    }
    int[] ipad = padState(pad, w);
    for (int i = 0; i < BLOCK; i++) {
      pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
    }
    int[] opad = padState(pad, w);
    Arrays.fill(pad, (byte) 0);
    Arrays.fill(key, (byte) 0);
    Arrays.fill(password, (byte) 0);

    byte[] out = new byte[keyBytes];
    int[] h = new int[8];
    int[] u = new int[8];
    int[] t = new int[8];
    byte[] saltBlock = Arrays.copyOf(salt, salt.length + 4);
    for (int block = 1, at = 0; at < keyBytes; block++, at += HASH) {
      // U1 = HMAC(P, S || INT(block)): the salt may be of any length
      for (int b = 0; b < 4; b++) {
        saltBlock[salt.length + b] = (byte) (block >>> (24 - 8 * b));
      }
      byte[] first = bytes(digest(ipad, BLOCK, saltBlock));
      int[] u1 = digest(opad, BLOCK, first);
      for (int j = 0; j < 8; j++) {
        u[j] = u1[j];
        t[j] = u[j];
      }
      // U2..Uc: each HMAC of a 32-byte value is one compression from each pad state
      for (int i = 1; i < iterations; i++) {
        hashOfDigest(ipad, u, w, h);
        hashOfDigest(opad, h, w, u);
        for (int j = 0; j < 8; j++) {
          t[j] ^= u[j];
        }
      }
      for (int j = 0; j < 8 && at + 4 * j < keyBytes; j++) {
        for (int b = 0; b < 4 && at + 4 * j + b < keyBytes; b++) {
          out[at + 4 * j + b] = (byte) (t[j] >>> (24 - 8 * b));
        }
      }
    }
    Arrays.fill(ipad, 0);
    Arrays.fill(opad, 0);
    Arrays.fill(u, 0);
    Arrays.fill(t, 0);
    Arrays.fill(w, 0);
    return out;
  }

  /**
   * SHA-256 (FIPS 180-4) of {@code prefix} bytes already hashed into the chaining state {@code
   * start} (a whole number of blocks; 0 and {@link #IV} for a plain digest) followed by {@code
   * msg}: the message blocks, the 0x80 marker and the length in bits.
   */
  static int[] digest(int[] start, long prefix, byte[] msg) {
    int blocks = (msg.length + 9 + BLOCK - 1) / BLOCK;
    byte[] padded = Arrays.copyOf(msg, blocks * BLOCK);
    padded[msg.length] = (byte) 0x80;
    long bits = (prefix + msg.length) * 8;
    for (int b = 0; b < 8; b++) {
      padded[padded.length - 1 - b] = (byte) (bits >>> (8 * b));
    }
    int[] h = start.clone();
    int[] w = new int[64];
    for (int at = 0; at < padded.length; at += BLOCK) {
      for (int i = 0; i < 16; i++) {
        w[i] = toInt(padded, at + 4 * i);
      }
      compress(h, w, h);
    }
    Arrays.fill(padded, (byte) 0);
    Arrays.fill(w, 0);
    return h;
  }

  /** The 32 bytes of a SHA-256 state, big-endian. */
  static byte[] bytes(int[] state) {
    byte[] b = new byte[HASH];
    for (int j = 0; j < 8; j++) {
      for (int k = 0; k < 4; k++) {
        b[4 * j + k] = (byte) (state[j] >>> (24 - 8 * k));
      }
    }
    return b;
  }

  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  /** SHA-256's initial chaining state. */
  static final int[] IV = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };

  /** The SHA-256 chaining state after the 64-byte block {@code pad}. */
  private static int[] padState(byte[] pad, int[] w) {
    for (int i = 0; i < 16; i++) {
      w[i] = toInt(pad, 4 * i);
    }
    int[] out = new int[8];
    compress(IV, w, out);
    return out;
  }

  /**
   * SHA-256 of a 32-byte message whose first 64 bytes were a pad block with chaining state {@code
   * start}: one compression of {@code msg} (8 words), the 0x80 marker and the bit length 768.
   */
  private static void hashOfDigest(int[] start, int[] msg, int[] w, int[] out) {
    System.arraycopy(msg, 0, w, 0, 8);
    w[8] = 0x80000000;
    for (int i = 9; i < 15; i++) {
      w[i] = 0;
    }
    w[15] = (BLOCK + HASH) * 8;
    compress(start, w, out);
  }

  /**
   * One SHA-256 compression of the 16 words in {@code w} from chaining state {@code h} ({@code out}
   * may be {@code h}).
   */
  static void compress(int[] h, int[] w, int[] out) {
    for (int i = 16; i < 64; i++) {
      int x = w[i - 15];
      int y = w[i - 2];
      int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
      int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    int a = h[0];
    int b = h[1];
    int c = h[2];
    int d = h[3];
    int e = h[4];
    int f = h[5];
    int g = h[6];
    int k = h[7];
    for (int i = 0; i < 64; i++) {
      int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
      int ch = (e & f) ^ (~e & g);
      int t1 = k + s1 + ch + K[i] + w[i];
      int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
      int maj = (a & b) ^ (a & c) ^ (b & c);
      int t2 = s0 + maj;
      k = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    out[0] = h[0] + a;
    out[1] = h[1] + b;
    out[2] = h[2] + c;
    out[3] = h[3] + d;
    out[4] = h[4] + e;
    out[5] = h[5] + f;
    out[6] = h[6] + g;
    out[7] = h[7] + k;
  }

  private static int toInt(byte[] b, int off) {
    return (b[off] & 0xFF) << 24
        | (b[off + 1] & 0xFF) << 16
        | (b[off + 2] & 0xFF) << 8
        | (b[off + 3] & 0xFF);
  }
}
