package org.statbench.tabulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.statbench.core.InputException;
import org.statbench.core.format.StrictJson;
import org.statbench.core.spec.Band;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;

// Size (over 500 lines): the whole saved-definition format (three versions) in one reader and
// writer so every field's rules are in one place; the generic JSON helpers are in
// core.format.StrictJson.

/**
 * Saved table definitions: a {@link TableSpec} as versioned JSON ({@code {"format":
 * "statbench-table", "version": 1, ...}}), documented in {@code docs/table-definition-format.md},
 * optionally with the table builder's {@link TableView} (a {@code "view"} object, presentation
 * only: {@link #read} checks and drops it, {@link #readSaved} returns it). Reading is strict:
 * unknown fields, a different format or a newer version are errors naming the file and the field's
 * path (e.g. {@code rows[0].bands[1]}). Thread-safe.
 */
public final class TableSpecJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "statbench-table";

  /**
   * The newest version this code reads and writes. A definition is written with the lowest version
   * that can express it (2 for a roll-up over more than one parent level, 3 when it has a view that
   * is not the default), so definitions that older StatBench releases can read are still written
   * for them.
   */
  public static final int VERSION = 3;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TableSpecJson() {}

  /** The definition as JSON text (pretty-printed, ending with a newline), without a view. */
  public static String write(TableSpec spec) {
    return write(new SavedTable(spec, TableView.DEFAULT));
  }

  /**
   * The definition and its view as JSON text (pretty-printed, ending with a newline). A default
   * view is not written, so the text is then exactly that of {@link #write(TableSpec)}.
   */
  public static String write(SavedTable saved) {
    TableSpec spec = saved.spec();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", versionFor(saved));
    root.put("dataset", spec.dataset());
    root.set("rows", dimensions(spec.rows()));
    root.set("columns", dimensions(spec.columns()));
    root.set("wafers", dimensions(spec.wafers()));
    ArrayNode filters = root.putArray("filters");
    for (Filter f : spec.filters()) {
      filters.add(filter(f));
    }
    root.put("measure", spec.measure().label());
    if (spec.weight() != null) {
      root.put("weight", spec.weight());
    }
    root.put("percentage", spec.percentage().key());
    if (!saved.view().isDefault()) {
      root.set("view", view(saved.view()));
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the definition to a file (created or replaced), UTF-8. */
  public static void write(TableSpec spec, Path file) throws IOException {
    Files.writeString(file, write(spec), StandardCharsets.UTF_8);
  }

  /** Writes the definition and its view to a file (created or replaced), UTF-8. */
  public static void write(SavedTable saved, Path file) throws IOException {
    Files.writeString(file, write(saved), StandardCharsets.UTF_8);
  }

  /**
   * Reads a definition file; a view in it is checked but not returned (it does not change the
   * table).
   *
   * @throws InputException naming the file (and field) when it is missing or not a valid definition
   */
  public static TableSpec read(Path file) {
    return readSaved(file).spec();
  }

  /**
   * Reads a definition file with its view ({@link TableView#DEFAULT} when it has none).
   *
   * @throws InputException naming the file (and field) when it is missing or not a valid definition
   */
  public static SavedTable readSaved(Path file) {
    return readSaved(StrictJson.readText(file, null), file.toString());
  }

  /**
   * Reads a definition from JSON text; a view in it is checked but not returned.
   *
   * @param source file name for error messages
   * @throws InputException naming the source (and field) when the text is not a valid definition
   */
  public static TableSpec read(String json, String source) {
    return readSaved(json, source).spec();
  }

  /**
   * Reads a definition and its view from JSON text.
   *
   * @param source file name for error messages
   * @throws InputException naming the source (and field) when the text is not a valid definition
   */
  public static SavedTable readSaved(String json, String source) {
    JsonNode root = StrictJson.parse(json, source);
    try {
      return new Reader(source).saved(root);
    } catch (InputException e) {
      throw StrictJson.in(source).withSource(e);
    }
  }

  /**
   * One filter as the {@code filters[]} entry of a table definition ({@code {"variable": ...,
   * "include"|"exclude"|"range"|"dateRange": ...}}), for other definitions that embed table filters
   * (saved cohort definitions).
   */
  public static ObjectNode filterToJson(Filter f) {
    return filter(f);
  }

  /**
   * Reads one {@code filters[]} entry as a table definition does, strictly.
   *
   * @param source file name for error messages
   * @param path the entry's path for error messages, e.g. {@code filters[0]}
   * @throws InputException naming the source and path when the entry is not a valid filter
   */
  public static Filter filterFromJson(JsonNode f, String source, String path) {
    return new Reader(source).filter(f, path);
  }

  private static ArrayNode dimensions(List<DimensionSpec> dims) {
    ArrayNode a = MAPPER.createArrayNode();
    for (DimensionSpec d : dims) {
      ObjectNode o = a.addObject();
      o.put("variable", d.variable());
      if (!d.total()) {
        o.put("total", false);
      }
      Derivation der = d.derivation();
      if (der instanceof Bands b) {
        ArrayNode bands = o.putArray("bands");
        for (Band band : b.bands()) {
          ObjectNode bo = bands.addObject();
          bo.put("label", band.label());
          if (band.lo() == Double.NEGATIVE_INFINITY) {
            bo.putNull("min");
          } else {
            bo.put("min", band.lo());
          }
          if (band.hi() == Double.POSITIVE_INFINITY) {
            bo.putNull("max");
          } else {
            bo.put("max", band.hi());
          }
        }
      } else if (der instanceof CodeGroups g) {
        ArrayNode groups = o.putArray("groups");
        for (CodeGroup cg : g.groups()) {
          ObjectNode go = groups.addObject();
          go.put("name", cg.name());
          ArrayNode codes = go.putArray("codes");
          cg.codes().forEach(codes::add);
        }
      } else if (der instanceof DateGrouping dg) {
        o.put("dateGrouping", dg.unit().key());
      } else if (der instanceof RollUp ru) {
        ObjectNode ro = o.putObject("rollUp");
        if (ru.byVariables() && ru.levels() == 1) {
          ro.put("parentVariable", ru.parentVariable());
        } else if (ru.byVariables()) {
          ArrayNode pvs = ro.putArray("parentVariables");
          ru.parentVariables().forEach(pvs::add);
        } else if (ru.levels() == 1) {
          ObjectNode parents = ro.putObject("parents");
          new java.util.TreeMap<>(ru.parentOf()).forEach(parents::put);
        } else {
          ArrayNode levels = ro.putArray("parents");
          for (Map<String, String> m : ru.parentMaps()) {
            ObjectNode parents = levels.addObject();
            new java.util.TreeMap<>(m).forEach(parents::put);
          }
        }
      }
    }
    return a;
  }

  /** The lowest format version that expresses the definition and its view. */
  static int versionFor(SavedTable saved) {
    return saved.view().isDefault() ? versionFor(saved.spec()) : 3;
  }

  /** The lowest format version that expresses the spec. */
  static int versionFor(TableSpec spec) {
    for (DimensionSpec d : spec.dimensions()) {
      if (d.derivation() instanceof RollUp r && r.levels() > 1) {
        return 2;
      }
    }
    return 1;
  }

  private static ObjectNode view(TableView v) {
    ObjectNode o = MAPPER.createObjectNode();
    if (v.rowSort().order() != TableView.Order.NATURAL) {
      o.set("rowSort", sort(v.rowSort()));
    }
    if (v.columnSort().order() != TableView.Order.NATURAL) {
      o.set("columnSort", sort(v.columnSort()));
    }
    if (v.hideEmpty()) {
      o.put("hideEmpty", true);
    }
    if (v.heatMap()) {
      o.put("heatMap", true);
    }
    return o;
  }

  private static ObjectNode sort(TableView.Sort s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("order", s.order().key());
    if (!s.by().isEmpty()) {
      ArrayNode by = o.putArray("by");
      s.by().forEach(by::add);
    }
    return o;
  }

  private static ObjectNode filter(Filter f) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("variable", f.variable());
    if (f instanceof CodeFilter cf) {
      ArrayNode codes = o.putArray(cf.exclude() ? "exclude" : "include");
      cf.codes().forEach(codes::add);
    } else if (f instanceof RangeFilter rf) {
      ObjectNode r = o.putObject("range");
      if (rf.lo() == Double.NEGATIVE_INFINITY) {
        r.putNull("min");
      } else {
        r.put("min", rf.lo());
      }
      if (rf.hi() == Double.POSITIVE_INFINITY) {
        r.putNull("max");
      } else {
        r.put("max", rf.hi());
      }
    } else if (f instanceof DateRangeFilter df) {
      ObjectNode r = o.putObject("dateRange");
      r.put("from", df.from() == null ? null : df.from().toString());
      r.put("to", df.to() == null ? null : df.to().toString());
    }
    return o;
  }

  /** Strict tree reader that names the path of a bad field. */
  private static final class Reader {
    private final StrictJson json;
    private int version = VERSION;

    Reader(String source) {
      this.json = StrictJson.in(source);
    }

    private InputException error(String path, String problem) {
      return json.error(path, problem);
    }

    SavedTable saved(JsonNode root) {
      if (!root.isObject()) {
        throw error("", "a table definition is a JSON object");
      }
      only(
          root,
          "",
          Set.of(
              "format",
              "version",
              "dataset",
              "rows",
              "columns",
              "wafers",
              "filters",
              "measure",
              "weight",
              "percentage",
              "view"));
      if (!FORMAT.equals(text(root, "format", true))) {
        throw error("format", "expected \"" + FORMAT + "\"");
      }
      JsonNode v = root.get("version");
      if (v == null || !v.isInt()) {
        throw error("version", "expected a whole number");
      }
      if (v.asInt() > VERSION || v.asInt() < 1) {
        throw error(
            "version",
            "version "
                + v.asInt()
                + " is not supported (this StatBench reads versions 1 to "
                + VERSION
                + ")");
      }
      version = v.asInt();
      String dataset = text(root, "dataset", true);
      List<DimensionSpec> rows = dims(root, "rows");
      List<DimensionSpec> cols = dims(root, "columns");
      List<DimensionSpec> wafers = dims(root, "wafers");
      List<Filter> filters = new ArrayList<>();
      int i = 0;
      for (JsonNode f : array(root, "filters")) {
        filters.add(filter(f, "filters[" + i++ + "]"));
      }
      String m = text(root, "measure", false);
      Measure measure;
      try {
        measure = m == null ? Measure.COUNT : Measure.parse(m);
      } catch (InputException e) {
        throw error("measure", e.getMessage());
      }
      String weight = text(root, "weight", false);
      String p = text(root, "percentage", false);
      Percentage pct;
      try {
        pct = p == null ? Percentage.NONE : Percentage.parse(p);
      } catch (InputException e) {
        throw error("percentage", e.getMessage());
      }
      TableSpec spec;
      try {
        spec = new TableSpec(dataset, rows, cols, wafers, filters, measure, weight, pct);
      } catch (InputException e) {
        throw error("", e.getMessage());
      }
      JsonNode view = root.get("view");
      if (view == null || view.isNull()) {
        return new SavedTable(spec, TableView.DEFAULT);
      }
      needVersion(3, "view");
      return new SavedTable(spec, view(view, "view"));
    }

    private TableView view(JsonNode v, String path) {
      if (!v.isObject()) {
        throw error(path, "expected an object");
      }
      only(v, path, Set.of("rowSort", "columnSort", "hideEmpty", "heatMap"));
      return new TableView(
          sort(v.get("rowSort"), path + ".rowSort"),
          sort(v.get("columnSort"), path + ".columnSort"),
          flag(v, "hideEmpty", path),
          flag(v, "heatMap", path));
    }

    private TableView.Sort sort(JsonNode s, String path) {
      if (s == null || s.isNull()) {
        return TableView.Sort.NATURAL;
      }
      if (!s.isObject()) {
        throw error(path, "expected {\"order\", \"by\"}");
      }
      only(s, path, Set.of("order", "by"));
      String key = text(s, "order", true, path);
      TableView.Order order = null;
      for (TableView.Order o : TableView.Order.values()) {
        if (o.key().equals(key)) {
          order = o;
        }
      }
      if (order == null) {
        throw error(
            path + ".order",
            "'" + key + "' is not one of natural, label_asc, label_desc, value_desc, value_asc");
      }
      List<String> by = List.of();
      if (s.has("by")) {
        if (!order.byValue()) {
          throw error(path + ".by", "only a value order (value_desc, value_asc) has a \"by\"");
        }
        by = strings(s.get("by"), path + ".by");
      }
      return new TableView.Sort(order, by);
    }

    private boolean flag(JsonNode o, String field, String path) {
      return json.flag(o, field, path);
    }

    private List<DimensionSpec> dims(JsonNode root, String field) {
      List<DimensionSpec> out = new ArrayList<>();
      int i = 0;
      for (JsonNode d : array(root, field)) {
        out.add(dim(d, field + "[" + i++ + "]"));
      }
      return out;
    }

    private DimensionSpec dim(JsonNode d, String path) {
      if (!d.isObject()) {
        throw error(path, "expected an object with a \"variable\"");
      }
      only(d, path, Set.of("variable", "total", "bands", "groups", "dateGrouping", "rollUp"));
      String variable = text(d, "variable", true, path);
      boolean total = true;
      if (d.has("total")) {
        if (!d.get("total").isBoolean()) {
          throw error(path + ".total", "expected true or false");
        }
        total = d.get("total").asBoolean();
      }
      List<Derivation> ders = new ArrayList<>();
      if (d.has("bands")) {
        ders.add(bands(d.get("bands"), path + ".bands"));
      }
      if (d.has("groups")) {
        ders.add(groups(d.get("groups"), path + ".groups"));
      }
      if (d.has("dateGrouping")) {
        try {
          ders.add(new DateGrouping(DateUnit.parse(text(d, "dateGrouping", true, path))));
        } catch (InputException e) {
          throw error(path + ".dateGrouping", e.getMessage());
        }
      }
      if (d.has("rollUp")) {
        ders.add(rollUp(d.get("rollUp"), path + ".rollUp"));
      }
      if (ders.size() > 1) {
        throw error(path, "a dimension has at most one of bands, groups, dateGrouping, rollUp");
      }
      return new DimensionSpec(variable, ders.isEmpty() ? null : ders.get(0), total);
    }

    private Bands bands(JsonNode a, String path) {
      if (!a.isArray()) {
        throw error(path, "expected an array of bands");
      }
      List<Band> out = new ArrayList<>();
      int i = 0;
      for (JsonNode b : a) {
        String p = path + "[" + i++ + "]";
        try {
          if (b.isTextual()) {
            out.add(Band.parse(b.asText()));
          } else if (b.isObject()) {
            only(b, p, Set.of("label", "min", "max"));
            double lo = number(b, "min", p, Double.NEGATIVE_INFINITY);
            double hi = number(b, "max", p, Double.POSITIVE_INFINITY);
            String label = text(b, "label", false, p);
            out.add(label == null ? Band.of(lo, hi) : new Band(lo, hi, label));
          } else {
            throw error(p, "expected \"LO-HI\" or {\"label\", \"min\", \"max\"}");
          }
        } catch (InputException e) {
          throw e.file() != null ? e : error(p, e.getMessage());
        }
      }
      try {
        return new Bands(out);
      } catch (InputException e) {
        throw error(path, e.getMessage());
      }
    }

    private CodeGroups groups(JsonNode a, String path) {
      if (!a.isArray()) {
        throw error(path, "expected an array of groups");
      }
      List<CodeGroup> out = new ArrayList<>();
      int i = 0;
      for (JsonNode g : a) {
        String p = path + "[" + i++ + "]";
        if (!g.isObject()) {
          throw error(p, "expected {\"name\", \"codes\"}");
        }
        only(g, p, Set.of("name", "codes"));
        try {
          out.add(new CodeGroup(text(g, "name", true, p), strings(g.get("codes"), p + ".codes")));
        } catch (InputException e) {
          throw e.file() != null ? e : error(p, e.getMessage());
        }
      }
      try {
        return new CodeGroups(out);
      } catch (InputException e) {
        throw error(path, e.getMessage());
      }
    }

    private RollUp rollUp(JsonNode o, String path) {
      String expected = "expected {\"parentVariable\"}, {\"parentVariables\"} or {\"parents\"}";
      if (!o.isObject()) {
        throw error(path, expected);
      }
      only(o, path, Set.of("parentVariable", "parentVariables", "parents"));
      if (o.size() != 1) {
        throw error(path, "give one of \"parentVariable\", \"parentVariables\", \"parents\"");
      }
      if (o.has("parentVariable")) {
        String pv = text(o, "parentVariable", true, path);
        return checked(() -> RollUp.toVariable(pv), path);
      }
      if (o.has("parentVariables")) {
        needVersion(2, path + ".parentVariables");
        JsonNode a = o.get("parentVariables");
        if (!a.isArray() || a.isEmpty()) {
          throw error(path + ".parentVariables", "expected a non-empty array of variable names");
        }
        List<String> vars = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
          if (!a.get(i).isTextual()) {
            throw error(path + ".parentVariables[" + i + "]", "expected a variable name");
          }
          vars.add(a.get(i).asText());
        }
        return checked(() -> RollUp.toVariables(vars), path);
      }
      JsonNode parents = o.get("parents");
      if (parents.isObject()) {
        Map<String, String> map = mapping(parents, path + ".parents");
        return checked(() -> RollUp.byMapping(map), path);
      }
      if (!parents.isArray() || parents.isEmpty()) {
        throw error(
            path + ".parents",
            "expected an object of child code to parent code, or an array of them (one per"
                + " level)");
      }
      needVersion(2, path + ".parents");
      List<Map<String, String>> levels = new ArrayList<>();
      for (int i = 0; i < parents.size(); i++) {
        String p = path + ".parents[" + i + "]";
        if (!parents.get(i).isObject()) {
          throw error(p, "expected an object of child code to parent code");
        }
        levels.add(mapping(parents.get(i), p));
      }
      return checked(() -> RollUp.byMappings(levels), path);
    }

    private RollUp checked(java.util.function.Supplier<RollUp> make, String path) {
      try {
        return make.get();
      } catch (InputException e) {
        throw error(path, e.getMessage());
      }
    }

    private Map<String, String> mapping(JsonNode parents, String path) {
      Map<String, String> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = parents.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw error(path + "." + e.getKey(), "expected a parent code");
        }
        map.put(e.getKey(), e.getValue().asText());
      }
      return map;
    }

    private void needVersion(int v, String path) {
      if (version < v) {
        throw error(path, "needs \"version\" : " + v + " or later (the file says " + version + ")");
      }
    }

    private Filter filter(JsonNode f, String path) {
      if (!f.isObject()) {
        throw error(path, "expected an object with a \"variable\"");
      }
      only(f, path, Set.of("variable", "include", "exclude", "range", "dateRange"));
      String variable = text(f, "variable", true, path);
      int kinds =
          (f.has("include") ? 1 : 0)
              + (f.has("exclude") ? 1 : 0)
              + (f.has("range") ? 1 : 0)
              + (f.has("dateRange") ? 1 : 0);
      if (kinds != 1) {
        throw error(path, "give exactly one of include, exclude, range, dateRange");
      }
      try {
        if (f.has("include") || f.has("exclude")) {
          boolean ex = f.has("exclude");
          String field = ex ? "exclude" : "include";
          return new CodeFilter(variable, strings(f.get(field), path + "." + field), ex);
        }
        if (f.has("range")) {
          JsonNode r = f.get("range");
          String p = path + ".range";
          if (!r.isObject()) {
            throw error(p, "expected {\"min\", \"max\"}");
          }
          only(r, p, Set.of("min", "max"));
          return new RangeFilter(
              variable,
              number(r, "min", p, Double.NEGATIVE_INFINITY),
              number(r, "max", p, Double.POSITIVE_INFINITY));
        }
        JsonNode r = f.get("dateRange");
        String p = path + ".dateRange";
        if (!r.isObject()) {
          throw error(p, "expected {\"from\", \"to\"}");
        }
        only(r, p, Set.of("from", "to"));
        return new DateRangeFilter(variable, date(r, "from", p), date(r, "to", p));
      } catch (InputException e) {
        throw e.file() != null ? e : error(path, e.getMessage());
      }
    }

    private LocalDate date(JsonNode o, String field, String path) {
      String s = text(o, field, false, path);
      try {
        return s == null ? null : LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw error(path + "." + field, "'" + s + "' is not a date YYYY-MM-DD");
      }
    }

    private double number(JsonNode o, String field, String path, double absent) {
      return json.number(o, field, path, absent);
    }

    private List<String> strings(JsonNode a, String path) {
      return json.strings(a, path, "codes");
    }

    private Iterable<JsonNode> array(JsonNode root, String field) {
      return json.array(root, field, "");
    }

    private String text(JsonNode o, String field, boolean required) {
      return text(o, field, required, "");
    }

    private String text(JsonNode o, String field, boolean required, String path) {
      return json.text(o, field, required, path);
    }

    private void only(JsonNode o, String path, Set<String> allowed) {
      json.only(o, path, allowed);
    }
  }
}
