package org.statbench.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic benefit-claims extract for benchmarks: 8 columns shaped like the real
 * thing (person id, referral date, region, local authority code, sex, benefit, age, weekly amount),
 * with a few missing values. The same row count always gives the same bytes.
 */
final class BenchExtract {
  static final String HEADER = "person_id,referral_date,region,la_code,sex,benefit,age,amount";
  static final int COLUMNS = 8;

  private static final String[] REGIONS = {
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West"
  };
  private static final String[] SEXES = {"F", "M"};
  private static final String[] BENEFITS = {
    "JSA 18-24", "JSA 25+", "ESA new claimants", "UC", "PIP"
  };

  private BenchExtract() {}

  /** Writes {@code rows} records to {@code file} (UTF-8, comma, header row). */
  static void write(Path file, int rows) throws IOException {
    SplittableRandom r = new SplittableRandom(20261125L);
    long start = LocalDate.of(2019, 1, 1).toEpochDay();
    StringBuilder sb = new StringBuilder(128);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (int i = 0; i < rows; i++) {
        sb.setLength(0);
        sb.append('P').append(10_000_000 + i).append(',');
        sb.append(LocalDate.ofEpochDay(start + r.nextInt(1461))).append(',');
        int region = r.nextInt(REGIONS.length);
        String name = REGIONS[region];
        if (name.indexOf(' ') >= 0 && r.nextInt(4) == 0) {
          sb.append('"').append(name).append('"'); // some writers quote fields with spaces
        } else {
          sb.append(name);
        }
        sb.append(',');
        sb.append('E').append(6_000_001 + region * 40 + r.nextInt(40)).append(',');
        sb.append(r.nextInt(100) == 0 ? "" : SEXES[r.nextInt(2)]).append(',');
        sb.append(BENEFITS[r.nextInt(BENEFITS.length)]).append(',');
        if (r.nextInt(50) == 0) {
          sb.append("NA");
        } else {
          sb.append(16 + r.nextInt(50));
        }
        sb.append(',');
        int pence = 5_000 + r.nextInt(40_000);
        sb.append(pence / 100).append('.').append((char) ('0' + pence / 10 % 10));
        sb.append((char) ('0' + pence % 10)).append('\n');
        w.append(sb);
      }
    }
  }
}
