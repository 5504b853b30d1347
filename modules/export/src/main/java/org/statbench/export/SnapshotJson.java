package org.statbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** JSON form of a {@link ReportSnapshot} inside clearance files. */
final class SnapshotJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SnapshotJson() {}

  static ObjectNode write(ReportSnapshot r) {
    ObjectNode o = F.objectNode();
    o.put("tableHash", r.tableHash());
    o.put("passed", r.passed());
    o.put("policy", r.policy());
    o.put("protection", r.protection());
    ArrayNode notes = o.putArray("notes");
    r.notes().forEach(notes::add);
    ArrayNode cells = o.putArray("cells");
    for (CellVerdict c : r.cells()) {
      ObjectNode cn = cells.addObject();
      cn.put("status", c.status());
      cn.put("suppressed", c.suppressed());
      putNumber(cn, "published", c.published());
      putNumber(cn, "lower", c.lower());
      putNumber(cn, "upper", c.upper());
      cn.put("reason", c.reason());
    }
    return o;
  }

  static ReportSnapshot read(JsonNode o) {
    List<CellVerdict> cells = new ArrayList<>();
    int i = 0;
    for (JsonNode cn : o.get("cells")) {
      cells.add(
          new CellVerdict(
              i++,
              cn.get("status").asText(),
              cn.get("suppressed").asBoolean(),
              number(cn.get("published")),
              number(cn.get("lower")),
              number(cn.get("upper")),
              cn.path("reason").asText("")));
    }
    List<String> notes = new ArrayList<>();
    o.path("notes").forEach(n -> notes.add(n.asText()));
    return new ReportSnapshot(
        o.get("tableHash").asText(),
        o.get("passed").asBoolean(),
        o.path("policy").asText(""),
        o.path("protection").asText("none"),
        cells,
        notes);
  }

  private static void putNumber(ObjectNode o, String field, double v) {
    if (Double.isNaN(v)) {
      o.putNull(field);
    } else {
      o.put(field, v);
    }
  }

  private static double number(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }
}
