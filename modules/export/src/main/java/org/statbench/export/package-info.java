/** StatBench export engine. */
package org.statbench.export;
