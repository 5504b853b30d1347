package org.statbench.app.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.cohort.CellStatus;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.HorizonMeasure;
import org.statbench.store.Workspace;

/** The view model without a toolkit, over a real workspace with the sample referrals. */
class CohortViewModelTest {
  @TempDir static Path shared;
  static Workspace ws;

  private SameThreadTaskRunner tasks;
  private RecordingDialogService dialogs;
  private CohortViewModel vm;

  @BeforeAll
  static void importReferrals() {
    ws = SampleReferralsWorkspace.create(shared);
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  @BeforeEach
  void setUp(@TempDir Path home) {
    tasks = new SameThreadTaskRunner();
    dialogs = new RecordingDialogService();
    WorkspaceModel model = new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(home));
    model.use(ws, ws.datasets());
    vm = new CohortViewModel(tasks, dialogs, model);
  }

  @Test
  void offersOnlyDatesAndGuessesEntryAndEventThenComputesTheTriangle() {
    assertThat(vm.dateVariables()).containsExactly("referral_date", "job_outcome_date");
    assertThat(vm.breakdownVariables())
        .contains("sex", "payment_group")
        .doesNotContain("person_id");
    assertThat(vm.entryProperty().get()).isEqualTo("referral_date");
    assertThat(vm.eventProperty().get()).isEqualTo("job_outcome_date");

    assertThat(vm.triangle()).hasSize(43);
    assertThat(vm.triangle().get(0).cohort()).isEqualTo("2011-06");
    assertThat(vm.triangle().get(0).size()).isEqualTo(646);
    assertThat(vm.messageProperty().get()).contains("20,000 records in 43 month cohorts");
    assertThat(tasks.titles()).contains("Tracking cohorts of referrals");
  }

  @Test
  void anIncompleteDefinitionClearsTheLastSummaryAndSaysWhatIsMissing() {
    assertThat(vm.messageProperty().get()).contains("20,000 records in 43 month cohorts");

    vm.eventProperty().set(null);

    assertThat(vm.triangle()).isEmpty();
    assertThat(vm.messageProperty().get())
        .doesNotContain("43 month cohorts")
        .isEqualTo("Choose the entry date and the event date of 'referrals'.");
  }

  @Test
  void refusesANonDateAsEntryAndSaysWhy() {
    boolean accepted = vm.dropEntry("sex");

    assertThat(accepted).isFalse();
    assertThat(vm.entryProperty().get()).isEqualTo("referral_date");
    assertThat(vm.messageProperty().get()).contains("'sex' is not a date");
  }

  @Test
  void sampleDefinitionShowsTheTwelveMonthMeasureForCohortsOldEnough() {
    vm.openSample(CohortViewModel.SAMPLE_DEFINITIONS.get(0));

    assertThat(vm.horizonProperty().get()).isEqualTo(12);
    assertThat(vm.asOfProperty().get()).isEqualTo(LocalDate.parse("2015-03-31"));
    HorizonMeasure june = vm.horizonMeasures().get(0);
    assertThat(june.proportion()).isEqualTo(162.0 / 646);
    // 2014-03 is the last cohort with a full 12 months by 31 March 2015.
    TriangleRow april2014 =
        vm.triangle().stream().filter(r -> r.cohort().equals("2014-04")).findFirst().orElseThrow();
    assertThat(april2014.horizon().status()).isEqualTo(CellStatus.CENSORED);
    assertThat(april2014.cells().get(12).hasValue()).isFalse();
  }

  @Test
  void breakdownDrawsOnePooledCurvePerGroupAndTestsThem() {
    assertThat(vm.dropBreakdown("sex")).isTrue();

    assertThat(vm.curveSourceProperty().get()).isEqualTo(CurveSource.GROUPS);
    assertThat(vm.curves()).extracting(Curve::label).containsExactly("F", "M");
    assertThat(vm.triangle()).hasSize(86);
    assertThat(vm.messageProperty().get()).contains("log-rank");
  }

  @Test
  void numericBreakdownIsBandedAsTablesBandIt() {
    vm.dropBreakdown("age");
    vm.bandsProperty().set("16-24,25-49,50+");

    assertThat(vm.curves()).extracting(Curve::label).startsWith("16-24", "25-49", "50+");
    assertThat(vm.spec().derivations()).containsKey("age");

    vm.bandsProperty().set("16-");
    assertThat(vm.failedProperty().get()).isTrue();
    assertThat(vm.messageProperty().get()).contains("16-");
  }

  @Test
  void selectedTriangleRowsAreTheCurvesDrawn() {
    assertThat(vm.curves()).hasSize(CohortViewModel.DEFAULT_CURVES);

    vm.selectedRows().setAll(List.of(0, 1));

    assertThat(vm.curves()).extracting(Curve::label).containsExactly("2011-06", "2011-07");
  }

  @Test
  void savedDefinitionOpensBackWithTheSameSettings(@TempDir Path dir) {
    Path file = dir.resolve("def.json");
    vm.horizonProperty().set(18);
    vm.breakdownProperty().set("payment_group");
    dialogs.files.add(file);
    vm.saveDefinition();
    assertThat(Files.exists(file)).isTrue();
    CohortSpec saved = vm.spec();

    vm.horizonProperty().set(3);
    vm.breakdownProperty().set(null);
    dialogs.files.add(file);
    vm.openDefinition();

    assertThat(vm.spec()).isEqualTo(saved);
    assertThat(vm.horizonProperty().get()).isEqualTo(18);
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void exportProtectsSmallCountsAndReleasesThroughTheGate(@TempDir Path dir) throws Exception {
    vm.dropBreakdown("sex");
    Path file = dir.resolve("cohorts.csv");
    dialogs.files.add(file);

    vm.exportTable();

    assertThat(dialogs.errors).isEmpty();
    assertThat(file).exists();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("cohort,sex,duration,measure,value,status");
    // a cohort size (every duration, with no event) is a count like any other
    assertThat(lines).contains("2011-06,Total,Total,count,646,ok");
    List<String> withheld = lines.stream().filter(l -> l.contains(",count,,")).toList();
    assertThat(withheld).isNotEmpty().allMatch(l -> l.matches(".*,count,,(primary|secondary).*"));
    assertThat(withheld).anyMatch(l -> l.contains(",count,,primary"));
    assertThat(withheld).anyMatch(l -> l.contains(",count,,secondary"));
    // no small non-zero count is published
    assertThat(lines)
        .noneMatch(l -> l.matches(".*,count,[1-9],ok") || l.matches(".*,count,[1-9],ok,.*"));
    assertThat(ws.auditLog().entries())
        .extracting(org.statbench.store.AuditEntry::type)
        .contains("export");
    assertThat(ws.auditLog().verify().ok()).isTrue();
    assertThat(vm.messageProperty().get()).contains("through the disclosure check");
  }

  @Test
  void filtersWrittenAsForTablesSelectTheRecordsAndComeBackFromASavedDefinition(@TempDir Path dir) {
    vm.filtersProperty().set("sex!=M; age=16..24; referral_date=2012-01-01..2012-12-31");

    assertThat(vm.failedProperty().get()).isFalse();
    assertThat(vm.spec().filters())
        .containsExactly(
            org.statbench.core.spec.CodeFilter.exclude("sex", "M"),
            new org.statbench.core.spec.RangeFilter("age", 16, 24),
            new org.statbench.core.spec.DateRangeFilter(
                "referral_date", LocalDate.parse("2012-01-01"), LocalDate.parse("2012-12-31")));
    assertThat(vm.triangle())
        .extracting(TriangleRow::label)
        .hasSize(12)
        .first()
        .isEqualTo("2012-01");
    long kept = vm.triangle().stream().mapToLong(TriangleRow::size).sum();
    assertThat(kept).isPositive().isEqualTo(vm.resultProperty().get().recordsUsed());

    Path file = dir.resolve("filtered.cohort.json");
    dialogs.files.add(file);
    vm.saveDefinition();
    vm.filtersProperty().set("");
    assertThat(vm.triangle()).hasSize(43);
    dialogs.files.add(file);
    vm.openDefinition();

    assertThat(vm.filtersProperty().get())
        .isEqualTo("sex!=M; age=16..24; referral_date=2012-01-01..2012-12-31");
    assertThat(vm.triangle().stream().mapToLong(TriangleRow::size).sum()).isEqualTo(kept);
  }

  @Test
  void anUnfinishedFilterSaysWhatIsWrong() {
    vm.filtersProperty().set("sex=");

    assertThat(vm.failedProperty().get()).isTrue();
    assertThat(vm.messageProperty().get()).contains("sex=");
  }

  @Test
  void aDateBreakdownIsGroupedIntoPeriodsAsInTables() {
    assertThat(vm.dropBreakdown("referral_date")).isTrue();

    assertThat(vm.breakdownIsDate()).isTrue();
    assertThat(vm.resultProperty().get().groups()).first().isEqualTo(List.of("2011-Q2"));

    vm.dateGroupProperty().set(org.statbench.core.spec.DateUnit.FINANCIAL_YEAR);

    assertThat(vm.resultProperty().get().groups())
        .containsExactly(
            List.of("2011/12"), List.of("2012/13"), List.of("2013/14"), List.of("2014/15"));
  }

  @Test
  void savingOffersTheWorkspaceCohortsFolderAndListsTheDefinitionThere() throws Exception {
    vm.breakdownProperty().set("sex");
    Path dir = ws.directory().resolve(SavedCohorts.COHORTS_DIR);
    Path file = dir.resolve(SavedCohorts.suggestedName(vm.spec()));
    dialogs.files.add(file);

    vm.saveDefinition();

    assertThat(file.getFileName().toString())
        .isEqualTo("job_outcome_date-by-referral_date-cohort.cohort.json");
    assertThat(vm.saved().saved()).contains(file);
    assertThat(vm.saved().recent()).first().isEqualTo(file.toAbsolutePath().normalize());
    assertThat(vm.fileProperty().get()).isEqualTo(file);

    vm.breakdownProperty().set(null);
    vm.open(vm.saved().saved().get(vm.saved().saved().indexOf(file)));

    assertThat(vm.breakdownProperty().get()).isEqualTo("sex");
    assertThat(vm.resultProperty().get().groups()).hasSize(2);
    Files.delete(file);
    vm.saved().refresh();
    assertThat(vm.saved().saved()).doesNotContain(file);
  }

  @Test
  void chartExportRedrawsTheCurvesOnScreenFromTheProtectedCountsWithoutTinyGroups(
      @TempDir Path dir) {
    vm.filtersProperty().set("referral_date=2011-06-01..2011-06-30");
    vm.dropBreakdown("payment_group");
    vm.curveSourceProperty().set(CurveSource.COHORTS);
    vm.selectedRows().setAll(java.util.stream.IntStream.range(0, 9).boxed().toList());
    // on screen: all nine June groups, including IB/IS (9 people) and JSA Prison Leavers (5)
    assertThat(vm.curves()).hasSize(9);
    assertThat(vm.curves()).extracting(Curve::label).contains("2011-06 · JSA Prison Leavers");
    ReleasedChart[] written = new ReleasedChart[1];
    dialogs.files.add(dir.resolve("curves.png"));

    vm.exportChart(
        ChartKind.CURVES,
        (release, chart, out) -> {
          written[0] = chart;
          return out;
        });

    assertThat(dialogs.errors).isEmpty();
    ReleasedChart c = written[0];
    assertThat(c).isSameAs(vm.releasedChartProperty().get());
    assertThat(c.withheld()).contains("2011-06 · IB/IS", "2011-06 · JSA Prison Leavers");
    assertThat(c.curves())
        .extracting(Curve::label)
        .isNotEmpty()
        .noneMatch(l -> l.contains("IB/IS") || l.contains("Prison Leavers"));
    // what is drawn is exactly derivable: each released point is the on-screen value, never more
    for (Curve drawn : c.curves()) {
      Curve shown =
          vm.curves().stream()
              .filter(s -> drawn.label().startsWith(s.label()))
              .findFirst()
              .orElseThrow();
      for (int d = 0; d < drawn.points().size(); d++) {
        if (drawn.points().get(d).hasValue()) {
          assertThat(drawn.points().get(d).cumulative())
              .isEqualTo(shown.points().get(d).cumulative());
        }
      }
    }
    assertThat(vm.messageProperty().get())
        .contains("curves.png through the disclosure check")
        .contains("withheld");

    // pooled group curves need every cohort's counts: the tiny groups are withheld there too
    vm.curveSourceProperty().set(CurveSource.GROUPS);
    dialogs.files.add(dir.resolve("groups.png"));
    vm.exportChart(ChartKind.CURVES, (release, chart, out) -> out);
    assertThat(dialogs.errors).isEmpty();
    assertThat(vm.releasedChartProperty().get().source()).isEqualTo(CurveSource.GROUPS);
    assertThat(vm.releasedChartProperty().get().withheld()).contains("IB/IS", "JSA Prison Leavers");

    dialogs.files.add(dir.resolve("horizon.png"));
    vm.exportChart(ChartKind.HORIZON, (release, chart, out) -> out);
    ReleasedChart h = vm.releasedChartProperty().get();
    assertThat(h.kind()).isEqualTo(ChartKind.HORIZON);
    assertThat(h.horizon()).hasSize(9);
    assertThat(h.withheld()).contains("2011-06 · JSA Prison Leavers");
  }

  @Test
  void aFailedComputationShowsTheMessageNamingTheVariable() {
    vm.apply(CohortSpec.of("referrals", "referral_date", "no_such_date"));

    assertThat(vm.failedProperty().get()).isTrue();
    assertThat(vm.messageProperty().get()).contains("no_such_date");
    assertThat(vm.triangle()).isEmpty();
  }
}
