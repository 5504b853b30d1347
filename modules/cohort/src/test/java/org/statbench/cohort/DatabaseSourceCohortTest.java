package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.store.DatabaseSource;
import org.statbench.tabulate.sql.DatabaseSources;
import org.statbench.tabulate.sql.SourceConnection;

/**
 * Cohorts on a database source equal cohorts on the same records imported: the server groups the
 * records (one GROUP BY with counts) and the tracker runs on them. H2 and DuckDB files always;
 * PostgreSQL when {@code STATBENCH_PG_URL} is set (as {@code .ci/run} does).
 */
class DatabaseSourceCohortTest {
  @TempDir Path dir;

  @Test
  void h2SourceGivesTheImportedCohortTables() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("h2db").toAbsolutePath();
    compare(url, url, "sa", null);
  }

  @Test
  void duckDbSourceGivesTheImportedCohortTables() throws Exception {
    String url = "jdbc:duckdb:" + dir.resolve("c.duckdb").toAbsolutePath();
    compare(url, url, null, null);
  }

  @Test
  void postgresSourceGivesTheImportedCohortTables() throws Exception {
    String full = System.getenv("STATBENCH_PG_URL");
    Assumptions.assumeTrue(full != null && !full.isBlank(), "Skipped: STATBENCH_PG_URL not set");
    // the source's URL carries no password: it is given when connecting
    String base = full.substring(0, full.indexOf('?'));
    String user = null;
    String password = null;
    for (String kv : full.substring(full.indexOf('?') + 1).split("&")) {
      String[] p = kv.split("=", 2);
      if (p[0].equals("user")) {
        user = p[1];
      } else if (p[0].equals("password")) {
        password = p[1];
      }
    }
    compare(full, base, user, password);
  }

  private void compare(String writeUrl, String readUrl, String user, String password)
      throws Exception {
    DatasetColumns data = dataset(new SplittableRandom(2026_12_06L));
    try (Connection c =
        user != null && writeUrl.startsWith("jdbc:h2")
            ? DriverManager.getConnection(writeUrl, user, "")
            : DriverManager.getConnection(writeUrl)) {
      load(c, data);
    }
    DatabaseSource source = new DatabaseSource("referrals", readUrl, "cohort_src", null, user);
    List<CohortSpec> specs =
        List.of(
            CohortSpec.of("referrals", "entry", "event"),
            CohortSpec.of("referrals", "entry", "event")
                .withBy(List.of("grp"))
                .withEstimator(Estimator.KAPLAN_MEIER)
                .withEnd("ended"),
            CohortSpec.of("referrals", "entry", "event")
                .withBy(List.of("age"))
                .withDerivation("age", Bands.parse("-29,30-49,50+"))
                .withFilter(new CodeFilter("grp", List.of("b", "Missing"), true))
                .withPeriod(CohortPeriod.QUARTER)
                .withHorizon(6));
    try (SourceConnection sc =
        DatabaseSources.connect(
            source, password == null ? null : password.toCharArray(), null, 120)) {
      for (CohortSpec spec : specs) {
        DatasetColumns grouped = sc.groupedRecords(spec.variables(), CancellationToken.NONE);
        assertThat(csv(track(grouped, spec))).as(spec.toString()).isEqualTo(csv(track(data, spec)));
      }
    }
  }

  private static CohortTable track(DatasetColumns d, CohortSpec spec) {
    return CohortTracker.track(d, spec, ProgressListener.NONE, CancellationToken.NONE);
  }

  private static String csv(CohortTable t) {
    StringWriter w = new StringWriter();
    CohortCsv.write(t, w);
    return w.toString();
  }

  /** 400 referrals over two years; events and ends after entry or missing. */
  private static DatasetColumns dataset(SplittableRandom r) {
    int n = 400;
    int day0 = (int) LocalDate.of(2024, 1, 1).toEpochDay();
    int[] entry = new int[n];
    int[] event = new int[n];
    int[] ended = new int[n];
    int[] grp = new int[n];
    double[] age = new double[n];
    for (int i = 0; i < n; i++) {
      entry[i] = r.nextInt(20) == 0 ? DateColumn.MISSING : day0 + r.nextInt(700);
      int base = entry[i] == DateColumn.MISSING ? day0 : entry[i];
      event[i] = r.nextInt(3) == 0 ? DateColumn.MISSING : base + r.nextInt(400);
      ended[i] = r.nextInt(4) == 0 ? base + r.nextInt(300) : DateColumn.MISSING;
      grp[i] = r.nextInt(10) == 0 ? -1 : r.nextInt(3);
      age[i] = r.nextInt(15) == 0 ? Double.NaN : r.nextInt(16, 70);
    }
    List<Column> cols = new ArrayList<>();
    cols.add(new DateColumn("entry", entry));
    cols.add(new DateColumn("event", event));
    cols.add(new DateColumn("ended", ended));
    cols.add(CategoricalColumn.of("grp", VariableType.CATEGORICAL, List.of("a", "b", "c"), grp));
    cols.add(new NumericColumn("age", VariableType.INTEGER, age));
    return DatasetColumns.of("referrals", cols);
  }

  private static void load(Connection c, DatasetColumns data) throws Exception {
    try (Statement st = c.createStatement()) {
      // quoted names: H2 would otherwise upper-case them
      st.execute("DROP TABLE IF EXISTS \"cohort_src\"");
      st.execute(
          "CREATE TABLE \"cohort_src\" (\"entry\" DATE, \"event\" DATE, \"ended\" DATE,"
              + " \"grp\" VARCHAR(10), \"age\" BIGINT)");
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO \"cohort_src\" VALUES (?, ?, ?, ?, ?)")) {
      for (int r = 0; r < data.rows(); r++) {
        for (int i = 0; i < 3; i++) {
          int d =
              ((DateColumn) data.column(List.of("entry", "event", "ended").get(i))).epochDays()[r];
          ps.setObject(i + 1, d == DateColumn.MISSING ? null : LocalDate.ofEpochDay(d));
        }
        ps.setString(4, ((CategoricalColumn) data.column("grp")).text(r));
        double a = ((NumericColumn) data.column("age")).value(r);
        if (Double.isNaN(a)) {
          ps.setNull(5, java.sql.Types.BIGINT);
        } else {
          ps.setLong(5, (long) a);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
