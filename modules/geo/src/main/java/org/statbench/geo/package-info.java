/** StatBench geo engine. */
package org.statbench.geo;
