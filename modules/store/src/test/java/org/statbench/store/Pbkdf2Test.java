package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class Pbkdf2Test {
  @Test
  void matchesThePublishedPbkdf2HmacSha256Vectors() {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, dkLen=64
    assertThat(
            HexFormat.of().formatHex(Pbkdf2.sha256("passwd".toCharArray(), bytes("salt"), 1, 64)))
        .isEqualTo(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    // P="Password", S="NaCl", c=80000, dkLen=64
    assertThat(
            HexFormat.of()
                .formatHex(Pbkdf2.sha256("Password".toCharArray(), bytes("NaCl"), 80_000, 64)))
        .isEqualTo(
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
  }

  @Test
  void givesWhatTheJdksPbkdf2WithHmacSha256Gives() throws Exception {
    String[] passphrases = {"a", "correct horse battery staple", "pässwörd ✓", "x".repeat(100)};
    for (String p : passphrases) {
      byte[] salt = Crypto.random(16);
      PBEKeySpec spec = new PBEKeySpec(p.toCharArray(), salt, 1_000, 256);
      byte[] jdk =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      assertThat(Pbkdf2.sha256(p.toCharArray(), salt, 1_000, 32)).as(p).isEqualTo(jdk);
    }
  }

  @Test
  void itsSha256IsTheJdksAcrossBlockBoundaries() throws Exception {
    // FIPS 180-4 example: SHA-256("abc")
    assertThat(HexFormat.of().formatHex(Pbkdf2.bytes(Pbkdf2.digest(Pbkdf2.IV, 0, bytes("abc")))))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    for (int n : new int[] {0, 1, 55, 56, 63, 64, 65, 119, 120, 200}) {
      byte[] msg = Crypto.random(n);
      assertThat(Pbkdf2.bytes(Pbkdf2.digest(Pbkdf2.IV, 0, msg)))
          .as("%d bytes", n)
          .isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(msg));
    }
  }

  @Test
  void saltsOfAnyLengthGiveWhatTheJdkGives() throws Exception {
    for (int n : new int[] {1, 16, 51, 52, 60, 64, 100}) {
      byte[] salt = Crypto.random(n);
      PBEKeySpec spec = new PBEKeySpec("pass".toCharArray(), salt, 3, 512);
      byte[] jdk =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      assertThat(Pbkdf2.sha256("pass".toCharArray(), salt, 3, 64)).as("%d bytes", n).isEqualTo(jdk);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
