package org.statbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Measure;
import org.statbench.core.table.Table;

/**
 * A lossless JSON form of a {@link Table} (dimensions with hierarchy parents, measure, values,
 * counts, top contributions and negative flags), so that a clearance request carries exactly the
 * table the analyst asked to release and its hash can be recomputed from the file.
 */
final class TableJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TableJson() {}

  static ObjectNode write(Table t) {
    ObjectNode o = F.objectNode();
    o.put("dataset", t.dataset());
    o.put("measure", t.measure().label());
    o.put("percentile", t.measure().percentile());
    o.put("weighted", t.isWeighted());
    ArrayNode dims = o.putArray("dimensions");
    for (Dimension d : t.dimensions()) {
      ObjectNode dn = dims.addObject();
      dn.put("variable", d.variable());
      dn.put("label", d.label());
      dn.put("role", d.role().name());
      dn.put("total", d.total());
      ArrayNode cats = dn.putArray("categories");
      for (Category c : d.categories()) {
        ObjectNode cn = cats.addObject();
        cn.put("code", c.code());
        cn.put("label", c.label());
        cn.put("parent", c.parent());
      }
    }
    ArrayNode values = o.putArray("values");
    ArrayNode counts = o.putArray("counts");
    ArrayNode top = o.putArray("top");
    ArrayNode negative = o.putArray("negative");
    for (int i = 0; i < t.cellCount(); i++) {
      double v = t.value(i);
      if (Double.isNaN(v)) {
        values.addNull();
      } else {
        values.add(v);
      }
      counts.add(t.count(i));
      ArrayNode tn = top.addArray();
      for (double x : t.top(i)) {
        tn.add(x);
      }
      negative.add(t.hasNegative(i));
    }
    return o;
  }

  static Table read(JsonNode o) {
    List<Dimension> dims = new ArrayList<>();
    for (JsonNode dn : o.get("dimensions")) {
      List<Category> cats = new ArrayList<>();
      for (JsonNode cn : dn.get("categories")) {
        cats.add(
            new Category(
                cn.get("code").asText(), cn.get("label").asText(), cn.get("parent").asInt()));
      }
      dims.add(
          new Dimension(
              dn.get("variable").asText(),
              dn.get("label").asText(),
              DimensionRole.valueOf(dn.get("role").asText()),
              cats,
              dn.get("total").asBoolean()));
    }
    Measure parsed = Measure.parse(o.get("measure").asText());
    Measure measure =
        new Measure(parsed.kind(), parsed.variable(), o.path("percentile").asDouble(0));
    int n = o.get("values").size();
    double[] values = new double[n];
    long[] counts = new long[n];
    double[][] top = new double[n][];
    boolean[] negative = new boolean[n];
    for (int i = 0; i < n; i++) {
      JsonNode v = o.get("values").get(i);
      values[i] = v.isNull() ? Double.NaN : v.asDouble();
      counts[i] = o.get("counts").get(i).asLong();
      JsonNode tn = o.get("top").get(i);
      top[i] = new double[tn.size()];
      for (int k = 0; k < tn.size(); k++) {
        top[i][k] = tn.get(k).asDouble();
      }
      negative[i] = o.get("negative").get(i).asBoolean();
    }
    JsonNode ds = o.get("dataset");
    return new Table(
        ds == null || ds.isNull() ? null : ds.asText(),
        dims,
        measure,
        o.get("weighted").asBoolean(),
        values,
        counts,
        top,
        negative);
  }
}
