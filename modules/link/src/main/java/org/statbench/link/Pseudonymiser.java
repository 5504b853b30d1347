package org.statbench.link;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.language.Soundex;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/**
 * Keyed pseudonymisation for linkage through a trusted third party: identifier columns are replaced
 * by the HMAC-SHA256 (hex) of their standardised value under a secret key, and hashed match keys
 * (e.g. {@code soundex(surname)+dob}) can be added so deterministic and blocked linkage still works
 * on the hashes. Two datasets pseudonymised apart with the same key hash the same person alike;
 * under another key nothing links. The key is read from a file, held only in memory, and never
 * stored, logged or written anywhere; the plaintext columns are not in the new dataset. Instances
 * are not thread-safe (one {@link Mac} each).
 */
public final class Pseudonymiser {
  /** Shortest key accepted, in bytes (the HMAC-SHA256 block security level). */
  public static final int MIN_KEY_BYTES = 32;

  /** Appended to the name of a hashed column ({@code surname} becomes {@code surname_hash}). */
  public static final String HASH_SUFFIX = "_hash";

  private final Mac mac;

  /** A pseudonymiser under {@code key} (at least {@link #MIN_KEY_BYTES} bytes). */
  public Pseudonymiser(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new InputException("The key must be at least " + MIN_KEY_BYTES + " bytes long");
    }
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * Reads a key file.
   *
   * @throws InputException naming the file when it is missing, unreadable or shorter than {@link
   *     #MIN_KEY_BYTES} bytes (the message never contains key material)
   */
  public static byte[] readKey(Path keyFile) {
    byte[] key;
    try {
      key = Files.readAllBytes(keyFile);
    } catch (NoSuchFileException e) {
      throw new InputException(keyFile + ": key file not found");
    } catch (IOException e) {
      throw new InputException(keyFile + ": cannot read the key file");
    }
    if (key.length < MIN_KEY_BYTES) {
      throw new InputException(
          keyFile
              + ": the key file holds "
              + key.length
              + " bytes; at least "
              + MIN_KEY_BYTES
              + " are needed");
    }
    return key;
  }

  /** Hex HMAC-SHA256 of a (standardised) value, or null for null. */
  public String hash(String value) {
    if (value == null) {
      return null;
    }
    return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A hashed match key: a name and the parts whose standardised (and derived) values are joined and
   * hashed, e.g. {@code sxdob=soundex(surname)+dob}.
   *
   * @param name new variable name
   * @param rule the parts, in the blocking-rule syntax
   */
  public record MatchKeyExpr(String name, BlockingRule rule) {
    /**
     * Parses {@code NAME=EXPR}.
     *
     * @throws InputException when malformed
     */
    public static MatchKeyExpr parse(String s) {
      int eq = s.indexOf('=');
      if (eq <= 0 || eq == s.length() - 1) {
        throw new InputException(
            "Match key '" + s + "' must be NAME=EXPR, e.g. k1=soundex(surname)+dob");
      }
      BlockingRule rule = BlockingRule.parse(s.substring(eq + 1));
      for (BlockingRule.Part part : rule.parts()) {
        if (part.fn() == BlockingRule.Fn.INITIALS) {
          throw new InputException(
              "Match key '" + s + "': initials is for blocking only; use initial(V)+initial(W)");
        }
      }
      return new MatchKeyExpr(s.substring(0, eq).trim(), rule);
    }
  }

  /**
   * The standardised text of one derived part (soundex, initial, year, district, sector or the
   * value itself) of a raw value, or null when missing.
   */
  static String derived(BlockingRule.Fn fn, FieldType type, String raw) {
    String std = Standardise.forType(type, raw);
    if (std == null) {
      return null;
    }
    return switch (fn) {
      case VALUE -> std;
      case SOUNDEX -> {
        try {
          yield new Soundex().encode(std.replace(" ", ""));
        } catch (IllegalArgumentException e) {
          yield std;
        }
      }
      case INITIAL -> std.substring(0, 1);
      case INITIALS -> throw new IllegalArgumentException("initials is for blocking only");
      case YEAR -> type == FieldType.DATE ? std.substring(0, 4) : null;
      case DISTRICT -> type == FieldType.POSTCODE ? Standardise.postcodeDistrict(std) : null;
      case SECTOR -> type == FieldType.POSTCODE ? Standardise.postcodeSector(std) : null;
    };
  }

  /**
   * Writes a pseudonymised copy of a dataset into the workspace as {@code newName}: the listed
   * columns are replaced by {@code V_hash} columns holding hashes of their standardised values (the
   * type of each is guessed from its name, see {@link FieldType#guess}), each match key is a new
   * column, every other column is copied. The new dataset goes through the store's atomic import;
   * on any error the workspace is unchanged. Records the run in the audit log (no key, no values).
   *
   * @throws InputException for an unknown dataset or column, or a match key over an unknown column
   */
  public DatasetInfo pseudonymise(
      Workspace ws,
      String dataset,
      List<String> columns,
      List<MatchKeyExpr> keys,
      String newName,
      ProgressListener progress,
      CancellationToken cancel) {
    ProgressListener p = progress == null ? ProgressListener.NONE : progress;
    CancellationToken c = cancel == null ? CancellationToken.NONE : cancel;
    DatasetInfo info = ws.dataset(dataset);
    Set<String> hashed = new LinkedHashSet<>(columns);
    for (String v : hashed) {
      if (info.variable(v).isEmpty()) {
        throw new InputException("Unknown variable '" + v + "' in dataset '" + dataset + "'");
      }
    }
    for (MatchKeyExpr k : keys) {
      for (BlockingRule.Part part : k.rule().parts()) {
        if (info.variable(part.field()).isEmpty()) {
          throw new InputException(
              "Match key '"
                  + k.name()
                  + "' uses unknown variable '"
                  + part.field()
                  + "' of dataset '"
                  + dataset
                  + "'");
        }
      }
      if (info.variable(k.name()).isPresent() && !hashed.contains(k.name())) {
        throw new InputException(
            "Match key name '" + k.name() + "' is already a variable of '" + dataset + "'");
      }
    }
    if (newName == null || newName.isBlank()) {
      throw new InputException("The new dataset needs a name (--name)");
    }
    DatasetColumns data = ws.columns(dataset, info.variableNames());
    List<String> header = new ArrayList<>();
    for (String v : info.variableNames()) {
      header.add(hashed.contains(v) ? v + HASH_SUFFIX : v);
    }
    for (MatchKeyExpr k : keys) {
      header.add(k.name());
    }
    Map<String, FieldType> types = new HashMap<>();
    for (String v : info.variableNames()) {
      types.put(v, FieldType.guess(v));
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(ws.directory(), ".pseudonymise-", ".csv");
      try (BufferedWriter w = LinkOutputs.sealedWriter(ws, tmp)) {
        LinkOutputs.row(w, header);
        List<String> row = new ArrayList<>(header.size());
        for (int i = 0; i < data.rows(); i++) {
          if ((i & 0xFFFF) == 0) {
            c.throwIfCancelled();
            p.progress(i, data.rows(), "pseudonymising");
          }
          row.clear();
          for (String v : info.variableNames()) {
            String raw = data.column(v).text(i);
            row.add(hashed.contains(v) ? hash(Standardise.forType(types.get(v), raw)) : raw);
          }
          for (MatchKeyExpr k : keys) {
            StringBuilder sb = new StringBuilder(k.name()).append('|');
            boolean missing = false;
            for (BlockingRule.Part part : k.rule().parts()) {
              Column col = data.column(part.field());
              String d = derived(part.fn(), types.get(part.field()), col.text(i));
              if (d == null) {
                missing = true;
                break;
              }
              sb.append(d).append('|');
            }
            row.add(missing ? null : hash(sb.toString()));
          }
          LinkOutputs.row(w, row);
        }
      }
      c.throwIfCancelled();
      DatasetInfo out = ws.importCsv(ImportRequest.of(newName, tmp), p, c);
      ws.auditLog()
          .append(
              "pseudonymise",
              System.getProperty("user.name"),
              newName,
              "from dataset "
                  + dataset
                  + ", "
                  + data.rows()
                  + " rows; hashed columns "
                  + String.join(",", hashed)
                  + (keys.isEmpty()
                      ? ""
                      : "; match keys "
                          + String.join(",", keys.stream().map(MatchKeyExpr::name).toList())));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the pseudonymised dataset: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // removed with the workspace folder
        }
      }
    }
  }
}
