/**
 * The workspace store: an H2 database holding the catalogue (datasets, variables, codelists,
 * derived variables, audit log) and the data as dictionary-encoded column chunks, plus the fast,
 * atomic CSV import that fills it. The only module that talks to H2.
 */
package org.statbench.store;
