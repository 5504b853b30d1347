/**
 * Cohort tracking: groups records into cohorts by the calendar period of an entry date and follows
 * each cohort over durations since entry, reporting at-risk counts, events and the cumulative
 * proportion with the event (simple cohort proportion, Kaplan-Meier or Aalen-Johansen) with 95%
 * intervals, censoring durations not yet observable by the as-of date. {@link
 * org.statbench.cohort.CohortTracker} is the facade; it reads epoch-day columns in tight loops.
 */
package org.statbench.cohort;
