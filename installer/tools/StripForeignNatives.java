import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies the fat jar, leaving out native libraries built for other platforms. Some dependencies (e.g.
 * OR-Tools, lz4-java) ship every platform's natives; an installer for one platform needs only its own,
 * and the others would add tens of megabytes.
 *
 * <p>Usage: {@code java installer/tools/StripForeignNatives.java IN.jar OUT.jar PLATFORM} where
 * PLATFORM is {@code linux-x86-64}, {@code linux-aarch64}, {@code win32-x86-64}, {@code
 * darwin-x86-64} or {@code darwin-aarch64}.
 */
public final class StripForeignNatives {
  private static final Pattern ARM = Pattern.compile("(aarch64|arm64|armv7|/arm/|-arm[-/])");
  private static final Pattern X86 = Pattern.compile("(x86[-_]64|amd64|x64|/x86/|i386)");
  private static final Pattern EXOTIC =
      Pattern.compile("(ppc64|s390x|riscv|loongarch|android|freebsd|sunos|aix|musl)");

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: java StripForeignNatives.java IN.jar OUT.jar PLATFORM");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String platform = args[2];
    String os = platform.substring(0, platform.indexOf('-'));
    boolean arm = platform.endsWith("aarch64");
    // Most builds have nothing to leave out: then a plain copy (re-deflating 20k entries is slow).
    try (java.util.zip.ZipFile zf = new java.util.zip.ZipFile(in.toFile())) {
      boolean any =
          zf.stream().anyMatch(e -> !e.isDirectory() && isForeignNative(e.getName(), os, arm));
      if (!any) {
        Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println(out.getFileName() + ": no foreign native libraries, copied as is");
        return;
      }
    }
    long kept = 0;
    long dropped = 0;
    long droppedBytes = 0;
    try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
        OutputStream os0 = Files.newOutputStream(out);
        ZipOutputStream zout = new ZipOutputStream(os0)) {
      byte[] buf = new byte[1 << 16];
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        String name = e.getName();
        if (!e.isDirectory() && isForeignNative(name, os, arm)) {
          dropped++;
          droppedBytes += zin.transferTo(OutputStream.nullOutputStream());
          System.out.println("  left out " + name);
          continue;
        }
        ZipEntry copy = new ZipEntry(name);
        copy.setTime(e.getTime());
        zout.putNextEntry(copy);
        copyEntry(zin, zout, buf);
        zout.closeEntry();
        kept++;
      }
    }
    System.out.printf(
        "%s: kept %d entries, left out %d foreign native files (%.1f MB)%n",
        out.getFileName(), kept, dropped, droppedBytes / 1e6);
  }

  private static void copyEntry(InputStream in, OutputStream out, byte[] buf) throws IOException {
    int n;
    while ((n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
    }
  }

  static boolean isForeignNative(String name, String os, boolean arm) {
    String n = name.toLowerCase(Locale.ROOT);
    String ext;
    if (n.endsWith(".so") || n.matches(".*\\.so\\.[0-9.]+")) {
      ext = "linux";
    } else if (n.endsWith(".dll")) {
      ext = "win32";
    } else if (n.endsWith(".dylib") || n.endsWith(".jnilib")) {
      ext = "darwin";
    } else {
      return false;
    }
    if (!ext.equals(os)) {
      return true;
    }
    if (EXOTIC.matcher(n).find()) {
      return true;
    }
    // Same OS: leave out the other CPU architecture when the path names one.
    return arm ? X86.matcher(n).find() && !ARM.matcher(n).find() : ARM.matcher(n).find();
  }
}
