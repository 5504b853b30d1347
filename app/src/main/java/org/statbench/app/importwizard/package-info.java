/**
 * The import wizard: a file with its delimiter and encoding, a live preview of the first rows,
 * per-column type overrides and the dataset name; the import runs in the background and a failure
 * leaves the workspace as it was.
 */
package org.statbench.app.importwizard;
