/**
 * Secondary cell suppression: the hypercube heuristic that protects every primary cell with a
 * certificate (a feasible perturbation of the suppressed cells keeping every margin), minimising
 * the information lost.
 */
package org.statbench.disclosure.suppress;
