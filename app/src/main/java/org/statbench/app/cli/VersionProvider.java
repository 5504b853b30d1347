package org.statbench.app.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = StatBenchCommand.class.getPackage().getImplementationVersion();
    return new String[] {"StatBench " + (v == null ? "development build" : v)};
  }
}
