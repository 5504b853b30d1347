package org.statbench.sampledata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic geography: output areas nested in LSOAs, MSOAs, local authorities, regions and one
 * country, with a constituency for each output area and an area classification (8 supergroups, 26
 * groups, 76 subgroups, codes {@code 1}, {@code 1a}, {@code 1a1}). Codes have the real formats
 * ({@code E00}, {@code E01}, {@code E02}, {@code E06}-{@code E09}, {@code E12}, {@code E14}, {@code
 * E92}) but lie in the otherwise unused {@code 9xxxxx} ranges, so they can never be mistaken for
 * real areas. The same seed and size always give the same geography. Immutable.
 */
public final class SyntheticGeography {
  /** The seed of the committed sample geography. */
  public static final long SEED = 20110327L;

  /** Local authorities in the committed sample geography (about 2,000 output areas). */
  public static final int SAMPLE_LOCAL_AUTHORITIES = 18;

  /** Output areas in the committed sample geography (one row per output area in each lookup). */
  public static final int SAMPLE_OUTPUT_AREAS = 2171;

  /** The country every synthetic region belongs to. */
  public static final String COUNTRY = "E92900001";

  private static final String[] REGION_NAMES = {
    "Northmoor", "Eastvale", "Westmarch", "Southdown", "Midshire"
  };
  private static final String[] LA_PREFIX = {
    "Ash", "Brack", "Cran", "Dun", "Elm", "Fern", "Glen", "Hazel", "Ivy", "Kings", "Lark", "Marsh",
    "Nor", "Oak", "Pen", "Quarry", "Rush", "Stan", "Thorn", "Wick"
  };
  private static final String[] LA_SUFFIX = {
    "ford", "ley", "bury", "ton", "field", "wick", "mouth", "dale", "holm", "stead"
  };
  private static final String[] LA_TYPES = {"E06", "E07", "E08", "E09", "E07", "E06"};
  private static final String[] PCON_SUFFIX = {"North", "South", "East", "West", "Central"};

  /** Supergroup names of the synthetic classification (index 0 = supergroup 1). */
  static final String[] SUPERGROUP_NAMES = {
    "Rural Communities",
    "City Cosmopolitans",
    "Central Mixed Neighbourhoods",
    "Multicultural Suburbs",
    "Urban Professionals",
    "Suburban Families",
    "Constrained Urban Living",
    "Hard-Pressed Communities"
  };

  private static final int[] GROUPS_PER_SUPERGROUP = {3, 4, 3, 4, 3, 3, 3, 3};
  private static final String[] GROUP_WORDS = {"Established", "Young", "Mixed", "Ageing"};
  private static final String[] SUBGROUP_WORDS = {"I", "II", "III"};

  /**
   * A region.
   *
   * @param code e.g. {@code E12900001}
   * @param name synthetic name
   */
  public record Region(String code, String name) {}

  /**
   * A local authority.
   *
   * @param code e.g. {@code E06900001} (type prefix E06 unitary, E07 district, E08 metropolitan,
   *     E09 London borough)
   * @param name synthetic name
   * @param region the region it lies in
   * @param cpa the employment programme's contract package area covering it
   */
  public record LocalAuthority(String code, String name, Region region, String cpa) {}

  /**
   * A classification subgroup with its parents.
   *
   * @param supergroup e.g. {@code 1}
   * @param supergroupName name of the supergroup
   * @param group e.g. {@code 1a}
   * @param groupName name of the group
   * @param subgroup e.g. {@code 1a1}
   * @param subgroupName name of the subgroup
   */
  public record Subgroup(
      String supergroup,
      String supergroupName,
      String group,
      String groupName,
      String subgroup,
      String subgroupName) {}

  /**
   * An output area with all its parents.
   *
   * @param code e.g. {@code E00900001}
   * @param lsoa e.g. {@code E01900001}
   * @param msoa e.g. {@code E02900001}
   * @param la its local authority
   * @param pcon constituency code, e.g. {@code E14900001}
   * @param pconName constituency name
   * @param subgroup its area classification
   */
  public record OutputArea(
      String code,
      String lsoa,
      String msoa,
      LocalAuthority la,
      String pcon,
      String pconName,
      Subgroup subgroup) {}

  private final List<Region> regions;
  private final List<LocalAuthority> localAuthorities;
  private final List<OutputArea> outputAreas;
  private final List<Subgroup> subgroups;

  private SyntheticGeography(
      List<Region> regions,
      List<LocalAuthority> localAuthorities,
      List<OutputArea> outputAreas,
      List<Subgroup> subgroups) {
    this.regions = List.copyOf(regions);
    this.localAuthorities = List.copyOf(localAuthorities);
    this.outputAreas = List.copyOf(outputAreas);
    this.subgroups = List.copyOf(subgroups);
  }

  /** The geography of the committed sample files. */
  public static SyntheticGeography sample() {
    return generate(SEED, SAMPLE_LOCAL_AUTHORITIES);
  }

  /**
   * Generates a geography of about {@code 112 * localAuthorities} output areas (4.5 MSOAs of 5
   * LSOAs of 5 output areas on average).
   *
   * @param seed random seed
   * @param localAuthorities number of local authorities, at least 1
   */
  public static SyntheticGeography generate(long seed, int localAuthorities) {
    if (localAuthorities < 1) {
      throw new IllegalArgumentException("need at least one local authority");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Subgroup> subgroups = classification();

    int regionCount = Math.max(1, Math.min(localAuthorities, Math.max(5, localAuthorities / 4)));
    List<Region> regions = new ArrayList<>();
    for (int r = 0; r < regionCount; r++) {
      String name =
          r < REGION_NAMES.length
              ? REGION_NAMES[r]
              : REGION_NAMES[r % REGION_NAMES.length] + " " + (r / REGION_NAMES.length + 1);
      regions.add(new Region(code("E12", r + 1, regionCount), name));
    }

    int[] typeCounters = new int[10];
    List<LocalAuthority> las = new ArrayList<>();
    for (int i = 0; i < localAuthorities; i++) {
      int regionIndex = (int) ((long) i * regionCount / localAuthorities);
      Region region = regions.get(regionIndex);
      // Regions with four or more LAs are split into two contract package areas.
      int first = (int) Math.ceil((double) regionIndex * localAuthorities / regionCount);
      int next = (int) Math.ceil((double) (regionIndex + 1) * localAuthorities / regionCount);
      String cpa = region.name();
      if (next - first >= 4) {
        cpa += (i - first) < (next - first) / 2 ? " North" : " South";
      }
      String type = LA_TYPES[i % LA_TYPES.length];
      int t = type.charAt(2) - '0';
      typeCounters[t]++;
      las.add(
          new LocalAuthority(
              code(type, typeCounters[t], localAuthorities), laName(i), region, cpa));
    }

    // Build the nesting first, then number the areas (codes depend on the totals).
    record Draft(int la, int msoa, int lsoa) {}
    List<Draft> drafts = new ArrayList<>();
    int msoaCount = 0;
    int lsoaCount = 0;
    List<Integer> msoaLa = new ArrayList<>();
    for (int la = 0; la < localAuthorities; la++) {
      int msoas = 3 + rnd.nextInt(4);
      for (int m = 0; m < msoas; m++) {
        int msoa = msoaCount++;
        msoaLa.add(la);
        int lsoas = 4 + rnd.nextInt(3);
        for (int l = 0; l < lsoas; l++) {
          int lsoa = lsoaCount++;
          int oas = 4 + rnd.nextInt(3);
          for (int o = 0; o < oas; o++) {
            drafts.add(new Draft(la, msoa, lsoa));
          }
        }
      }
    }

    // Constituencies: runs of two or three MSOAs inside one region.
    String[] pconOfMsoa = new String[msoaCount];
    String[] pconNameOfMsoa = new String[msoaCount];
    int pconCount = 0;
    int[] pconPerLa = new int[localAuthorities];
    int m = 0;
    List<int[]> runs = new ArrayList<>();
    while (m < msoaCount) {
      int len = 2 + rnd.nextInt(2);
      int end = m;
      Region region = las.get(msoaLa.get(m)).region();
      while (end < msoaCount && end - m < len && las.get(msoaLa.get(end)).region() == region) {
        end++;
      }
      runs.add(new int[] {m, end});
      m = end;
    }
    for (int[] run : runs) {
      pconCount++;
      int la = msoaLa.get(run[0]);
      String name = las.get(la).name() + " " + PCON_SUFFIX[pconPerLa[la]++ % PCON_SUFFIX.length];
      for (int k = run[0]; k < run[1]; k++) {
        pconNameOfMsoa[k] = name;
        pconOfMsoa[k] = String.valueOf(pconCount);
      }
    }
    int pcons = pconCount;

    // Classification: each LA has its own mix of supergroups; neighbouring OAs of an LSOA agree
    // more often than not, as real neighbourhoods do.
    double[][] laMix = new double[localAuthorities][8];
    for (int la = 0; la < localAuthorities; la++) {
      double sum = 0;
      for (int s = 0; s < 8; s++) {
        double w = StrictMath.pow(rnd.nextDouble(), 2.5) + 0.02;
        laMix[la][s] = w;
        sum += w;
      }
      for (int s = 0; s < 8; s++) {
        laMix[la][s] /= sum;
      }
    }

    List<OutputArea> oas = new ArrayList<>(drafts.size());
    int lastLsoa = -1;
    Subgroup lsoaSubgroup = null;
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      if (d.lsoa() != lastLsoa) {
        lastLsoa = d.lsoa();
        lsoaSubgroup = pick(subgroups, laMix[d.la()], rnd);
      }
      Subgroup sg = rnd.nextDouble() < 0.6 ? lsoaSubgroup : pick(subgroups, laMix[d.la()], rnd);
      oas.add(
          new OutputArea(
              code("E00", i + 1, drafts.size()),
              code("E01", d.lsoa() + 1, lsoaCount),
              code("E02", d.msoa() + 1, msoaCount),
              las.get(d.la()),
              code("E14", Integer.parseInt(pconOfMsoa[d.msoa()]), pcons),
              pconNameOfMsoa[d.msoa()],
              sg));
    }
    return new SyntheticGeography(regions, las, oas, subgroups);
  }

  private static Subgroup pick(List<Subgroup> subgroups, double[] mix, SplittableRandom rnd) {
    double u = rnd.nextDouble();
    int s = 0;
    while (s < 7 && u >= mix[s]) {
      u -= mix[s];
      s++;
    }
    String supergroup = String.valueOf(s + 1);
    List<Subgroup> in = subgroups.stream().filter(x -> x.supergroup().equals(supergroup)).toList();
    return in.get(rnd.nextInt(in.size()));
  }

  /** The 76 subgroups of the synthetic classification in code order. */
  static List<Subgroup> classification() {
    List<Subgroup> out = new ArrayList<>();
    int groupIndex = 0;
    for (int s = 0; s < 8; s++) {
      for (int g = 0; g < GROUPS_PER_SUPERGROUP[s]; g++) {
        String group = (s + 1) + String.valueOf((char) ('a' + g));
        String groupName =
            GROUP_WORDS[g] + " " + SUPERGROUP_NAMES[s].toLowerCase(java.util.Locale.ROOT);
        // 26 groups x 3 = 78; two groups have two subgroups so there are 76 in all.
        int subs = (groupIndex == 5 || groupIndex == 17) ? 2 : 3;
        for (int k = 0; k < subs; k++) {
          out.add(
              new Subgroup(
                  String.valueOf(s + 1),
                  SUPERGROUP_NAMES[s],
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

  /**
   * A synthetic code: the entity prefix, then {@code 9} and a zero-padded number when the numbers
   * fit in the {@code 9xxxxx} range, otherwise a plain 6-digit number (only for very large
   * benchmark geographies).
   */
  static String code(String prefix, int number, int total) {
    if (total <= 99_999) {
      return prefix + "9" + String.format(java.util.Locale.ROOT, "%05d", number);
    }
    return prefix + String.format(java.util.Locale.ROOT, "%06d", number);
  }

  private static String laName(int i) {
    int n = LA_PREFIX.length * LA_SUFFIX.length;
    int j = (int) ((i * 7L) % n);
    String base = LA_PREFIX[j % LA_PREFIX.length] + LA_SUFFIX[j / LA_PREFIX.length];
    return i < n ? base : base + " " + (i / n + 1);
  }

  public List<Region> regions() {
    return regions;
  }

  public List<LocalAuthority> localAuthorities() {
    return localAuthorities;
  }

  /** Output areas in code order. */
  public List<OutputArea> outputAreas() {
    return outputAreas;
  }

  /** The 76 classification subgroups in code order. */
  public List<Subgroup> subgroups() {
    return subgroups;
  }
}
