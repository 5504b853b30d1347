package org.statbench.tabulate.sql;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.StatBenchException;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Band;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Category;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;
import org.statbench.tabulate.Cube;
import org.statbench.tabulate.DimensionPlan;
import org.statbench.tabulate.DimensionPlanner;
import org.statbench.tabulate.ValueSet;
import org.statbench.tabulate.WeightedQuantiles;

// Size (over 500 lines): one SQL generator for every TableSpec feature (dimensions, bands, groups,
// roll-ups, filters, every measure) that must stay equal to the kernel cell by cell
// (PushDownEquivalenceTest).

/**
 * Answers a {@link TableSpec} by SQL over a row table: one column per variable, one row per record,
 * SQL NULL for a missing value. Categories are planned exactly as the columnar kernel plans them
 * (from {@code SELECT DISTINCT} over the whole table, plus optional codelists), each dimension
 * becomes a {@code CASE} expression giving its table position, and every combination of levels
 * (category, roll-up parent, total) is one {@code GROUP BY} joined by {@code UNION ALL}. Order
 * statistics and top contributions use {@code ROW_NUMBER()} windows. The result equals the kernel's
 * table cell by cell (sums of non-integers may differ in the last bits: addition order).
 *
 * <p>Variable types come from the JDBC column types: character types are categorical, integer types
 * INTEGER, other numbers DECIMAL, DATE dates. The {@code dataset} of the spec is not used: the row
 * table is given here. Not thread-safe (one JDBC connection).
 *
 * <p>Awaiting its product caller: the push-down engine for the database-sources feature; see the
 * package documentation. Only tests call it today.
 */
public final class SqlTabulator {
  private static final long MAX_CELLS = 10_000_000L;

  private final Connection connection;
  private final String table;
  private final Map<String, List<String>> codelists;
  private Map<String, VariableType> types;

  /**
   * @param connection an open connection; not closed by this class
   * @param table the row table as a SQL table reference (trusted text, e.g. {@code "claims"} or
   *     {@code public."claims"}); column names are quoted
   * @param codelists per categorical variable its full codelist, so that codes without records
   *     still get a category (as in the store's dictionaries); may be empty
   */
  public SqlTabulator(Connection connection, String table, Map<String, List<String>> codelists) {
    this.connection = Objects.requireNonNull(connection);
    this.table = Objects.requireNonNull(table);
    this.codelists = Map.copyOf(codelists);
  }

  /**
   * Computes the table.
   *
   * @throws InputException naming the variable when it is unknown or of the wrong type
   * @throws StatBenchException when the database fails
   * @throws org.statbench.core.CancelledException when cancelled (checked between queries)
   */
  public Table tabulate(TableSpec spec, CancellationToken cancel) {
    try {
      return run(spec, cancel);
    } catch (SQLException e) {
      throw new StatBenchException("SQL push-down failed: " + e.getMessage(), e);
    }
  }

  private Table run(TableSpec spec, CancellationToken cancel) throws SQLException {
    Map<String, VariableType> t = types();
    for (String v : spec.variables()) {
      if (!t.containsKey(v)) {
        throw new InputException("Unknown variable '" + v + "' in table " + table);
      }
    }
    List<DimensionSpec> dims = spec.dimensions();
    List<DimensionPlan> plans = new ArrayList<>();
    List<DimensionRole> roles = new ArrayList<>();
    List<Distinct> distincts = new ArrayList<>();
    long fullCells = 1;
    for (int i = 0; i < dims.size(); i++) {
      DimensionSpec ds = dims.get(i);
      Distinct d = distinct(ds.variable());
      List<Map<String, String>> parents = null;
      if (ds.derivation() instanceof RollUp r && r.byVariables()) {
        parents = new ArrayList<>();
        String child = ds.variable();
        for (String pv : r.parentVariables()) {
          parents.add(parents(child, pv));
          child = pv;
        }
      }
      plans.add(DimensionPlanner.plan(ds, d.values, parents).withTotal(ds.total()));
      fullCells *= plans.get(i).fullSize();
      if (fullCells > MAX_CELLS) {
        throw new InputException(
            "The table would have more than " + MAX_CELLS + " cells: remove or band a variable");
      }
      roles.add(spec.role(i));
      distincts.add(d);
      cancel.throwIfCancelled();
    }
    Measure m = spec.measure();
    boolean magnitude = m.kind() != MeasureKind.COUNT;
    String v = magnitude ? q(m.variable()) : null;
    if (magnitude) {
      VariableType vt = t.get(m.variable());
      if (!vt.isNumeric() && m.kind() != MeasureKind.DISTINCT_COUNT) {
        throw new InputException(
            "Measure "
                + m.label()
                + " needs a numeric variable: '"
                + m.variable()
                + "' is "
                + vt.key());
      }
    }
    boolean weighted = spec.weight() != null;
    if (weighted && !t.get(spec.weight()).isNumeric()) {
      throw new InputException(
          "Weight needs a numeric variable: '"
              + spec.weight()
              + "' is "
              + t.get(spec.weight()).key());
    }
    String w = weighted ? "COALESCE(" + q(spec.weight()) + ", 0)" : null;

    // the filtered records with each dimension's category position: q(p0, p1, ..., v, w)
    StringBuilder base = new StringBuilder("SELECT ");
    for (int d = 0; d < plans.size(); d++) {
      base.append(leafExpression(dims.get(d), plans.get(d), distincts.get(d)))
          .append(" AS p")
          .append(d)
          .append(", ");
    }
    base.append(magnitude ? v : "1").append(" AS v, ").append(weighted ? w : "1").append(" AS w");
    base.append(" FROM ").append(table);
    List<String> where = new ArrayList<>();
    for (Filter f : spec.filters()) {
      where.add(filterCondition(f, t.get(f.variable())));
    }
    if (magnitude) {
      where.add(v + " IS NOT NULL");
    }
    if (!where.isEmpty()) {
      base.append(" WHERE ").append(String.join(" AND ", where));
    }

    List<int[]> sets = groupingSets(plans);
    Cube cube = Cube.empty(plans, roles, magnitude, weighted);
    boolean numericValues = magnitude && m.kind() != MeasureKind.DISTINCT_COUNT;
    String contribution = weighted ? "v * w" : "v";

    // aggregates per grouping set
    List<String> selects = new ArrayList<>();
    for (int[] set : sets) {
      StringBuilder s = new StringBuilder("SELECT ");
      for (int d = 0; d < plans.size(); d++) {
        s.append(positionExpression(plans.get(d), set[d], d))
            .append(" AS g")
            .append(d)
            .append(", ");
      }
      s.append("COUNT(*) AS n, SUM(w) AS sw");
      if (numericValues) {
        s.append(", SUM(")
            .append(contribution)
            .append(") AS s, MIN(v) AS mn, MAX(v) AS mx, MIN(")
            .append(contribution)
            .append(") AS mc");
      } else if (magnitude) {
        s.append(", COUNT(DISTINCT v) AS dc");
      }
      s.append(" FROM q");
      List<String> groupBy = groupBy(plans, set);
      if (!groupBy.isEmpty()) {
        s.append(" GROUP BY ").append(String.join(", ", groupBy));
      }
      selects.add(s.toString());
    }
    String sql = "WITH q AS (" + base + ") " + String.join(" UNION ALL ", selects);
    double[] distinctCounts = magnitude && !numericValues ? new double[cube.cells()] : null;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int nd = plans.size();
      int[] pos = new int[nd];
      while (rs.next()) {
        if (!positions(rs, nd, pos)) {
          continue;
        }
        int f = cube.index(pos);
        long n = rs.getLong(nd + 1);
        double sw = rs.getDouble(nd + 2);
        if (numericValues) {
          double mc = rs.getDouble(nd + 6);
          cube.set(
              f,
              n,
              rs.getDouble(nd + 3),
              sw,
              rs.getDouble(nd + 4),
              rs.getDouble(nd + 5),
              mc < 0,
              new double[0]);
        } else {
          cube.set(f, n, 0, sw, Double.NaN, Double.NaN, false, new double[0]);
          if (distinctCounts != null) {
            distinctCounts[f] = rs.getLong(nd + 3);
          }
        }
      }
    }
    cancel.throwIfCancelled();
    if (numericValues) {
      topContributions(cube, base.toString(), plans, sets, contribution);
      cancel.throwIfCancelled();
    }
    double[] values;
    if (weighted && (m.kind() == MeasureKind.MEDIAN || m.kind() == MeasureKind.PERCENTILE)) {
      values = weightedPercentiles(base.toString(), plans, m, spec.weight(), cancel);
    } else if (m.kind() == MeasureKind.MEDIAN || m.kind() == MeasureKind.PERCENTILE) {
      values = percentiles(cube, base.toString(), plans, sets, Cube.percentileOf(m));
    } else if (m.kind() == MeasureKind.DISTINCT_COUNT) {
      values = distinctCounts;
    } else {
      values = cube.values(m, weighted);
    }
    values = cube.percentages(values, spec.percentage());
    return cube.toTable(spec.dataset(), m, weighted, values, m.kind().isMagnitude());
  }

  /** Reads the grouping columns; false when a position is NULL (a leaf without that parent). */
  private static boolean positions(ResultSet rs, int nd, int[] pos) throws SQLException {
    for (int d = 0; d < nd; d++) {
      int p = rs.getInt(d + 1);
      if (rs.wasNull()) {
        return false;
      }
      pos[d] = p;
    }
    return true;
  }

  private void topContributions(
      Cube cube, String base, List<DimensionPlan> plans, List<int[]> sets, String contribution)
      throws SQLException {
    List<String> selects = new ArrayList<>();
    for (int[] set : sets) {
      List<String> g = new ArrayList<>();
      StringBuilder s = new StringBuilder("SELECT ");
      for (int d = 0; d < plans.size(); d++) {
        String e = positionExpression(plans.get(d), set[d], d);
        s.append(e).append(" AS g").append(d).append(", ");
        if (set[d] != TOTAL) {
          g.add(e);
        }
      }
      s.append("ABS(").append(contribution).append(") AS a, ROW_NUMBER() OVER (");
      if (!g.isEmpty()) {
        s.append("PARTITION BY ").append(String.join(", ", g)).append(' ');
      }
      s.append("ORDER BY ABS(").append(contribution).append(") DESC) AS rn FROM q");
      selects.add(
          "SELECT * FROM ("
              + s
              + ") t"
              + selects.size()
              + " WHERE rn <= "
              + Table.TOP_CONTRIBUTIONS);
    }
    String sql = "WITH q AS (" + base + ") " + String.join(" UNION ALL ", selects);
    Map<Integer, List<Double>> tops = new HashMap<>();
    int nd = plans.size();
    int[] pos = new int[nd];
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        if (positions(rs, nd, pos)) {
          tops.computeIfAbsent(cube.index(pos), k -> new ArrayList<>()).add(rs.getDouble(nd + 1));
        }
      }
    }
    for (Map.Entry<Integer, List<Double>> e : tops.entrySet()) {
      double[] a = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] desc = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        desc[i] = a[a.length - 1 - i];
      }
      cube.setTop(e.getKey(), desc);
    }
  }

  /**
   * Weighted percentiles ({@link WeightedQuantiles}): one scan of the filtered records sorted by
   * value and weight, each with its leaf positions, from which every cell (margins and parents
   * included) is computed exactly as the columnar kernel computes it.
   */
  private double[] weightedPercentiles(
      String base, List<DimensionPlan> plans, Measure m, String weight, CancellationToken cancel)
      throws SQLException {
    int nd = plans.size();
    int[] ls = Cube.leafStrides(plans);
    List<Map<Integer, Integer>> leafAt = new ArrayList<>();
    for (DimensionPlan p : plans) {
      Map<Integer, Integer> at = new HashMap<>();
      for (int l = 0; l < p.leafCount(); l++) {
        at.put(p.leafPos()[l], l);
      }
      leafAt.add(at);
    }
    StringBuilder s = new StringBuilder("SELECT ");
    for (int d = 0; d < nd; d++) {
      s.append("p").append(d).append(", ");
    }
    s.append("v, w FROM q ORDER BY v, w");
    String sql = "WITH q AS (" + base + ") " + s;
    int n = 0;
    int[] cell = new int[1024];
    double[] v = new double[1024];
    double[] w = new double[1024];
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        if ((n & 0xFFFF) == 0) {
          cancel.throwIfCancelled();
        }
        int c = 1;
        boolean dropped = false;
        for (int d = 0; d < nd; d++) {
          int pos = rs.getInt(d + 1);
          if (rs.wasNull()) {
            dropped = true;
            break;
          }
          c += leafAt.get(d).get(pos) * ls[d];
        }
        if (dropped) {
          continue;
        }
        if (n == cell.length) {
          cell = java.util.Arrays.copyOf(cell, n * 2);
          v = java.util.Arrays.copyOf(v, n * 2);
          w = java.util.Arrays.copyOf(w, n * 2);
        }
        cell[n] = c;
        v[n] = rs.getDouble(nd + 1);
        w[n] = rs.getDouble(nd + 2);
        n++;
      }
    }
    return WeightedQuantiles.compute(plans, cell, v, w, n, Cube.percentileOf(m), weight, cancel);
  }

  /**
   * Percentiles by the engine's definition: with {@code h = n p / 100}, rows ranked {@code
   * ceil(h)..floor(h)+1} are the one value (h fractional) or the two values to average (h whole).
   */
  private double[] percentiles(
      Cube cube, String base, List<DimensionPlan> plans, List<int[]> sets, double p)
      throws SQLException {
    String pLit = NumericColumn.formatNumber(p);
    List<String> selects = new ArrayList<>();
    for (int[] set : sets) {
      List<String> g = new ArrayList<>();
      StringBuilder s = new StringBuilder("SELECT ");
      for (int d = 0; d < plans.size(); d++) {
        String e = positionExpression(plans.get(d), set[d], d);
        s.append(e).append(" AS g").append(d).append(", ");
        if (set[d] != TOTAL) {
          g.add(e);
        }
      }
      String partition = g.isEmpty() ? "" : "PARTITION BY " + String.join(", ", g) + " ";
      s.append("v, ROW_NUMBER() OVER (")
          .append(partition)
          .append("ORDER BY v) AS rn, COUNT(*) OVER (")
          .append(partition.trim())
          .append(") AS cnt FROM q");
      selects.add(
          "SELECT * FROM ("
              + s
              + ") t"
              + selects.size()
              + " WHERE rn >= CEIL(cnt * "
              + pLit
              + " / 100.0) AND rn <= FLOOR(cnt * "
              + pLit
              + " / 100.0) + 1");
    }
    String sql = "WITH q AS (" + base + ") " + String.join(" UNION ALL ", selects);
    double[] sum = new double[cube.cells()];
    int[] k = new int[cube.cells()];
    int nd = plans.size();
    int[] pos = new int[nd];
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        if (positions(rs, nd, pos)) {
          int f = cube.index(pos);
          sum[f] += rs.getDouble(nd + 1);
          k[f]++;
        }
      }
    }
    double[] out = new double[cube.cells()];
    for (int f = 0; f < out.length; f++) {
      out[f] = k[f] == 0 ? Double.NaN : k[f] == 1 ? sum[f] : sum[f] / 2;
    }
    return out;
  }

  private static final int TOTAL = -1;
  private static final int LEAF = 0;

  /**
   * Every combination of levels: per dimension LEAF, TOTAL, or (roll-ups only) a parent depth
   * {@code k >= 1}, which groups each record under its leaf's ancestor at depth {@code k} counted
   * from the total (1 = the parents directly under the total). Every parent has one depth, so each
   * parent position comes from exactly one grouping set.
   */
  private static List<int[]> groupingSets(List<DimensionPlan> plans) {
    List<int[]> sets = new ArrayList<>();
    sets.add(new int[plans.size()]);
    for (int d = 0; d < plans.size(); d++) {
      int depth = 0;
      for (int[] a : plans.get(d).ancestors()) {
        depth = Math.max(depth, a.length);
      }
      List<int[]> next = new ArrayList<>();
      for (int[] s : sets) {
        int[] leaf = s.clone();
        leaf[d] = LEAF;
        next.add(leaf);
        for (int k = 1; k <= depth; k++) {
          int[] par = s.clone();
          par[d] = k;
          next.add(par);
        }
        int[] tot = s.clone();
        tot[d] = TOTAL;
        next.add(tot);
      }
      sets = next;
    }
    return sets;
  }

  private static List<String> groupBy(List<DimensionPlan> plans, int[] set) {
    List<String> g = new ArrayList<>();
    for (int d = 0; d < plans.size(); d++) {
      if (set[d] != TOTAL) {
        g.add(positionExpression(plans.get(d), set[d], d));
      }
    }
    return g;
  }

  /** The position of a record in dimension d at a level, over q's leaf-position column p{d}. */
  private static String positionExpression(DimensionPlan plan, int level, int d) {
    if (level == TOTAL) {
      return Integer.toString(plan.totalPos());
    }
    if (level == LEAF) {
      return "p" + d;
    }
    // parent depth: map each leaf position to its ancestor at that depth, NULL for leaves whose
    // chain of parents is shorter
    StringBuilder s = new StringBuilder("CASE p" + d);
    boolean any = false;
    for (int l = 0; l < plan.leafCount(); l++) {
      int[] anc = plan.ancestors()[l];
      if (anc.length >= level) {
        s.append(" WHEN ")
            .append(plan.leafPos()[l])
            .append(" THEN ")
            .append(anc[anc.length - level]);
        any = true;
      }
    }
    return any ? s.append(" END").toString() : "CAST(NULL AS INTEGER)";
  }

  /** CASE expression giving a record's leaf position in the dimension. */
  private String leafExpression(DimensionSpec ds, DimensionPlan plan, Distinct d) {
    String col = q(ds.variable());
    StringBuilder s = new StringBuilder("CASE");
    s.append(" WHEN ").append(col).append(" IS NULL THEN ");
    s.append(plan.missingLeaf() < 0 ? "NULL" : plan.leafPos()[plan.missingLeaf()]);
    if (ds.derivation() instanceof Bands b && d.values.type().isNumeric()) {
      // ranges, first band wins, like Bands.bandOf
      for (Band band : b.bands()) {
        Integer leaf = leafOf(plan, band.label());
        List<String> cond = new ArrayList<>();
        // exact doubles, as the kernel compares (a half-open band's end is Math.nextDown(HI))
        if (band.lo() != Double.NEGATIVE_INFINITY) {
          cond.add(col + " >= " + sqlNumber(band.lo()));
        }
        if (band.hi() != Double.POSITIVE_INFINITY) {
          cond.add(col + " <= " + sqlNumber(band.hi()));
        }
        s.append(" WHEN ")
            .append(cond.isEmpty() ? "1 = 1" : String.join(" AND ", cond))
            .append(" THEN ")
            .append(plan.leafPos()[leaf]);
      }
      Integer other = leafOf(plan, Bands.OTHER);
      s.append(" ELSE ").append(other == null ? "NULL" : plan.leafPos()[other]).append(" END");
      return s.toString();
    }
    for (int c = 0; c < d.values.size(); c++) {
      if (d.literals[c] == null) {
        continue; // a codelist entry absent from the table
      }
      s.append(" WHEN ")
          .append(col)
          .append(" = ")
          .append(d.literals[c])
          .append(" THEN ")
          .append(plan.leafPos()[plan.leafOfCode()[c]]);
    }
    return s.append(" END").toString();
  }

  private static Integer leafOf(DimensionPlan plan, String code) {
    for (int l = 0; l < plan.leafCount(); l++) {
      if (plan.categories().get(plan.leafPos()[l]).code().equals(code)) {
        return l;
      }
    }
    return null;
  }

  private String filterCondition(Filter f, VariableType type) throws SQLException {
    String col = q(f.variable());
    if (f instanceof CodeFilter cf) {
      Distinct d = distinct(f.variable());
      Set<String> codes = new HashSet<>(cf.codes());
      List<String> lits = new ArrayList<>();
      for (int c = 0; c < d.values.size(); c++) {
        if (d.literals[c] != null && codes.contains(d.values.labels()[c])) {
          lits.add(d.literals[c]);
        }
      }
      boolean missing = codes.contains(Category.MISSING);
      String in = lits.isEmpty() ? "1 = 0" : col + " IN (" + String.join(", ", lits) + ")";
      if (!cf.exclude()) {
        return "(" + in + (missing ? " OR " + col + " IS NULL" : "") + ")";
      }
      String notIn = lits.isEmpty() ? "1 = 1" : col + " NOT IN (" + String.join(", ", lits) + ")";
      return missing
          ? "(" + col + " IS NOT NULL AND " + notIn + ")"
          : "(" + col + " IS NULL OR " + notIn + ")";
    }
    if (f instanceof RangeFilter rf) {
      if (!type.isNumeric()) {
        throw new InputException(
            "Range filter needs a numeric variable: '" + f.variable() + "' is " + type.key());
      }
      List<String> c = new ArrayList<>();
      c.add(col + " IS NOT NULL");
      if (rf.lo() != Double.NEGATIVE_INFINITY) {
        c.add(col + " >= " + NumericColumn.formatNumber(rf.lo()));
      }
      if (rf.hi() != Double.POSITIVE_INFINITY) {
        c.add(col + " <= " + NumericColumn.formatNumber(rf.hi()));
      }
      return "(" + String.join(" AND ", c) + ")";
    }
    DateRangeFilter df = (DateRangeFilter) f;
    if (type != VariableType.DATE) {
      throw new InputException(
          "Date range filter needs a date variable: '" + f.variable() + "' is " + type.key());
    }
    List<String> c = new ArrayList<>();
    c.add(col + " IS NOT NULL");
    if (df.from() != null) {
      c.add(col + " >= DATE '" + df.from() + "'");
    }
    if (df.to() != null) {
      c.add(col + " <= DATE '" + df.to() + "'");
    }
    return "(" + String.join(" AND ", c) + ")";
  }

  /** A variable's distinct values over the whole table, with their SQL literals. */
  private record Distinct(ValueSet values, String[] literals) {}

  private final Map<String, Distinct> distinctCache = new HashMap<>();

  private Distinct distinct(String variable) throws SQLException {
    Distinct cached = distinctCache.get(variable);
    if (cached != null) {
      return cached;
    }
    VariableType type = types().get(variable);
    List<String> labels = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    List<Double> numbers = new ArrayList<>();
    List<Integer> days = new ArrayList<>();
    boolean missing = false;
    String col = q(variable);
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT DISTINCT " + col + " FROM " + table)) {
      while (rs.next()) {
        switch (type) {
          case DATE -> {
            Date d = rs.getDate(1);
            if (d == null) {
              missing = true;
            } else {
              LocalDate ld = d.toLocalDate();
              labels.add(ld.toString());
              literals.add("DATE '" + ld + "'");
              numbers.add(Double.NaN);
              days.add((int) ld.toEpochDay());
            }
          }
          case INTEGER, DECIMAL -> {
            double x = rs.getDouble(1);
            if (rs.wasNull()) {
              missing = true;
            } else {
              labels.add(NumericColumn.formatNumber(x));
              literals.add(sqlNumber(x));
              numbers.add(x);
            }
          }
          default -> {
            String s = rs.getString(1);
            if (s == null) {
              missing = true;
            } else {
              labels.add(s);
              literals.add("'" + s.replace("'", "''") + "'");
              numbers.add(ValueSet.parseNumber(s));
            }
          }
        }
      }
    }
    if (!type.isNumeric() && type != VariableType.DATE) {
      Set<String> seen = new HashSet<>(labels);
      for (String c : codelists.getOrDefault(variable, List.of())) {
        if (seen.add(c)) {
          labels.add(c);
          literals.add(null);
          numbers.add(ValueSet.parseNumber(c));
        }
      }
    }
    ValueSet vs =
        new ValueSet(
            variable,
            type,
            labels.toArray(String[]::new),
            numbers.stream().mapToDouble(Double::doubleValue).toArray(),
            type == VariableType.DATE ? days.stream().mapToInt(Integer::intValue).toArray() : null,
            missing);
    Distinct d = new Distinct(vs, literals.toArray(String[]::new));
    distinctCache.put(variable, d);
    return d;
  }

  private static String sqlNumber(double x) {
    // an exact decimal literal of the double, cast so both sides compare as doubles
    return "CAST(" + new java.math.BigDecimal(x).toPlainString() + " AS DOUBLE PRECISION)";
  }

  /** Each child code's parent label from the table, checked to be unique. */
  private Map<String, String> parents(String variable, String parentVariable) throws SQLException {
    Map<String, String> out = new HashMap<>();
    String sql =
        "SELECT DISTINCT "
            + q(variable)
            + ", "
            + q(parentVariable)
            + " FROM "
            + table
            + " WHERE "
            + q(variable)
            + " IS NOT NULL AND "
            + q(parentVariable)
            + " IS NOT NULL";
    VariableType ct = types().get(variable);
    VariableType pt = types().get(parentVariable);
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String c = label(rs, 1, ct);
        String p = label(rs, 2, pt);
        String seen = out.get(c);
        if (seen != null && !seen.equals(p)) {
          throw new InputException(
              "Cannot roll '"
                  + variable
                  + "' up to '"
                  + parentVariable
                  + "': code '"
                  + c
                  + "' has two parents, '"
                  + seen
                  + "' and '"
                  + p
                  + "'");
        }
        out.put(c, p);
      }
    }
    return out;
  }

  private static String label(ResultSet rs, int i, VariableType t) throws SQLException {
    return switch (t) {
      case DATE -> rs.getDate(i).toLocalDate().toString();
      case INTEGER, DECIMAL -> NumericColumn.formatNumber(rs.getDouble(i));
      default -> rs.getString(i);
    };
  }

  private Map<String, VariableType> types() throws SQLException {
    if (types == null) {
      Map<String, VariableType> m = new LinkedHashMap<>();
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          m.put(md.getColumnLabel(i), typeOf(md.getColumnType(i)));
        }
      }
      types = m;
    }
    return types;
  }

  private static VariableType typeOf(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> VariableType.INTEGER;
      case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL ->
          VariableType.DECIMAL;
      case Types.DATE -> VariableType.DATE;
      default -> VariableType.CATEGORICAL;
    };
  }

  /** A quoted identifier. */
  static String q(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
