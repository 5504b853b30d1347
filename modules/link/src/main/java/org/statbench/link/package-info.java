/**
 * Record linkage: standardise names, postcodes, dates of birth, NINos and addresses; block on
 * derived keys; compare in levels once per distinct value pair; score with a Fellegi-Sunter model
 * trained by EM on agreement-pattern counts (with term frequencies and a household dependence
 * correction); run deterministic match keys first; decide links by threshold, review band,
 * one-to-one assignment or deduplication clusters; evaluate with or without truth; pseudonymise
 * with keyed hashes. {@link org.statbench.link.Linker} is the facade; the module depends on the
 * store and core only and never on a GUI toolkit.
 */
package org.statbench.link;
