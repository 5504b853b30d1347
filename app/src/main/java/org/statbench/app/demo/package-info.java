/**
 * The trainer's demo: a workspace that is always a fresh copy of a pristine template built from the
 * bundled sample data with its saved demo tables, so a reset restores exactly the starting state.
 */
package org.statbench.app.demo;
