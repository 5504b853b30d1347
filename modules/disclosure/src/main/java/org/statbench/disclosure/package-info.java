/**
 * StatBench disclosure control on a {@link org.statbench.core.table.Table} alone (no database): the
 * {@link org.statbench.disclosure.DisclosurePolicy policy} and its JSON form, the primary rules
 * (frequency, dominance, p%), protection by secondary suppression with an audit, rounding or
 * cell-key perturbation, and the {@link org.statbench.disclosure.DisclosureReport report} the
 * export gate acts on. The facade is {@link org.statbench.disclosure.DisclosureChecker}.
 */
package org.statbench.disclosure;
