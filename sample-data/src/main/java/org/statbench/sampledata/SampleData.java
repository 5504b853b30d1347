package org.statbench.sampledata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.statbench.sampledata.people.SyntheticPeople;

/**
 * The bundled synthetic sample files: classpath resources under {@code org/statbench/sampledata/},
 * each with a suggested dataset name and, for lookups, the edition. Build a sample workspace by
 * importing every {@link SampleFile} (in {@link #files()} order) and marking the lookups with their
 * edition.
 */
public final class SampleData {
  /** Classpath folder of the bundled files. */
  public static final String RESOURCE_DIR = "org/statbench/sampledata/";

  private SampleData() {}

  /** Whether a bundled file is an extract to analyse or a lookup for joins. */
  public enum Role {
    EXTRACT,
    LOOKUP
  }

  /**
   * One bundled file.
   *
   * @param fileName file name, e.g. {@code referrals.csv}
   * @param datasetName suggested dataset name in a workspace, e.g. {@code referrals}
   * @param role extract or lookup
   * @param edition for lookups the geography edition (e.g. {@code 2011}); null for extracts
   * @param keyColumn for lookups the key (first) column; null for extracts
   * @param rows number of data rows in the bundled file
   * @param description one line for a trainer or a tooltip
   */
  public record SampleFile(
      String fileName,
      String datasetName,
      Role role,
      String edition,
      String keyColumn,
      int rows,
      String description) {
    public SampleFile {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(datasetName, "datasetName");
      Objects.requireNonNull(role, "role");
    }

    /** The classpath resource name, e.g. {@code org/statbench/sampledata/referrals.csv}. */
    public String resourceName() {
      return RESOURCE_DIR + fileName;
    }

    /** True for lookups. */
    public boolean isLookup() {
      return role == Role.LOOKUP;
    }

    /** Opens the bundled file. The caller closes the stream. */
    public InputStream open() {
      InputStream in = SampleData.class.getClassLoader().getResourceAsStream(resourceName());
      if (in == null) {
        throw new IllegalStateException(
            "sample file missing from the classpath: " + resourceName());
      }
      return in;
    }
  }

  /** Employment-programme referrals, monthly cohorts June 2011 to December 2014. */
  public static final SampleFile REFERRALS =
      new SampleFile(
          "referrals.csv",
          "referrals",
          Role.EXTRACT,
          null,
          null,
          SampleDataGenerator.REFERRAL_ROWS,
          "Employment-programme referrals with job outcomes (synthetic)");

  /** Benefit spells (JSA, ESA, IS, UC) of the referrals, for status tracking. */
  public static final SampleFile BENEFIT_SPELLS =
      new SampleFile(
          "benefit_spells.csv",
          "benefit_spells",
          Role.EXTRACT,
          null,
          null,
          SampleDataGenerator.BENEFIT_SPELL_ROWS,
          "Benefit spells of the referrals: JSA, ESA, IS, UC, start and end dates (synthetic)");

  /** Housing-benefit claimants by local authority with weekly award. */
  public static final SampleFile HOUSING_BENEFIT =
      new SampleFile(
          "housing_benefit.csv",
          "housing_benefit",
          Role.EXTRACT,
          null,
          null,
          SampleDataGenerator.HOUSING_BENEFIT_ROWS,
          "Housing-benefit claimants with weekly award amount (synthetic)");

  /** Household wealth survey with weights. */
  public static final SampleFile WEALTH_SURVEY =
      new SampleFile(
          "wealth_survey.csv",
          "wealth_survey",
          Role.EXTRACT,
          null,
          null,
          SampleDataGenerator.WEALTH_SURVEY_ROWS,
          "Household wealth survey, two waves of 5,000 households: strata, PSUs, weights, ten replicate"
              + " weights, wealth components, tenure, region, HRP age (synthetic)");

  /** Output area to LSOA, MSOA, local authority, region and country. */
  public static final SampleFile GEOGRAPHY =
      new SampleFile(
          "geography_2011.csv",
          "geography_2011",
          Role.LOOKUP,
          "2011",
          "oa",
          SyntheticGeography.SAMPLE_OUTPUT_AREAS,
          "Geography hierarchy: output area > LSOA > MSOA > local authority > region > country");

  /** Output area classification: supergroup, group, subgroup with names. */
  public static final SampleFile CLASSIFICATION =
      new SampleFile(
          "oac_2011.csv",
          "oac_2011",
          Role.LOOKUP,
          "2011",
          "oa",
          SyntheticGeography.SAMPLE_OUTPUT_AREAS,
          "Area classification of output areas: 8 supergroups, 26 groups, 76 subgroups");

  /** Output area to parliamentary constituency. */
  public static final SampleFile CONSTITUENCIES =
      new SampleFile(
          "constituencies_2011.csv",
          "constituencies_2011",
          Role.LOOKUP,
          "2011",
          "oa",
          SyntheticGeography.SAMPLE_OUTPUT_AREAS,
          "Output area to parliamentary constituency");

  /** Postcode directory: postcode to 2011 output area, LSOA and local authority. */
  public static final SampleFile POSTCODES =
      new SampleFile(
          "postcodes_2011.csv",
          "postcodes_2011",
          Role.LOOKUP,
          "2011",
          "pcd",
          SyntheticEditions.SAMPLE_POSTCODES,
          "Postcode directory: postcode to 2011 output area, with termination month (doterm)");

  /** Code changes from 2011 to 2021 output areas (U/S/M/X, population weight). */
  public static final SampleFile OA_CHANGES =
      new SampleFile(
          "oa_changes_2011_2021.csv",
          "oa_changes_2011_2021",
          Role.LOOKUP,
          "2011-2021",
          "oa11",
          SyntheticEditions.SAMPLE_CODE_CHANGES,
          "Output-area code changes 2011 to 2021: unchanged, split (weights), merged, redrawn");

  /** The 2021-shaped area classification keyed on 2021 output areas. */
  public static final SampleFile CLASSIFICATION_2021 =
      new SampleFile(
          "oac_2021.csv",
          "oac_2021",
          Role.LOOKUP,
          "2021",
          "oa21",
          SyntheticEditions.SAMPLE_OUTPUT_AREAS_2021,
          "Area classification of 2021 output areas: 8 supergroups, 21 groups, 52 subgroups");

  /** Seed, sizes and file rows of the record-linkage pair (see {@link SyntheticPeople}). */
  static final long LINK_SEED = 2026;

  static final int LINK_CUSTOMER_ROWS = 2_000;
  static final int LINK_RECIPIENT_ROWS = 300;

  /** Record linkage, left side: energy customer accounts (names, address, postcode, some DOB). */
  public static final SampleFile LINK_CUSTOMERS =
      new SampleFile(
          "link_customers.csv",
          "customers",
          Role.EXTRACT,
          null,
          null,
          LINK_CUSTOMER_ROWS,
          "Energy customer accounts to match against benefit recipients (synthetic people)");

  /** Record linkage, right side: benefit recipients with NINo; 80% are also customers. */
  public static final SampleFile LINK_RECIPIENTS =
      new SampleFile(
          "link_recipients.csv",
          "recipients",
          Role.EXTRACT,
          null,
          null,
          LINK_RECIPIENT_ROWS,
          "Pension-credit recipients; person_id is the truth shared with customers (synthetic)");

  /** Every bundled file: extracts first, then lookups. */
  public static List<SampleFile> files() {
    return List.of(
        REFERRALS,
        HOUSING_BENEFIT,
        WEALTH_SURVEY,
        BENEFIT_SPELLS,
        LINK_CUSTOMERS,
        LINK_RECIPIENTS,
        GEOGRAPHY,
        CLASSIFICATION,
        CONSTITUENCIES,
        POSTCODES,
        OA_CHANGES,
        CLASSIFICATION_2021);
  }

  /** The bundled lookups. */
  public static List<SampleFile> lookups() {
    return files().stream().filter(SampleFile::isLookup).toList();
  }

  /**
   * Copies every bundled file into {@code dir} (created when missing), e.g. so the store can import
   * them from paths.
   *
   * @return the written paths in {@link #files()} order
   */
  public static List<Path> copyTo(Path dir) {
    try {
      Files.createDirectories(dir);
      List<Path> out = new ArrayList<>();
      for (SampleFile f : files()) {
        Path target = dir.resolve(f.fileName());
        try (InputStream in = f.open()) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        out.add(target);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
