/**
 * The Cohorts tab: define cohorts by dropping entry and event dates, and see the cohort triangle,
 * cumulative curves with confidence bands and at-risk counts, and the fixed-horizon measure by
 * cohort. {@link org.statbench.app.cohort.CohortViewModel} holds the state and runs the engine
 * through the shell's task runner; {@link org.statbench.app.cohort.CohortView} only builds and
 * binds nodes.
 */
package org.statbench.app.cohort;
