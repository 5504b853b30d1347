/**
 * Geography and classification joins: lookups (area classifications, geography hierarchies,
 * postcode directories, code-change lookups between editions) held as ordinary datasets, their
 * validation, joins that add lookup levels to a dataset as derived categorical variables (a code
 * mapping over the key's dictionary, never a copy of the rows), and match reports that say exactly
 * how well a join worked. The facade is {@link org.statbench.geo.GeoJoins}; {@link
 * org.statbench.geo.JoinEngine} does the same work on in-memory columns.
 */
package org.statbench.geo;
