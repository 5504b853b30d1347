/**
 * The Chart tab: bar, stacked bar and line charts (JFreeChart-FX) of the current table, following
 * the wafer the grid shows and the table's measure. {@link org.statbench.app.chart.ChartViewModel}
 * turns a {@code Table} into chart data (categories from the row dimensions, one series per column
 * category); {@link org.statbench.app.chart.ChartView} draws it.
 */
package org.statbench.app.chart;
