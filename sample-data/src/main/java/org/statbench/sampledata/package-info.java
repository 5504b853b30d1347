/** Deterministic generator of the synthetic sample extracts and lookups. */
package org.statbench.sampledata;
