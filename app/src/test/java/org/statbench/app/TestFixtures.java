package org.statbench.app;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Classpath fixtures shared by the GUI tests. */
public final class TestFixtures {
  private TestFixtures() {}

  /** A fixture under {@code org/statbench/app/importwizard/}, e.g. {@code people.csv}. */
  public static Path csv(String name) {
    try {
      return Path.of(
          TestFixtures.class.getResource("/org/statbench/app/importwizard/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
