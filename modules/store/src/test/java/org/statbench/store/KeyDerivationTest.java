package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyDerivationTest {
  @Test
  void derivesThePublishedPbkdf2HmacSha256Vectors() {
    // RFC 7914 section 11 gives dkLen=64; a 32-byte key is its first block, the first 64 hex digits
    // P="passwd", S="salt", c=1
    assertThat(HexFormat.of().formatHex(Crypto.deriveKey("passwd".toCharArray(), bytes("salt"), 1)))
        .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    // P="Password", S="NaCl", c=80000
    assertThat(
            HexFormat.of()
                .formatHex(Crypto.deriveKey("Password".toCharArray(), bytes("NaCl"), 80_000)))
        .isEqualTo("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
  }

  @Test
  void leavesThePassphraseToItsCaller() {
    char[] p = "pässwörd ✓".toCharArray();
    Crypto.deriveKey(p, bytes("salt"), 2);
    assertThat(new String(p)).isEqualTo("pässwörd ✓");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
