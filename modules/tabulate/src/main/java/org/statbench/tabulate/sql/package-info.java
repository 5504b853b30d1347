/**
 * SQL push-down and database sources: the same {@link org.statbench.core.spec.TableSpec} answered
 * by the database holding the records ({@code GROUP BY GROUPING SETS} where the engine has it, else
 * {@code UNION ALL} of {@code GROUP BY}s; window functions for top contributions and percentiles),
 * returning the same {@link org.statbench.core.table.Table} as the columnar kernel. {@link
 * org.statbench.tabulate.sql.DatabaseSources} connects read-only (drivers shipped, or from the
 * StatBench home's {@code drivers/} folder), {@link org.statbench.tabulate.sql.SourceConnection}
 * computes tables, cell keys and cohort records on the server, and each engine's differences live
 * in one small {@link org.statbench.tabulate.sql.Dialect} subclass. Every value is a bind parameter
 * and every name is quoted.
 */
package org.statbench.tabulate.sql;
