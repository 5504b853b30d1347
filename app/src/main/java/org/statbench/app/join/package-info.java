/**
 * The Joins tab: join a classification or geography lookup (optionally through an edition bridge)
 * to a dataset's key, preview the match report (unmatched codes, match rate by a variable) before
 * saving, and export either report through the release path.
 */
package org.statbench.app.join;
