package org.statbench.tabulate.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.StatBenchException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
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
import org.statbench.tabulate.ParentCodes;
import org.statbench.tabulate.ValueSet;
import org.statbench.tabulate.WeightedQuantiles;

// Size (over 500 lines): one SQL generator for every TableSpec feature (dimensions, bands, groups,
// roll-ups, filters, every measure) that must stay equal to the kernel cell by cell
// (PushDownEquivalenceTest).

/**
 * Answers a {@link TableSpec} by SQL over a row table: one column per variable, one row per record,
 * SQL NULL for a missing value. Categories are planned exactly as the columnar kernel plans them
 * (from the distinct values of the whole table, plus optional codelists). A plain dimension groups
 * by its column as it is (its values are mapped to table positions here, so the server does what a
 * hand-written {@code GROUP BY} does); a derived one (bands, groups, roll-ups, date groupings)
 * becomes a {@code CASE} giving its table position. Every combination of levels (category, roll-up
 * parent, total) is one grouping set of a single {@code GROUP BY GROUPING SETS} where the {@link
 * Dialect} has it, else one {@code GROUP BY} each joined by {@code UNION ALL}. Order statistics and
 * top contributions use {@code ROW_NUMBER()} windows. The result equals the kernel's table cell by
 * cell (sums of non-integers may differ in the last bits: addition order).
 *
 * <p>Safety: identifiers are quoted by the dialect; every value from the data or the user (codes,
 * band limits, dates, percentiles) is a bind parameter; queries run through a {@link SqlRunner}
 * (statement timeout, cancellation on the server).
 *
 * <p>Variable types come from the column types: character types are categorical, integer types
 * INTEGER, other numbers DECIMAL, DATE dates. The {@code dataset} of the spec is not used: the row
 * table is given here. Not thread-safe (one connection).
 */
public final class SqlTabulator {
  private static final long MAX_CELLS = 10_000_000L;

  /** Most distinct values read for one dimension, unless another limit is given. */
  public static final int DEFAULT_DISTINCT_LIMIT = 100_000;

  private static final int TOTAL = -1;
  private static final int LEAF = 0;
  private static final int SKIP = -2;
  private static final double KEY_MODULUS = 4294967296.0;

  private final SqlRunner runner;
  private final Dialect dialect;
  private final String from;
  private final Map<String, List<String>> codelists;
  private final int distinctLimit;
  private Map<String, VariableType> types;
  private final Map<String, Distinct> distinctCache = new HashMap<>();

  /**
   * Push-down over an open connection, its dialect from the driver.
   *
   * @param connection an open connection; not closed by this class
   * @param table the row table as a SQL table reference (trusted text, e.g. {@code "claims"} or
   *     {@code public."claims"}); column names are quoted
   * @param codelists per categorical variable its full codelist, so that codes without records
   *     still get a category (as in the store's dictionaries); may be empty
   */
  public SqlTabulator(
      java.sql.Connection connection, String table, Map<String, List<String>> codelists) {
    this(
        new JdbcRunner(connection, 0),
        Dialect.forConnection(connection),
        table,
        codelists,
        DEFAULT_DISTINCT_LIMIT);
  }

  /**
   * @param runner runs the queries
   * @param dialect the engine's dialect
   * @param from the relation as {@code FROM} text (trusted: built by {@link DatabaseSources} from
   *     quoted parts, or a parenthesised query with an alias)
   * @param codelists per categorical variable its full codelist; may be empty
   * @param distinctLimit most distinct values of one dimension before the table is refused
   */
  public SqlTabulator(
      SqlRunner runner,
      Dialect dialect,
      String from,
      Map<String, List<String>> codelists,
      int distinctLimit) {
    this.runner = Objects.requireNonNull(runner);
    this.dialect = Objects.requireNonNull(dialect);
    this.from = Objects.requireNonNull(from);
    this.codelists = Map.copyOf(codelists);
    this.distinctLimit = distinctLimit;
  }

  /**
   * Computes the table.
   *
   * @throws InputException naming the variable when it is unknown or of the wrong type
   * @throws StatBenchException when the database fails
   * @throws org.statbench.core.CancelledException when cancelled (the running query is cancelled)
   */
  public Table tabulate(TableSpec spec, CancellationToken cancel) {
    return run(spec, false, cancel);
  }

  /**
   * Computes the table with per-cell keys for cell-key perturbation: each cell's key is the sum,
   * modulo 2^32, of its records' keys (the {@link Dialect#recordKey} hash of the record's values,
   * whole numbers so the sum is exact in any order) divided by 2^32. The same records give the same
   * key in every table of the source. Computed in the same query as the table.
   *
   * @throws InputException when the engine has no hash function for record keys
   */
  public Table tabulateWithCellKeys(TableSpec spec, CancellationToken cancel) {
    return run(spec, true, cancel);
  }

  /**
   * The records as columns for engines that need them one by one (cohort tracking), computed by the
   * server as {@code GROUP BY} over the variables with a count: each distinct combination comes
   * back once and is repeated here as many times as it occurs, so the columns hold the same records
   * (in another order) as an import of the relation would.
   *
   * @throws InputException when a variable is unknown or there are too many records for memory
   */
  public DatasetColumns groupedRecords(
      String dataset, List<String> variables, CancellationToken cancel) {
    Map<String, VariableType> t = types();
    List<String> cols = new ArrayList<>();
    for (String v : variables) {
      if (!t.containsKey(v)) {
        throw new InputException("Unknown variable '" + v + "' in the database source");
      }
      cols.add(dialect.quote(v));
    }
    String list = String.join(", ", cols);
    String sql =
        cols.isEmpty()
            ? "SELECT COUNT(*) FROM " + from
            : "SELECT " + list + ", COUNT(*) FROM " + from + " GROUP BY " + list;
    List<Object[]> rows = runner.query(sql, List.of(), cancel);
    int nv = variables.size();
    long total = 0;
    for (Object[] row : rows) {
      total += num(row[nv]).longValue();
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new InputException(
          "The source has "
              + total
              + " records, too many to follow one by one: filter them in a view or query");
    }
    int n = (int) total;
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < nv; i++) {
      VariableType type = t.get(variables.get(i));
      int r = 0;
      switch (type) {
        case DATE -> {
          int[] days = new int[n];
          for (Object[] row : rows) {
            int c = (int) num(row[nv]).longValue();
            int day = row[i] == null ? DateColumn.MISSING : (int) date(row[i]).toEpochDay();
            java.util.Arrays.fill(days, r, r + c, day);
            r += c;
          }
          out.add(new DateColumn(variables.get(i), days));
        }
        case INTEGER, DECIMAL -> {
          double[] x = new double[n];
          for (Object[] row : rows) {
            int c = (int) num(row[nv]).longValue();
            java.util.Arrays.fill(
                x, r, r + c, row[i] == null ? Double.NaN : num(row[i]).doubleValue());
            r += c;
          }
          out.add(new NumericColumn(variables.get(i), type, x));
        }
        default -> {
          Map<String, Integer> codeOf = new LinkedHashMap<>();
          int[] codes = new int[n];
          for (Object[] row : rows) {
            int c = (int) num(row[nv]).longValue();
            int code =
                row[i] == null
                    ? CategoricalColumn.MISSING
                    : codeOf.computeIfAbsent(label(row[i], type), k -> codeOf.size());
            java.util.Arrays.fill(codes, r, r + c, code);
            r += c;
          }
          out.add(
              CategoricalColumn.of(
                  variables.get(i), type, new ArrayList<>(codeOf.keySet()), codes));
        }
      }
    }
    return new DatasetColumns(dataset, n, columnMap(out));
  }

  private static Map<String, Column> columnMap(List<Column> columns) {
    Map<String, Column> m = new LinkedHashMap<>();
    for (Column c : columns) {
      m.put(c.name(), c);
    }
    return m;
  }

  /** The columns of the relation and their types. */
  public Map<String, VariableType> types() {
    if (types == null) {
      types = runner.columns(from);
    }
    return types;
  }

  private Table run(TableSpec spec, boolean cellKeys, CancellationToken cancel) {
    Map<String, VariableType> t = types();
    for (String v : spec.variables()) {
      if (!t.containsKey(v)) {
        throw new InputException("Unknown variable '" + v + "' in the database source");
      }
    }
    List<DimensionSpec> dims = spec.dimensions();
    int nd = dims.size();
    Measure m = spec.measure();
    boolean magnitude = m.kind() != MeasureKind.COUNT;
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
    String recordKey = null;
    if (cellKeys) {
      recordKey = dialect.recordKey(t.keySet().stream().map(dialect::quote).toList());
      if (recordKey == null) {
        throw new InputException(
            dialect.name()
                + " has no hash function StatBench knows for cell keys: protect this table by"
                + " suppression or rounding instead of perturbation");
      }
    }
    // A plain dimension groups by its column; its categories come from the result itself when no
    // filter hides records (every value then appears in the all-leaf grouping set), else from a
    // SELECT DISTINCT first.
    boolean filtered = !spec.filters().isEmpty();
    boolean[] raw = new boolean[nd];
    DimensionPlan[] plans = new DimensionPlan[nd];
    Distinct[] distincts = new Distinct[nd];
    List<DimensionRole> roles = new ArrayList<>();
    for (int i = 0; i < nd; i++) {
      DimensionSpec ds = dims.get(i);
      raw[i] = ds.derivation() == null;
      roles.add(spec.role(i));
      if (raw[i] && !filtered) {
        continue;
      }
      Distinct d = distinct(ds.variable(), cancel);
      distincts[i] = d;
      List<Map<String, String>> parents = null;
      if (ds.derivation() instanceof RollUp r && r.byVariables()) {
        parents = new ArrayList<>();
        String child = ds.variable();
        for (String pv : r.parentVariables()) {
          parents.add(parents(child, pv, cancel));
          child = pv;
        }
      }
      plans[i] = DimensionPlanner.plan(ds, d.values, parents).withTotal(ds.total());
    }

    // q: the filtered records with each dimension's leaf (raw value or CASE position)
    List<Object> params = new ArrayList<>();
    StringBuilder base = new StringBuilder("SELECT ");
    for (int d = 0; d < nd; d++) {
      String e =
          raw[d]
              ? dialect.quote(dims.get(d).variable())
              : leafExpression(dims.get(d), plans[d], distincts[d], params);
      base.append(e).append(" AS p").append(d).append(", ");
    }
    base.append(magnitude ? dialect.quote(m.variable()) : "1").append(" AS v, ");
    base.append(weighted ? "COALESCE(" + dialect.quote(spec.weight()) + ", 0)" : "1");
    base.append(" AS w");
    if (recordKey != null) {
      base.append(", ").append(recordKey).append(" AS rk");
    }
    base.append(" FROM ").append(from);
    List<String> where = new ArrayList<>();
    for (Filter f : spec.filters()) {
      where.add(filterCondition(f, t.get(f.variable()), params, cancel));
    }
    if (!where.isEmpty()) {
      base.append(" WHERE ").append(String.join(" AND ", where));
    }
    // r: q with a column per roll-up parent depth (the leaf's ancestor at that depth)
    List<List<String>> levelCols = new ArrayList<>();
    List<String> parentCols = new ArrayList<>();
    for (int d = 0; d < nd; d++) {
      List<String> cols = new ArrayList<>();
      cols.add("p" + d);
      int depth = 0;
      if (plans[d] != null) {
        for (int[] a : plans[d].ancestors()) {
          depth = Math.max(depth, a.length);
        }
      }
      for (int k = 1; k <= depth; k++) {
        cols.add("p" + d + "_" + k);
        parentCols.add(parentExpression(plans[d], k, d) + " AS p" + d + "_" + k);
      }
      levelCols.add(cols);
    }
    String with = "WITH q AS (" + base + ")";
    String rel = "q";
    if (!parentCols.isEmpty()) {
      with += ", r AS (SELECT q.*, " + String.join(", ", parentCols) + " FROM q)";
      rel = "r";
    }
    Layout layout = new Layout(levelCols);
    List<int[]> sets = groupingSets(levelCols);

    boolean numericValues = magnitude && m.kind() != MeasureKind.DISTINCT_COUNT;
    String contribution = weighted ? "v * w" : "v";
    StringBuilder aggs = new StringBuilder(magnitude ? "COUNT(v)" : "COUNT(*)");
    if (weighted) {
      aggs.append(magnitude ? ", SUM(CASE WHEN v IS NOT NULL THEN w END)" : ", SUM(w)");
    }
    if (numericValues) {
      aggs.append(", SUM(")
          .append(contribution)
          .append("), MIN(v), MAX(v), MIN(")
          .append(contribution)
          .append(")");
    } else if (magnitude) {
      aggs.append(", COUNT(DISTINCT v)");
    }
    if (recordKey != null) {
      aggs.append(", SUM(rk)");
    }
    String sql = with + " " + aggregateQuery(rel, layout, sets, aggs.toString());
    List<Object[]> rows = runner.query(sql, params, cancel);

    // categories of plain dimensions from the result (or the distinct query), then the cube
    long fullCells = 1;
    @SuppressWarnings("unchecked")
    Map<String, Integer>[] posOfLabel = new Map[nd];
    for (int d = 0; d < nd; d++) {
      if (plans[d] == null) {
        distincts[d] = distinctFromRows(dims.get(d).variable(), rows, layout, d);
        plans[d] = DimensionPlanner.plan(dims.get(d), distincts[d].values, null);
        plans[d] = plans[d].withTotal(dims.get(d).total());
      }
      if (raw[d]) {
        posOfLabel[d] = new HashMap<>();
        ValueSet vs = distincts[d].values;
        for (int c = 0; c < vs.size(); c++) {
          posOfLabel[d].put(vs.labels()[c], plans[d].leafPos()[plans[d].leafOfCode()[c]]);
        }
      }
      fullCells *= plans[d].fullSize();
      if (fullCells > MAX_CELLS) {
        throw new InputException(
            "The table would have more than " + MAX_CELLS + " cells: remove or band a variable");
      }
    }
    Decoder decoder = new Decoder(List.of(plans), raw, posOfLabel, dims, t, layout);
    Cube cube = Cube.empty(List.of(plans), roles, magnitude, weighted);
    double[] distinctCounts = magnitude && !numericValues ? new double[cube.cells()] : null;
    double[] keys = recordKey != null ? new double[cube.cells()] : null;
    int a0 = layout.width();
    int[] pos = new int[nd];
    for (Object[] row : rows) {
      if (!decoder.positions(row, pos)) {
        continue;
      }
      int f = cube.index(pos);
      int i = a0;
      long n = num(row[i++]).longValue();
      double sw = weighted ? dbl(row[i++], 0) : n;
      if (numericValues) {
        double s = dbl(row[i++], 0);
        double mn = dbl(row[i++], Double.NaN);
        double mx = dbl(row[i++], Double.NaN);
        double mc = dbl(row[i++], 0);
        if (n > 0) {
          cube.set(f, n, s, sw, mn, mx, mc < 0, new double[0]);
        }
      } else {
        if (n > 0 || !magnitude) {
          cube.set(f, n, 0, sw, Double.NaN, Double.NaN, false, new double[0]);
        }
        if (distinctCounts != null) {
          distinctCounts[f] = num(row[i++]).longValue();
        }
      }
      if (keys != null) {
        long ks = num(row[i]).longValue();
        keys[f] = Math.floorMod(ks, (long) KEY_MODULUS) / KEY_MODULUS;
      }
    }
    cancel.throwIfCancelled();
    if (numericValues) {
      topContributions(cube, with, params, rel, layout, sets, decoder, contribution, cancel);
    }
    double[] values;
    if (weighted && (m.kind() == MeasureKind.MEDIAN || m.kind() == MeasureKind.PERCENTILE)) {
      values = weightedPercentiles(with, params, List.of(plans), decoder, m, spec.weight(), cancel);
    } else if (m.kind() == MeasureKind.MEDIAN || m.kind() == MeasureKind.PERCENTILE) {
      values =
          percentiles(cube, with, params, rel, layout, sets, decoder, Cube.percentileOf(m), cancel);
    } else if (m.kind() == MeasureKind.DISTINCT_COUNT) {
      values = distinctCounts;
    } else {
      values = cube.values(m, weighted);
    }
    values = cube.percentages(values, spec.percentage());
    Table table = cube.toTable(spec.dataset(), m, weighted, values, m.kind().isMagnitude());
    return keys == null ? table : table.withCellKeys(keys);
  }

  /** Column layout of every result: the level columns of every dimension, then one flag each. */
  private record Layout(List<List<String>> levelCols, List<String> all, int[] start) {
    Layout(List<List<String>> levelCols) {
      this(levelCols, flatten(levelCols), starts(levelCols));
    }

    int width() {
      return all.size() * 2;
    }

    private static List<String> flatten(List<List<String>> l) {
      return l.stream().flatMap(List::stream).toList();
    }

    private static int[] starts(List<List<String>> l) {
      int[] s = new int[l.size()];
      int at = 0;
      for (int d = 0; d < l.size(); d++) {
        s[d] = at;
        at += l.get(d).size();
      }
      return s;
    }
  }

  /**
   * The grouping sets: per dimension the column grouped at that set ({@code 0} leaf, {@code k}
   * parent depth k) or {@link #TOTAL}. Every parent has one depth, so each parent position comes
   * from exactly one set.
   */
  private static List<int[]> groupingSets(List<List<String>> levelCols) {
    List<int[]> sets = new ArrayList<>();
    sets.add(new int[levelCols.size()]);
    for (int d = 0; d < levelCols.size(); d++) {
      List<int[]> next = new ArrayList<>();
      for (int[] s : sets) {
        for (int k = 0; k < levelCols.get(d).size(); k++) {
          int[] c = s.clone();
          c[d] = k;
          next.add(c);
        }
        int[] tot = s.clone();
        tot[d] = TOTAL;
        next.add(tot);
      }
      sets = next;
    }
    return sets;
  }

  private static List<String> grouped(Layout layout, int[] set) {
    List<String> g = new ArrayList<>();
    for (int d = 0; d < set.length; d++) {
      if (set[d] != TOTAL) {
        g.add(layout.levelCols().get(d).get(set[d]));
      }
    }
    return g;
  }

  /** Per level column 0 when the set groups it, else 1 (as {@code GROUPING(column)} says). */
  private static List<String> flags(Layout layout, int[] set) {
    List<String> f = new ArrayList<>();
    for (int d = 0; d < set.length; d++) {
      for (int k = 0; k < layout.levelCols().get(d).size(); k++) {
        f.add((set[d] == k ? "0" : "1") + " AS f" + f.size());
      }
    }
    return f;
  }

  private String aggregateQuery(String rel, Layout layout, List<int[]> sets, String aggs) {
    List<String> all = layout.all();
    if (all.isEmpty()) {
      return "SELECT " + aggs + " FROM " + rel;
    }
    if (dialect.groupingSets()) {
      List<String> gsets = new ArrayList<>();
      for (int[] set : sets) {
        gsets.add("(" + String.join(", ", grouped(layout, set)) + ")");
      }
      List<String> sel = new ArrayList<>(all);
      for (String c : all) {
        sel.add("GROUPING(" + c + ")");
      }
      return "SELECT "
          + String.join(", ", sel)
          + ", "
          + aggs
          + " FROM "
          + rel
          + " GROUP BY GROUPING SETS ("
          + String.join(", ", gsets)
          + ")";
    }
    List<String> selects = new ArrayList<>();
    for (int[] set : sets) {
      List<String> g = grouped(layout, set);
      List<String> sel = new ArrayList<>();
      for (String c : all) {
        sel.add(g.contains(c) ? c : "MIN(" + c + ")");
      }
      sel.addAll(flags(layout, set));
      selects.add(
          "SELECT "
              + String.join(", ", sel)
              + ", "
              + aggs
              + " FROM "
              + rel
              + (g.isEmpty() ? "" : " GROUP BY " + String.join(", ", g)));
    }
    return String.join(" UNION ALL ", selects);
  }

  /** Turns result rows into table positions. */
  private record Decoder(
      List<DimensionPlan> plans,
      boolean[] raw,
      Map<String, Integer>[] posOfLabel,
      List<DimensionSpec> dims,
      Map<String, VariableType> types,
      Layout layout) {
    /** Fills one position per dimension; false when the row belongs to no cell. */
    boolean positions(Object[] row, int[] pos) {
      int flagsAt = layout.all().size();
      for (int d = 0; d < pos.length; d++) {
        int s = layout.start()[d];
        int level = TOTAL;
        for (int k = 0; k < layout.levelCols().get(d).size(); k++) {
          if (num(row[flagsAt + s + k]).intValue() == 0) {
            level = k;
            break;
          }
        }
        int p = level == TOTAL ? plans.get(d).totalPos() : position(row[s + level], d, level);
        if (p == SKIP) {
          return false;
        }
        pos[d] = p;
      }
      return true;
    }

    /** The leaf position of a record's value in q's column p{d}, or SKIP. */
    int leaf(Object value, int d) {
      return position(value, d, LEAF);
    }

    private int position(Object value, int d, int level) {
      DimensionPlan plan = plans.get(d);
      if (level != LEAF || !raw[d]) {
        return value == null ? SKIP : num(value).intValue();
      }
      if (value == null) {
        return plan.missingLeaf() < 0 ? SKIP : plan.leafPos()[plan.missingLeaf()];
      }
      Integer p = posOfLabel[d].get(label(value, types.get(dims.get(d).variable())));
      if (p == null) {
        throw new StatBenchException(
            "The data of '"
                + dims.get(d).variable()
                + "' changed while the table was computed: compute it again");
      }
      return p;
    }
  }

  private void topContributions(
      Cube cube,
      String with,
      List<Object> params,
      String rel,
      Layout layout,
      List<int[]> sets,
      Decoder decoder,
      String contribution,
      CancellationToken cancel) {
    List<String> selects = new ArrayList<>();
    for (int[] set : sets) {
      List<String> g = grouped(layout, set);
      List<String> sel = new ArrayList<>(layout.all());
      sel.addAll(flags(layout, set));
      String partition = g.isEmpty() ? "" : "PARTITION BY " + String.join(", ", g) + " ";
      selects.add(
          "SELECT * FROM (SELECT "
              + String.join(", ", sel)
              + (sel.isEmpty() ? "" : ", ")
              + "ABS("
              + contribution
              + ") AS a, ROW_NUMBER() OVER ("
              + partition
              + "ORDER BY ABS("
              + contribution
              + ") DESC) AS rn FROM "
              + rel
              + " WHERE v IS NOT NULL) t"
              + selects.size()
              + " WHERE rn <= "
              + Table.TOP_CONTRIBUTIONS);
    }
    String sql = with + " " + String.join(" UNION ALL ", selects);
    Map<Integer, List<Double>> tops = new HashMap<>();
    int[] pos = new int[layout.levelCols().size()];
    for (Object[] row : runner.query(sql, params, cancel)) {
      if (decoder.positions(row, pos)) {
        tops.computeIfAbsent(cube.index(pos), k -> new ArrayList<>())
            .add(num(row[layout.width()]).doubleValue());
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
      String with,
      List<Object> params,
      List<DimensionPlan> plans,
      Decoder decoder,
      Measure m,
      String weight,
      CancellationToken cancel) {
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
    s.append("v, w FROM q WHERE v IS NOT NULL ORDER BY v, w");
    List<Object[]> rows = runner.query(with + " " + s, params, cancel);
    int n = 0;
    int[] cell = new int[rows.size()];
    double[] v = new double[rows.size()];
    double[] w = new double[rows.size()];
    for (Object[] row : rows) {
      int c = 1;
      boolean dropped = false;
      for (int d = 0; d < nd; d++) {
        int pos = decoder.leaf(row[d], d);
        if (pos == SKIP) {
          dropped = true;
          break;
        }
        c += leafAt.get(d).get(pos) * ls[d];
      }
      if (dropped) {
        continue;
      }
      cell[n] = c;
      v[n] = num(row[nd]).doubleValue();
      w[n] = num(row[nd + 1]).doubleValue();
      n++;
    }
    return WeightedQuantiles.compute(plans, cell, v, w, n, Cube.percentileOf(m), weight, cancel);
  }

  /**
   * Percentiles by the engine's definition: with {@code h = n p / 100}, rows ranked {@code
   * ceil(h)..floor(h)+1} are the one value (h fractional) or the two values to average (h whole).
   */
  private double[] percentiles(
      Cube cube,
      String with,
      List<Object> baseParams,
      String rel,
      Layout layout,
      List<int[]> sets,
      Decoder decoder,
      double p,
      CancellationToken cancel) {
    List<Object> params = new ArrayList<>(baseParams);
    List<String> selects = new ArrayList<>();
    String dbl = dialect.doubleType();
    for (int[] set : sets) {
      List<String> g = grouped(layout, set);
      List<String> sel = new ArrayList<>(layout.all());
      sel.addAll(flags(layout, set));
      String partition = g.isEmpty() ? "" : "PARTITION BY " + String.join(", ", g) + " ";
      selects.add(
          "SELECT * FROM (SELECT "
              + String.join(", ", sel)
              + (sel.isEmpty() ? "" : ", ")
              + "v, ROW_NUMBER() OVER ("
              + partition
              + "ORDER BY v) AS rn, COUNT(*) OVER ("
              + partition.trim()
              + ") AS cnt FROM "
              + rel
              + " WHERE v IS NOT NULL) t"
              + selects.size()
              + " WHERE rn >= CEIL(cnt * CAST(? AS "
              + dbl
              + ") / 100.0) AND rn <= FLOOR(cnt * CAST(? AS "
              + dbl
              + ") / 100.0) + 1");
      params.add(p);
      params.add(p);
    }
    String sql = with + " " + String.join(" UNION ALL ", selects);
    double[] sum = new double[cube.cells()];
    int[] k = new int[cube.cells()];
    int[] pos = new int[layout.levelCols().size()];
    for (Object[] row : runner.query(sql, params, cancel)) {
      if (decoder.positions(row, pos)) {
        int f = cube.index(pos);
        sum[f] += num(row[layout.width()]).doubleValue();
        k[f]++;
      }
    }
    double[] out = new double[cube.cells()];
    for (int f = 0; f < out.length; f++) {
      out[f] = k[f] == 0 ? Double.NaN : k[f] == 1 ? sum[f] : sum[f] / 2;
    }
    return out;
  }

  /**
   * The position of a record in dimension d at a parent depth, over q's leaf-position column p{d}:
   * each leaf position maps to its ancestor at that depth, NULL for leaves whose chain of parents
   * is shorter. Positions are computed numbers, not user values.
   */
  private static String parentExpression(DimensionPlan plan, int level, int d) {
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

  /** A bound value: {@code ?} (cast for numbers) with the value added to {@code params}. */
  private String bind(Object value, List<Object> params) {
    params.add(value);
    return value instanceof Double ? "CAST(? AS " + dialect.doubleType() + ")" : "?";
  }

  /** CASE expression giving a record's leaf position in the dimension. */
  private String leafExpression(
      DimensionSpec ds, DimensionPlan plan, Distinct d, List<Object> params) {
    String col = dialect.quote(ds.variable());
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
          cond.add(col + " >= " + bind(band.lo(), params));
        }
        if (band.hi() != Double.POSITIVE_INFINITY) {
          cond.add(col + " <= " + bind(band.hi(), params));
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
      if (d.binds[c] == null) {
        continue; // a codelist entry absent from the table
      }
      s.append(" WHEN ")
          .append(col)
          .append(" = ")
          .append(bind(d.binds[c], params))
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

  private String filterCondition(
      Filter f, VariableType type, List<Object> params, CancellationToken cancel) {
    String col = dialect.quote(f.variable());
    if (f instanceof CodeFilter cf) {
      Distinct d = distinct(f.variable(), cancel);
      Set<String> codes = new HashSet<>(cf.codes());
      List<Object> values = new ArrayList<>();
      for (int c = 0; c < d.values.size(); c++) {
        if (d.binds[c] != null && codes.contains(d.values.labels()[c])) {
          values.add(d.binds[c]);
        }
      }
      boolean missing = codes.contains(Category.MISSING);
      String list = String.join(", ", values.stream().map(v -> bind(v, params)).toList());
      String in = values.isEmpty() ? "1 = 0" : col + " IN (" + list + ")";
      if (!cf.exclude()) {
        return "(" + in + (missing ? " OR " + col + " IS NULL" : "") + ")";
      }
      String notIn = values.isEmpty() ? "1 = 1" : col + " NOT IN (" + list + ")";
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
        c.add(col + " >= " + bind(rf.lo(), params));
      }
      if (rf.hi() != Double.POSITIVE_INFINITY) {
        c.add(col + " <= " + bind(rf.hi(), params));
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
      c.add(col + " >= " + bind(df.from(), params));
    }
    if (df.to() != null) {
      c.add(col + " <= " + bind(df.to(), params));
    }
    return "(" + String.join(" AND ", c) + ")";
  }

  /** A variable's distinct values over the whole table, with the values to bind for each. */
  private record Distinct(ValueSet values, Object[] binds) {}

  private Distinct distinct(String variable, CancellationToken cancel) {
    Distinct cached = distinctCache.get(variable);
    if (cached != null) {
      return cached;
    }
    String col = dialect.quote(variable);
    List<Object[]> rows =
        runner.query(
            dialect.limit("SELECT DISTINCT " + col + " FROM " + from, distinctLimit + 1),
            List.of(),
            cancel);
    List<Object> values = new ArrayList<>();
    for (Object[] row : rows) {
      values.add(row[0]);
    }
    Distinct d = distinctOf(variable, values);
    distinctCache.put(variable, d);
    return d;
  }

  /** The distinct values of a plain dimension, read from the all-leaf rows of the result. */
  private Distinct distinctFromRows(String variable, List<Object[]> rows, Layout layout, int d) {
    int s = layout.start()[d];
    int flag = layout.all().size() + s;
    Set<Object> seen = new LinkedHashSet<>();
    for (Object[] row : rows) {
      if (num(row[flag]).intValue() == 0) {
        seen.add(row[s] instanceof Number n ? (Object) n.doubleValue() : row[s]);
      }
    }
    return distinctOf(variable, new ArrayList<>(seen));
  }

  private Distinct distinctOf(String variable, List<Object> rawValues) {
    if (rawValues.size() > distinctLimit) {
      throw new InputException(
          "'"
              + variable
              + "' has more than "
              + distinctLimit
              + " distinct values in the database: band it, group it, filter the records or"
              + " choose another variable");
    }
    VariableType type = types().get(variable);
    List<String> labels = new ArrayList<>();
    List<Object> binds = new ArrayList<>();
    List<Double> numbers = new ArrayList<>();
    List<Integer> days = new ArrayList<>();
    boolean missing = false;
    for (Object o : rawValues) {
      if (o == null) {
        missing = true;
        continue;
      }
      switch (type) {
        case DATE -> {
          LocalDate ld = date(o);
          labels.add(ld.toString());
          binds.add(ld);
          numbers.add(Double.NaN);
          days.add((int) ld.toEpochDay());
        }
        case INTEGER, DECIMAL -> {
          double x = num(o).doubleValue();
          labels.add(NumericColumn.formatNumber(x));
          binds.add(x);
          numbers.add(x);
        }
        default -> {
          String s = o.toString();
          labels.add(s);
          binds.add(s);
          numbers.add(ValueSet.parseNumber(s));
        }
      }
    }
    if (!type.isNumeric() && type != VariableType.DATE) {
      Set<String> seen = new HashSet<>(labels);
      for (String c : codelists.getOrDefault(variable, List.of())) {
        if (seen.add(c)) {
          labels.add(c);
          binds.add(null);
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
    return new Distinct(vs, binds.toArray());
  }

  /** Each child code's parent label from the table, checked to be unique. */
  private Map<String, String> parents(
      String variable, String parentVariable, CancellationToken cancel) {
    Map<String, String> out = new HashMap<>();
    String c = dialect.quote(variable);
    String p = dialect.quote(parentVariable);
    String sql =
        "SELECT DISTINCT "
            + c
            + ", "
            + p
            + " FROM "
            + from
            + " WHERE "
            + c
            + " IS NOT NULL AND "
            + p
            + " IS NOT NULL";
    VariableType ct = types().get(variable);
    VariableType pt = types().get(parentVariable);
    for (Object[] row : runner.query(sql, List.of(), cancel)) {
      String child = label(row[0], ct);
      String parent = label(row[1], pt);
      String seen = out.get(child);
      if (seen != null && !seen.equals(parent)) {
        throw ParentCodes.twoParents(variable, parentVariable, child, seen, parent);
      }
      out.put(child, parent);
    }
    return out;
  }

  /** A value's text as the tables write it (formatted number, ISO date, or the text). */
  static String label(Object o, VariableType t) {
    return switch (t) {
      case DATE -> date(o).toString();
      case INTEGER, DECIMAL -> NumericColumn.formatNumber(num(o).doubleValue());
      default -> o.toString();
    };
  }

  static LocalDate date(Object o) {
    if (o instanceof LocalDate d) {
      return d;
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return LocalDate.parse(o.toString().substring(0, 10));
  }

  static Number num(Object o) {
    if (o instanceof Number n) {
      return n;
    }
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return Double.valueOf(o.toString());
  }

  private static double dbl(Object o, double ifNull) {
    return o == null ? ifNull : num(o).doubleValue();
  }

  /** A quoted identifier (standard SQL), for tests that build tables. */
  static String q(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
