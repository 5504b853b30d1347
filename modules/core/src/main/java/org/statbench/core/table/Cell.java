package org.statbench.core.table;

/**
 * One cell of a table, as a value object.
 *
 * @param index the cell's position in the table's cell order
 * @param coord position in each dimension (the dimension's size-1 is its total when present)
 * @param value the measure's value; NaN when undefined (e.g. the mean of no records)
 * @param count number of contributing records (unweighted, also in weighted tables)
 * @param top largest absolute contributions in descending order (at most {@link
 *     Table#TOP_CONTRIBUTIONS}); empty for count tables
 * @param negative whether any contribution was negative
 * @param kind data cell or margin
 */
public record Cell(
    int index,
    int[] coord,
    double value,
    long count,
    double[] top,
    boolean negative,
    CellKind kind) {}
