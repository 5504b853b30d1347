package org.statbench.app.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which dataset a workspace's saved table definitions use most: the dataset to select when a
 * workspace opens with nothing selected yet. Reads only the {@code "dataset"} field of each plain
 * JSON file (a few small files); files it cannot read (encrypted, malformed) are skipped.
 */
final class SavedTablesDataset {
  private static final Pattern DATASET = Pattern.compile("\"dataset\"\\s*:\\s*\"([^\"]+)\"");
  private static final int MAX_FILES = 200;

  private SavedTablesDataset() {}

  /** The most used dataset name (ties: the alphabetically first), or empty. */
  static Optional<String> mostUsed(Path tablesDir) {
    if (tablesDir == null || !Files.isDirectory(tablesDir)) {
      return Optional.empty();
    }
    Map<String, Integer> counts = new TreeMap<>();
    try (Stream<Path> files = Files.list(tablesDir)) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted()
          .limit(MAX_FILES)
          .forEach(
              f -> {
                try {
                  Matcher m = DATASET.matcher(Files.readString(f, StandardCharsets.UTF_8));
                  if (m.find()) {
                    counts.merge(m.group(1), 1, Integer::sum);
                  }
                } catch (IOException | RuntimeException e) {
                  // not a readable plain definition: it does not vote
                }
              });
    } catch (IOException e) {
      return Optional.empty();
    }
    return counts.entrySet().stream()
        .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
        .map(Map.Entry::getKey);
  }
}
