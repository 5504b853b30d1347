package org.statbench.sampledata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.statbench.sampledata.SampleData.SampleFile;
import org.statbench.sampledata.SyntheticGeography.LocalAuthority;
import org.statbench.sampledata.SyntheticGeography.OutputArea;
import org.statbench.sampledata.people.SyntheticPeople;

// Size (over 500 lines): one seeded random stream per extract writes every sample file; keeping the
// writers together keeps the files byte-identical across releases.

/**
 * Deterministic generator of the synthetic sample extracts and lookups. Every extract is streamed
 * row by row, so benchmarks can write millions of rows without holding them; the same geography,
 * seed and row count always give byte-identical output (UTF-8, comma, {@code \n}).
 *
 * <p>Run {@link #main(String[])} to regenerate the committed files.
 */
public final class SampleDataGenerator {
  /** Seed of the committed extracts. */
  public static final long SEED = 1_3052_2011L;

  /** Rows of the committed referrals extract. */
  public static final int REFERRAL_ROWS = 20_000;

  /** Rows of the committed benefit spells extract (the spells of the committed referrals). */
  public static final int BENEFIT_SPELL_ROWS = 33_752;

  /** Rows of the committed housing-benefit extract. */
  public static final int HOUSING_BENEFIT_ROWS = 3_000;

  /** Rows of the committed wealth survey extract. */
  public static final int WEALTH_SURVEY_ROWS = 10_000;

  /** First referral cohort month. */
  public static final LocalDate FIRST_COHORT = LocalDate.of(2011, 6, 1);

  /** Number of monthly referral cohorts (June 2011 to December 2014). */
  public static final int COHORT_MONTHS = 43;

  /** The date the referrals extract was taken: outcomes after it are not yet observed. */
  public static final LocalDate EXTRACT_DATE = LocalDate.of(2015, 3, 31);

  /**
   * Codes that deliberately fail to match a lookup, so match reports have something to show: a
   * pseudo code, an invalid code, an empty key, a well-formed code absent from every lookup, a code
   * that is too short, and a valid code in lower case with spaces (matches once normalised).
   */
  static final List<String> UNMATCHED_OA =
      List.of("E99999999", "XYZ", "", "E00999999", "E0090001", " e00900007 ");

  static final List<String> UNMATCHED_LA = List.of("E99999999", "XYZ", "", "E06999999");

  /**
   * Postcodes that deliberately fail to match the postcode directory: the pseudo postcode for no
   * fixed abode ({@code ZZ99 3VZ}), an empty one, two that are not postcodes, and a well-formed one
   * the directory does not have.
   */
  static final List<String> UNMATCHED_POSTCODE =
      List.of("ZZ99 3VZ", "", "NOT KNOWN", "QA1", "QZ99 9ZZ");

  private static final double UNMATCHED_SHARE = 0.006;

  private static final String[] PROVIDERS = {
    "Brightpath",
    "Northgate",
    "Phoenix",
    "Keystone",
    "Meridian",
    "Harbour",
    "Summit",
    "Lantern",
    "Beacon",
    "Compass"
  };

  /** Payment group, share of referrals, monthly job-outcome hazard, most sustainment payments. */
  private record PaymentGroup(String name, double share, double hazard, int maxSustainments) {}

  private static final List<PaymentGroup> PAYMENT_GROUPS =
      List.of(
          new PaymentGroup("JSA 18-24", 0.20, 0.034, 17),
          new PaymentGroup("JSA 25+", 0.45, 0.027, 20),
          new PaymentGroup("JSA Early Access", 0.06, 0.030, 20),
          new PaymentGroup("JSA Ex-IB", 0.03, 0.020, 26),
          new PaymentGroup("ESA Volunteers", 0.05, 0.022, 26),
          new PaymentGroup("ESA new claimants", 0.12, 0.018, 26),
          new PaymentGroup("ESA Ex-IB", 0.06, 0.008, 26),
          new PaymentGroup("IB/IS", 0.02, 0.012, 26),
          new PaymentGroup("JSA Prison Leavers", 0.01, 0.020, 26));

  private final SyntheticGeography geography;
  private final long seed;
  private final double[] oaReferralWeights;
  private final double[] oaPlainWeights;
  private SyntheticEditions editions;

  /**
   * @param geography the areas records are placed in
   * @param seed random seed for the extracts
   */
  public SampleDataGenerator(SyntheticGeography geography, long seed) {
    this.geography = geography;
    this.seed = seed;
    List<OutputArea> oas = geography.outputAreas();
    oaReferralWeights = new double[oas.size()];
    oaPlainWeights = new double[oas.size()];
    double cumR = 0;
    double cumP = 0;
    for (int i = 0; i < oas.size(); i++) {
      // Employment programmes draw more referrals from hard-pressed neighbourhoods.
      String sg = oas.get(i).subgroup().supergroup();
      double w =
          switch (sg) {
            case "7", "8" -> 3.0;
            case "3", "4" -> 2.0;
            default -> 1.0;
          };
      cumR += w;
      cumP += 1;
      oaReferralWeights[i] = cumR;
      oaPlainWeights[i] = cumP;
    }
  }

  /** The generator of the committed files. */
  public static SampleDataGenerator sample() {
    return new SampleDataGenerator(SyntheticGeography.sample(), SEED);
  }

  public SyntheticGeography geography() {
    return geography;
  }

  /** The 2021 edition and postcodes of the geography (computed on first use). */
  public synchronized SyntheticEditions editions() {
    if (editions == null) {
      editions = SyntheticEditions.of(geography);
    }
    return editions;
  }

  // ---------------------------------------------------------------------------------------------
  // Lookups

  /**
   * Writes the geography hierarchy lookup: {@code oa,lsoa,msoa,la,la_name,region,region_name,
   * country}, one row per output area.
   */
  public void writeGeography(Writer out) {
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.row("oa", "lsoa", "msoa", "la", "la_name", "region", "region_name", "country");
    for (OutputArea oa : geography.outputAreas()) {
      LocalAuthority la = oa.la();
      csv.row(
          oa.code(),
          oa.lsoa(),
          oa.msoa(),
          la.code(),
          la.name(),
          la.region().code(),
          la.region().name(),
          SyntheticGeography.COUNTRY);
    }
    csv.flush();
  }

  /**
   * Writes the area classification lookup: {@code oa,supergroup,supergroup_name,group,group_name,
   * subgroup,subgroup_name}.
   */
  public void writeClassification(Writer out) {
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.row(
        "oa", "supergroup", "supergroup_name", "group", "group_name", "subgroup", "subgroup_name");
    for (OutputArea oa : geography.outputAreas()) {
      SyntheticGeography.Subgroup s = oa.subgroup();
      csv.row(
          oa.code(),
          s.supergroup(),
          s.supergroupName(),
          s.group(),
          s.groupName(),
          s.subgroup(),
          s.subgroupName());
    }
    csv.flush();
  }

  /** Writes the constituency lookup: {@code oa,pcon,pcon_name}. */
  public void writeConstituencies(Writer out) {
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.row("oa", "pcon", "pcon_name");
    for (OutputArea oa : geography.outputAreas()) {
      csv.row(oa.code(), oa.pcon(), oa.pconName());
    }
    csv.flush();
  }

  /**
   * Writes the postcode directory: {@code pcd,oa,lsoa,la,doterm} ({@code doterm} the month a
   * postcode was terminated as {@code yyyymm}, empty while live), two to four postcodes per 2011
   * output area.
   */
  public void writePostcodes(Writer out) {
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.row("pcd", "oa", "lsoa", "la", "doterm");
    for (SyntheticEditions.Postcode p : editions().postcodes()) {
      csv.row(
          p.postcode(),
          p.oa().code(),
          p.oa().lsoa(),
          p.oa().la().code(),
          p.terminated() == null ? "" : p.terminated());
    }
    csv.flush();
  }

  /**
   * Writes the 2011 to 2021 output-area code-change lookup: {@code oa11,oa21,change,weight} (change
   * U unchanged, S split, M merged, X redrawn; weight the old area's population share in the new
   * one, three decimals).
   */
  public void writeCodeChanges(Writer out) {
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.row("oa11", "oa21", "change", "weight");
    for (SyntheticEditions.CodeChange c : editions().changes()) {
      csv.row(
          c.oldCode(),
          c.newCode(),
          c.change().name(),
          String.format(Locale.ROOT, "%.3f", c.weight()));
    }
    csv.flush();
  }

  /**
   * Writes the 2021-shaped area classification of the 2021 output areas: {@code oa21,supergroup21,
   * supergroup21_name,group21,group21_name,subgroup21,subgroup21_name} (8 / 21 / 52, codes {@code
   * 1}, {@code 1a}, {@code 1a1}). The columns carry the edition so that a dataset can hold both
   * classifications.
   */
  public void writeClassification2021(Writer out) {
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.row(
        "oa21",
        "supergroup21",
        "supergroup21_name",
        "group21",
        "group21_name",
        "subgroup21",
        "subgroup21_name");
    for (SyntheticEditions.OutputArea2021 oa : editions().outputAreas2021()) {
      SyntheticGeography.Subgroup s = oa.subgroup();
      csv.row(
          oa.code(),
          s.supergroup(),
          s.supergroupName(),
          s.group(),
          s.groupName(),
          s.subgroup(),
          s.subgroupName());
    }
    csv.flush();
  }

  // ---------------------------------------------------------------------------------------------
  // Extracts

  /**
   * Writes {@code rows} employment-programme referrals: {@code person_id, referral_date, cpa,
   * provider, payment_group, age, sex, disability, ethnicity, la_code, oa_code, job_outcome_date,
   * sustainment_payments}. Job outcomes follow a monthly hazard by payment group (12-month outcome
   * rates of roughly 10-35%), censored at {@link #EXTRACT_DATE}, so later cohorts look less mature.
   * About 0.6% of output-area codes are deliberately unmatched.
   */
  public void writeReferrals(Writer out, long rows) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EF_E22A1L);
    List<OutputArea> oas = geography.outputAreas();
    double[] providerEffect = new double[PROVIDERS.length];
    for (int p = 0; p < PROVIDERS.length; p++) {
      providerEffect[p] = 0.8 + 0.4 * rnd.nextDouble();
    }
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.row(
        "person_id",
        "referral_date",
        "cpa",
        "provider",
        "payment_group",
        "age",
        "sex",
        "disability",
        "ethnicity",
        "la_code",
        "oa_code",
        "job_outcome_date",
        "sustainment_payments");
    int cpaCount = 0;
    java.util.Map<String, Integer> cpaIndex = new java.util.HashMap<>();
    for (LocalAuthority la : geography.localAuthorities()) {
      if (!cpaIndex.containsKey(la.cpa())) {
        cpaIndex.put(la.cpa(), cpaCount++);
      }
    }
    for (long r = 0; r < rows; r++) {
      // Early months carry the programme's initial stock of claimants.
      int month;
      do {
        month = rnd.nextInt(COHORT_MONTHS);
      } while (month >= 6 && rnd.nextDouble() < 0.3);
      LocalDate cohort = FIRST_COHORT.plusMonths(month);
      LocalDate referral = cohort.plusDays(rnd.nextInt(cohort.lengthOfMonth()));

      OutputArea oa = oas.get(pickCumulative(oaReferralWeights, rnd));
      LocalAuthority la = oa.la();
      int cpa = cpaIndex.get(la.cpa());
      int providersHere = cpa % 3 == 0 ? 3 : 2;
      int providerIndex = (2 * cpa + rnd.nextInt(providersHere) * 3) % PROVIDERS.length;

      PaymentGroup group = pickGroup(rnd);
      boolean esa = group.name().startsWith("ESA") || group.name().equals("IB/IS");
      int age;
      if (group.name().equals("JSA 18-24")) {
        age = 18 + rnd.nextInt(7);
      } else if (group.name().equals("JSA 25+")) {
        age = 25 + (int) (40 * StrictMath.pow(rnd.nextDouble(), 1.4));
      } else {
        age = 18 + (int) (47 * StrictMath.pow(rnd.nextDouble(), esa ? 0.7 : 1.0));
      }
      String sex = rnd.nextDouble() < (esa ? 0.55 : 0.62) ? "M" : "F";
      boolean disabled = rnd.nextDouble() < (esa ? 0.85 : 0.15);
      String ethnicity = ethnicity(rnd);

      double hazard = group.hazard() * providerEffect[providerIndex];
      if (disabled) {
        hazard *= 0.7;
      }
      if (age >= 50) {
        hazard *= 0.8;
      }
      LocalDate outcome = null;
      for (int m = 0; m < 24; m++) {
        double h = hazard * (m == 0 ? 0.3 : m == 1 ? 0.6 : m >= 12 ? 0.85 : 1.0);
        if (rnd.nextDouble() < h) {
          outcome = referral.plusMonths(m).plusDays(1 + rnd.nextInt(27));
          break;
        }
      }
      int sustainments = 0;
      if (outcome != null && outcome.isAfter(EXTRACT_DATE)) {
        outcome = null; // not yet observed when the extract was taken
      }
      if (outcome != null) {
        LocalDate due = outcome.plusWeeks(4);
        while (sustainments < group.maxSustainments()
            && !due.isAfter(EXTRACT_DATE)
            && rnd.nextDouble() < 0.93) {
          sustainments++;
          due = due.plusWeeks(4);
        }
      }
      String oaCode = oa.code();
      String laCode = la.code();
      if (rnd.nextDouble() < UNMATCHED_SHARE) {
        oaCode = UNMATCHED_OA.get(rnd.nextInt(UNMATCHED_OA.size()));
      }
      if (rnd.nextDouble() < UNMATCHED_SHARE / 3) {
        laCode = UNMATCHED_LA.get(rnd.nextInt(UNMATCHED_LA.size()));
      }
      csv.field(String.format(Locale.ROOT, "P%07d", r + 1))
          .field(referral.toString())
          .field(la.cpa())
          .field(PROVIDERS[providerIndex])
          .field(group.name())
          .field(age)
          .field(sex)
          .field(disabled ? "Y" : "N")
          .field(ethnicity)
          .field(laCode)
          .field(oaCode)
          .field(outcome == null ? "" : outcome.toString())
          .field(sustainments)
          .end();
    }
    csv.flush();
  }

  /**
   * Writes the benefit spells of the first {@code referrals} referrals of {@link #writeReferrals}:
   * {@code person_id,benefit,start_date,end_date} (JSA, ESA, IS, UC; an empty end for a spell open
   * at {@link #EXTRACT_DATE}; see {@link SyntheticSpells}).
   *
   * @return the number of spells written
   */
  public int writeBenefitSpells(Writer out, long referrals) {
    java.io.StringWriter text = new java.io.StringWriter();
    writeReferrals(text, referrals);
    return SyntheticSpells.write(
        SyntheticSpells.parseReferrals(text.toString()), EXTRACT_DATE, seed ^ 0x5BE11L, out);
  }

  /**
   * Writes {@code rows} housing-benefit claimants: {@code claim_id, la_code, tenure,
   * household_type, claimant_age, passported, weekly_award, postcode} (award in pounds, two
   * decimals). About 0.6% of local-authority codes are deliberately unmatched. The postcode is one
   * of the claimant's output area, written as clerks type them (some in lower case, without the
   * space or with extra spaces), about 4% of them since terminated, and about 1.5% deliberately
   * unmatched ({@link #UNMATCHED_POSTCODE}). Postcodes come from their own random stream, so the
   * other columns are as they were before the column was added.
   */
  public void writeHousingBenefit(Writer out, long rows) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x4B_C1A1L);
    SplittableRandom postal = new SplittableRandom(seed ^ 0x9C0DEL);
    java.util.Map<String, List<String>> postcodesOfOa = new java.util.HashMap<>();
    for (SyntheticEditions.Postcode p : editions().postcodes()) {
      postcodesOfOa
          .computeIfAbsent(p.oa().code(), k -> new java.util.ArrayList<>())
          .add(p.postcode());
    }
    List<LocalAuthority> las = geography.localAuthorities();
    double[] rentFactor = new double[las.size()];
    for (int i = 0; i < las.size(); i++) {
      rentFactor[i] =
          las.get(i).code().startsWith("E09")
              ? 1.5 + 0.3 * rnd.nextDouble()
              : 0.8 + 0.4 * rnd.nextDouble();
    }
    java.util.Map<String, Integer> laIndex = new java.util.HashMap<>();
    for (int i = 0; i < las.size(); i++) {
      laIndex.put(las.get(i).code(), i);
    }
    List<OutputArea> oas = geography.outputAreas();
    String[] households = {
      "Single, no children", "Couple, no children", "Single, with children", "Couple, with children"
    };
    double[] householdShare = {0.55, 0.10, 0.25, 0.10};
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.row(
        "claim_id",
        "la_code",
        "tenure",
        "household_type",
        "claimant_age",
        "passported",
        "weekly_award",
        "postcode");
    for (long r = 0; r < rows; r++) {
      OutputArea home = oas.get(pickCumulative(oaPlainWeights, rnd));
      LocalAuthority la = home.la();
      boolean social = rnd.nextDouble() < 0.62;
      int household = pickIndex(householdShare, rnd);
      int age = 18 + (int) (70 * StrictMath.pow(rnd.nextDouble(), 1.2));
      boolean passported = rnd.nextDouble() < (age >= 66 ? 0.35 : 0.6);
      double base = social ? 85 : 115;
      double size = household >= 2 ? 1.25 : household == 1 ? 1.1 : 1.0;
      double award =
          base * size * rentFactor[laIndex.get(la.code())] * (0.7 + 0.6 * rnd.nextDouble());
      if (!passported && rnd.nextDouble() < 0.3) {
        award *= 0.3 + 0.5 * rnd.nextDouble(); // tapered award
      }
      String laCode = la.code();
      if (rnd.nextDouble() < UNMATCHED_SHARE) {
        laCode = UNMATCHED_LA.get(rnd.nextInt(UNMATCHED_LA.size()));
      }
      csv.field(String.format(Locale.ROOT, "HB%06d", r + 1))
          .field(laCode)
          .field(social ? "Social rented" : "Private rented")
          .field(households[household])
          .field(age)
          .field(passported ? "Y" : "N")
          .field(String.format(Locale.ROOT, "%.2f", award))
          .field(postcode(postcodesOfOa.get(home.code()), postal))
          .end();
    }
    csv.flush();
  }

  /** Replicate weights in the wealth survey. */
  public static final int WEALTH_REPLICATES = 10;

  /** PSUs (LSOAs) sampled per region stratum of the wealth survey. */
  private static final int PSUS_PER_STRATUM = 20;

  private static final String[] TENURES = {
    "own_outright", "mortgage", "social_rent", "private_rent"
  };

  /**
   * Writes a longitudinal household wealth survey of {@code rows} records: two waves of {@code rows
   * / 2} households each (the same households, wave 2 two years on). A stratified cluster sample:
   * strata are regions, PSUs are {@value #PSUS_PER_STRATUM} LSOAs per region drawn at random,
   * households drawn within them. Columns: {@code household_id, wave, stratum, psu, oa_code,
   * survey_region} (the region's name; {@code region} is left to the geography join), {@code
   * tenure, hrp_age, weight} (a grossing factor with four decimals), the wealth components in whole
   * pounds {@code property_wealth, financial_wealth} (= savings - debt), {@code physical_wealth,
   * pension_wealth} with {@code savings, debt} and {@code total_wealth}, and ten bootstrap
   * replicate weights {@code rw1..rw10} (two decimals; Rao-Wu: n_h - 1 PSUs drawn with replacement
   * in each stratum, weights times n_h/(n_h - 1) times the draws). About 0.6% of output-area codes
   * are deliberately unmatched.
   */
  public void writeWealthSurvey(Writer out, long rows) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x3EA_1711L);
    List<OutputArea> oas = geography.outputAreas();
    // PSUs: LSOAs by region, PSUS_PER_STRATUM drawn per region (fewer when a region has fewer)
    java.util.TreeMap<String, java.util.TreeMap<String, List<OutputArea>>> byRegion =
        new java.util.TreeMap<>();
    for (OutputArea oa : oas) {
      byRegion
          .computeIfAbsent(oa.la().region().code(), k -> new java.util.TreeMap<>())
          .computeIfAbsent(oa.lsoa(), k -> new ArrayList<>())
          .add(oa);
    }
    List<String> psuStratum = new ArrayList<>();
    List<List<OutputArea>> psuAreas = new ArrayList<>();
    List<String> psuCode = new ArrayList<>();
    for (var region : byRegion.entrySet()) {
      List<String> lsoas = new ArrayList<>(region.getValue().keySet());
      for (int k = 0; k < PSUS_PER_STRATUM && !lsoas.isEmpty(); k++) {
        String lsoa = lsoas.remove(rnd.nextInt(lsoas.size()));
        psuStratum.add(region.getKey());
        psuCode.add(lsoa);
        psuAreas.add(region.getValue().get(lsoa));
      }
    }
    int psus = psuAreas.size();
    // bootstrap replicate factors per PSU
    double[][] factor = new double[WEALTH_REPLICATES][psus];
    for (int r = 0; r < WEALTH_REPLICATES; r++) {
      int start = 0;
      while (start < psus) {
        int end = start;
        while (end < psus && psuStratum.get(end).equals(psuStratum.get(start))) {
          end++;
        }
        int nh = end - start;
        if (nh > 1) {
          for (int d = 0; d < nh - 1; d++) {
            factor[r][start + rnd.nextInt(nh)] += (double) nh / (nh - 1);
          }
        } else {
          factor[r][start] = 1;
        }
        start = end;
      }
    }
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.field("household_id")
        .field("wave")
        .field("stratum")
        .field("psu")
        .field("oa_code")
        .field("survey_region")
        .field("tenure")
        .field("hrp_age")
        .field("weight")
        .field("property_wealth")
        .field("financial_wealth")
        .field("physical_wealth")
        .field("pension_wealth")
        .field("savings")
        .field("debt")
        .field("total_wealth");
    for (int r = 1; r <= WEALTH_REPLICATES; r++) {
      csv.field("rw" + r);
    }
    csv.end();
    long households = rows / 2;
    long[][] wave1 = new long[(int) households][];
    double[] weights = new double[(int) households];
    for (int wave = 1; wave <= 2; wave++) {
      SplittableRandom wr = new SplittableRandom(seed ^ (0x3EA_1711L + wave));
      for (long h = 0; h < households; h++) {
        int p = (int) (h % psus);
        List<OutputArea> areas = psuAreas.get(p);
        // the household's area and characteristics come from its own stream: same in both waves
        SplittableRandom hr = new SplittableRandom(seed * 31 + h);
        OutputArea oa = areas.get(hr.nextInt(areas.size()));
        int sg = oa.subgroup().supergroup().charAt(0) - '0';
        double affluence =
            switch (sg) {
              case 1, 6 -> 1.0;
              case 5 -> 0.8;
              case 2 -> 0.4;
              case 3, 4 -> 0.0;
              default -> -0.6;
            };
        int age = 20 + hr.nextInt(70) + (wave == 2 ? 2 : 0);
        double own = 0.25 + 0.25 * affluence + (age - 20) * 0.008;
        int tenure =
            hr.nextDouble() < own
                ? (age > 62 ? 0 : 1)
                : (hr.nextDouble() < 0.45 - 0.2 * affluence ? 2 : 3);
        long[] v;
        if (wave == 1) {
          double life = (age - 20) / 50.0;
          long property =
              tenure <= 1
                  ? roundTo(
                      StrictMath.exp(12.0 + 0.5 * affluence + 0.4 * gaussian(hr))
                          * (tenure == 1 ? 0.3 + 0.5 * life : 1),
                      1000)
                  : 0;
          long savings =
              hr.nextDouble() < 0.25 - 0.08 * affluence
                  ? 0
                  : roundTo(StrictMath.exp(8.3 + affluence + 0.5 * life + 1.4 * gaussian(hr)), 10);
          long debt =
              hr.nextDouble() < 0.45 + 0.1 * affluence + 0.2 * life
                  ? 0
                  : roundTo(StrictMath.exp(7.8 - 0.3 * affluence + 1.2 * gaussian(hr)), 10);
          long physical = roundTo(StrictMath.exp(9.3 + 0.3 * affluence + 0.6 * gaussian(hr)), 100);
          long pension =
              hr.nextDouble() < 0.2 - 0.08 * affluence
                  ? 0
                  : roundTo(
                      StrictMath.exp(10.3 + 0.9 * affluence + 1.2 * life + 1.3 * gaussian(hr)),
                      100);
          v = new long[] {property, savings, debt, physical, pension};
          wave1[(int) h] = v;
          weights[(int) h] = 4200 + 3200 * hr.nextDouble() + (sg >= 7 ? 600 : 0);
        } else {
          long[] w1 = wave1[(int) h];
          v = new long[5];
          for (int k = 0; k < 5; k++) {
            double growth = StrictMath.exp(0.04 + 0.15 * gaussian(wr));
            v[k] = roundTo(w1[k] * growth, k == 0 ? 1000 : k == 3 || k == 4 ? 100 : 10);
          }
        }
        double weight =
            wave == 1 ? weights[(int) h] : weights[(int) h] * (0.95 + 0.1 * wr.nextDouble());
        String oaCode = oa.code();
        if (hr.nextDouble() < UNMATCHED_SHARE) {
          oaCode = UNMATCHED_OA.get(hr.nextInt(UNMATCHED_OA.size()));
        }
        long financial = v[1] - v[2];
        csv.field(String.format(Locale.ROOT, "H%06d", h + 1))
            .field(wave)
            .field(psuStratum.get(p))
            .field(psuCode.get(p))
            .field(oaCode)
            .field(oa.la().region().name())
            .field(TENURES[tenure])
            .field(age)
            .field(String.format(Locale.ROOT, "%.4f", weight))
            .field(v[0])
            .field(financial)
            .field(v[3])
            .field(v[4])
            .field(v[1])
            .field(v[2])
            .field(v[0] + financial + v[3] + v[4]);
        for (int r = 0; r < WEALTH_REPLICATES; r++) {
          csv.field(String.format(Locale.ROOT, "%.2f", weight * factor[r][p]));
        }
        csv.end();
      }
    }
    csv.flush();
  }

  /** One of an area's postcodes as typed, or a deliberately unmatched one. */
  private static String postcode(List<String> ofArea, SplittableRandom rnd) {
    if (rnd.nextDouble() < 0.015) {
      return UNMATCHED_POSTCODE.get(rnd.nextInt(UNMATCHED_POSTCODE.size()));
    }
    String p = ofArea.get(rnd.nextInt(ofArea.size()));
    double u = rnd.nextDouble();
    if (u < 0.08) {
      return p.toLowerCase(Locale.ROOT);
    } else if (u < 0.14) {
      return p.replace(" ", "");
    } else if (u < 0.17) {
      return " " + p.replace(" ", "  ") + " ";
    }
    return p;
  }

  // ---------------------------------------------------------------------------------------------
  // Files

  /**
   * Writes one bundled file to {@code out}.
   *
   * @param rows data rows for an extract; ignored for lookups (one row per output area) and for the
   *     benefit spells (those of the committed referrals)
   */
  public void write(SampleFile file, Writer out, long rows) {
    switch (file.fileName()) {
      case "referrals.csv" -> writeReferrals(out, rows);
      case "benefit_spells.csv" -> writeBenefitSpells(out, REFERRAL_ROWS);
      case "housing_benefit.csv" -> writeHousingBenefit(out, rows);
      case "wealth_survey.csv" -> writeWealthSurvey(out, rows);
      case "geography_2011.csv" -> writeGeography(out);
      case "oac_2011.csv" -> writeClassification(out);
      case "constituencies_2011.csv" -> writeConstituencies(out);
      case "postcodes_2011.csv" -> writePostcodes(out);
      case "oa_changes_2011_2021.csv" -> writeCodeChanges(out);
      case "oac_2021.csv" -> writeClassification2021(out);
      case "link_customers.csv", "link_recipients.csv" -> {
        var job =
            SyntheticPeople.generate(
                SampleData.LINK_SEED,
                SampleData.LINK_CUSTOMER_ROWS,
                SampleData.LINK_RECIPIENT_ROWS);
        SyntheticPeople.writeCsv(file == SampleData.LINK_CUSTOMERS ? job.left() : job.right(), out);
      }
      default -> throw new IllegalArgumentException("not a sample file: " + file.fileName());
    }
  }

  /** Writes one bundled file to a path (UTF-8), replacing it. */
  public void write(SampleFile file, Path path, long rows) {
    try (Writer w =
        new BufferedWriter(
            new java.io.OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8),
            1 << 16)) {
      write(file, w, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes every bundled file, at its committed size, into {@code dir}. */
  public void writeAll(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (SampleFile f : SampleData.files()) {
      write(f, dir.resolve(f.fileName()), Math.max(0, f.rows()));
    }
  }

  /**
   * Regenerates the committed files.
   *
   * @param args optional target folder; default {@code
   *     sample-data/src/main/resources/org/statbench/sampledata}
   */
  public static void main(String[] args) {
    Path dir =
        Path.of(
            args.length > 0
                ? args[0]
                : "sample-data/src/main/resources/" + SampleData.RESOURCE_DIR);
    sample().writeAll(dir);
    System.out.println("wrote sample files to " + dir.toAbsolutePath());
  }

  // ---------------------------------------------------------------------------------------------

  private static int pickCumulative(double[] cumulative, SplittableRandom rnd) {
    double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
    int i = java.util.Arrays.binarySearch(cumulative, u);
    int idx = i >= 0 ? i + 1 : -i - 1;
    return Math.min(idx, cumulative.length - 1);
  }

  private static int pickIndex(double[] shares, SplittableRandom rnd) {
    double u = rnd.nextDouble();
    for (int i = 0; i < shares.length - 1; i++) {
      if (u < shares[i]) {
        return i;
      }
      u -= shares[i];
    }
    return shares.length - 1;
  }

  private static PaymentGroup pickGroup(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    for (PaymentGroup g : PAYMENT_GROUPS) {
      if (u < g.share()) {
        return g;
      }
      u -= g.share();
    }
    return PAYMENT_GROUPS.get(PAYMENT_GROUPS.size() - 1);
  }

  private static String ethnicity(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    if (u < 0.80) {
      return "White";
    } else if (u < 0.87) {
      return "Asian";
    } else if (u < 0.92) {
      return "Black";
    } else if (u < 0.94) {
      return "Mixed";
    } else if (u < 0.955) {
      return "Other";
    } else if (u < 0.98) {
      return "Prefer not to say";
    }
    return "";
  }

  /** Box-Muller, so the stream of values is fixed by this code and not by the JDK. */
  private static double gaussian(SplittableRandom rnd) {
    double u1 = 1.0 - rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  private static long roundTo(double v, int unit) {
    return Math.round(v / unit) * unit;
  }
}
