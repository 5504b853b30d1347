package org.statbench.tabulate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;

/**
 * The push-down's SQL (Spark dialect: back-quoted names, GROUPING SETS, bound parameters) run by a
 * real Spark engine in local mode, the same SQL a cluster runs through its JDBC endpoint. One Spark
 * session for the whole class.
 */
class SparkPushDownTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("statbench-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "1")
            .config("spark.default.parallelism", "1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.sql.adaptive.enabled", "false")
            // tiny data: compiling generated code for every query costs far more than it saves
            .config("spark.sql.codegen.wholeStage", "false")
            .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void sparkGivesTheKernelsTablesOnRandomSpecs() throws Exception {
    PushDownEquivalenceTest.compare(
        new SplittableRandom(13_4_2026L),
        data -> {
          load(data, "rnd");
          return new SqlTabulator(
              new SparkRunner(), new SparkDialect(), "`rnd`", RowTables.codelists(data), 1000);
        },
        2,
        3);
  }

  @Test
  void sparkGroupsCohortRecordsIntoTheSameRecords() {
    DatasetColumns data = RandomTables.dataset(new SplittableRandom(99));
    load(data, "coh");
    DatasetColumns grouped =
        new SqlTabulator(new SparkRunner(), new SparkDialect(), "`coh`", Map.of(), 1000)
            .groupedRecords("coh", List.of("d", "c2", "i1"), CancellationToken.NONE);
    assertThat(grouped.rows()).isEqualTo(data.rows());
    assertThat(records(grouped)).containsExactlyInAnyOrderElementsOf(records(data));
  }

  private static List<String> records(DatasetColumns data) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < data.rows(); r++) {
      out.add(
          text(data.column("d"), r)
              + "|"
              + text(data.column("c2"), r)
              + "|"
              + text(data.column("i1"), r));
    }
    return out;
  }

  private static String text(Column c, int r) {
    if (c.isMissing(r)) {
      return "";
    }
    if (c instanceof NumericColumn n) {
      return NumericColumn.formatNumber(n.value(r));
    }
    if (c instanceof DateColumn d) {
      return LocalDate.ofEpochDay(d.epochDays()[r]).toString();
    }
    return ((CategoricalColumn) c).text(r);
  }

  private static void load(DatasetColumns data, String view) {
    List<Column> cols = new ArrayList<>(data.columns().values());
    List<StructField> fields = new ArrayList<>();
    for (Column c : cols) {
      DataType t =
          switch (c.type()) {
            case INTEGER -> DataTypes.LongType;
            case DECIMAL -> DataTypes.DoubleType;
            case DATE -> DataTypes.DateType;
            default -> DataTypes.StringType;
          };
      fields.add(DataTypes.createStructField(c.name(), t, true));
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < data.rows(); r++) {
      Object[] v = new Object[cols.size()];
      for (int i = 0; i < v.length; i++) {
        Column c = cols.get(i);
        if (c.isMissing(r)) {
          v[i] = null;
        } else if (c instanceof NumericColumn n) {
          v[i] = n.type() == VariableType.INTEGER ? (Object) (long) n.value(r) : n.value(r);
        } else if (c instanceof DateColumn d) {
          v[i] = LocalDate.ofEpochDay(d.epochDays()[r]);
        } else {
          v[i] = ((CategoricalColumn) c).text(r);
        }
      }
      rows.add(RowFactory.create(v));
    }
    spark
        .createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)))
        .createOrReplaceTempView(view);
  }

  /** Runs the push-down's queries with spark.sql(sql, args): positional parameters. */
  private static final class SparkRunner implements SqlRunner {
    @Override
    public List<Object[]> query(String sql, List<Object> params, CancellationToken cancel) {
      var df = params.isEmpty() ? spark.sql(sql) : spark.sql(sql, params.toArray());
      List<Object[]> out = new ArrayList<>();
      for (Row row : df.collectAsList()) {
        Object[] o = new Object[row.length()];
        for (int i = 0; i < o.length; i++) {
          o[i] = JdbcRunner.value(row.get(i));
        }
        out.add(o);
      }
      return out;
    }

    @Override
    public Map<String, VariableType> columns(String from) {
      Map<String, VariableType> m = new LinkedHashMap<>();
      for (StructField f : spark.sql("SELECT * FROM " + from + " WHERE 1 = 0").schema().fields()) {
        DataType t = f.dataType();
        m.put(
            f.name(),
            t.equals(DataTypes.LongType) || t.equals(DataTypes.IntegerType)
                ? VariableType.INTEGER
                : t.equals(DataTypes.DoubleType)
                    ? VariableType.DECIMAL
                    : t.equals(DataTypes.DateType) ? VariableType.DATE : VariableType.CATEGORICAL);
      }
      return m;
    }
  }
}
