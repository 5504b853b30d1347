package org.statbench.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.sampledata.SampleData;
import org.statbench.sampledata.SampleData.SampleFile;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import org.statbench.tabulate.survey.SurveyDesign;
import org.statbench.tabulate.survey.SurveyDesigns;

/**
 * The sample workspace a trainer (or a first start) lands on: the bundled synthetic extracts and
 * lookups of {@link SampleData}, imported once through the ordinary {@link Workspace#importCsv}
 * path into a folder (by default {@code ~/.statbench/sample}). A marker file written last says the
 * workspace is complete, so an interrupted creation is redone rather than half used.
 */
public final class SampleWorkspace {
  /** Written after every bundled file was imported. */
  public static final String COMPLETE_MARKER = ".statbench-sample-complete";

  /** Written before the first import: the folder belongs to the sample and may be rebuilt. */
  public static final String SAMPLE_MARKER = ".statbench-sample";

  /** The saved tables folder of a workspace, as the table builder reads it. */
  public static final String TABLES_DIR = "tables";

  /** The saved cohort definitions folder of a workspace. */
  public static final String COHORTS_DIR = "cohorts";

  /** The cohort definition every sample workspace ships (bundled with the sample data). */
  public static final String COHORT_DEFINITION = "job-outcome-12m-by-referral-cohort.cohort.json";

  /** The status definition every sample workspace ships (bundled with the sample data). */
  public static final String STATUS_DEFINITION =
      "benefit-status-after-referral-by-payment-group.cohort.json";

  /** Where the saved sample tables are bundled (next to the demo, which goes through them). */
  private static final String TABLES_RESOURCE = "/org/statbench/app/demo/";

  /** The saved tables every sample workspace ships, in the order a demo goes through them. */
  public static final List<SavedTable> TABLES =
      List.of(
          new SavedTable(
              "1-referrals-by-payment-group-and-age-band.table.json",
              "Referrals by payment group and age band",
              "a cross-tab with banded ages and its chart"),
          new SavedTable(
              "2-wealth-savings-by-supergroup.table.json",
              "Wealth survey: mean savings by neighbourhood supergroup",
              "a weighted mean after joining the area classification"),
          new SavedTable(
              "3-export-fails-referrals-by-la-and-ethnicity.table.json",
              "Referrals by local authority and ethnicity",
              "an export the disclosure check refuses: many cells below the threshold"),
          new SavedTable(
              "4-export-passes-referrals-by-region-and-ethnicity.table.json",
              "Referrals by region and ethnicity",
              "the same question redesigned with a coarser geography, which passes"),
          new SavedTable(
              "5-wealth-distribution-by-decile-wave-2.table.json",
              "Wealth distribution by decile, wave 2",
              "each decile's share of total wealth; with --se (or Show: interval) its interval"),
          new SavedTable(
              "6-median-savings-by-supergroup-with-intervals.table.json",
              "Median savings by neighbourhood supergroup with intervals",
              "weighted medians with Woodruff intervals from the survey design"));

  /**
   * One saved sample table.
   *
   * @param fileName its file in the workspace's {@code tables} folder (and its bundled resource)
   * @param title what it shows
   * @param point what a trainer shows with it
   */
  public record SavedTable(String fileName, String title, String point) {}

  /**
   * The sample wealth survey's design: region strata and LSOA PSUs (replicate weights rw1..rw10
   * also ship).
   */
  public static final SurveyDesign WEALTH_DESIGN =
      SurveyDesign.parse("strata=stratum,psu=psu", "weight");

  private SampleWorkspace() {}

  /**
   * An opened sample workspace.
   *
   * @param workspace the open workspace (the caller closes it)
   * @param datasets its catalogue
   * @param created whether it was (re)built by this call
   */
  public record Opened(Workspace workspace, List<DatasetInfo> datasets, boolean created) {}

  /**
   * Opens the sample workspace in {@code dir}, first building it from the bundled files when it is
   * missing, incomplete, or {@code reset} is true (a reset deletes the folder: the caller must have
   * closed any workspace open on it). Runs on a worker thread.
   */
  public static Opened open(
      Path dir, boolean reset, ProgressListener progress, CancellationToken cancel) {
    boolean complete = Files.isRegularFile(dir.resolve(COMPLETE_MARKER));
    if (complete && !reset) {
      if (!Files.isDirectory(dir.resolve(TABLES_DIR))
          || !Files.isDirectory(dir.resolve(COHORTS_DIR))) {
        // A sample built before the saved tables and cohort definition shipped gets them once;
        // files already there are kept, and a user's own deletions of single files are left
        // alone afterwards.
        try {
          installSavedDefinitions(dir);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot add the saved sample tables to " + dir, e);
        }
      }
      Workspace ws = Workspace.open(dir);
      return new Opened(ws, ws.datasets(), false);
    }
    if (Files.exists(dir)) {
      if (!Files.isRegularFile(dir.resolve(SAMPLE_MARKER)) && !isEmptyDirectory(dir)) {
        throw new org.statbench.core.InputException(
            dir + " is not a sample workspace; choose an empty folder");
      }
      deleteRecursively(dir);
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(SAMPLE_MARKER), "StatBench sample workspace\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the sample workspace in " + dir, e);
    }
    Workspace ws = Workspace.open(dir);
    try {
      build(ws, progress, cancel);
      Files.writeString(dir.resolve(COMPLETE_MARKER), "bundled sample data imported\n");
      return new Opened(ws, ws.datasets(), true);
    } catch (IOException e) {
      ws.close();
      throw new UncheckedIOException("Cannot create the sample workspace in " + dir, e);
    } catch (RuntimeException e) {
      ws.close();
      throw e;
    }
  }

  /**
   * Imports every bundled file into {@code ws}, marks the lookups with their edition, joins the
   * sample lookups, and puts the saved sample tables and cohort definition in its folder.
   */
  public static void build(Workspace ws, ProgressListener progress, CancellationToken cancel)
      throws IOException {
    List<SampleFile> files = SampleData.files();
    Path tmpDir = Files.createTempDirectory("statbench-sample");
    try {
      for (int i = 0; i < files.size(); i++) {
        cancel.throwIfCancelled();
        SampleFile f = files.get(i);
        Path tmp = tmpDir.resolve(f.fileName());
        try (InputStream in = f.open()) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        final int index = i;
        String stage = "importing " + f.datasetName();
        progress.progress(index * 1000L, files.size() * 1000L, stage);
        // The store may report several stages per file; the bar should only move forward.
        long[] furthest = {0};
        ws.importCsv(
            ImportRequest.of(f.datasetName(), tmp),
            (done, total, msg) -> {
              long part = total > 0 ? Math.min(999, done * 1000 / total) : 0;
              furthest[0] = Math.max(furthest[0], part);
              progress.progress(index * 1000L + furthest[0], files.size() * 1000L, stage);
            },
            cancel);
        if (f.isLookup()) {
          ws.setKind(f.datasetName(), DatasetKind.LOOKUP, f.edition());
        }
        Files.deleteIfExists(tmp);
      }
      progress.progress(files.size() * 1000L, files.size() * 1000L, "joining lookups");
      SampleJoins.apply(ws, cancel);
      // the wealth survey's design, kept with it so that every table of it can show SEs
      SurveyDesigns.set(ws, SampleData.WEALTH_SURVEY.datasetName(), WEALTH_DESIGN);
      installSavedDefinitions(ws.directory());
      progress.progress(files.size() * 1000L, files.size() * 1000L, "done");
    } finally {
      deleteRecursively(tmpDir);
    }
  }

  /** Copies the saved sample tables and the cohort definition into a workspace folder. */
  private static void installSavedDefinitions(Path dir) throws IOException {
    Path tables = Files.createDirectories(dir.resolve(TABLES_DIR));
    for (SavedTable t : TABLES) {
      copyResource(TABLES_RESOURCE + t.fileName(), tables.resolve(t.fileName()));
    }
    Path cohorts = Files.createDirectories(dir.resolve(COHORTS_DIR));
    for (String definition : List.of(COHORT_DEFINITION, STATUS_DEFINITION)) {
      copyResource(
          "/" + SampleData.class.getPackageName().replace('.', '/') + "/" + definition,
          cohorts.resolve(definition));
    }
  }

  /** Copies a bundled resource to a file that does not exist yet (an existing one is kept). */
  private static void copyResource(String resource, Path to) throws IOException {
    if (Files.exists(to)) {
      return;
    }
    try (InputStream in = SampleWorkspace.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing bundled resource " + resource);
      }
      Files.copy(in, to);
    }
  }

  private static boolean isEmptyDirectory(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
