package org.statbench.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a {@link DisclosureReport} as JSON. By default the JSON is safe to release alongside the
 * protected table: it carries published values, statuses, the rules and parameters cited, and the
 * audit intervals (which an intruder could compute from the published table anyway), but never a
 * true value or record count of a suppressed cell. {@code confidential = true} adds the true
 * values, counts and required protection levels, for the statistician's review inside the secure
 * environment. Certified (inexact) audit intervals are inner bounds derived from true values, so
 * the releasable form gives only their verdict. Stateless and thread-safe.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** The report as a JSON tree. */
  public static ObjectNode toTree(DisclosureReport r, boolean confidential) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("tableHash", r.tableHash());
    o.put("protectedHash", r.protectedHash());
    o.put("table", r.table());
    o.put("stage", lower(r.stage()));
    o.put("outcome", lower(r.outcome()));
    o.put("releasable", r.releasable());
    o.put("method", lower(r.method()));
    o.put("note", r.note());
    o.set("policy", PolicyJson.toTree(r.policy()));
    ObjectNode s = o.putObject("summary");
    ReportSummary sum = r.summary();
    s.put("cells", sum.cells());
    s.put("primary", sum.primary());
    s.put("secondary", sum.secondary());
    s.put("review", sum.review());
    s.put("suppressed", sum.suppressed());
    if (confidential) {
      PolicyJson.putNumber(s, "valueSuppressed", sum.valueSuppressed());
    }
    s.put("unprotected", sum.unprotected());
    if (r.audit() != null) {
      AuditSummary a = r.audit();
      ObjectNode au = o.putObject("audit");
      au.put("mode", lower(a.mode()));
      au.put("passed", a.passed());
      au.put("suppressedCells", a.suppressedCells());
      au.put("certified", a.certified());
      au.put("lpsSolved", a.lpsSolved());
      au.put("lpsSkipped", a.lpsSkipped());
      au.put("solver", a.solver());
      au.put("millis", a.millis());
    }
    ArrayNode cells = o.putArray("cells");
    for (CellResult c : r.cells()) {
      ObjectNode n = cells.addObject();
      ArrayNode codes = n.putArray("codes");
      c.codes().forEach(codes::add);
      n.put("kind", lower(c.kind()));
      n.put("status", c.status().word());
      // A cell failing a primary rule is never published unprotected, not even in a check's report.
      boolean withheld =
          c.status().kind() == StatusKind.PRIMARY || c.status().kind() == StatusKind.SECONDARY;
      if (Double.isNaN(c.published()) || (withheld && !confidential)) {
        n.putNull("published");
      } else {
        PolicyJson.putNumber(n, "published", c.published());
      }
      if (confidential) {
        if (Double.isNaN(c.trueValue())) {
          n.putNull("value");
        } else {
          PolicyJson.putNumber(n, "value", c.trueValue());
        }
        n.put("count", c.count());
      }
      if (!c.findings().isEmpty()) {
        ArrayNode f = n.putArray("rules");
        for (RuleFinding rf : c.findings()) {
          ObjectNode fo = f.addObject();
          fo.put("rule", rf.rule());
          fo.put("parameters", rf.parameters());
          fo.put("detail", rf.detail());
          fo.put("review", rf.review());
        }
      }
      if (confidential && !c.required().isNone()) {
        ObjectNode q = n.putObject("required");
        PolicyJson.putNumber(q, "lower", c.required().lower());
        PolicyJson.putNumber(q, "upper", c.required().upper());
        PolicyJson.putNumber(q, "width", c.required().width());
      }
      if (c.interval() != null) {
        // An exact interval is what an intruder can compute from the published table anyway; a
        // certified inner bound is built from true values, so only its verdict is released.
        ObjectNode iv = n.putObject("interval");
        if (confidential || c.interval().exact()) {
          putBound(iv, "min", c.interval().min());
          putBound(iv, "max", c.interval().max());
        }
        iv.put("exact", c.interval().exact());
        iv.put("protected", c.isProtected());
      }
    }
    return o;
  }

  private static void putBound(ObjectNode o, String key, double v) {
    if (Double.isInfinite(v)) {
      o.put(key, v > 0 ? "Infinity" : "-Infinity");
    } else {
      PolicyJson.putNumber(o, key, v);
    }
  }

  /** The report as indented JSON. */
  public static String write(DisclosureReport r, boolean confidential) {
    try {
      return MAPPER.writeValueAsString(toTree(r, confidential));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the report to a file (UTF-8). */
  public static void write(DisclosureReport r, boolean confidential, Path file) {
    try {
      Files.writeString(file, write(r, confidential));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
