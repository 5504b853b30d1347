package org.statbench.core.spec;

/**
 * How a dimension's categories are derived from its variable's values: bands of a number, groups of
 * codes, a date grouping or a hierarchy roll-up. A dimension without a derivation uses the values
 * as they are (codes, integer values, ISO dates).
 */
public sealed interface Derivation permits Bands, CodeGroups, DateGrouping, RollUp {}
