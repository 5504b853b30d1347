/**
 * Design-based estimation for household surveys: a {@link
 * org.statbench.tabulate.survey.SurveyDesign} (weight, strata, primary sampling units, finite
 * population correction, lonely-PSU rule, or replicate weights) and the {@link
 * org.statbench.tabulate.survey.SurveyEstimator}, which gives every cell of a table (margins
 * included, each cell a domain) its standard error, interval, coefficient of variation and design
 * effect by Taylor linearisation or replicate weights, matching the R {@code survey} package. It
 * reuses the tabulation engine's dimensions, filters and point estimates ({@link
 * org.statbench.tabulate.Tabulator#assign}) and adds one pass for the variances.
 */
package org.statbench.tabulate.survey;
