package org.statbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.statbench.core.StatBenchException;

/**
 * The keys of an encrypted workspace, derived from its passphrase. The header file {@value #HEADER}
 * (in clear: it holds no data) records the KDF (PBKDF2WithHmacSHA256), its iteration count, the
 * random salt, and a check value sealed under the derived key, so a wrong passphrase is reported
 * before anything is opened. From the master key, HMAC-SHA256 derives one key per use: the H2 file
 * password (CIPHER=AES), the column chunk key (AES-GCM per chunk) and the small-file key. The
 * passphrase and keys are never written anywhere. Immutable.
 */
final class WorkspaceKey {
  /** Name of the header file in the workspace folder. */
  static final String HEADER = "statbench-encryption.json";

  private static final String FORMAT = "statbench-workspace-encryption-1";
  private static final byte[] CHECK = "statbench workspace key".getBytes(StandardCharsets.UTF_8);

  /** Jackson only when a header is read or written, not on every open of a plain workspace. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final byte[] master;

  private WorkspaceKey(byte[] master) {
    this.master = master;
  }

  /** True when the folder holds an encrypted workspace. */
  static boolean isEncrypted(Path dir) {
    return Files.isRegularFile(dir.resolve(HEADER));
  }

  /**
   * The key of the workspace in {@code dir}, or null when it is not encrypted.
   *
   * @throws Crypto.WrongPassphraseException when encrypted and the passphrase is missing or wrong
   */
  static WorkspaceKey load(Path dir, char[] passphrase) {
    Path header = dir.resolve(HEADER);
    if (!Files.isRegularFile(header)) {
      return null;
    }
    if (passphrase == null || passphrase.length == 0) {
      throw new Crypto.WrongPassphraseException(
          "The workspace "
              + dir
              + " is encrypted: give its passphrase (--passphrase-file F or STATBENCH_PASSPHRASE)");
    }
    JsonNode o;
    try {
      o = Json.MAPPER.readTree(Files.readString(header, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StatBenchException("Cannot read " + header + ": " + e.getMessage(), e);
    }
    if (o == null || !FORMAT.equals(o.path("format").asText())) {
      throw new StatBenchException(header + " is not a StatBench encryption header");
    }
    byte[] salt = Base64.getDecoder().decode(o.path("salt").asText());
    byte[] master = Crypto.deriveKey(passphrase, salt, o.path("iterations").asInt());
    WorkspaceKey k = new WorkspaceKey(master);
    try {
      byte[] check =
          Crypto.open(k.sub("check"), Base64.getDecoder().decode(o.path("check").asText()), null);
      if (!Arrays.equals(check, CHECK)) {
        throw new Crypto.WrongPassphraseException("wrong");
      }
    } catch (Crypto.WrongPassphraseException e) {
      throw new Crypto.WrongPassphraseException(
          "Wrong passphrase for the encrypted workspace " + dir);
    }
    return k;
  }

  /** Writes a new header (fresh salt) and returns its key. */
  static WorkspaceKey create(Path header, char[] passphrase, int iterations) {
    if (passphrase == null || passphrase.length == 0) {
      throw new StatBenchException("An encrypted workspace needs a passphrase that is not empty.");
    }
    byte[] salt = Crypto.random(Crypto.SALT_BYTES);
    WorkspaceKey k = new WorkspaceKey(Crypto.deriveKey(passphrase, salt, iterations));
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("kdf", "PBKDF2WithHmacSHA256");
    o.put("iterations", iterations);
    o.put("salt", Base64.getEncoder().encodeToString(salt));
    o.put("check", Base64.getEncoder().encodeToString(Crypto.seal(k.sub("check"), CHECK, null)));
    o.put("database", "H2 CIPHER=AES");
    o.put("columns", "AES-256-CTR per chunk");
    o.put("files", "AES-256-GCM");
    try {
      Files.writeString(header, o.toPrettyString() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StatBenchException("Cannot write " + header + ": " + e.getMessage(), e);
    }
    return k;
  }

  /** The H2 file password (64 hex digits). */
  String databasePassword() {
    return HexFormat.of().formatHex(sub("h2"));
  }

  /** The key of column chunks. */
  byte[] columnKey() {
    return sub("columns");
  }

  /** The key of small files. */
  byte[] filesKey() {
    return sub("files");
  }

  private byte[] sub(String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
