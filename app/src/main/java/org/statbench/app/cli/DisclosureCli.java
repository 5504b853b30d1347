package org.statbench.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.statbench.core.InputException;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;
import org.statbench.disclosure.CellResult;
import org.statbench.disclosure.DisclosurePolicy;
import org.statbench.disclosure.DisclosureReport;
import org.statbench.disclosure.PolicyJson;
import org.statbench.export.LongCsv;
import org.statbench.store.Workspace;

/** What {@code check} and {@code protect} share: reading inputs, printing, logging. */
final class DisclosureCli {
  /** At most this many failing cells are listed on the terminal. */
  static final int LISTED = 20;

  private DisclosureCli() {}

  /** The policy file, or the built-in default. */
  static DisclosurePolicy policy(Path rules) {
    return rules == null ? DisclosurePolicy.DEFAULT : PolicyJson.read(rules);
  }

  /**
   * Reads the unprotected long CSV of counts that {@code check} and {@code protect} work on.
   *
   * @throws InputException when the file is malformed, holds another measure or has empty values
   */
  static Table readCounts(Path file) {
    LongCsv.Contents c = LongCsv.read(file);
    Table t = c.table();
    if (t.measure().kind() != MeasureKind.COUNT) {
      throw new InputException(
          file.toString(),
          2,
          LongCsv.MEASURE,
          "check and protect read a long CSV of counts, not "
              + t.measure().label()
              + " (dominance and p% need the microdata: use export)");
    }
    for (int i = 0; i < t.cellCount(); i++) {
      if (c.suppressed()[i]) {
        throw new InputException(
            file.toString(),
            -1,
            LongCsv.VALUE,
            "the cell "
                + String.join(", ", t.codes(i))
                + " has no value: check and protect need the unprotected table");
      }
    }
    return t;
  }

  /** Prints the report's summary and up to {@link #LISTED} cells that fail or need review. */
  static void print(PrintWriter out, DisclosureReport r) {
    out.print(r.describe());
    Map<String, Integer> byRule = new LinkedHashMap<>();
    List<CellResult> failing = r.cells().stream().filter(c -> !c.findings().isEmpty()).toList();
    for (CellResult c : failing) {
      byRule.merge(c.status().word(), 1, Integer::sum);
    }
    byRule.forEach(
        (k, v) -> out.printf(Locale.ROOT, "  %s: %d %s%n", k, v, v == 1 ? "cell" : "cells"));
    Table t = r.protectedTable();
    int shown = 0;
    for (CellResult c : failing) {
      if (shown++ == LISTED) {
        out.printf(Locale.ROOT, "  ... and %d more%n", failing.size() - LISTED);
        break;
      }
      StringBuilder where = new StringBuilder();
      for (int d = 0; d < c.codes().size(); d++) {
        where
            .append(d == 0 ? "" : ", ")
            .append(t.dimensions().get(d).variable())
            .append('=')
            .append(c.codes().get(d));
      }
      out.printf(
          Locale.ROOT,
          "  %-20s %s  (%s)%n",
          c.status().word(),
          where,
          c.findings().get(0).rule() + ": " + c.findings().get(0).parameters());
    }
    out.flush();
  }

  /** Appends a disclosure event to the workspace's audit log. */
  static void log(Path db, String type, Path file, DisclosureReport r) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("file", file.toString());
    d.put("policy", r.policy().name());
    d.put("method", r.method().name().toLowerCase(Locale.ROOT));
    d.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
    d.put("cells", r.summary().cells());
    d.put("primary", r.summary().primary());
    d.put("secondary", r.summary().secondary());
    d.put("suppressed", r.summary().suppressed());
    d.put("protectedHash", r.protectedHash());
    try (Workspace ws = CliWorkspace.open(db)) {
      ws.auditLog()
          .append(type, System.getProperty("user.name", "unknown"), r.tableHash(), d.toString());
    }
  }

  /** The refusal message: how many cells fail, per rule. */
  static String refusal(DisclosureReport r) {
    Map<String, Integer> byRule = new LinkedHashMap<>();
    for (CellResult c : r.unprotected()) {
      byRule.merge(c.status().word(), 1, Integer::sum);
    }
    if (byRule.isEmpty()) {
      for (CellResult c : r.reviews()) {
        byRule.merge(c.status().word(), 1, Integer::sum);
      }
    }
    StringBuilder sb = new StringBuilder();
    byRule.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
    return r.outcome().name().toLowerCase(Locale.ROOT) + ": " + sb;
  }
}
