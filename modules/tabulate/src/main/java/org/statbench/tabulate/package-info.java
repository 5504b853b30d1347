/** StatBench tabulate engine. */
package org.statbench.tabulate;
