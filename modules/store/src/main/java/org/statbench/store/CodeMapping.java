package org.statbench.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.StatBenchException;

/**
 * A derived variable's code mapping in the form the engine applies it: the derived variable's
 * codelist ({@code targets}, in code order) and, for each code of the source column's dictionary
 * (by dictionary index), the index of its target or -1 for unmapped. Resolved once against the
 * source dictionary, which never changes for a dataset version (a re-import deletes its derived
 * variables), so materialising a column is one table look-up per record.
 *
 * <p>Stored form ({@link #encode}): a magic number, the source dictionary size, the number of
 * targets, each target as UTF-8 with its record count (so the catalogue reads the derived
 * variable's codelist from here), then the look-up table as one byte per source code when there are
 * fewer than 255 targets, else as little-endian ints. For 190,000 output-area codes mapped to
 * 35,000 LSOAs that is under 1.2 MB, against ~6 MB of code pairs in the earlier format, which
 * {@link #decode} still reads.
 *
 * @param targets the derived codes in code order
 * @param lut per source dictionary index, the target index or -1
 */
record CodeMapping(List<String> targets, int[] lut) {
  /** First int of the compact format; the legacy format starts with a non-negative pair count. */
  private static final int MAGIC = 0xC0DE_0002;

  CodeMapping {
    targets = List.copyOf(targets);
  }

  /** Resolves a code -> code map against a source dictionary. */
  static CodeMapping of(List<String> sourceDictionary, Map<String, String> mapping) {
    int n = sourceDictionary.size();
    String[] hit = new String[n];
    Map<String, Integer> distinct = new HashMap<>();
    List<String> found = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String t = mapping.get(sourceDictionary.get(i));
      hit[i] = t;
      if (t != null && distinct.putIfAbsent(t, -1) == null) {
        found.add(t);
      }
    }
    List<String> targets = sorted(found);
    for (int i = 0; i < targets.size(); i++) {
      distinct.put(targets.get(i), i);
    }
    int[] lut = new int[n];
    for (int i = 0; i < n; i++) {
      lut[i] = hit[i] == null ? -1 : distinct.get(hit[i]);
    }
    return new CodeMapping(targets, lut);
  }

  /**
   * Codes in {@link Values#CODE_ORDER}, each code's number parsed once (the comparator parses on
   * every comparison, which dominated sorting 35,000 LSOA codes).
   */
  static List<String> sorted(List<String> codes) {
    int n = codes.size();
    Integer[] order = new Integer[n];
    double[] num = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      byte[] b = codes.get(i).getBytes(StandardCharsets.ISO_8859_1);
      num[i] = Values.parseNumber(b, 0, b.length);
    }
    Arrays.sort(
        order,
        (p, q) -> {
          double x = num[p];
          double y = num[q];
          boolean nx = !Double.isNaN(x);
          boolean ny = !Double.isNaN(y);
          if (nx && ny) {
            int c = Double.compare(x, y);
            return c != 0 ? c : codes.get(p).compareTo(codes.get(q));
          }
          if (nx != ny) {
            return nx ? -1 : 1;
          }
          return codes.get(p).compareTo(codes.get(q));
        });
    List<String> out = new ArrayList<>(n);
    for (Integer i : order) {
      out.add(codes.get(i));
    }
    return out;
  }

  /**
   * The stored form (see the class comment).
   *
   * @param counts records per target, in target order
   */
  byte[] encode(long[] counts) {
    if (counts.length != targets.size()) {
      throw new IllegalArgumentException("one count per target");
    }
    try {
      boolean bytes = targets.size() < 0xFF;
      ByteArrayOutputStream buf =
          new ByteArrayOutputStream(16 + targets.size() * 12 + lut.length * (bytes ? 1 : 4));
      DataOutputStream out = new DataOutputStream(buf);
      out.writeInt(MAGIC);
      out.writeInt(lut.length);
      out.writeInt(targets.size());
      for (int i = 0; i < counts.length; i++) {
        byte[] b = targets.get(i).getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
        out.writeLong(counts[i]);
      }
      if (bytes) {
        byte[] l = new byte[lut.length];
        for (int i = 0; i < l.length; i++) {
          l[i] = (byte) lut[i];
        }
        out.write(l);
      } else {
        ByteBuffer l = ByteBuffer.allocate(lut.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        l.asIntBuffer().put(lut);
        out.write(l.array());
      }
      out.flush();
      return buf.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a stored mapping, compact or legacy (code pairs, as workspaces written before the compact
   * format hold them; resolved against the source dictionary here).
   *
   * @throws StatBenchException when the compact form does not fit the source dictionary
   */
  static CodeMapping decode(byte[] data, List<String> sourceDictionary, String variable) {
    ByteBuffer head = ByteBuffer.wrap(data);
    if (data.length < 4 || head.getInt(0) != MAGIC) {
      return of(sourceDictionary, readLegacy(data));
    }
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      in.readInt();
      int n = in.readInt();
      if (n != sourceDictionary.size()) {
        throw new StatBenchException(
            "The workspace is damaged: the mapping of derived variable '"
                + variable
                + "' has "
                + n
                + " source codes, its source has "
                + sourceDictionary.size());
      }
      int m = in.readInt();
      List<String> targets = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        targets.add(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
        in.readLong();
      }
      int[] lut = new int[n];
      if (m < 0xFF) {
        byte[] l = in.readNBytes(n);
        for (int i = 0; i < n; i++) {
          lut[i] = l[i] == (byte) 0xFF ? -1 : l[i] & 0xFF;
        }
      } else {
        ByteBuffer.wrap(in.readNBytes(n * 4)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(lut);
      }
      return new CodeMapping(targets, lut);
    } catch (IOException | RuntimeException e) {
      if (e instanceof StatBenchException s) {
        throw s;
      }
      throw new StatBenchException(
          "The workspace is damaged: cannot read the mapping of derived variable '"
              + variable
              + "': "
              + e,
          e);
    }
  }

  /**
   * The codelist with counts kept in a compact stored mapping, or null for the legacy format (whose
   * codelist is in {@code sb_code}).
   */
  static List<org.statbench.core.data.Code> codes(byte[] data) {
    if (data.length < 4 || ByteBuffer.wrap(data).getInt(0) != MAGIC) {
      return null;
    }
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      in.readInt();
      in.readInt();
      int m = in.readInt();
      List<org.statbench.core.data.Code> out = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        String code = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        out.add(new org.statbench.core.data.Code(code, null, in.readLong()));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new StatBenchException("The workspace is damaged: cannot read a derived codelist", e);
    }
  }

  /** The format of workspaces written before the compact one: sorted code pairs. */
  static byte[] encodeLegacy(Map<String, String> mapping) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(mapping.size());
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(mapping).entrySet()) {
        writeLegacyString(out, e.getKey());
        writeLegacyString(out, e.getValue());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeLegacyString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static Map<String, String> readLegacy(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      int n = in.readInt();
      Map<String, String> out = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String k = readLegacyString(in);
        String v = readLegacyString(in);
        out.put(k, v);
      }
      return out;
    } catch (IOException e) {
      throw new StatBenchException("The workspace is damaged: cannot read a code mapping", e);
    }
  }

  private static String readLegacyString(DataInputStream in) throws IOException {
    int n = in.readInt();
    return n < 0 ? null : new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}
