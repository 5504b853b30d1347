/**
 * The application shell: the main window and the services every feature shares.
 *
 * <h2>Adding a feature (tab or side panel)</h2>
 *
 * <ol>
 *   <li>In your own package ({@code org.statbench.app.chart}, ...) write a {@code FooFeature
 *       implements Feature} whose {@link org.statbench.app.shell.Feature#createContent} builds your
 *       {@code FooView} over a {@code FooViewModel} constructed from the {@link
 *       org.statbench.app.shell.AppContext}; optionally return menu items from {@link
 *       org.statbench.app.shell.Feature#menuItems} (e.g. for the Disclosure menu).
 *   <li>Register it with one line in {@link org.statbench.app.shell.Features}: add {@code new
 *       FooFeature()} to {@code tabs()} (Table, Chart, Cohorts, Joins, Clearance queue, ...) where
 *       its tab should appear, or return it from {@code sidePanel()}.
 * </ol>
 *
 * <h2>What a feature gets from {@link org.statbench.app.shell.AppContext}</h2>
 *
 * <ul>
 *   <li>{@code tasks()}: a {@link org.statbench.app.shell.TaskRunner}. Never block the FX thread:
 *       wrap engine calls in a {@link org.statbench.app.shell.BackgroundTask} (progress and Cancel
 *       appear in the status bar); for live previews use {@link
 *       org.statbench.app.shell.LatestWins}. Tests pass a {@link
 *       org.statbench.app.shell.SameThreadTaskRunner}.
 *   <li>{@code dialogs()}: the {@link org.statbench.app.shell.DialogService} for errors,
 *       confirmations and file choosers (tests replace it).
 *   <li>{@code workspace()}: the open {@code Workspace}, its datasets and the selected dataset
 *       ({@link org.statbench.app.workspace.WorkspaceModel}); follow its properties.
 *   <li>{@code currentTable()}: the table the builder shows ({@link
 *       org.statbench.app.shell.CurrentTable#tableProperty()} and its wafer): the Chart tab and the
 *       Disclosure panel observe it.
 *   <li>{@code fieldActions()}: add a {@link org.statbench.app.shell.FieldAction} to offer a
 *       command on a field in the field list's context menu and by shortcut.
 *   <li>{@code statusProperty()}: the status bar's text.
 * </ul>
 *
 * <p>Where each part of a feature goes (view, view-model, plain logic, release path, saved
 * definitions, command line) is written down in {@code docs/decisions/} (the application-layer
 * note).
 *
 * <p>Style: MVVM as in STYLE.md. Views build nodes and bind; view models hold properties and
 * commands and never import {@code javafx.scene}.
 */
package org.statbench.app.shell;
