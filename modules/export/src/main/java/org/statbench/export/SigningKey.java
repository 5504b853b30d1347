package org.statbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.statbench.core.InputException;
import org.statbench.core.StatBenchException;
import org.statbench.store.Crypto;

/**
 * A statistician's personal Ed25519 signing key (JDK {@code Signature "Ed25519"}). The key file is
 * JSON: the public key, and the PKCS#8 private key sealed with AES-256-GCM under a key derived from
 * the holder's passphrase (PBKDF2WithHmacSHA256, {@link Crypto#ITERATIONS} iterations, random
 * salt). Key files live with their holder, never in a workspace. Immutable and thread-safe.
 */
public final class SigningKey {
  private static final String FORMAT = "statbench-signing-key-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PublicSigningKey publicKey;
  private final PrivateKey privateKey;

  private SigningKey(PublicSigningKey publicKey, PrivateKey privateKey) {
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  /** A new random key pair for {@code name}. */
  public static SigningKey create(String name) {
    try {
      KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new SigningKey(
          new PublicSigningKey(name, kp.getPublic().getEncoded()), kp.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this Java runtime", e);
    }
  }

  /** The public half, with the holder's name. */
  public PublicSigningKey publicKey() {
    return publicKey;
  }

  /** The holder's name. */
  public String name() {
    return publicKey.name();
  }

  /** The Ed25519 signature of {@code payload}, base64. */
  public String sign(byte[] payload) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(payload);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * Writes the key file (private key sealed under the passphrase) and, beside it, {@code NAME.pub}
   * (the file name with {@code .key} replaced by {@code .pub}).
   *
   * @return the public key file written
   */
  public Path write(Path keyFile, char[] passphrase) {
    return write(keyFile, passphrase, Crypto.ITERATIONS);
  }

  /** As {@link #write(Path, char[])} with a chosen PBKDF2 iteration count (tests use fewer). */
  public Path write(Path keyFile, char[] passphrase, int iterations) {
    Objects.requireNonNull(passphrase, "passphrase");
    if (passphrase.length == 0) {
      throw new StatBenchException("A key file needs a passphrase that is not empty.");
    }
    byte[] salt = Crypto.random(Crypto.SALT_BYTES);
    byte[] kek = Crypto.deriveKey(passphrase, salt, iterations);
    byte[] pkcs8 = privateKey.getEncoded();
    byte[] sealed = Crypto.seal(kek, pkcs8, PublicSigningKey.utf8(FORMAT));
    Arrays.fill(kek, (byte) 0);
    Arrays.fill(pkcs8, (byte) 0);
    ObjectNode o = JSON.createObjectNode();
    o.put("format", FORMAT);
    o.put("name", publicKey.name());
    o.put("publicKey", publicKey.base64());
    o.put("kdf", "PBKDF2WithHmacSHA256");
    o.put("iterations", iterations);
    o.put("salt", Base64.getEncoder().encodeToString(salt));
    o.put("cipher", "AES-256-GCM");
    o.put("privateKey", Base64.getEncoder().encodeToString(sealed));
    Path pub = publicFileFor(keyFile);
    try {
      Path dir = keyFile.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Files.writeString(keyFile, o.toPrettyString() + "\n", StandardCharsets.UTF_8);
      Files.writeString(pub, publicKey.line() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + keyFile + ": " + e.getMessage(), e);
    }
    return pub;
  }

  /** {@code NAME.pub} beside {@code NAME.key}. */
  public static Path publicFileFor(Path keyFile) {
    String n = keyFile.getFileName().toString();
    String base = n.endsWith(".key") ? n.substring(0, n.length() - 4) : n;
    return keyFile.resolveSibling(base + ".pub");
  }

  /**
   * The public key in a key file ({@code .key}, no passphrase needed: the public half is stored in
   * clear) or a public key file ({@code .pub}).
   *
   * @throws InputException when the file is missing or neither kind of file
   */
  public static PublicSigningKey readPublic(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new InputException(file.toString(), -1, null, "cannot read the key: " + e);
    }
    try {
      if (text.startsWith(PublicSigningKey.PREFIX)) {
        return PublicSigningKey.parse(text);
      }
      JsonNode o = JSON.readTree(text);
      if (o != null && FORMAT.equals(o.path("format").asText())) {
        return PublicSigningKey.fromBase64(o.get("name").asText(), o.get("publicKey").asText());
      }
    } catch (IOException | RuntimeException e) {
      // reported below
    }
    throw new InputException(
        file.toString(),
        -1,
        null,
        "not a StatBench key or public key file (keys create writes one)");
  }

  /**
   * Reads a key file and unlocks it with the passphrase.
   *
   * @throws InputException when the file is missing or not a key file
   * @throws Crypto.WrongPassphraseException when the passphrase is wrong
   */
  public static SigningKey read(Path keyFile, char[] passphrase) {
    JsonNode o;
    try {
      o = JSON.readTree(Files.readString(keyFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InputException(keyFile.toString(), -1, null, "cannot read the key file: " + e);
    }
    if (o == null || !FORMAT.equals(o.path("format").asText())) {
      throw new InputException(
          keyFile.toString(), -1, null, "not a StatBench signing key (keys create writes one)");
    }
    try {
      PublicSigningKey pub =
          PublicSigningKey.fromBase64(o.get("name").asText(), o.get("publicKey").asText());
      byte[] salt = Base64.getDecoder().decode(o.get("salt").asText());
      byte[] kek = Crypto.deriveKey(passphrase, salt, o.get("iterations").asInt());
      byte[] pkcs8;
      try {
        pkcs8 =
            Crypto.open(
                kek,
                Base64.getDecoder().decode(o.get("privateKey").asText()),
                PublicSigningKey.utf8(FORMAT));
      } catch (Crypto.WrongPassphraseException e) {
        throw new Crypto.WrongPassphraseException(
            "The passphrase does not unlock the key file " + keyFile);
      } finally {
        Arrays.fill(kek, (byte) 0);
      }
      PrivateKey priv =
          KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      Arrays.fill(pkcs8, (byte) 0);
      SigningKey k = new SigningKey(pub, priv);
      // the public key in the file must belong to the private key
      byte[] probe = PublicSigningKey.utf8("statbench key check");
      if (!pub.verifies(probe, k.sign(probe))) {
        throw new InputException(
            keyFile.toString(), -1, null, "the key file's public and private keys do not match");
      }
      return k;
    } catch (GeneralSecurityException | NullPointerException | IllegalArgumentException e) {
      throw new InputException(keyFile.toString(), -1, null, "the key file is damaged: " + e);
    }
  }
}
