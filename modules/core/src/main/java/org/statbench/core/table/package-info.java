/**
 * Tables: N-dimensional cubes of typed cells with margins. A table is what the tabulation engine
 * produces, what the disclosure checker examines, and what the export gate writes. Margins are
 * typed (the total position of a dimension, or a parent category of a hierarchy), never labels.
 */
package org.statbench.core.table;
