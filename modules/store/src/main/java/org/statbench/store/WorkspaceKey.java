package org.statbench.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    Header h = Header.read(header);
    WorkspaceKey k = new WorkspaceKey(derive(dir, passphrase, h.salt(), h.iterations()));
    try {
      byte[] check = Crypto.open(k.sub("check"), h.check(), null);
      if (!Arrays.equals(check, CHECK)) {
        throw new Crypto.WrongPassphraseException("wrong");
      }
    } catch (Crypto.WrongPassphraseException e) {
      throw new Crypto.WrongPassphraseException(
          "Wrong passphrase for the encrypted workspace " + dir);
    }
    return k;
  }

  /**
   * What the header says, read without a JSON library (a short command that opens an encrypted
   * workspace should not load one): the file is the one {@link #create} writes.
   */
  private record Header(byte[] salt, int iterations, byte[] check) {
    private static final Pattern FIELD =
        Pattern.compile("\"(format|iterations|salt|check)\"\\s*:\\s*(\"[^\"]*\"|[0-9]+)");

    static Header read(Path header) {
      String text;
      try {
        text = Files.readString(header, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new StatBenchException("Cannot read " + header + ": " + e.getMessage(), e);
      }
      Map<String, String> f = new HashMap<>();
      Matcher m = FIELD.matcher(text);
      while (m.find()) {
        f.putIfAbsent(m.group(1), m.group(2).replace("\"", ""));
      }
      try {
        if (!FORMAT.equals(f.get("format")) || !f.containsKey("check")) {
          throw new IllegalArgumentException("format");
        }
        return new Header(
            Base64.getDecoder().decode(f.get("salt")),
            Integer.parseInt(f.get("iterations")),
            Base64.getDecoder().decode(f.get("check")));
      } catch (RuntimeException e) {
        throw new StatBenchException(header + " is not a StatBench encryption header");
      }
    }
  }

  /** Master keys derived in this process, by passphrase, salt and count (derive once). */
  private static final Map<String, CompletableFuture<byte[]>> DERIVED = new ConcurrentHashMap<>();

  /**
   * Prefetches that have not yet registered their derivation in {@link #DERIVED}, by folder: an
   * open waits for its folder's entry (a few ms) rather than deriving a second time.
   */
  private static final Map<Path, CompletableFuture<Void>> PENDING = new ConcurrentHashMap<>();

  /**
   * Starts deriving the key of the encrypted workspace in {@code dir} on a background thread, so
   * that a command's start-up (class loading, argument parsing) and the slow KDF overlap; {@link
   * #load} then takes the result. The thread reads the header itself and the KDF needs no security
   * provider, so it computes from the start while a second thread readies the JDK's ciphers ({@link
   * CryptoWarmUp}). Does nothing for an unencrypted workspace or a bad header.
   */
  static void prefetch(Path dir, char[] passphrase) {
    Path header = dir.resolve(HEADER);
    if (passphrase == null || passphrase.length == 0 || !Files.isRegularFile(header)) {
      return;
    }
    char[] copy = passphrase.clone();
    CompletableFuture<Void> registered = new CompletableFuture<>();
    if (PENDING.putIfAbsent(dir, registered) != null) {
      Arrays.fill(copy, '\0');
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                Header h = Header.read(header);
                CompletableFuture<byte[]> mine = new CompletableFuture<>();
                if (DERIVED.putIfAbsent(cacheId(copy, h.salt(), h.iterations()), mine) != null) {
                  return;
                }
                PENDING.remove(dir, registered);
                registered.complete(null);
                try {
                  mine.complete(Crypto.deriveKey(copy, h.salt(), h.iterations()));
                } catch (RuntimeException e) {
                  mine.completeExceptionally(e);
                }
              } catch (RuntimeException e) {
                // the open that follows reports the problem
              } finally {
                Arrays.fill(copy, '\0');
                PENDING.remove(dir, registered);
                registered.complete(null);
              }
            },
            "statbench-key-derivation");
    t.setDaemon(true);
    t.start();
    CryptoWarmUp.start();
  }

  /**
   * True when this process has derived, or is deriving, the key that {@code passphrase} gives the
   * encrypted workspace in {@code dir} (false for an unencrypted one).
   */
  static boolean derivedOrDeriving(Path dir, char[] passphrase) {
    Path header = dir.resolve(HEADER);
    if (passphrase == null || passphrase.length == 0 || !Files.isRegularFile(header)) {
      return false;
    }
    awaitPrefetch(dir);
    Header h = Header.read(header);
    return DERIVED.containsKey(cacheId(passphrase, h.salt(), h.iterations()));
  }

  /** Forgets every master key derived in this process (a later open derives again). */
  static void forgetDerived() {
    for (CompletableFuture<byte[]> f : DERIVED.values()) {
      f.thenAccept(k -> Arrays.fill(k, (byte) 0));
    }
    DERIVED.clear();
  }

  private static void awaitPrefetch(Path dir) {
    CompletableFuture<Void> p = PENDING.get(dir);
    if (p != null) {
      p.join();
    }
  }

  private static byte[] derive(Path dir, char[] passphrase, byte[] salt, int iterations) {
    awaitPrefetch(dir);
    CompletableFuture<byte[]> f =
        DERIVED.computeIfAbsent(
            cacheId(passphrase, salt, iterations),
            id ->
                CompletableFuture.completedFuture(Crypto.deriveKey(passphrase, salt, iterations)));
    try {
      return f.join().clone();
    } catch (java.util.concurrent.CompletionException e) {
      DERIVED.values().remove(f);
      return Crypto.deriveKey(passphrase, salt, iterations);
    }
  }

  /**
   * A value naming one derivation without keeping the passphrase: one PBKDF2 round (an HMAC keyed
   * by the passphrase) over the salt and the count, computed without the JDK's providers.
   */
  private static String cacheId(char[] passphrase, byte[] salt, int iterations) {
    byte[] named = Arrays.copyOf(salt, salt.length + 4);
    for (int b = 0; b < 4; b++) {
      named[salt.length + b] = (byte) (iterations >>> (24 - 8 * b));
    }
    return HexFormat.of().formatHex(Pbkdf2.sha256(passphrase, named, 1, 32));
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
