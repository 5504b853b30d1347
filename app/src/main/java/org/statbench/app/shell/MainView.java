package org.statbench.app.shell;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.statbench.app.datasets.DatasetsView;
import org.statbench.app.datasets.DatasetsViewModel;
import org.statbench.app.demo.DemoModel;
import org.statbench.app.demo.DemoWorkspace;
import org.statbench.app.importwizard.ImportWizardView;
import org.statbench.app.importwizard.ImportWizardViewModel;
import org.statbench.app.tablebuilder.TableBuilderFeature;
import org.statbench.app.theme.ThemeMenu;
import org.statbench.app.theme.ThemeModel;
import org.statbench.app.theme.ThemeStyler;
import org.statbench.app.tour.TourModel;
import org.statbench.app.tour.TourOverlay;

/**
 * The main window's content, as in DESIGN.md's sketch: menu bar with the workspace name, datasets
 * and fields on the left, the feature tabs in the centre, the side panel (disclosure) on the right
 * and the status bar at the bottom.
 */
public final class MainView extends BorderPane {
  private final MainViewModel model;
  private final AppContext context;
  private final TabPane tabs = new TabPane();
  private final SplitPane split = new SplitPane();
  private final Map<AppMenu, Menu> menus = new EnumMap<>(AppMenu.class);
  private Node datasetsPanel;
  private Node disclosurePanel;
  private Runnable fitPanels = () -> {};
  private java.util.Optional<TableBuilderFeature> tableBuilder = java.util.Optional.empty();

  /**
   * @param tabFeatures the centre tabs, in order (normally {@link Features#tabs()})
   * @param sidePanel the right-hand panel (normally {@link Features#sidePanel()}), or null
   */
  public MainView(MainViewModel model, List<Feature> tabFeatures, Feature sidePanel) {
    this.model = model;
    this.context = model.context();
    context.setTabSelector(this::selectTab);
    setId("mainView");
    for (AppMenu m : AppMenu.values()) {
      Menu menu = new Menu(m.title());
      menu.setId("menu-" + m.name().toLowerCase(java.util.Locale.ROOT));
      menus.put(m, menu);
    }
    DatasetsView datasets =
        new DatasetsView(
            new DatasetsViewModel(context.workspace()),
            context.fieldActions(),
            context.datasetActions());
    datasets.setMinWidth(200);
    datasets.setPrefWidth(290);
    datasetsPanel = datasets;

    tabs.setId("featureTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    for (Feature f : tabFeatures) {
      Tab tab = new Tab(f.title(), content(f));
      tab.setId(f.id() + "-tab");
      tabs.getTabs().add(tab);
    }
    statusFollowsTab();
    split.setId("mainSplit");
    split.getItems().addAll(datasets, tabs);
    Node side = null;
    if (sidePanel != null) {
      side = sidePanelNode(sidePanel);
      split.getItems().add(side);
    }
    disclosurePanel = side;
    SplitPane.setResizableWithParent(datasets, false);
    if (side != null) {
      SplitPane.setResizableWithParent(side, false);
    }

    tableBuilder =
        tabFeatures.stream()
            .filter(TableBuilderFeature.class::isInstance)
            .map(TableBuilderFeature.class::cast)
            .findFirst();
    shellMenus(side);
    for (Feature f : tabFeatures) {
      contributeMenus(f);
    }
    if (sidePanel != null) {
      contributeMenus(sidePanel);
    }
    finishMenus();

    MenuBar bar = new MenuBar();
    bar.setId("menuBar");
    bar.getMenus().addAll(menus.values());
    Label workspace = new Label();
    workspace.setId("workspaceLabel");
    workspace.getStyleClass().add("workspace-label");
    workspace.textProperty().bind(model.workspaceLabelProperty());
    // The side panels are as wide as the theme's text needs (presenter mode widens them), up to
    // 22% of the window each: set when the window first has a width and when the text size
    // changes; dragged dividers are left alone otherwise.
    Label fontProbe = new Label();
    fontProbe.setManaged(false);
    fontProbe.setVisible(false);
    fitPanels = () -> fitSidePanels(fontProbe.getFont().getSize());
    fontProbe.fontProperty().addListener((o, a, b) -> fitPanels.run());
    split
        .widthProperty()
        .addListener(
            (o, a, b) -> {
              if (a.doubleValue() <= 0 && b.doubleValue() > 0) {
                fitPanels.run();
              }
            });
    HBox top = new HBox(bar, workspace, fontProbe);
    HBox.setHgrow(bar, Priority.ALWAYS);
    top.setAlignment(Pos.CENTER_LEFT);
    top.getStyleClass().add("top-bar");
    HBox.setMargin(workspace, new Insets(0, 10, 0, 10));

    setTop(top);
    setCenter(split);
    setBottom(new StatusBarView(context));
  }

  /**
   * Side panels 22 em (datasets) and 18.5 em (disclosure) wide, at most 22% of the window each; the
   * datasets panel at least as wide as its list's name column and count columns need (up to 32%),
   * so that a small window with large text does not hide the counts behind the scroll bar. Either
   * panel may be hidden from the View menu, which gives its width to the tabs.
   */
  private void fitSidePanels(double em) {
    double w = split.getWidth();
    if (w <= 0) {
      return;
    }
    boolean left = split.getItems().contains(datasetsPanel);
    boolean right = disclosurePanel != null && split.getItems().contains(disclosurePanel);
    double countsAndName = 136 + DatasetsView.COUNT_COLUMNS_EM * em;
    double leftShare = Math.max(Math.min(22 * em, 0.22 * w), Math.min(countsAndName, 0.32 * w)) / w;
    double rightShare = Math.min(18.5 * em, 0.22 * w) / w;
    if (left && right) {
      split.setDividerPositions(leftShare, 1 - rightShare);
    } else if (left) {
      split.setDividerPositions(leftShare);
    } else if (right) {
      split.setDividerPositions(1 - rightShare);
    }
  }

  /**
   * A View menu check item that shows or hides a side panel; hidden, its width goes to the tabs (at
   * 1024x700 in presenter mode the two panels take half the window).
   */
  private CheckMenuItem panelToggle(String text, String id, Node panel, boolean first) {
    CheckMenuItem item = new CheckMenuItem(text);
    item.setId(id);
    item.setSelected(panel != null);
    item.setDisable(panel == null);
    item.setOnAction(
        e -> {
          boolean shown = split.getItems().contains(panel);
          if (item.isSelected() && !shown) {
            split.getItems().add(first ? 0 : split.getItems().size(), panel);
          } else if (!item.isSelected() && shown) {
            split.getItems().remove(panel);
          }
          fitPanels.run();
        });
    return item;
  }

  /**
   * The status bar says what the tab in front last did: a status set while a tab is in front is
   * that tab's, and bringing a tab to the front shows its own again (blank when it has none yet),
   * so one feature's message (e.g. the Cohorts tab's) does not stay on every other tab. Registered
   * before the tab pane's skin, so a feature that sets its status when its tab shows comes after.
   */
  private void statusFollowsTab() {
    Map<Tab, String> statusOfTab = new java.util.HashMap<>();
    boolean[] switching = {false};
    context
        .statusProperty()
        .addListener(
            (o, a, now) -> {
              Tab front = tabs.getSelectionModel().getSelectedItem();
              if (!switching[0] && front != null) {
                statusOfTab.put(front, now);
              }
            });
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, front) -> {
              switching[0] = true;
              try {
                context.statusProperty().set(statusOfTab.getOrDefault(front, ""));
              } finally {
                switching[0] = false;
              }
            });
  }

  private Node content(Feature f) {
    Node n = f.createContent(context);
    n.setId(f.id() + "-content");
    return n;
  }

  private Node sidePanelNode(Feature f) {
    Label title = new Label(f.title());
    title.getStyleClass().add("section-heading");
    Node content = content(f);
    VBox.setVgrow(content, Priority.ALWAYS);
    VBox box = new VBox(6, title, content);
    box.setPadding(new Insets(6));
    box.setId("sidePanel");
    box.setMinWidth(180);
    box.setPrefWidth(240);
    return new StackPane(box);
  }

  /** Selects the tab of a feature by id (e.g. {@code table}). */
  public void selectTab(String featureId) {
    tabs.getTabs().stream()
        .filter(t -> (featureId + "-tab").equals(t.getId()))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  public TabPane tabs() {
    return tabs;
  }

  private void shellMenus(Node side) {
    MenuItem open = item("Open or create workspace…", "Shortcut+O", "menuOpenWorkspace");
    open.setOnAction(e -> whenSaved("opening another workspace", model::openWorkspace));
    MenuItem importCsv = item("Import CSV…", "Shortcut+I", "menuImport");
    importCsv.setOnAction(e -> openImportWizard());
    importCsv.disableProperty().bind(context.workspace().workspaceProperty().isNull());
    MenuItem encrypt = item("Encrypt workspace…", null, "menuEncryptWorkspace");
    encrypt.setOnAction(
        e ->
            new org.statbench.app.security.EncryptWorkspaceAction(
                    context.workspace(), context.dialogs())
                .run());
    encrypt.disableProperty().bind(context.workspace().workspaceProperty().isNull());
    menus.get(AppMenu.FILE).getItems().addAll(open, importCsv, encrypt);
    menus
        .get(AppMenu.DATASETS)
        .getItems()
        .add(org.statbench.app.sources.SourcesMenu.connectItem(context, this));

    menus
        .get(AppMenu.VIEW)
        .getItems()
        .addAll(
            panelToggle("Datasets panel", "menuShowDatasetsPanel", datasetsPanel, true),
            panelToggle("Disclosure panel", "menuShowSidePanel", side, false));
    ThemeModel themes = new ThemeModel(context.workspace().preferences());
    ThemeStyler.install(themes);
    menus.get(AppMenu.VIEW).getItems().addAll(ThemeMenu.items(themes));

    DemoModel demoModel =
        new DemoModel(
            context,
            new DemoWorkspace(context.workspace().preferences().home()),
            table -> {
              selectTab("table");
              tableBuilder.ifPresent(tb -> tb.model().open(table));
            });
    MenuItem trainerDemo = item("Demo", null, "menuDemo");
    trainerDemo.setOnAction(e -> whenSaved("opening the demo workspace", demoModel::openDemo));
    MenuItem resetDemo = item("Reset demo", "Shortcut+Shift+R", "menuResetDemo");
    resetDemo.setOnAction(e -> demoModel.resetDemo());
    resetDemo.disableProperty().bind(demoModel.demoOpenProperty().not());
    MenuItem demo = item("Open sample workspace", null, "menuSample");
    demo.setOnAction(
        e -> whenSaved("opening the sample workspace", () -> model.openSampleWorkspace(false)));
    MenuItem reset = item("Reset sample workspace", null, "menuResetSample");
    reset.setOnAction(e -> model.openSampleWorkspace(true));
    MenuItem tour = item("Tour", "F1", "menuTour");
    TourOverlay overlay = new TourOverlay(TourModel.mainWindow(), this, this::selectTab);
    tour.setOnAction(e -> overlay.start());
    menus
        .get(AppMenu.HELP)
        .getItems()
        .addAll(
            trainerDemo,
            resetDemo,
            new SeparatorMenuItem(),
            demo,
            reset,
            new SeparatorMenuItem(),
            tour);
  }

  /** Runs an action that switches workspace once unsaved definitions are saved or discarded. */
  private void whenSaved(String action, Runnable run) {
    if (context.unsavedWork().allow(action)) {
      run.run();
    }
  }

  private void contributeMenus(Feature f) {
    for (AppMenu m : AppMenu.values()) {
      List<MenuItem> items = f.menuItems(m, context);
      if (!items.isEmpty()) {
        Menu menu = menus.get(m);
        if (!menu.getItems().isEmpty()) {
          menu.getItems().add(new SeparatorMenuItem());
        }
        menu.getItems().addAll(items);
      }
    }
  }

  private void finishMenus() {
    MenuItem exit = item("Exit", "Shortcut+Q", "menuExit");
    exit.setOnAction(
        e -> {
          Window w = getScene() == null ? null : getScene().getWindow();
          if (w != null) {
            w.hide();
          }
        });
    menus.get(AppMenu.FILE).getItems().addAll(new SeparatorMenuItem(), exit);
    for (Menu m : menus.values()) {
      if (m.getItems().isEmpty()) {
        MenuItem none = new MenuItem("(nothing here yet)");
        none.setDisable(true);
        m.getItems().add(none);
      }
    }
  }

  /** Opens the import wizard after asking for a file. */
  public void openImportWizard() {
    if (context.workspace().workspace() == null) {
      context.dialogs().showError("Import CSV", "Open a workspace first (File > Open).");
      return;
    }
    ImportWizardViewModel vm = new ImportWizardViewModel(context);
    vm.browse();
    if (vm.fileProperty().get() == null) {
      return;
    }
    new ImportWizardView(vm, getScene() == null ? null : getScene().getWindow()).show();
  }

  private static MenuItem item(String text, String accelerator, String id) {
    MenuItem mi = new MenuItem(text);
    mi.setId(id);
    if (accelerator != null) {
      mi.setAccelerator(KeyCombination.valueOf(accelerator));
    }
    return mi;
  }
}
