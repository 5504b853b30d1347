/**
 * What a table is made of, as immutable records shared by the tabulation engine, cohorts and the
 * GUI: {@link org.statbench.core.spec.TableSpec} (dataset, row/column/wafer dimensions, filters,
 * measure, weight, percentage), {@link org.statbench.core.spec.DimensionSpec} with its optional
 * derivation (bands, code groups, date grouping, hierarchy roll-up) and {@link
 * org.statbench.core.spec.Filter}s, plus parsers for the command-line syntax ({@code --band
 * V=16-24,25-49,50+}, {@code --filter V=code,code}).
 */
package org.statbench.core.spec;
