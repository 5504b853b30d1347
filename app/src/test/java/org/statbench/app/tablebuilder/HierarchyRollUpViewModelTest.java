package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.spec.RollUp;
import org.statbench.core.table.CellKind;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.Table;
import org.statbench.geo.GeoJoins;
import org.statbench.geo.JoinSpec;
import org.statbench.sampledata.SampleData;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/**
 * Roll-up in the table builder through a join (issue #6): the referrals extract joined to the
 * geography lookup gains msoa, la and region, and the builder offers the recorded hierarchy.
 */
class HierarchyRollUpViewModelTest {
  @TempDir Path dir;
  private Workspace ws;
  private TableBuilderViewModel model;

  @BeforeEach
  void setUp() {
    Path files = dir.resolve("files");
    SampleData.copyTo(files);
    ws = Workspace.open(dir.resolve("ws"));
    String referrals = SampleData.REFERRALS.datasetName();
    ws.importCsv(
        ImportRequest.of(referrals, files.resolve(SampleData.REFERRALS.fileName())),
        ProgressListener.NONE,
        CancellationToken.NONE);
    GeoJoins geo = new GeoJoins(ws);
    geo.importLookup(
        ImportRequest.of(
            SampleData.GEOGRAPHY.datasetName(), files.resolve(SampleData.GEOGRAPHY.fileName())),
        "2011",
        null,
        ProgressListener.NONE,
        CancellationToken.NONE);
    geo.join(
        referrals,
        SampleData.GEOGRAPHY.datasetName(),
        null,
        JoinSpec.of("oa_code").withLevels(List.of("msoa", "la", "region")),
        CancellationToken.NONE);
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    RecordingDialogService dialogs = new RecordingDialogService();
    WorkspaceModel wm =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));
    wm.use(ws, ws.datasets());
    wm.selectedDatasetProperty().set(ws.dataset(referrals));
    model = new TableBuilderViewModel(new AppContext(tasks, dialogs, wm));
  }

  @AfterEach
  void tearDown() {
    ws.close();
  }

  @Test
  void offersTheJoinedHierarchyInItsRecordedOrder() {
    assertThat(model.hierarchyRollUps("msoa"))
        .containsExactly(List.of("la"), List.of("la", "region"));
    assertThat(model.hierarchyRollUps("la")).containsExactly(List.of("region"));
    assertThat(model.hierarchyRollUps("region")).isEmpty();
    // the key the join matched on climbs the whole chain
    assertThat(model.hierarchyRollUps("oa_code"))
        .containsExactly(List.of("msoa"), List.of("msoa", "la"), List.of("msoa", "la", "region"));
  }

  @Test
  void rollingALevelUpThroughTwoParentsShowsNestedSubtotalsThatAddUp() {
    model.add("msoa", Zone.ROWS);
    model.add("sex", Zone.COLUMNS);
    List<String> parents = model.hierarchyRollUps("msoa").get(1);
    model.setRollUp("msoa", parents);
    assertThat(model.derivation("msoa")).isEqualTo(RollUp.toVariables(List.of("la", "region")));
    assertThat(model.items(Zone.ROWS).get(0).text()).isEqualTo("msoa > la > region");

    GridLayout g = model.layoutProperty().get();
    Table t = g.table();
    Dimension d = t.dimensions().get(0);
    int regions = 0;
    int las = 0;
    for (int p = 0; p < d.categories().size(); p++) {
      if (d.categories().get(p).parent() < 0) {
        regions += d.children(p).isEmpty() ? 0 : 1;
      } else if (!d.children(p).isEmpty()) {
        las++;
      }
    }
    assertThat(regions).isGreaterThan(1);
    assertThat(las).isGreaterThan(regions);

    // every grid row's parent is shown above it, and every subtotal is the sum of its children
    List<int[]> rows = g.rows();
    List<Integer> seen = new ArrayList<>();
    int lastCol = g.columns().size() - 1;
    for (int[] rk : rows) {
      int p = rk[0];
      if (!d.isTotal(p)) {
        int parent = d.categories().get(p).parent();
        assertThat(parent < 0 || seen.contains(parent)).as(d.code(p)).isTrue();
        assertThat(g.rowDepth(rk, 0)).isEqualTo(depth(d, p));
      }
      seen.add(p);
      if (d.isMargin(p)) {
        assertThat(g.isTotalRow(rk)).isTrue();
        for (int[] ck : g.columns()) {
          double sum = 0;
          for (int c : d.children(p)) {
            sum += g.value(new int[] {c}, ck);
          }
          assertThat(g.value(rk, ck)).as(d.code(p) + " " + ck[0]).isEqualTo(sum);
          assertThat(t.kind(g.index(rk, ck))).isEqualTo(CellKind.TOTAL);
        }
      }
    }
    int[] total = rows.get(rows.size() - 1);
    assertThat(d.isTotal(total[0])).isTrue();
    assertThat(g.value(total, g.columns().get(lastCol)))
        .isEqualTo(ws.dataset(SampleData.REFERRALS.datasetName()).rows());
    assertThat(depth(d, rows.get(2)[0])).isEqualTo(2); // region, la, then the first msoa
  }

  @Test
  void sortingByValueKeepsEveryParentAboveItsChildren() {
    model.add("msoa", Zone.ROWS);
    model.setRollUp("msoa", List.of("la", "region"));
    model.rowSortProperty().set(GridLayout.AxisSort.byValue(List.of(), true));
    GridLayout g = model.layoutProperty().get();
    Dimension d = g.table().dimensions().get(0);
    List<Integer> seen = new ArrayList<>();
    double previousTop = Double.POSITIVE_INFINITY;
    for (int[] rk : g.rows()) {
      int p = rk[0];
      if (!d.isTotal(p)) {
        int parent = d.categories().get(p).parent();
        assertThat(parent < 0 || seen.contains(parent)).isTrue();
        if (parent < 0) {
          assertThat(g.value(rk, g.columns().get(0))).isLessThanOrEqualTo(previousTop);
          previousTop = g.value(rk, g.columns().get(0));
        }
      }
      seen.add(p);
    }
    assertThat(d.isTotal(g.rows().get(g.rows().size() - 1)[0])).isTrue();
  }

  @Test
  void theMenuCheckTogglesTheRollUpOff() {
    model.add("la", Zone.ROWS);
    model.setRollUp("la", List.of("region"));
    assertThat(model.derivation("la")).isEqualTo(RollUp.toVariable("region"));
    model.setRollUp("la", (List<String>) null);
    assertThat(model.derivation("la")).isNull();
  }

  private static int depth(Dimension d, int p) {
    int depth = 0;
    while (d.categories().get(p).parent() >= 0) {
      p = d.categories().get(p).parent();
      depth++;
    }
    return depth;
  }
}
