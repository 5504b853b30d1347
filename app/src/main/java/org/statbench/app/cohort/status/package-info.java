/**
 * The Cohorts tab's "Status over time" mode: spells of states (benefits, services) followed by
 * cohort and duration as a stacked-area chart and a heat map. {@link
 * org.statbench.app.cohort.status.StatusViewModel} holds the choices and runs the engine through
 * the task runner; {@link org.statbench.app.cohort.status.StatusModeView} builds and binds nodes.
 */
package org.statbench.app.cohort.status;
