/** StatBench cohort engine. */
package org.statbench.cohort;
