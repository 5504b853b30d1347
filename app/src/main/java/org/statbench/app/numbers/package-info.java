/**
 * How numbers and measures read in the window: a measure's name in words ("Median of age") and one
 * number format per measure (decimals chosen for the measure and the values shown, percentages with
 * {@code %}), shared by the grid, the chart and the disclosure panel. Toolkit-free.
 */
package org.statbench.app.numbers;
