/**
 * The only GUI code allowed to put a released table on the clipboard or encode a chart image
 * ({@link org.statbench.app.release.FxReleaseAdapter}), and only for a {@code Release} the export
 * gate admitted; {@code ExportGateArchitectureTest} keeps it so.
 */
package org.statbench.app.release;
