/**
 * Cell-key perturbation of counts (as in ABS TableBuilder and Stat-Xplore): a perturbation table
 * generated from the maximum noise, the variance and the small-value threshold, and the lookup of
 * each cell's noise by its cell key, so the same cell gets the same noise in every table.
 */
package org.statbench.disclosure.perturb;
