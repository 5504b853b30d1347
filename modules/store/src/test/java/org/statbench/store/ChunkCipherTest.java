package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkCipherTest {
  @TempDir Path tmp;

  private static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) (3 * i + 1);
    }
  }

  /**
   * The stored format, written here with the JDK alone: a random 16-byte IV, then AES-256-CTR of
   * the value under HMAC-SHA256(column key, map key). Chunks of workspaces written before any
   * change to the reading code look like this.
   */
  private static byte[] storedByHand(String mapKey, byte[] plain) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    byte[] chunkKey = mac.doFinal(mapKey.getBytes(StandardCharsets.UTF_8));
    byte[] iv = Crypto.random(16);
    Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(chunkKey, "AES"), new IvParameterSpec(iv));
    byte[] body = c.doFinal(plain);
    byte[] out = Arrays.copyOf(iv, 16 + body.length);
    System.arraycopy(body, 0, out, 16, body.length);
    return out;
  }

  @Test
  void opensChunksStoredInTheWorkspaceFormatWhole() throws Exception {
    byte[] plain = new byte[10_007]; // not a multiple of the pieces it is opened in
    for (int i = 0; i < plain.length; i++) {
      plain[i] = (byte) (i * 31);
    }
    byte[] stored = storedByHand("c/2/5", plain);
    ChunkCipher cipher = new ChunkCipher(KEY);

    assertThat(cipher.open("c/2/5", stored)).isEqualTo(plain);
    byte[] into = new byte[plain.length + 3];
    cipher.openInto("c/2/5", stored, into, 3);
    assertThat(Arrays.copyOfRange(into, 3, into.length)).isEqualTo(plain);
    byte[] pieced = new byte[plain.length];
    cipher.openPieces(
        "c/2/5",
        stored,
        (buf, from, length, at) -> System.arraycopy(buf, from, pieced, at, length));
    assertThat(pieced).isEqualTo(plain);
  }

  @Test
  void sealsInTheWorkspaceFormat() throws Exception {
    byte[] plain = "a value of a column chunk".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = new ChunkCipher(KEY).seal("d/0/0", plain);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
    c.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(mac.doFinal("d/0/0".getBytes(StandardCharsets.UTF_8)), "AES"),
        new IvParameterSpec(sealed, 0, 16));
    assertThat(c.doFinal(sealed, 16, sealed.length - 16)).isEqualTo(plain);
  }

  @Test
  void readsEveryChunkOfAnEncryptedColumnFileInRowOrder() throws Exception {
    int rows = 2 * ColumnFile.CHUNK_ROWS + 1_001; // two full chunks and a short one
    byte[] bytes = new byte[rows];
    int[] ints = new int[rows];
    double[] doubles = new double[rows];
    for (int i = 0; i < rows; i++) {
      bytes[i] = (byte) (i % 251);
      ints[i] = i * 7 - 3;
      doubles[i] = i / 4.0;
    }
    Path file = tmp.resolve("c.mv");
    // written chunk by chunk by hand in the stored format, as an older StatBench wrote it
    try (var store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).open()) {
      var data =
          store.openMap(
              "data",
              new org.h2.mvstore.MVMap.Builder<String, byte[]>()
                  .keyType(org.h2.mvstore.type.StringDataType.INSTANCE)
                  .valueType(org.h2.mvstore.type.ByteArrayDataType.INSTANCE));
      for (int c = 0; c * ColumnFile.CHUNK_ROWS < rows; c++) {
        int from = c * ColumnFile.CHUNK_ROWS;
        int n = Math.min(ColumnFile.CHUNK_ROWS, rows - from);
        ByteBuffer i4 = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer d8 = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = from; r < from + n; r++) {
          i4.putInt(ints[r]);
          d8.putDouble(doubles[r]);
        }
        data.put("c/0/" + c, storedByHand("c/0/" + c, Arrays.copyOfRange(bytes, from, from + n)));
        data.put("c/1/" + c, storedByHand("c/1/" + c, i4.array()));
        data.put("c/2/" + c, storedByHand("c/2/" + c, d8.array()));
      }
      store.commit();
    }

    try (ColumnFile f = ColumnFile.open(file, new ChunkCipher(KEY))) {
      assertThat(f.bytes(0, rows)).isEqualTo(bytes);
      assertThat(f.ints(1, rows)).isEqualTo(ints);
      assertThat(f.doubles(2, rows)).isEqualTo(doubles);
    }
  }
}
