package org.statbench.link;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.language.Soundex;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.statbench.core.InputException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;

/**
 * One field of both sides, standardised and integer-encoded: every distinct standardised value gets
 * a code in a dictionary shared by the two sides (and by all name fields, so a forename on one side
 * can be found as the surname on the other), so equality is an int comparison and everything
 * derived from a value (soundex, postcode sector, address words) is computed once per distinct
 * value, not per record. Dates are held as epoch days. {@link #NONE} marks a missing value.
 */
final class EncodedField {
  static final int NONE = Integer.MIN_VALUE;

  /** Levels of {@link FieldType#NAME} (see its level names). */
  static final int NAME_SWAPPED = 2;

  static final int NAME_INITIAL = 3;
  static final int NAME_JW88 = 4;
  static final int NAME_NICKNAME = 5;
  static final int NAME_JW94 = 6;

  private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

  /** Distinct standardised values, shared where fields share it. */
  static final class Dict {
    final Map<String, Integer> index = new HashMap<>();
    final List<String> values = new ArrayList<>();
    LongIntMap numbers;
    // derived per code, built by prepare()
    int[] initial;
    int[][] nicknameGroups;
    int[] soundex;
    char[][] sortedChars;
    int[] area;
    int[] district;
    int[] sector;
    int[] houseNumber;
    int[][] words;

    int code(String s) {
      if (s == null) {
        return NONE;
      }
      Integer c = index.get(s);
      if (c == null) {
        c = values.size();
        index.put(s, c);
        values.add(s);
      }
      return c;
    }

    void prepare(FieldType type) {
      int n = values.size();
      if (type == FieldType.NAME && (initial == null || initial.length != n)) {
        initial = new int[n];
        nicknameGroups = new int[n][];
        soundex = new int[n];
        sortedChars = new char[n][];
        Map<String, Integer> sx = new HashMap<>();
        Soundex soundexCodec = new Soundex();
        for (int i = 0; i < n; i++) {
          String v = values.get(i);
          initial[i] = v.charAt(0);
          sortedChars[i] = v.toCharArray();
          java.util.Arrays.sort(sortedChars[i]);
          nicknameGroups[i] = Standardise.nicknameGroups(v);
          String s;
          try {
            s = soundexCodec.encode(v.replace(" ", ""));
          } catch (IllegalArgumentException e) {
            s = v;
          }
          soundex[i] = sx.computeIfAbsent(s, k -> sx.size());
        }
      } else if (type == FieldType.POSTCODE && (area == null || area.length != n)) {
        area = new int[n];
        district = new int[n];
        sector = new int[n];
        Map<String, Integer> parts = new HashMap<>();
        for (int i = 0; i < n; i++) {
          String v = values.get(i);
          area[i] = parts.computeIfAbsent(Standardise.postcodeArea(v), k -> parts.size());
          district[i] = parts.computeIfAbsent(Standardise.postcodeDistrict(v), k -> parts.size());
          sector[i] = parts.computeIfAbsent(Standardise.postcodeSector(v), k -> parts.size());
        }
      } else if (type == FieldType.TEXT && (words == null || words.length != n)) {
        houseNumber = new int[n];
        words = new int[n][];
        Map<String, Integer> w = new HashMap<>();
        for (int i = 0; i < n; i++) {
          String v = values.get(i);
          houseNumber[i] = Standardise.houseNumber(v);
          int[] ids =
              java.util.Arrays.stream(v.split(" "))
                  .distinct()
                  .mapToInt(t -> w.computeIfAbsent(t, k -> w.size()))
                  .sorted()
                  .toArray();
          words[i] = ids;
        }
      }
    }
  }

  private static int[] dedupSorted(int[] a) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (i == 0 || a[i] != a[i - 1]) {
        a[n++] = a[i];
      }
    }
    return n == a.length ? a : java.util.Arrays.copyOf(a, n);
  }

  final LinkField field;
  final FieldType type;
  final Dict dict;
  final int[] left;
  final int[] right;

  EncodedField(LinkField field, Dict dict, int[] left, int[] right) {
    this.field = field;
    this.type = field.type();
    this.dict = dict;
    this.left = left;
    this.right = right;
  }

  /**
   * Standardises and encodes one side's column: per distinct raw value for dictionary columns, per
   * record otherwise.
   *
   * @throws InputException naming the variable when it has values but none fits the type
   */
  static int[] encode(Column col, FieldType type, Dict dict, String dataset) {
    int n = col.size();
    int[] out = new int[n];
    int present = 0;
    int usable = 0;
    if (type == FieldType.DATE && col instanceof DateColumn dc) {
      int[] days = dc.epochDays();
      int today = (int) LocalDate.now().toEpochDay();
      int min = (int) LocalDate.of(1880, 1, 1).toEpochDay();
      for (int i = 0; i < n; i++) {
        int d = days[i];
        if (d != DateColumn.MISSING) {
          present++;
        }
        out[i] = d == DateColumn.MISSING || d > today || d < min ? NONE : d;
        if (out[i] != NONE) {
          usable++;
        }
      }
    } else if (col instanceof CategoricalColumn cc) {
      List<String> raw = cc.dictionary();
      int[] std = new int[raw.size()];
      for (int k = 0; k < std.length; k++) {
        std[k] = standard(type, raw.get(k), dict);
      }
      for (int i = 0; i < n; i++) {
        int c = cc.code(i);
        if (c == CategoricalColumn.MISSING) {
          out[i] = NONE;
        } else {
          present++;
          out[i] = std[c];
          if (out[i] != NONE) {
            usable++;
          }
        }
      }
    } else if (type == FieldType.EXACT && col instanceof NumericColumn nc) {
      // numbers compared exactly (ids, truth): codes from the value bits, no string per record
      double[] values = nc.values();
      if (dict.numbers == null) {
        dict.numbers = new LongIntMap(1024); // shared by both sides, like the strings
      }
      LongIntMap seen = dict.numbers;
      for (int i = 0; i < n; i++) {
        double v = values[i];
        if (Double.isNaN(v)) {
          out[i] = NONE;
          continue;
        }
        present++;
        usable++;
        long bits = Double.doubleToLongBits(v == 0 ? 0.0 : v);
        int code = seen.get(bits, -1);
        if (code < 0) {
          code = seen.size();
          seen.put(bits, code);
        }
        out[i] = code;
      }
    } else {
      if (type == FieldType.DATE) {
        throw doesNotFit(col.name(), type, dataset);
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String t = col.text(i);
        if (t == null) {
          out[i] = NONE;
          continue;
        }
        present++;
        out[i] = seen.computeIfAbsent(t, k -> standard(type, k, dict));
        if (out[i] != NONE) {
          usable++;
        }
      }
    }
    if (present > 0 && usable == 0) {
      throw doesNotFit(col.name(), type, dataset);
    }
    return out;
  }

  private static InputException doesNotFit(String variable, FieldType type, String dataset) {
    return new InputException(
        "Variable '"
            + variable
            + "' of dataset '"
            + dataset
            + "' does not fit the comparison type "
            + type.key()
            + ": none of its values is a valid "
            + type.key());
  }

  private static int standard(FieldType type, String raw, Dict dict) {
    if (type == FieldType.DATE) {
      int d = Standardise.dateOfBirth(raw);
      return d == Standardise.NO_DATE ? NONE : d;
    }
    return dict.code(Standardise.forType(type, raw));
  }

  /** Builds the per-value derived arrays; call once both sides are encoded. */
  void prepare() {
    if (dict != null) {
      dict.prepare(type);
    }
  }

  /**
   * The comparison level of two values (codes of this field). Similarities are cached by the caller
   * per distinct value pair.
   */
  int level(int a, int b, LongIntMap cache) {
    if (a == NONE || b == NONE) {
      return FieldType.MISSING;
    }
    if (a == b) {
      return type.exact();
    }
    switch (type) {
      case DATE:
        return dateLevel(a, b);
      case POSTCODE:
        if (dict.sector[a] == dict.sector[b]) {
          return 4;
        }
        if (dict.district[a] == dict.district[b]) {
          return 3;
        }
        return dict.area[a] == dict.area[b] ? 2 : FieldType.ELSE;
      case TEXT:
        return textLevel(a, b);
      case EXACT:
        return FieldType.ELSE;
      default:
        break;
    }
    long key = a < b ? ((long) a << 32) | (b & 0xFFFFFFFFL) : ((long) b << 32) | (a & 0xFFFFFFFFL);
    int cached = cache == null ? -1 : cache.get(key, -1);
    if (cached >= 0) {
      return cached;
    }
    int lv = type == FieldType.NAME ? nameLevel(a, b) : editLevel(a, b);
    if (cache != null && cache.size() < 4_000_000) {
      cache.put(key, lv);
    }
    return lv;
  }

  private int nameLevel(int a, int b) {
    String x = dict.values.get(a);
    String y = dict.values.get(b);
    if (x.length() == 1 || y.length() == 1) {
      return x.charAt(0) == y.charAt(0) ? NAME_INITIAL : FieldType.ELSE;
    }
    // most pairs of different names fall below 0.88 without computing Jaro-Winkler
    double s =
        jaroWinklerBound(x, y, dict.sortedChars[a], dict.sortedChars[b]) < 0.88
            ? 0
            : JW.apply(x, y);
    if (s >= 0.94) {
      return NAME_JW94;
    }
    if (Standardise.shareAny(dict.nicknameGroups[a], dict.nicknameGroups[b])) {
      return NAME_NICKNAME;
    }
    // one typing error in a short name (JZHN, PADL) scores below 0.88: count it at that level
    return s >= 0.88 || withinOneEdit(x, y) ? NAME_JW88 : FieldType.ELSE;
  }

  /**
   * An upper bound of the Jaro-Winkler similarity (as commons-text computes it: prefix up to four
   * characters, scale 0.1, boost only from Jaro 0.7): the matching characters are at most the
   * common characters counted with multiplicity, and transpositions only lower it.
   */
  static double jaroWinklerBound(String x, String y, char[] sx, char[] sy) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < sx.length && j < sy.length) {
      if (sx[i] == sy[j]) {
        common++;
        i++;
        j++;
      } else if (sx[i] < sy[j]) {
        i++;
      } else {
        j++;
      }
    }
    if (common == 0) {
      return 0;
    }
    double jaro = (common / (double) x.length() + common / (double) y.length() + 1) / 3;
    if (jaro < 0.7) {
      return jaro;
    }
    int prefix = 0;
    int max = Math.min(4, Math.min(x.length(), y.length()));
    while (prefix < max && x.charAt(prefix) == y.charAt(prefix)) {
      prefix++;
    }
    return jaro + 0.1 * prefix * (1 - jaro);
  }

  private int editLevel(int a, int b) {
    return withinOneEdit(dict.values.get(a), dict.values.get(b)) ? 2 : FieldType.ELSE;
  }

  /** Levenshtein distance at most one (one insertion, deletion or substitution), no allocation. */
  static boolean withinOneEdit(String x, String y) {
    int n = x.length();
    int m = y.length();
    if (Math.abs(n - m) > 1) {
      return false;
    }
    if (n > m) {
      return withinOneEdit(y, x);
    }
    int i = 0;
    while (i < n && x.charAt(i) == y.charAt(i)) {
      i++;
    }
    if (i == n) {
      return true; // equal, or y has one more character at the end
    }
    // first difference: substitution (same lengths) or insertion into x (y longer)
    return n == m
        ? x.regionMatches(i + 1, y, i + 1, n - i - 1)
        : x.regionMatches(i, y, i + 1, n - i);
  }

  private int textLevel(int a, int b) {
    int[] x = dict.words[a];
    int[] y = dict.words[b];
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    double jaccard = common / (double) (x.length + y.length - common);
    int ha = dict.houseNumber[a];
    if (ha >= 0 && ha == dict.houseNumber[b] && jaccard >= 0.6) {
      return 3;
    }
    return jaccard >= 0.5 ? 2 : FieldType.ELSE;
  }

  /** yyyymmdd of epoch days 1880-01-01 .. 2100-12-31, built once: no LocalDate per pair. */
  private static final int FIRST_DAY = (int) LocalDate.of(1880, 1, 1).toEpochDay();

  private static final int[] YMD = ymdTable();

  private static int[] ymdTable() {
    int last = (int) LocalDate.of(2100, 12, 31).toEpochDay();
    int[] t = new int[last - FIRST_DAY + 1];
    for (int d = FIRST_DAY; d <= last; d++) {
      LocalDate x = LocalDate.ofEpochDay(d);
      t[d - FIRST_DAY] = x.getYear() * 10000 + x.getMonthValue() * 100 + x.getDayOfMonth();
    }
    return t;
  }

  private static int ymd(int epochDay) {
    int i = epochDay - FIRST_DAY;
    if (i >= 0 && i < YMD.length) {
      return YMD[i];
    }
    LocalDate x = LocalDate.ofEpochDay(epochDay);
    return x.getYear() * 10000 + x.getMonthValue() * 100 + x.getDayOfMonth();
  }

  static int dateLevel(int a, int b) {
    int ya = ymd(a);
    int yb = ymd(b);
    int dx = ya;
    int dy = yb;
    int differ = 0;
    for (int k = 0; k < 8; k++) {
      if (dx % 10 != dy % 10) {
        differ++;
      }
      dx /= 10;
      dy /= 10;
    }
    if (differ == 1) {
      return 5;
    }
    if (ya / 10000 == yb / 10000 && ya % 100 == yb / 100 % 100 && ya / 100 % 100 == yb % 100) {
      return 4;
    }
    int gap = Math.abs(a - b);
    if (gap <= 31) {
      return 3;
    }
    return gap <= 366 ? 2 : FieldType.ELSE;
  }

  /** A blocking key of record value {@code code} under {@code fn}, or {@link #NONE}. */
  int blockKey(BlockingRule.Fn fn, int code) {
    if (code == NONE) {
      return NONE;
    }
    return switch (fn) {
      case VALUE -> code;
      case SOUNDEX -> requireDict(FieldType.NAME, fn).soundex[code];
      case INITIAL, INITIALS -> requireDict(FieldType.NAME, fn).initial[code];
      case YEAR -> {
        if (type != FieldType.DATE) {
          throw wrongFn(fn);
        }
        yield ymd(code) / 10000;
      }
      case DISTRICT -> requireDict(FieldType.POSTCODE, fn).district[code];
      case SECTOR -> requireDict(FieldType.POSTCODE, fn).sector[code];
    };
  }

  private Dict requireDict(FieldType wanted, BlockingRule.Fn fn) {
    if (type != wanted) {
      throw wrongFn(fn);
    }
    return dict;
  }

  private InputException wrongFn(BlockingRule.Fn fn) {
    return new InputException(
        "Blocking function "
            + fn.name().toLowerCase(java.util.Locale.ROOT)
            + " does not apply to '"
            + field.name()
            + "' (a "
            + type.key()
            + " field)");
  }
}
