package org.statbench.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.statbench.core.InputException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;

/**
 * Joins a spell dataset to a cohort dataset by person: each cohort record is one person (a person
 * on two records is an error), each spell finds its person's record, or none.
 *
 * <p>Speed: ids are compared as dictionary codes or as numbers, never as a String per record. Text
 * ids map the spell dataset's dictionary onto the cohort's once (one hash look-up per distinct id);
 * integer ids go through an open-addressing hash of longs, with the previous spell's answer reused
 * when spells come sorted by person, as extracts usually do.
 *
 * <p>The "format" of text ids is the set of their shapes: each run of digits, of letters or of one
 * other character collapsed to one symbol ({@code P0000123} and {@code Q12} are both letter,
 * digits). A spell id whose shape no cohort id has is in the wrong format; when the cohort ids have
 * more than {@value #MAX_SHAPES} shapes, they have no format to hold spells to. Integer ids hold
 * spell ids to whole numbers.
 */
final class PersonJoin {
  static final int MAX_SHAPES = 20;
  private static final int MAX_REPORTED = 5;

  /** Cohort row of each text id's dictionary code (text cohort ids), else null. */
  private final int[] rowOfCode;

  private final CategoricalColumn cohortText;

  /** Cohort row of each numeric id (numeric cohort ids), else null. */
  private final LongIntHash rowOfId;

  /**
   * Compact alternative to {@link #rowOfId} for ids that are whole numbers from 0 to 2^31 - 1, one
   * per record: {@code id << 32 | row}, sorted (8 bytes a person instead of 24); else null.
   */
  private long[] packed;

  private int lastPos = -1;

  private StringIndex codeOf;
  private Shapes shapes;
  private boolean checkShape;

  // The spell dictionary last mapped (slices of a stored column share one) and its mapping.
  private List<String> mappedDict;
  private int[] rowOfSpellCode;
  private boolean[] wrongCode;

  private PersonJoin(CategoricalColumn cohortText, int[] rowOfCode, LongIntHash rowOfId) {
    this.cohortText = cohortText;
    this.rowOfCode = rowOfCode;
    this.rowOfId = rowOfId;
  }

  /**
   * Checks the cohort ids (present, one record per person) and indexes them for {@link #rows}.
   *
   * @throws InputException naming up to five cohort records with a missing or repeated id
   */
  static PersonJoin of(String dataset, Column cohortIds, int[] entry) {
    return of(dataset, cohortIds, entry, false);
  }

  /**
   * As {@link #of(String, Column, int[])}; {@code compact} indexes whole-number ids in a sorted
   * array rather than a hash when they allow it (a third of the heap, binary search).
   */
  static PersonJoin of(String dataset, Column cohortIds, int[] entry, boolean compact) {
    if (compact && cohortIds instanceof NumericColumn num) {
      long[] packed = packed(num.values());
      if (packed != null) {
        PersonJoin join = new PersonJoin(null, null, null);
        join.packed = packed;
        return join;
      }
    }
    int rows = cohortIds.size();
    List<String> errors = new ArrayList<>();
    long[] count = {0};
    PersonJoin join;
    if (cohortIds instanceof CategoricalColumn cat) {
      int[] rowOfCode = new int[cat.dictionary().size()];
      Arrays.fill(rowOfCode, -1);
      for (int i = 0; i < rows; i++) {
        int c = cat.code(i);
        if (c == CategoricalColumn.MISSING) {
          report(errors, count, i, "no person id");
        } else if (rowOfCode[c] >= 0) {
          repeated(errors, count, rowOfCode[c], i, entry);
        } else {
          rowOfCode[c] = i;
        }
      }
      check(dataset, cohortIds.name(), errors, count);
      join = new PersonJoin(cat, rowOfCode, null);
    } else if (cohortIds instanceof NumericColumn num) {
      LongIntHash rowOfId = new LongIntHash(rows);
      double[] v = num.values();
      for (int i = 0; i < rows; i++) {
        if (Double.isNaN(v[i])) {
          report(errors, count, i, "no person id");
          continue;
        }
        int before = rowOfId.putIfAbsent(key(v[i]), i);
        if (before >= 0) {
          repeated(errors, count, before, i, entry);
        }
      }
      check(dataset, cohortIds.name(), errors, count);
      join = new PersonJoin(null, null, rowOfId);
    } else {
      throw new InputException(
          "Variable '"
              + cohortIds.name()
              + "' is "
              + cohortIds.type().key()
              + ": a person id must be text, categorical or an integer");
    }
    return join;
  }

  /**
   * The cohort row of each spell of {@code spellIds} (a slice of the spell dataset whose first
   * record is record {@code offset}), or -1 (not a cohort person).
   *
   * @param spellProblems receives, per spell with a missing or wrong-format id, its record number
   *     and the problem (the caller reports them with its other spell errors)
   */
  int[] rows(Column spellIds, long offset, List<int[]> spellProblems, long[] problemCount) {
    return cohortText != null
        ? joinText(spellIds, (int) offset, spellProblems, problemCount)
        : joinNumbers(spellIds, (int) offset, spellProblems, problemCount);
  }

  /** Sorted {@code id << 32 | row}, or null unless every id is a distinct number in 0..2^31-1. */
  private static long[] packed(double[] v) {
    long[] packed = new long[v.length];
    boolean sorted = true;
    for (int i = 0; i < v.length; i++) {
      double x = v[i];
      if (!(x >= 0 && x < 0x1p31 && x == Math.rint(x))) {
        return null;
      }
      packed[i] = (long) x << 32 | i;
      sorted &= i == 0 || packed[i] > packed[i - 1];
    }
    if (!sorted) {
      Arrays.sort(packed);
    }
    for (int i = 1; i < packed.length; i++) {
      if (packed[i] >>> 32 == packed[i - 1] >>> 32) {
        return null; // a person on two records: reported through the hash
      }
    }
    return packed;
  }

  /** The cohort row of a numeric id's key, or -1. */
  private int rowOf(long k) {
    if (packed == null) {
      return rowOfId.get(k);
    }
    if (k < 0 || k >= 1L << 31) {
      return -1;
    }
    int next = lastPos + 1; // spells sorted like the cohort: the next person
    int p;
    if (next < packed.length && packed[next] >>> 32 == k) {
      p = next;
    } else {
      p = Arrays.binarySearch(packed, k << 32);
      p = p >= 0 ? p : -p - 1;
      if (p >= packed.length || packed[p] >>> 32 != k) {
        return -1;
      }
    }
    lastPos = p;
    return (int) packed[p];
  }

  private static long key(double v) {
    return v == Math.rint(v) && Math.abs(v) < 9e15 ? (long) v : Double.doubleToLongBits(v);
  }

  private static void report(List<String> errors, long[] count, int row, String what) {
    count[0]++;
    if (errors.size() < MAX_REPORTED) {
      errors.add("record " + (row + 1) + " (line " + (row + 2) + ") has " + what);
    }
  }

  private static void repeated(List<String> errors, long[] count, int first, int row, int[] entry) {
    count[0]++;
    if (errors.size() < MAX_REPORTED) {
      boolean same = entry[first] == entry[row];
      errors.add(
          "records "
              + (first + 1)
              + " and "
              + (row + 1)
              + " (lines "
              + (first + 2)
              + " and "
              + (row + 2)
              + ") are the same person"
              + (same
                  ? " twice"
                  : " with two entry dates, " + day(entry[first]) + " and " + day(entry[row])));
    }
  }

  private static String day(int d) {
    return d == DateColumn.MISSING ? "none" : LocalDate.ofEpochDay(d).toString();
  }

  private static void check(String dataset, String id, List<String> errors, long[] count) {
    if (count[0] > 0) {
      throw new InputException(
          "Dataset '"
              + dataset
              + "' must have one record per person ("
              + id
              + "): "
              + (count[0] == 1 ? "1 problem: " : count[0] + " problems: ")
              + String.join("; ", errors)
              + (count[0] > errors.size() ? "; ..." : ""));
    }
  }

  /**
   * Fills {@code out} with each spell's cohort row through its dictionary code ({@code rowOfCode},
   * -1 for none), noting records without an id and codes marked {@code wrong} (another format).
   */
  private static int[] rowsByCode(
      CategoricalColumn sc,
      int[] rowOfCode,
      boolean[] wrong,
      int[] out,
      int offset,
      List<int[]> problems,
      long[] problemCount) {
    for (int i = 0; i < out.length; i++) {
      int j = sc.code(i);
      if (j == CategoricalColumn.MISSING) {
        problem(problems, problemCount, offset + i, NO_ID);
        out[i] = -1;
      } else {
        if (wrong[j]) {
          problem(problems, problemCount, offset + i, WRONG_FORMAT);
        }
        out[i] = rowOfCode[j];
      }
    }
    return out;
  }

  private static void problem(List<int[]> problems, long[] count, int row, int kind) {
    count[0]++;
    if (problems.size() < MAX_REPORTED) {
      problems.add(new int[] {row, kind});
    }
  }

  /** Problem kinds reported through {@code spellProblems}. */
  static final int NO_ID = 0;

  static final int WRONG_FORMAT = 1;

  private int[] joinText(Column spellIds, int offset, List<int[]> problems, long[] problemCount) {
    List<String> dict = cohortText.dictionary();
    if (codeOf == null) {
      shapes = new Shapes();
      for (int c = 0; c < dict.size() && shapes.count <= MAX_SHAPES; c++) {
        if (rowOfCode[c] >= 0) {
          shapes.add(shape(dict.get(c)));
        }
      }
      checkShape = shapes.count <= MAX_SHAPES;
      codeOf = new StringIndex(dict);
    }
    int n = spellIds.size();
    int[] out = new int[n];
    if (spellIds instanceof CategoricalColumn sc) {
      List<String> sd = sc.dictionary();
      if (sd != mappedDict) {
        rowOfSpellCode = new int[sd.size()];
        wrongCode = new boolean[sd.size()];
        for (int j = 0; j < sd.size(); j++) {
          int c = codeOf.get(sd.get(j));
          rowOfSpellCode[j] = c < 0 ? -1 : rowOfCode[c];
          wrongCode[j] = c < 0 && checkShape && !shapes.contains(shape(sd.get(j)));
        }
        mappedDict = sd;
      }
      return rowsByCode(sc, rowOfSpellCode, wrongCode, out, offset, problems, problemCount);
    }
    // Integer spell ids against text cohort ids: compare their text.
    for (int i = 0; i < n; i++) {
      String t = spellIds.text(i);
      if (t == null) {
        problem(problems, problemCount, offset + i, NO_ID);
        out[i] = -1;
        continue;
      }
      int c = codeOf.get(t);
      if (c < 0 && checkShape && !shapes.contains(shape(t))) {
        problem(problems, problemCount, offset + i, WRONG_FORMAT);
      }
      out[i] = c < 0 ? -1 : rowOfCode[c];
    }
    return out;
  }

  private int[] joinNumbers(
      Column spellIds, int offset, List<int[]> problems, long[] problemCount) {
    int n = spellIds.size();
    int[] out = new int[n];
    if (spellIds instanceof NumericColumn num) {
      double[] v = num.values();
      double last = Double.NaN;
      int lastRow = -1;
      for (int i = 0; i < n; i++) {
        double x = v[i];
        if (x == last) {
          out[i] = lastRow;
          continue;
        }
        if (Double.isNaN(x)) {
          problem(problems, problemCount, offset + i, NO_ID);
          out[i] = -1;
          continue;
        }
        if (x != Math.rint(x)) {
          problem(problems, problemCount, offset + i, WRONG_FORMAT);
        }
        last = x;
        lastRow = rowOf(key(x));
        out[i] = lastRow;
      }
      return out;
    }
    if (!(spellIds instanceof CategoricalColumn sc)) {
      throw new InputException(
          "Variable '"
              + spellIds.name()
              + "' is "
              + spellIds.type().key()
              + ": a person id must be text, categorical or an integer");
    }
    List<String> sd = sc.dictionary();
    if (sd != mappedDict) {
      rowOfSpellCode = new int[sd.size()];
      wrongCode = new boolean[sd.size()];
      for (int j = 0; j < sd.size(); j++) {
        try {
          rowOfSpellCode[j] = rowOf(Long.parseLong(sd.get(j).strip()));
        } catch (NumberFormatException e) {
          rowOfSpellCode[j] = -1;
          wrongCode[j] = true;
        }
      }
      mappedDict = sd;
    }
    return rowsByCode(sc, rowOfSpellCode, wrongCode, out, offset, problems, problemCount);
  }

  /** A hash of the id's shape: runs of digits, of letters, or of one other character. */
  static long shape(String id) {
    long h = 17;
    int prev = -1;
    for (int i = 0; i < id.length(); i++) {
      char ch = id.charAt(i);
      int cls = Character.isDigit(ch) ? 1 : Character.isLetter(ch) ? 2 : 3 + ch;
      if (cls != prev) {
        h = h * 31 + cls;
        prev = cls;
      }
    }
    return h;
  }

  /** A handful of id shapes (a linear scan beats boxing into a set). */
  private static final class Shapes {
    final long[] values = new long[MAX_SHAPES + 1];
    int count;

    boolean contains(long v) {
      for (int i = 0; i < count; i++) {
        if (values[i] == v) {
          return true;
        }
      }
      return false;
    }

    void add(long v) {
      if (!contains(v)) {
        values[count++] = v;
      }
    }
  }

  /** Open-addressing index of a dictionary's strings: string to code, no boxing. */
  static final class StringIndex {
    private final List<String> dict;
    private final int[] slots;
    private final int mask;

    StringIndex(List<String> dict) {
      this.dict = dict;
      int cap = Integer.highestOneBit(Math.max(4, dict.size()) * 2 - 1) << 1;
      slots = new int[cap];
      Arrays.fill(slots, -1);
      mask = cap - 1;
      for (int c = 0; c < dict.size(); c++) {
        int s = mix(dict.get(c).hashCode()) & mask;
        while (slots[s] >= 0) {
          s = (s + 1) & mask;
        }
        slots[s] = c;
      }
    }

    private static int mix(int h) {
      return h ^ (h >>> 16) ^ (h * 0x9E3779B9);
    }

    /** The code of {@code text}, or -1. */
    int get(String text) {
      int s = mix(text.hashCode()) & mask;
      int c;
      while ((c = slots[s]) >= 0) {
        if (dict.get(c).equals(text)) {
          return c;
        }
        s = (s + 1) & mask;
      }
      return -1;
    }
  }

  /** Open-addressing hash from long keys to non-negative ints (linear probing). */
  static final class LongIntHash {
    private final long[] keys;
    private final int[] values;
    private final int mask;

    LongIntHash(int expected) {
      int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
      keys = new long[cap];
      values = new int[cap];
      Arrays.fill(values, -1);
      mask = cap - 1;
    }

    private int slot(long k) {
      long h = k * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Puts {@code k -> v} unless present; returns the existing value or -1. */
    int putIfAbsent(long k, int v) {
      int s = slot(k);
      while (values[s] >= 0) {
        if (keys[s] == k) {
          return values[s];
        }
        s = (s + 1) & mask;
      }
      keys[s] = k;
      values[s] = v;
      return -1;
    }

    /** The value of {@code k}, or -1. */
    int get(long k) {
      int s = slot(k);
      while (values[s] >= 0) {
        if (keys[s] == k) {
          return values[s];
        }
        s = (s + 1) & mask;
      }
      return -1;
    }
  }
}
