package org.statbench.app.datasets;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.statbench.app.shell.FieldAction;
import org.statbench.core.data.Code;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;

/**
 * Datasets, fields and variable details, stacked in the left pane. Fields drag onto the table
 * builder's zones; the context menu and shortcuts offer the same without a mouse.
 */
public final class DatasetsView extends SplitPane {
  private static final javafx.css.PseudoClass LOOKUP =
      javafx.css.PseudoClass.getPseudoClass("lookup");
  private final DatasetsViewModel model;
  private final javafx.collections.ObservableList<FieldAction> actions;
  private final javafx.collections.ObservableList<FieldAction> datasetActions;
  private final TreeView<Object> fields = new TreeView<>(new TreeItem<>("Fields"));

  /** The least width of the Rows column, in em of the list's font. */
  private static final double ROWS_EM = 6.5;

  /**
   * The least width of the list's two count columns together, in em (the window gives the panel
   * room for them and a name).
   */
  public static final double COUNT_COLUMNS_EM = 10.1;

  public DatasetsView(
      DatasetsViewModel model, javafx.collections.ObservableList<FieldAction> actions) {
    this(model, actions, javafx.collections.FXCollections.observableArrayList());
  }

  /**
   * @param datasetActions actions of the datasets list's context menu (they receive the dataset)
   */
  public DatasetsView(
      DatasetsViewModel model,
      javafx.collections.ObservableList<FieldAction> actions,
      javafx.collections.ObservableList<FieldAction> datasetActions) {
    this.model = model;
    this.actions = actions;
    this.datasetActions = datasetActions;
    setId("datasetsPane");
    setOrientation(javafx.geometry.Orientation.VERTICAL);
    getItems().addAll(datasetSection(), fieldSection(), detailSection());
    setDividerPositions(0.27, 0.72);
  }

  private VBox datasetSection() {
    TableView<DatasetInfo> table = new TableView<>(model.datasets());
    table.setId("datasetList");
    table.setPlaceholder(new Label("No datasets: File > Import CSV…"));
    TableColumn<DatasetInfo, String> name = new TableColumn<>("Dataset");
    name.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().name()));
    name.setPrefWidth(120);
    name.setCellFactory(c -> new SourceAwareCell());
    TableColumn<DatasetInfo, String> rows = new TableColumn<>("Rows");
    rows.setCellValueFactory(
        c ->
            Bindings.createStringBinding(() -> DatasetsViewModel.formatCount(c.getValue().rows())));
    rows.setStyle("-fx-alignment: CENTER-RIGHT;");
    TableColumn<DatasetInfo, String> vars = new TableColumn<>("Vars");
    vars.setCellValueFactory(
        c -> Bindings.createStringBinding(() -> Integer.toString(c.getValue().variables().size())));
    vars.setStyle("-fx-alignment: CENTER-RIGHT;");
    table.getColumns().setAll(java.util.List.of(name, rows, vars));
    // The count columns are as wide as their widest number in the font the theme gives the list
    // (presenter mode's larger text included): a number is never elided, a name may be (tooltip).
    Label fontProbe = new Label();
    fontProbe.setManaged(false);
    fontProbe.setVisible(false);
    javafx.beans.binding.DoubleBinding em =
        Bindings.createDoubleBinding(() -> fontProbe.getFont().getSize(), fontProbe.fontProperty());
    rows.minWidthProperty().bind(em.multiply(ROWS_EM));
    rows.maxWidthProperty().bind(em.multiply(8));
    vars.minWidthProperty().bind(em.multiply(COUNT_COLUMNS_EM - ROWS_EM));
    vars.maxWidthProperty().bind(em.multiply(4.6));
    table.setRowFactory(
        tv ->
            new javafx.scene.control.TableRow<>() {
              @Override
              protected void updateItem(DatasetInfo d, boolean empty) {
                super.updateItem(d, empty);
                boolean lookup =
                    !empty && d != null && d.kind() == org.statbench.core.data.DatasetKind.LOOKUP;
                pseudoClassStateChanged(LOOKUP, lookup);
                setContextMenu(empty || d == null ? null : datasetMenu(d.name()));
                setTooltip(
                    empty || d == null
                        ? null
                        : new Tooltip(
                            d.name()
                                + (lookup ? " (lookup)" : "")
                                + (d.kind() == org.statbench.core.data.DatasetKind.SOURCE
                                    ? " (database source)"
                                    : "")
                                + (d.sourceFile() == null ? "" : "\n" + d.sourceFile())));
              }
            });
    // the name takes the width left (the counts are narrow); a full name is in the tooltip
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    name.setMinWidth(80);
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    // Two-way between the table's selection and the shared selected dataset.
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && b != model.selectedDatasetProperty().get()) {
                model.selectedDatasetProperty().set(b);
              }
            });
    Runnable syncSelection =
        () -> {
          DatasetInfo d = model.selectedDatasetProperty().get();
          if (d == null) {
            table.getSelectionModel().clearSelection();
          } else if (table.getSelectionModel().getSelectedItem() != d) {
            table.getSelectionModel().select(d);
          }
        };
    model.selectedDatasetProperty().addListener((o, a, b) -> syncSelection.run());
    model.datasets().addListener((ListChangeListener<DatasetInfo>) c -> syncSelection.run());
    syncSelection.run();
    VBox.setVgrow(table, Priority.ALWAYS);
    // at least a header and three rows, whatever the text size (the split pane keeps this minimum;
    // with the Fields' five rows it must leave the status bar in a 1024x700 window)
    table.setStyle("-fx-min-height: 7.5em;");
    Label legend = new Label("Italic: lookups, for joins");
    legend.setId("datasetLegend");
    legend.getStyleClass().add("muted");
    legend.setWrapText(true);
    legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    legend.setStyle("-fx-font-style: italic;");
    legend.setTooltip(
        new Tooltip("Lookups: classification and area tables used to add variables by a join."));
    Runnable showLegend =
        () ->
            legend.setVisible(
                model.datasets().stream()
                    .anyMatch(d -> d.kind() == org.statbench.core.data.DatasetKind.LOOKUP));
    model.datasets().addListener((ListChangeListener<DatasetInfo>) c -> showLegend.run());
    showLegend.run();
    legend.managedProperty().bind(legend.visibleProperty());
    VBox box = new VBox(4, heading("Datasets"), table, legend, fontProbe);
    box.setPadding(new Insets(6));
    return box;
  }

  /** The context menu of a dataset row: the features' dataset actions. */
  private ContextMenu datasetMenu(String dataset) {
    if (datasetActions.isEmpty()) {
      return null;
    }
    ContextMenu menu = new ContextMenu();
    for (FieldAction a : datasetActions) {
      MenuItem mi = new MenuItem(a.text());
      mi.setOnAction(x -> a.action().accept(dataset));
      menu.getItems().add(mi);
    }
    return menu;
  }

  private VBox fieldSection() {
    TextField search = new TextField();
    search.setId("fieldSearch");
    search.setPromptText("Search fields");
    search.textProperty().bindBidirectional(model.searchProperty());
    fields.setId("fieldTree");
    fields.setShowRoot(false);
    fields.setCellFactory(tv -> new FieldCell());
    fields
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) ->
                model
                    .selectedVariableProperty()
                    .set(b != null && b.getValue() instanceof VariableInfo v ? v : null));
    model.fieldGroups().addListener((ListChangeListener<FieldGroup>) c -> rebuildTree());
    rebuildTree();
    fields.setOnKeyPressed(
        e -> {
          VariableInfo v = model.selectedVariableProperty().get();
          if (v == null) {
            return;
          }
          for (FieldAction a : actions) {
            if (a.accelerator() != null && KeyCombination.valueOf(a.accelerator()).match(e)) {
              a.action().accept(v.name());
              e.consume();
              return;
            }
          }
        });
    Label summary = new Label();
    summary.textProperty().bind(model.datasetSummaryProperty());
    summary.getStyleClass().add("muted");
    Label noMatches = new Label();
    noMatches.setId("fieldNoMatches");
    noMatches.getStyleClass().add("muted");
    noMatches.textProperty().bind(model.noMatchesProperty());
    noMatches.visibleProperty().bind(model.noMatchesProperty().isNotEmpty());
    noMatches.setMouseTransparent(true);
    javafx.scene.layout.StackPane fieldList = new javafx.scene.layout.StackPane(fields, noMatches);
    // a second line names the dataset's survey design when it has one
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    VBox.setVgrow(fieldList, Priority.ALWAYS);
    // at least five rows of fields whatever the text size (the split pane keeps this minimum and
    // takes the room from the Variable section below; at 1024x700 in presenter mode one showed)
    fieldList.setStyle("-fx-min-height: 9.3em;");
    VBox box = new VBox(4, heading("Fields"), summary, search, fieldList);
    box.setPadding(new Insets(6));
    return box;
  }

  private void rebuildTree() {
    String keep =
        model.selectedVariableProperty().get() == null
            ? null
            : model.selectedVariableProperty().get().name();
    TreeItem<Object> root = fields.getRoot();
    root.getChildren().clear();
    for (FieldGroup g : model.fieldGroups()) {
      TreeItem<Object> gi = new TreeItem<>(g);
      gi.setExpanded(true);
      for (VariableInfo v : g.variables()) {
        TreeItem<Object> vi = new TreeItem<>(v);
        gi.getChildren().add(vi);
        if (v.name().equals(keep)) {
          fields.getSelectionModel().select(vi);
        }
      }
      root.getChildren().add(gi);
    }
  }

  private VBox detailSection() {
    Label summary = new Label();
    summary.setId("variableSummary");
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    summary.textProperty().bind(model.variableSummaryProperty());
    TableView<Code> codes = new TableView<>(model.codes());
    codes.setId("codeList");
    Label none = new Label("Select a categorical field to see its codes");
    none.setWrapText(true);
    codes.setPlaceholder(none);
    TableColumn<Code, String> code = new TableColumn<>("Code");
    code.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().code()));
    TableColumn<Code, String> label = new TableColumn<>("Label");
    label.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().label()));
    TableColumn<Code, String> count = new TableColumn<>("Count");
    count.setCellValueFactory(
        c ->
            Bindings.createStringBinding(
                () -> DatasetsViewModel.formatCount(c.getValue().count())));
    count.setStyle("-fx-alignment: CENTER-RIGHT;");
    codes.getColumns().setAll(java.util.List.of(code, label, count));
    codes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    VBox.setVgrow(codes, Priority.ALWAYS);
    VBox box = new VBox(4, heading("Variable"), summary, codes);
    box.setPadding(new Insets(6));
    // the first to give way in a short window (its divider drags it back): the datasets list and
    // the fields keep their minimums and the window its status bar
    box.setMinHeight(0);
    return box;
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section-heading");
    return l;
  }

  /** A field-list cell: group headings in bold, variables draggable with a context menu. */
  private final class FieldCell extends TreeCell<Object> {
    FieldCell() {
      setOnDragDetected(
          e -> {
            if (getItem() instanceof VariableInfo v) {
              var board = startDragAndDrop(TransferMode.COPY_OR_MOVE);
              board.setContent(FieldDrag.content(v.name()));
              e.consume();
            }
          });
    }

    @Override
    protected void updateItem(Object item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeAll("field-group", "field");
      setContextMenu(null);
      setTooltip(null);
      if (empty || item == null) {
        setText(null);
        setId(null);
      } else if (item instanceof FieldGroup g) {
        setText(g.title() + " (" + g.variables().size() + ")");
        setId(null);
        getStyleClass().add("field-group");
      } else if (item instanceof VariableInfo v) {
        setText(v.label().equals(v.name()) ? v.name() : v.name() + " — " + v.label());
        setId("field-" + v.name());
        getStyleClass().add("field");
        setTooltip(new Tooltip(v.name() + " (" + typeText(v.type()) + ")"));
        if (!actions.isEmpty()) {
          ContextMenu menu = new ContextMenu();
          for (FieldAction a : actions) {
            MenuItem mi = new MenuItem(a.text());
            if (a.accelerator() != null) {
              mi.setAccelerator(KeyCombination.valueOf(a.accelerator()));
            }
            mi.setOnAction(x -> a.action().accept(v.name()));
            menu.getItems().add(mi);
          }
          setContextMenu(menu);
        }
      }
    }
  }

  private static String typeText(VariableType t) {
    return t.key();
  }

  /** A dataset name, with the database icon for a database source. */
  private static final class SourceAwareCell
      extends javafx.scene.control.TableCell<DatasetInfo, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty ? null : item);
      DatasetInfo d = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
      setGraphic(
          d != null && d.kind() == org.statbench.core.data.DatasetKind.SOURCE
              ? org.statbench.app.sources.SourcesMenu.icon()
              : null);
    }
  }
}
