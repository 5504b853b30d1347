package org.statbench.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.sampledata.SampleData.SampleFile;

class SampleDataTest {

  private static final Pattern SYNTHETIC_AREA =
      Pattern.compile("^E(00|01|02|06|07|08|09|12|14|92)9\\d{5}$");

  @Test
  void regeneratingGivesByteIdenticalFiles(@TempDir Path dir) throws IOException {
    SampleDataGenerator.sample().writeAll(dir);
    for (SampleFile f : SampleData.files()) {
      byte[] committed;
      try (InputStream in = f.open()) {
        committed = in.readAllBytes();
      }
      assertThat(Files.readAllBytes(dir.resolve(f.fileName())))
          .as("regenerated %s", f.fileName())
          .isEqualTo(committed);
    }
  }

  @Test
  void bundledFilesHaveTheStatedRowCountsAndStaySmall() throws IOException {
    long bytes = 0;
    for (SampleFile f : SampleData.files()) {
      List<String[]> rows = read(f);
      assertThat(rows.size() - 1).as(f.fileName()).isEqualTo(f.rows());
      try (InputStream in = f.open()) {
        bytes += in.readAllBytes().length;
      }
      if (f.isLookup()) {
        assertThat(rows.get(0)[0]).isEqualTo(f.keyColumn());
        assertThat(f.edition()).matches("20[12]1(-2021)?");
      }
    }
    // Small enough to ship in the jar; the postcode directory and 2021 edition added ~0.6 MB, the
    // benefit spells ~1.1 MB, the two-wave wealth survey with ten replicate weights (10,000
    // records, 26 columns) ~1.4 MB, the record-linkage pair ~0.2 MB.
    assertThat(bytes).isLessThan(6_500_000);
  }

  @Test
  void everyAreaInTheHierarchyHasExactlyOneParentAtEachLevel() throws IOException {
    List<String[]> rows = read(SampleData.GEOGRAPHY);
    assertThat(rows.get(0))
        .containsExactly("oa", "lsoa", "msoa", "la", "la_name", "region", "region_name", "country");
    Set<String> oas = new HashSet<>();
    List<Map<String, String>> parentOf = new ArrayList<>();
    for (int level = 0; level < 7; level++) {
      parentOf.add(new HashMap<>());
    }
    for (String[] r : rows.subList(1, rows.size())) {
      assertThat(oas.add(r[0])).as("duplicate output area %s", r[0]).isTrue();
      // oa->lsoa->msoa->la->region->country, and la->la_name, region->region_name
      int[][] pairs = {{0, 1}, {1, 2}, {2, 3}, {3, 5}, {5, 7}, {3, 4}, {5, 6}};
      for (int p = 0; p < pairs.length; p++) {
        String child = r[pairs[p][0]];
        String parent = r[pairs[p][1]];
        String before = parentOf.get(p).putIfAbsent(child, parent);
        assertThat(before == null || before.equals(parent))
            .as("%s has parents %s and %s", child, before, parent)
            .isTrue();
      }
      for (int c : new int[] {0, 1, 2, 3, 5, 7}) {
        assertThat(r[c]).matches(SYNTHETIC_AREA);
      }
      assertThat(r[0]).startsWith("E00");
      assertThat(r[1]).startsWith("E01");
      assertThat(r[2]).startsWith("E02");
      assertThat(r[3]).matches("E0[6-9]\\d{6}");
      assertThat(r[5]).startsWith("E12");
    }
    assertThat(oas).hasSize(SyntheticGeography.SAMPLE_OUTPUT_AREAS);
    assertThat(new HashSet<>(parentOf.get(0).values()).size()).isBetween(300, 500);
    assertThat(new HashSet<>(parentOf.get(2).values())).hasSize(18);
    assertThat(new HashSet<>(parentOf.get(3).values())).hasSize(5);
  }

  @Test
  void classificationHas8Supergroups26Groups76SubgroupsNestedByCode() throws IOException {
    List<String[]> rows = read(SampleData.CLASSIFICATION);
    Set<String> supergroups = new HashSet<>();
    Set<String> groups = new HashSet<>();
    Set<String> subgroups = new HashSet<>();
    for (String[] r : rows.subList(1, rows.size())) {
      assertThat(r[1]).matches("[1-8]");
      assertThat(r[3]).matches("[1-8][a-d]").startsWith(r[1]);
      assertThat(r[5]).matches("[1-8][a-d][1-3]").startsWith(r[3]);
      supergroups.add(r[1]);
      groups.add(r[3]);
      subgroups.add(r[5]);
    }
    // The full classification is published even where few areas use a subgroup.
    assertThat(SyntheticGeography.classification()).hasSize(76);
    assertThat(
            SyntheticGeography.classification().stream()
                .map(SyntheticGeography.Subgroup::group)
                .distinct())
        .hasSize(26);
    assertThat(supergroups).hasSize(8);
    assertThat(groups.size()).isGreaterThan(20);
    assertThat(subgroups.size()).isGreaterThan(50);
  }

  @Test
  void extractsCarryDeliberatelyUnmatchedCodesOfEveryKind() throws IOException {
    List<String[]> rows = read(SampleData.REFERRALS);
    int oaColumn = List.of(rows.get(0)).indexOf("oa_code");
    Set<String> bad = new HashSet<>();
    for (String[] r : rows.subList(1, rows.size())) {
      bad.add(r[oaColumn]);
    }
    assertThat(bad).contains("E99999999", "XYZ", "", "E00999999");
  }

  @Test
  void codeChangesTakeEvery2011AreaTo2021WithSplitsWeightedAndMergesOfSeveralAreas()
      throws IOException {
    List<String[]> rows = read(SampleData.OA_CHANGES);
    assertThat(rows.get(0)).containsExactly("oa11", "oa21", "change", "weight");
    Map<String, Double> weightOfOld = new HashMap<>();
    Map<String, Set<String>> oldOfNew = new HashMap<>();
    Map<String, Set<String>> newOfOld = new HashMap<>();
    Map<String, Integer> byType = new HashMap<>();
    for (String[] r : rows.subList(1, rows.size())) {
      assertThat(r[0]).matches(SYNTHETIC_AREA);
      assertThat(r[1]).matches(SYNTHETIC_AREA);
      weightOfOld.merge(r[0], Double.parseDouble(r[3]), Double::sum);
      oldOfNew.computeIfAbsent(r[1], k -> new HashSet<>()).add(r[0]);
      newOfOld.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]);
      byType.merge(r[2], 1, Integer::sum);
      switch (r[2]) {
        case "U" -> assertThat(r[1]).isEqualTo(r[0]);
        case "S", "M", "X" -> assertThat(r[1]).startsWith("E00910").isNotEqualTo(r[0]);
        default -> throw new AssertionError("change type " + r[2]);
      }
    }
    assertThat(byType.keySet()).containsExactlyInAnyOrder("U", "S", "M", "X");
    assertThat(weightOfOld).hasSize(SyntheticGeography.SAMPLE_OUTPUT_AREAS);
    for (String[] r : rows.subList(1, rows.size())) {
      if (r[2].equals("S")) {
        // the shares of a split area add up to one
        assertThat(weightOfOld.get(r[0])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(newOfOld.get(r[0]).size()).isGreaterThan(1);
      } else if (r[2].equals("M")) {
        assertThat(oldOfNew.get(r[1]).size()).isGreaterThan(1);
      }
    }
  }

  @Test
  void classification2021Has8Supergroups21Groups52SubgroupsOnThe2021Areas() throws IOException {
    assertThat(SyntheticEditions.classification2021()).hasSize(52);
    assertThat(
            SyntheticEditions.classification2021().stream()
                .map(SyntheticGeography.Subgroup::group)
                .distinct())
        .hasSize(21);
    List<String[]> rows = read(SampleData.CLASSIFICATION_2021);
    Set<String> areas2021 = new HashSet<>();
    List<String[]> changes = read(SampleData.OA_CHANGES);
    for (String[] r : changes.subList(1, changes.size())) {
      areas2021.add(r[1]);
    }
    Set<String> keys = new HashSet<>();
    Set<String> supergroups = new HashSet<>();
    for (String[] r : rows.subList(1, rows.size())) {
      keys.add(r[0]);
      assertThat(r[1]).matches("[1-8]");
      assertThat(r[3]).matches("[1-8][a-c]").startsWith(r[1]);
      assertThat(r[5]).matches("[1-8][a-c][1-3]").startsWith(r[3]);
      supergroups.add(r[1]);
    }
    assertThat(keys).hasSize(rows.size() - 1).isEqualTo(areas2021);
    assertThat(supergroups).hasSize(8);
  }

  @Test
  void postcodeDirectoryCoversEveryAreaAndHasTerminatedPostcodes() throws IOException {
    List<String[]> rows = read(SampleData.POSTCODES);
    assertThat(rows.get(0)).containsExactly("pcd", "oa", "lsoa", "la", "doterm");
    Set<String> postcodes = new HashSet<>();
    Set<String> areas = new HashSet<>();
    int terminated = 0;
    for (String[] r : rows.subList(1, rows.size())) {
      assertThat(r[0]).matches("Q[A-Z][0-9]{1,2} [0-9][A-Z]{2}");
      postcodes.add(r[0]);
      areas.add(r[1]);
      if (!r[4].isEmpty()) {
        assertThat(r[4]).matches("20(1[2-9]|20)(0[1-9]|1[0-2])");
        terminated++;
      }
    }
    assertThat(postcodes).hasSize(rows.size() - 1);
    assertThat(areas).hasSize(SyntheticGeography.SAMPLE_OUTPUT_AREAS);
    assertThat(terminated).isBetween(100, 500);
  }

  @Test
  void housingBenefitPostcodesAreMessyAndSomeDoNotMatch() throws IOException {
    List<String[]> rows = read(SampleData.HOUSING_BENEFIT);
    assertThat(rows.get(0)).endsWith("weekly_award", "postcode");
    Set<String> values = new HashSet<>();
    for (String[] r : rows.subList(1, rows.size())) {
      values.add(r[r.length - 1]);
    }
    assertThat(values).contains("ZZ99 3VZ", "", "NOT KNOWN", "QZ99 9ZZ");
    assertThat(values).anyMatch(v -> v.matches("q[a-z][0-9]+ [0-9][a-z]{2}"));
    assertThat(values).anyMatch(v -> v.matches("Q[A-Z][0-9]+[0-9][A-Z]{2}"));
    assertThat(values).anyMatch(v -> v.startsWith(" ") && v.contains("  "));
  }

  @Test
  void laterCohortsHaveFewerObservedJobOutcomes() throws IOException {
    List<String[]> rows = read(SampleData.REFERRALS);
    int[] referrals = new int[2];
    int[] outcomes = new int[2];
    for (String[] r : rows.subList(1, rows.size())) {
      int cohort = r[1].startsWith("2011") ? 0 : r[1].startsWith("2014") ? 1 : -1;
      if (cohort >= 0) {
        referrals[cohort]++;
        outcomes[cohort] += r[11].isEmpty() ? 0 : 1;
      }
      assertThat(r[11].isEmpty() || r[11].compareTo(r[1]) > 0).isTrue();
    }
    double early = (double) outcomes[0] / referrals[0];
    double late = (double) outcomes[1] / referrals[1];
    assertThat(early).isBetween(0.25, 0.5);
    assertThat(late).isLessThan(early);
  }

  @Test
  void extractsScaleByRowCountAndStayDeterministic() {
    SampleDataGenerator g = SampleDataGenerator.sample();
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    g.writeWealthSurvey(a, 50_000);
    g.writeWealthSurvey(b, 50_000);
    assertThat(a.toString()).isEqualTo(b.toString());
    assertThat(a.toString().lines().count()).isEqualTo(50_001);
  }

  @Test
  void largerGeographiesKeepValidCodes() {
    SyntheticGeography big = SyntheticGeography.generate(7, 200);
    assertThat(big.outputAreas().size()).isGreaterThan(20_000);
    assertThat(big.outputAreas()).allSatisfy(oa -> assertThat(oa.code()).matches("E00\\d{6}"));
    assertThat(big.outputAreas().stream().map(SyntheticGeography.OutputArea::code).distinct())
        .hasSize(big.outputAreas().size());
  }

  @Test
  void benefitSpellsBelongToReferralsWithOpenAndOverlappingSpellsOfEveryBenefit()
      throws IOException {
    List<String[]> spells = read(SampleData.BENEFIT_SPELLS);
    java.util.Set<String> people = new java.util.HashSet<>();
    read(SampleData.REFERRALS).stream().skip(1).forEach(r -> people.add(r[0]));
    assertThat(spells.get(0)).containsExactly("person_id", "benefit", "start_date", "end_date");
    List<String[]> data = spells.subList(1, spells.size());
    assertThat(data.stream().map(r -> r[1]).distinct())
        .containsExactlyInAnyOrder("JSA", "ESA", "IS", "UC");
    assertThat(data.stream().filter(r -> r[3].isEmpty()).count()).isGreaterThan(1_000);
    assertThat(data.stream().filter(r -> !people.contains(r[0])).count()).isEqualTo(40);
    assertThat(data)
        .allSatisfy(r -> assertThat(r[3].isEmpty() || r[3].compareTo(r[2]) >= 0).isTrue());
    long overlaps = 0;
    for (int i = 1; i < data.size(); i++) {
      String[] a = data.get(i - 1);
      String[] b = data.get(i);
      if (a[0].equals(b[0]) && !a[3].isEmpty() && b[2].compareTo(a[3]) <= 0) {
        overlaps++;
      }
    }
    assertThat(overlaps).isGreaterThan(50);
  }

  @Test
  void copyToWritesEveryBundledFile(@TempDir Path dir) {
    List<Path> paths = SampleData.copyTo(dir);
    assertThat(paths)
        .hasSize(SampleData.files().size())
        .allSatisfy(p -> assertThat(p).isRegularFile());
  }

  static List<String[]> read(SampleFile f) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(f.open(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(split(line));
      }
    }
    return out;
  }

  private static String[] split(String line) {
    return SyntheticSpells.split(line).toArray(new String[0]);
  }
}
