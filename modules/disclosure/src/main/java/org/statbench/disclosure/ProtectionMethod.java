package org.statbench.disclosure;

/** How {@link DisclosureChecker#protect} protects a table whose cells fail a primary rule. */
public enum ProtectionMethod {
  /** Primary and secondary cell suppression; every published value is the true value. */
  SUPPRESS,
  /** Rounding of counts to the policy's base (see {@link RoundingPolicy}). */
  ROUND,
  /** Cell-key perturbation of counts (see {@link PerturbationPolicy}). */
  PERTURB,
  /** No protection: the report says which cells fail and the table is not releasable. */
  NONE
}
