package org.statbench.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.statbench.core.StatBenchException;

/**
 * A statistician's Ed25519 public key with the name it was created under. Written as one line,
 * {@code statbench-ed25519 BASE64 NAME}, in {@code NAME.pub} and in the trust file.
 *
 * @param name who holds the key (as given to {@code keys create --name})
 * @param encoded the X.509 encoding of the public key
 */
public record PublicSigningKey(String name, byte[] encoded) {
  /** The first word of a public key line. */
  public static final String PREFIX = "statbench-ed25519";

  public PublicSigningKey {
    Objects.requireNonNull(name, "name");
    encoded = encoded.clone();
    if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a key name must be printable text");
    }
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  /**
   * SHA-256 of the encoded key, as 32 hex digits in groups of four (e.g. {@code 3f2a:9c01:...}).
   */
  public String fingerprint() {
    String hex = ClearanceBook.sha256(encoded).substring(0, 32);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 4) {
      sb.append(i == 0 ? "" : ":").append(hex, i, i + 4);
    }
    return sb.toString();
  }

  /** {@code NAME (fingerprint)}, for messages and the queue. */
  public String describe() {
    return name + " (" + fingerprint() + ")";
  }

  /** The base64 of the encoded key. */
  public String base64() {
    return Base64.getEncoder().encodeToString(encoded);
  }

  /** The line written to {@code .pub} files and the trust file. */
  public String line() {
    return PREFIX + " " + base64() + " " + name;
  }

  /**
   * Parses a public key line.
   *
   * @throws StatBenchException when the line is not a StatBench public key
   */
  public static PublicSigningKey parse(String line) {
    String[] parts = line.strip().split(" ", 3);
    if (parts.length != 3 || !parts[0].equals(PREFIX)) {
      throw new StatBenchException(
          "not a StatBench public key line (expected '" + PREFIX + " KEY NAME')");
    }
    try {
      PublicSigningKey k = new PublicSigningKey(parts[2], Base64.getDecoder().decode(parts[1]));
      k.publicKey(); // refuses what is not an Ed25519 key
      return k;
    } catch (IllegalArgumentException e) {
      throw new StatBenchException("not a StatBench public key: " + e.getMessage(), e);
    }
  }

  /** From base64 (as stored in decisions). */
  static PublicSigningKey fromBase64(String name, String base64) {
    return new PublicSigningKey(name, Base64.getDecoder().decode(base64));
  }

  PublicKey publicKey() {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  /** True when {@code signature} (base64) is this key's Ed25519 signature of {@code payload}. */
  public boolean verifies(byte[] payload, String signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(publicKey());
      s.update(payload);
      return s.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Same key material (names may differ). */
  public boolean sameKey(PublicSigningKey other) {
    return other != null && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicSigningKey k && k.name.equals(name) && sameKey(k);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return describe();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
