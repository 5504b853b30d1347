/**
 * The Linkage tab: record linkage of two datasets (or deduplication of one) on the {@code
 * org.statbench.link.Linker} engine. {@link org.statbench.app.linkage.LinkageViewModel} holds the
 * field mapping, blocking rules with their live pair counts, training, the threshold with its
 * estimated precision and recall, the clerical review queue and the outputs; plain classes beside
 * it ({@link org.statbench.app.linkage.FieldMapping}, {@link
 * org.statbench.app.linkage.ReviewQueue}, {@link org.statbench.app.linkage.MatchRates}, {@link
 * org.statbench.app.linkage.LinkageCharts}) hold the logic that needs no toolkit. Record-level
 * outputs are written to the audit log; the match-rate table leaves only through the disclosure
 * release path.
 */
package org.statbench.app.linkage;
