/**
 * The left-hand side of the main window: the workspace's datasets, the selected dataset's fields
 * grouped by type with search, the selected variable's details, and dragging a field to the table
 * builder or another feature.
 */
package org.statbench.app.datasets;
