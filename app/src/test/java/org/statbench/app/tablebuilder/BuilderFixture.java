package org.statbench.app.tablebuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The builder's GUI fixture {@code claims.csv} (48 claims: provider P1..P5, region, sex, age 16-79,
 * start 2023-01..2024-12, amount) and expected counts computed straight from its lines, not through
 * the engine.
 */
final class BuilderFixture {
  private BuilderFixture() {}

  static Path csv() {
    try {
      return Path.of(BuilderFixture.class.getResource("claims.csv").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The records as field-name to text maps. */
  static List<Map<String, String>> records() {
    try {
      List<String> lines = Files.readAllLines(csv(), StandardCharsets.UTF_8);
      String[] header = lines.get(0).split(",");
      List<Map<String, String>> out = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          m.put(header[i], f[i]);
        }
        out.add(m);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records counted by a key (records mapping to null are left out), keys sorted. */
  static Map<String, Long> countBy(Function<Map<String, String>, String> key) {
    return countBy(key, r -> true);
  }

  static Map<String, Long> countBy(
      Function<Map<String, String>, String> key, Predicate<Map<String, String>> where) {
    Map<String, Long> out = new TreeMap<>();
    for (Map<String, String> r : records()) {
      String k = key.apply(r);
      if (k != null && where.test(r)) {
        out.merge(k, 1L, Long::sum);
      }
    }
    return out;
  }

  static long count(Predicate<Map<String, String>> where) {
    return records().stream().filter(where).count();
  }

  static int age(Map<String, String> r) {
    return Integer.parseInt(r.get("age"));
  }

  static LocalDate start(Map<String, String> r) {
    return LocalDate.parse(r.get("start"));
  }

  /** April-March financial year as {@code 2023/24}. */
  static String financialYear(LocalDate d) {
    int y = d.getMonthValue() >= 4 ? d.getYear() : d.getYear() - 1;
    return y + "/" + String.format("%02d", (y + 1) % 100);
  }

  static String quarter(LocalDate d) {
    return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
  }

  static String month(LocalDate d) {
    return String.format("%d-%02d", d.getYear(), d.getMonthValue());
  }
}
