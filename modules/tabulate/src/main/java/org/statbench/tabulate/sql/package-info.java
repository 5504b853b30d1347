/**
 * SQL push-down: the same {@link org.statbench.core.spec.TableSpec} answered by {@code GROUP BY}
 * over a JDBC row table (H2, PostgreSQL or any database with window functions), with margins by
 * {@code UNION ALL} of the grouping sets, returning the same {@link org.statbench.core.table.Table}
 * as the columnar kernel. This is how a deployment points at a server database holding the full
 * extract.
 */
package org.statbench.tabulate.sql;
