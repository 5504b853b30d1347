package org.statbench.sampledata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.statbench.sampledata.SampleData.SampleFile;
import org.statbench.sampledata.SyntheticGeography.LocalAuthority;
import org.statbench.sampledata.SyntheticGeography.OutputArea;
import org.statbench.sampledata.people.SyntheticPeople;

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

  /** Rows of the committed housing-benefit extract. */
  public static final int HOUSING_BENEFIT_ROWS = 3_000;

  /** Rows of the committed wealth survey extract. */
  public static final int WEALTH_SURVEY_ROWS = 4_000;

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

  /**
   * Writes {@code rows} households of a wealth survey: {@code household_id, oa_code, weight,
   * savings, debt, pension_wealth} (weight a grossing factor with four decimals, amounts in whole
   * pounds). About 0.6% of output-area codes are deliberately unmatched.
   */
  public void writeWealthSurvey(Writer out, long rows) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x3EA_1711L);
    List<OutputArea> oas = geography.outputAreas();
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.row("household_id", "oa_code", "weight", "savings", "debt", "pension_wealth");
    for (long r = 0; r < rows; r++) {
      OutputArea oa = oas.get(pickCumulative(oaPlainWeights, rnd));
      int sg = oa.subgroup().supergroup().charAt(0) - '0';
      // Affluence by supergroup: 1 rural, 2 cosmopolitan, 5 urban professionals, 6 suburban are
      // wealthier; 7 and 8 least.
      double affluence =
          switch (sg) {
            case 1, 6 -> 1.0;
            case 5 -> 0.8;
            case 2 -> 0.4;
            case 3, 4 -> 0.0;
            default -> -0.6;
          };
      double weight = 4200 + 3200 * rnd.nextDouble() + (sg >= 7 ? 600 : 0);
      long savings =
          rnd.nextDouble() < 0.25 - 0.08 * affluence
              ? 0
              : roundTo(StrictMath.exp(8.3 + affluence + 1.4 * gaussian(rnd)), 10);
      long debt =
          rnd.nextDouble() < 0.45 + 0.1 * affluence
              ? 0
              : roundTo(StrictMath.exp(7.8 - 0.3 * affluence + 1.2 * gaussian(rnd)), 10);
      long pension =
          rnd.nextDouble() < 0.2 - 0.08 * affluence
              ? 0
              : roundTo(StrictMath.exp(10.8 + 0.9 * affluence + 1.3 * gaussian(rnd)), 100);
      String oaCode = oa.code();
      if (rnd.nextDouble() < UNMATCHED_SHARE) {
        oaCode = UNMATCHED_OA.get(rnd.nextInt(UNMATCHED_OA.size()));
      }
      csv.field(String.format(Locale.ROOT, "H%06d", r + 1))
          .field(oaCode)
          .field(String.format(Locale.ROOT, "%.4f", weight))
          .field(savings)
          .field(debt)
          .field(pension)
          .end();
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
   * @param rows data rows for an extract; ignored for lookups (one row per output area)
   */
  public void write(SampleFile file, Writer out, long rows) {
    switch (file.fileName()) {
      case "referrals.csv" -> writeReferrals(out, rows);
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
