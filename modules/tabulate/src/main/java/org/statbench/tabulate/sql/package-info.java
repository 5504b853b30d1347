/**
 * SQL push-down: the same {@link org.statbench.core.spec.TableSpec} answered by {@code GROUP BY}
 * over a JDBC row table (H2, PostgreSQL or any database with window functions), with margins by
 * {@code UNION ALL} of the grouping sets, returning the same {@link org.statbench.core.table.Table}
 * as the columnar kernel. This is how a deployment points at a server database holding the full
 * extract.
 *
 * <p><b>Status: not yet wired into the product.</b> Nothing outside the tests calls {@link
 * org.statbench.tabulate.sql.SqlTabulator} today: it is the push-down engine awaiting the
 * database-sources feature ({@code source add|list|test}), which gives it its caller. Until then it
 * is kept honest by {@code PushDownEquivalenceTest} (same tables as the columnar kernel) and must
 * not be called from the workstation's own paths, which read the columnar store.
 */
package org.statbench.tabulate.sql;
