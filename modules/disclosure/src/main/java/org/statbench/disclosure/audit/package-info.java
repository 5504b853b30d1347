/**
 * The audit of a suppression pattern: the table's additive structure, the linear system over the
 * suppressed cells, LP solvers (OR-Tools GLOP, Commons Math for tiny systems) and the auditor that
 * computes each suppressed cell's feasible interval, skipping LPs that known feasible points prove.
 */
package org.statbench.disclosure.audit;
