/**
 * The guided tour: {@link org.statbench.app.tour.TourModel} (steps and the next / back / close
 * commands, no nodes) and {@link org.statbench.app.tour.TourOverlay}, which highlights each step's
 * part of the window.
 */
package org.statbench.app.tour;
