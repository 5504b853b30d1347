package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.table.Table;
import org.statbench.disclosure.DisclosureChecker;
import org.statbench.disclosure.DisclosurePolicy;
import org.statbench.export.ClearanceBook;
import org.statbench.export.Reports;
import org.statbench.store.Workspace;
import picocli.CommandLine;

class ClearanceCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private String db;

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = StatBenchCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @BeforeEach
  void submitARequest() {
    Path dir = tmp.resolve("ws");
    db = dir.toString();
    try (Workspace ws = Workspace.open(dir)) {
      Table t = table();
      ClearanceBook.open(ws.directory().resolve("clearance"), ws.auditLog(), "ann")
          .submit(
              t,
              Reports.snapshot(new DisclosureChecker(DisclosurePolicy.DEFAULT).check(t)),
              "published already");
    }
  }

  /** region (A, B, C) x sex (F, M) counts; B|F = 3 fails the threshold of 10. */
  static Table table() {
    var dims =
        java.util.List.of(
            new org.statbench.core.table.Dimension(
                "region",
                null,
                org.statbench.core.table.DimensionRole.ROW,
                java.util.List.of(
                    org.statbench.core.table.Category.of("A"),
                    org.statbench.core.table.Category.of("B"),
                    org.statbench.core.table.Category.of("C")),
                true),
            new org.statbench.core.table.Dimension(
                "sex",
                null,
                org.statbench.core.table.DimensionRole.COLUMN,
                java.util.List.of(
                    org.statbench.core.table.Category.of("F"),
                    org.statbench.core.table.Category.of("M")),
                true));
    return Table.ofCounts(
        "people", dims, new long[] {12, 15, 27, 3, 20, 23, 11, 14, 25, 26, 49, 75});
  }

  @Test
  void listsShowsAndApprovesWithAComment() {
    assertThat(run("clearance", "list", "--db", db)).isZero();
    assertThat(out.toString()).contains("CR-0001\tpending\tann").contains("1 failing");
    assertThat(run("clearance", "show", "--db", db, "--id", "CR-0001")).isZero();
    assertThat(out.toString()).contains("published already").contains("(B, F) primary:threshold");
    assertThat(run("clearance", "approve", "--db", db, "--id", "CR-0001", "--comment", "fine"))
        .isZero();
    assertThat(out.toString()).contains("CR-0001 approved by");
    assertThat(run("clearance", "list", "--db", db)).isZero();
    assertThat(out.toString()).doesNotContain("CR-0001");
    assertThat(run("clearance", "list", "--db", db, "--all")).isZero();
    assertThat(out.toString()).contains("CR-0001\tapproved");
    assertThat(run("audit", "verify", "--db", db)).isZero();
  }

  @Test
  void rejectWithABlankCommentIsRefused() {
    assertThat(run("clearance", "reject", "--db", db, "--id", "CR-0001", "--comment", " "))
        .isEqualTo(2);
    assertThat(err.toString()).contains("comment is required");
    assertThat(run("clearance", "list", "--db", db)).isZero();
    assertThat(out.toString()).contains("CR-0001\tpending");
  }
}
