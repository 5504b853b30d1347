/**
 * The StatBench domain model shared by every engine module: datasets and their variables, in-memory
 * columns, tables with typed cells, and the small contracts for progress, cancellation and user
 * errors. No dependencies, no I/O.
 */
package org.statbench.core;
