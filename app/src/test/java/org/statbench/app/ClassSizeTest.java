package org.statbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class grows past about 500 lines without a reason written at its top (decision record
 * 0010): a line {@code // Size (over 500 lines): ...} before the class, or {@code Why this class is
 * long:} in its Javadoc. Reads the sources of every module from the project root.
 */
class ClassSizeTest {
  static final int LIMIT = 500;

  static final List<String> MARKERS =
      List.of("// Size (over 500 lines):", "Why this class is long:");

  /**
   * Classes a branch in flight is splitting (name them while it lands; empty on main, so every long
   * class on main says why).
   */
  static final Set<String> BEING_SPLIT = Set.of();

  @Test
  void everyMainClassOverFiveHundredLinesSaysWhyAtItsTop() {
    List<String> unexplained = new ArrayList<>();
    List<Path> sources = mainSources(projectRoot());
    assertThat(sources).as("main sources found").hasSizeGreaterThan(100);
    for (Path file : sources) {
      List<String> lines = read(file);
      if (lines.size() > LIMIT
          && !BEING_SPLIT.contains(file.getFileName().toString())
          && !explained(lines)) {
        unexplained.add(file + " (" + lines.size() + " lines)");
      }
    }
    assertThat(unexplained)
        .as(
            "classes over %d lines need a short reason at their top (%s) or a split into"
                + " focused classes",
            LIMIT, MARKERS)
        .isEmpty();
  }

  @Test
  void theRuleSeesALongClassWithoutAReasonAndAcceptsOneWithIt() {
    List<String> longClass = new ArrayList<>(List.of("package x;", "final class Long {"));
    for (int i = 0; i < LIMIT; i++) {
      longClass.add("  int f" + i + ";");
    }
    longClass.add("}");
    assertThat(explained(longClass)).isFalse();
    longClass.add(1, "// Size (over 500 lines): one algorithm, kept whole to read in order.");
    assertThat(explained(longClass)).isTrue();
  }

  /** True when a marker appears before the class body starts (imports, comments, Javadoc). */
  static boolean explained(List<String> lines) {
    for (String line : lines) {
      String s = line.strip();
      if (MARKERS.stream().anyMatch(s::contains)) {
        return true;
      }
      if (s.matches(
          "(public |abstract |final |sealed |non-sealed )*(class|interface|record|enum) .*")) {
        return false;
      }
    }
    return false;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder holding the root pom and {@code modules/} (tests run in {@code app/}). */
  static Path projectRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null
        && !(Files.isDirectory(p.resolve("modules"))
            && Files.isRegularFile(p.resolve("pom.xml")))) {
      p = p.getParent();
    }
    assertThat(p).as("project root above " + Path.of("").toAbsolutePath()).isNotNull();
    return p;
  }

  private static List<Path> mainSources(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/target/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
