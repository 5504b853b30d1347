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

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
