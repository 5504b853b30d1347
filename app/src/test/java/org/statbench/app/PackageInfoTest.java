package org.statbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of the application says what it is for (decision 0010). */
class PackageInfoTest {
  @Test
  void everyPackageWithClassesHasAPackageInfo() throws IOException {
    Path main = Path.of("src/main/java");
    try (Stream<Path> dirs = Files.walk(main)) {
      List<String> missing =
          dirs.filter(Files::isDirectory)
              .filter(PackageInfoTest::holdsClasses)
              .filter(d -> !Files.exists(d.resolve("package-info.java")))
              .map(d -> main.relativize(d).toString())
              .toList();
      assertThat(missing).isEmpty();
    }
  }

  private static boolean holdsClasses(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
