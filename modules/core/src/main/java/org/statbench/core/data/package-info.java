/**
 * Datasets, variables and their in-memory columnar form. Columns are primitive arrays (dictionary
 * codes, doubles, epoch days) so that engines can run tight loops over millions of rows.
 */
package org.statbench.core.data;
