/** StatBench disclosure engine. */
package org.statbench.disclosure;
