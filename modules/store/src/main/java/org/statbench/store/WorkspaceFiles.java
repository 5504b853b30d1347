package org.statbench.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a workspace keeps its small files (saved table and cohort definitions, clearance requests and
 * decisions): in clear in a plain workspace, sealed with AES-256-GCM under the workspace key in an
 * encrypted one (the file name is bound as associated data, so files cannot be swapped). Reading
 * accepts both forms, so a file written before {@code workspace encrypt} stays readable while it is
 * converted. Thread-safe (immutable).
 */
public final class WorkspaceFiles {
  /** Files in clear. */
  public static final WorkspaceFiles PLAIN = new WorkspaceFiles(null);

  private static final byte[] MAGIC = "SBENC1\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STREAM_MAGIC = "SBCTR1\n".getBytes(StandardCharsets.US_ASCII);

  private final byte[] key;

  WorkspaceFiles(byte[] key) {
    this.key = key == null ? null : key.clone();
  }

  /**
   * How the workspace in {@code dir} stores small files, without opening it: {@link #PLAIN} for an
   * unencrypted workspace (the passphrase is ignored), else sealed under its key.
   *
   * @throws Crypto.WrongPassphraseException when encrypted and the passphrase is missing or wrong
   */
  public static WorkspaceFiles of(Path dir, char[] passphrase) {
    WorkspaceKey k = WorkspaceKey.load(dir.toAbsolutePath().normalize(), passphrase);
    return k == null ? PLAIN : new WorkspaceFiles(k.filesKey());
  }

  /**
   * The files of the workspace in {@code workspaceDir} that {@code file} would be: true when the
   * file lies inside the workspace folder (saved definitions kept there are sealed).
   */
  public static boolean inside(Path workspaceDir, Path file) {
    return file.toAbsolutePath().normalize().startsWith(workspaceDir.toAbsolutePath().normalize());
  }

  /** True when files are written encrypted. */
  public boolean encrypted() {
    return key != null;
  }

  /** True when the file exists. */
  public boolean exists(Path file) {
    return Files.isRegularFile(file);
  }

  /** The plain content of a file. */
  public byte[] read(Path file) throws IOException {
    return decode(file, Files.readAllBytes(file));
  }

  /** The plain content of bytes read from {@code file}. */
  public byte[] decode(Path file, byte[] stored) {
    if (!isSealed(stored)) {
      return stored;
    }
    if (key == null) {
      throw new Crypto.WrongPassphraseException(
          file.getFileName() + " is encrypted; open the workspace with its passphrase");
    }
    return Crypto.open(key, Arrays.copyOfRange(stored, MAGIC.length, stored.length), aad(file));
  }

  /** The bytes to store for {@code plain} in {@code file}. */
  public byte[] encode(Path file, byte[] plain) {
    if (key == null) {
      return plain;
    }
    byte[] sealed = Crypto.seal(key, plain, aad(file));
    byte[] out = Arrays.copyOf(MAGIC, MAGIC.length + sealed.length);
    System.arraycopy(sealed, 0, out, MAGIC.length, sealed.length);
    return out;
  }

  /** True when stored bytes are in the sealed form. */
  public static boolean isSealed(byte[] stored) {
    return stored.length >= MAGIC.length
        && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /**
   * Creates a new file.
   *
   * @throws java.nio.file.FileAlreadyExistsException when it exists
   */
  public void createNew(Path file, byte[] plain) throws IOException {
    Files.write(file, encode(file, plain), StandardOpenOption.CREATE_NEW);
  }

  /** Writes (creates or replaces) a file through a temporary sibling and a move. */
  public void write(Path file, byte[] plain) throws IOException {
    Path abs = file.toAbsolutePath();
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
    try {
      Files.write(tmp, encode(file, plain));
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A stream writing a temporary or spill file (e.g. of an import or a linkage): in an encrypted
   * workspace everything written is encrypted with AES-256-CTR under a per-file random IV (written
   * after a marker line), so nothing of the data reaches the disk in clear, wherever the file
   * lives; in a plain workspace a plain buffered stream. Read it back with {@link #newInputStream}.
   * For files that live only while one task runs; not authenticated.
   */
  public OutputStream newOutputStream(Path file) throws IOException {
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    if (key == null) {
      return out;
    }
    byte[] iv = Crypto.random(16);
    out.write(STREAM_MAGIC);
    out.write(iv);
    return new CtrOutputStream(out, stream(Cipher.ENCRYPT_MODE, iv));
  }

  /**
   * Reads a file in clear, or one that {@link #newOutputStream} of an encrypted workspace wrote
   * (recognised by its marker line), so an import reads a user's extract and a workspace's own
   * sealed temporary file alike.
   *
   * @throws Crypto.WrongPassphraseException when the file is sealed and this workspace has no key
   */
  public InputStream newInputStream(Path file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(STREAM_MAGIC.length);
    byte[] head = in.readNBytes(STREAM_MAGIC.length);
    if (!Arrays.equals(head, STREAM_MAGIC)) {
      in.reset();
      return in;
    }
    if (key == null) {
      in.close();
      throw new Crypto.WrongPassphraseException(
          file.getFileName() + " is encrypted; open the workspace with its passphrase");
    }
    byte[] iv = in.readNBytes(16);
    if (iv.length != 16) {
      in.close();
      throw new IOException(file.getFileName() + " is truncated");
    }
    return new CtrInputStream(in, stream(Cipher.DECRYPT_MODE, iv));
  }

  private Cipher stream(int mode, byte[] iv) {
    try {
      Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
      c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR is not available", e);
    }
  }

  /** Decrypts in place what it reads (CTR keeps lengths, so no buffering is needed). */
  private static final class CtrInputStream extends FilterInputStream {
    private final Cipher cipher;

    CtrInputStream(InputStream in, Cipher cipher) {
      super(in);
      this.cipher = cipher;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        try {
          cipher.update(b, off, n, b, off);
        } catch (GeneralSecurityException e) {
          throw new IOException(e);
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // read through rather than skip the file, so the key stream stays in step
      byte[] scratch = new byte[(int) Math.min(n, 8192)];
      return n <= 0 ? 0 : Math.max(0, read(scratch, 0, scratch.length));
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }

  /** Encrypts what is written before it reaches the file. */
  private static final class CtrOutputStream extends FilterOutputStream {
    private final Cipher cipher;
    private byte[] buf = new byte[8192];

    CtrOutputStream(OutputStream out, Cipher cipher) {
      super(out);
      this.cipher = cipher;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (buf.length < len) {
        buf = new byte[len];
      }
      try {
        int n = cipher.update(b, off, len, buf, 0);
        out.write(buf, 0, n);
      } catch (GeneralSecurityException e) {
        throw new IOException(e);
      }
    }
  }

  private static byte[] aad(Path file) {
    return file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
  }
}
