package org.statbench.sampledata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.statbench.sampledata.SyntheticGeography.OutputArea;
import org.statbench.sampledata.SyntheticGeography.Subgroup;

/**
 * What the synthetic 2011 geography became by 2021, and its postcodes: a code-change lookup from
 * 2011 to 2021 output areas (most unchanged, some split with population weights, some merged, a few
 * redrawn), a 2021-shaped area classification (8 supergroups, 21 groups, 52 subgroups) of the 2021
 * output areas, and a postcode directory of the 2011 output areas with some terminated postcodes.
 * Deterministic for a geography; immutable.
 *
 * <p>Unchanged output areas keep their code, as real ones do; new 2021 codes are numbered from
 * {@code E00910001}, apart from the 2011 range. Postcodes use outward codes starting with {@code
 * Q}, a letter no real UK postcode area starts with.
 */
public final class SyntheticEditions {
  /** Seed of the committed 2021 edition and postcodes. */
  public static final long SEED = 20210321L;

  /** Rows of the committed postcode directory. */
  public static final int SAMPLE_POSTCODES = 6529;

  /** Rows of the committed code-change lookup. */
  public static final int SAMPLE_CODE_CHANGES = 2384;

  /** 2021 output areas of the committed classification. */
  public static final int SAMPLE_OUTPUT_AREAS_2021 = 2308;

  /** First number of new 2021 output-area codes ({@code E00910001}). */
  static final int FIRST_NEW_OA = 10_001;

  /** The 2021 supergroup names (invented, like the 2011 ones). */
  static final String[] SUPERGROUP_NAMES_2021 = {
    "Rural Residents",
    "Cosmopolitan Centres",
    "Mixed Urban Neighbourhoods",
    "Diverse Suburbs",
    "Professional Enclaves",
    "Family Suburbs",
    "Urban Renters",
    "Hard-Pressed Estates"
  };

  // 21 groups; 52 subgroups (the first ten groups have three, the other eleven two).
  private static final int[] GROUPS_PER_SUPERGROUP_2021 = {3, 3, 2, 3, 3, 2, 3, 2};
  private static final String[] GROUP_WORDS = {"Settled", "Younger", "Mixed"};
  private static final String[] SUBGROUP_WORDS = {"I", "II", "III"};
  // Letters used in the inward code of real postcodes (no C, I, K, M, O, V).
  private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  /** Change types of a code-change lookup. */
  public enum Change {
    /** Unchanged. */
    U,
    /** Split into several new areas. */
    S,
    /** Merged with others into one new area. */
    M,
    /** Redrawn: many to many. */
    X
  }

  /**
   * One row of the code-change lookup.
   *
   * @param oldCode the 2011 output area
   * @param newCode a 2021 output area
   * @param change how the old area changed
   * @param weight share of the old area's population in the new one (1 when unchanged or merged)
   */
  public record CodeChange(String oldCode, String newCode, Change change, double weight) {}

  /**
   * A 2021 output area and its classification.
   *
   * @param code e.g. {@code E00900001} or {@code E00910001}
   * @param subgroup its 2021 classification
   */
  public record OutputArea2021(String code, Subgroup subgroup) {}

  /**
   * A postcode of the directory.
   *
   * @param postcode e.g. {@code QA3 1BD}
   * @param oa its 2011 output area
   * @param terminated month of termination as {@code yyyymm}, or null while live
   */
  public record Postcode(String postcode, OutputArea oa, String terminated) {}

  private final List<CodeChange> changes;
  private final List<OutputArea2021> outputAreas2021;
  private final List<Subgroup> classification2021;
  private final List<Postcode> postcodes;

  private SyntheticEditions(
      List<CodeChange> changes,
      List<OutputArea2021> outputAreas2021,
      List<Subgroup> classification2021,
      List<Postcode> postcodes) {
    this.changes = List.copyOf(changes);
    this.outputAreas2021 = List.copyOf(outputAreas2021);
    this.classification2021 = List.copyOf(classification2021);
    this.postcodes = List.copyOf(postcodes);
  }

  /** The editions of a geography, with the seed of the committed files. */
  public static SyntheticEditions of(SyntheticGeography geography) {
    return of(geography, SEED);
  }

  /** The editions of a geography with a given seed. */
  public static SyntheticEditions of(SyntheticGeography geography, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<OutputArea> oas = geography.outputAreas();
    List<Subgroup> classes = classification2021();

    // Code changes, and the 2011 area whose classification each 2021 area mostly inherits.
    List<CodeChange> changes = new ArrayList<>();
    TreeMap<String, OutputArea> heir = new TreeMap<>();
    int next = FIRST_NEW_OA;
    int total = FIRST_NEW_OA + oas.size();
    for (int i = 0; i < oas.size(); i++) {
      OutputArea a = oas.get(i);
      boolean pairable = i + 1 < oas.size() && oas.get(i + 1).lsoa().equals(a.lsoa());
      double u = rnd.nextDouble();
      if (pairable && u < 0.035) {
        // Two neighbours of one LSOA merged.
        OutputArea b = oas.get(i + 1);
        String n = SyntheticGeography.code("E00", next++, total);
        changes.add(new CodeChange(a.code(), n, Change.M, 1));
        changes.add(new CodeChange(b.code(), n, Change.M, 1));
        heir.put(n, a);
        i++;
      } else if (u < 0.09) {
        // Split in two or three; shares in thousandths that add up to one.
        int parts = rnd.nextDouble() < 0.3 ? 3 : 2;
        int left = 1000;
        for (int p = 0; p < parts; p++) {
          int share = p == parts - 1 ? left : 250 + rnd.nextInt(Math.max(1, left - 250 * 2));
          share = Math.min(share, left - 100 * (parts - p - 1));
          left -= share;
          String n = SyntheticGeography.code("E00", next++, total);
          changes.add(new CodeChange(a.code(), n, Change.S, share / 1000.0));
          heir.put(n, a);
        }
      } else if (pairable && u < 0.10) {
        // Redrawn boundary between two neighbours: A -> P, Q; B -> Q, R.
        OutputArea b = oas.get(i + 1);
        String p = SyntheticGeography.code("E00", next++, total);
        String q = SyntheticGeography.code("E00", next++, total);
        String r = SyntheticGeography.code("E00", next++, total);
        int wa = 550 + rnd.nextInt(300);
        int wb = 150 + rnd.nextInt(300);
        changes.add(new CodeChange(a.code(), p, Change.X, wa / 1000.0));
        changes.add(new CodeChange(a.code(), q, Change.X, (1000 - wa) / 1000.0));
        changes.add(new CodeChange(b.code(), q, Change.X, wb / 1000.0));
        changes.add(new CodeChange(b.code(), r, Change.X, (1000 - wb) / 1000.0));
        heir.put(p, a);
        heir.put(q, a);
        heir.put(r, b);
        i++;
      } else {
        changes.add(new CodeChange(a.code(), a.code(), Change.U, 1));
        heir.put(a.code(), a);
      }
    }

    // 2021 classification: the 2011 subgroup's counterpart, re-drawn within its supergroup for a
    // fifth of the areas (neighbourhoods change).
    List<OutputArea2021> oas21 = new ArrayList<>();
    for (var e : heir.entrySet()) {
      Subgroup old = e.getValue().subgroup();
      List<Subgroup> same =
          classes.stream().filter(s -> s.supergroup().equals(old.supergroup())).toList();
      int k = SyntheticGeography.classification().indexOf(old);
      Subgroup sg =
          rnd.nextDouble() < 0.2 ? same.get(rnd.nextInt(same.size())) : same.get(k % same.size());
      oas21.add(new OutputArea2021(e.getKey(), sg));
    }

    // Postcodes: two to four per output area, grouped by region (area letter), local authority
    // (district) and LSOA (sector); about 4% terminated between 2012 and 2020.
    List<Postcode> postcodes = new ArrayList<>();
    java.util.Map<String, Integer> unitsOfDistrict = new java.util.HashMap<>();
    java.util.Map<String, Integer> laNumber = new java.util.HashMap<>();
    java.util.Map<String, Integer> regionNumber = new java.util.HashMap<>();
    for (var la : geography.localAuthorities()) {
      regionNumber.putIfAbsent(la.region().code(), regionNumber.size());
      laNumber.put(la.code(), laNumber.size());
    }
    for (OutputArea a : oas) {
      int region = regionNumber.get(a.la().region().code());
      int district = laNumber.get(a.la().code()) + 1;
      String outward =
          "Q" + (char) ('A' + region % 26) + (district > 99 ? district % 99 + 1 : district);
      int n = 2 + rnd.nextInt(3);
      for (int k = 0; k < n; k++) {
        int unit = unitsOfDistrict.merge(outward, 1, Integer::sum) - 1;
        int letters = INWARD_LETTERS.length() * INWARD_LETTERS.length();
        String inward =
            String.valueOf((unit / letters) % 10)
                + INWARD_LETTERS.charAt((unit % letters) / INWARD_LETTERS.length())
                + INWARD_LETTERS.charAt(unit % INWARD_LETTERS.length());
        String terminated =
            rnd.nextDouble() < 0.04
                ? String.format(Locale.ROOT, "%04d%02d", 2012 + rnd.nextInt(9), 1 + rnd.nextInt(12))
                : null;
        postcodes.add(new Postcode(outward + " " + inward, a, terminated));
      }
    }
    return new SyntheticEditions(changes, oas21, classes, postcodes);
  }

  /** The 52 subgroups of the 2021-shaped classification in code order. */
  static List<Subgroup> classification2021() {
    List<Subgroup> out = new ArrayList<>();
    int groupIndex = 0;
    for (int s = 0; s < 8; s++) {
      for (int g = 0; g < GROUPS_PER_SUPERGROUP_2021[s]; g++) {
        String group = (s + 1) + String.valueOf((char) ('a' + g));
        String groupName = GROUP_WORDS[g] + " " + SUPERGROUP_NAMES_2021[s].toLowerCase(Locale.ROOT);
        int subs = groupIndex < 10 ? 3 : 2;
        for (int k = 0; k < subs; k++) {
          out.add(
              new Subgroup(
                  String.valueOf(s + 1),
                  SUPERGROUP_NAMES_2021[s],
                  group,
                  groupName,
                  group + (k + 1),
                  groupName + " " + SUBGROUP_WORDS[k]));
        }
        groupIndex++;
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Rows of the code-change lookup in 2011 code order. */
  public List<CodeChange> changes() {
    return changes;
  }

  /** The 2021 output areas in code order, with their classification. */
  public List<OutputArea2021> outputAreas2021() {
    return outputAreas2021;
  }

  /** The 52 subgroups of the 2021 classification in code order. */
  public List<Subgroup> classification2021Subgroups() {
    return classification2021;
  }

  /** The postcode directory, grouped by output area. */
  public List<Postcode> postcodes() {
    return postcodes;
  }
}
