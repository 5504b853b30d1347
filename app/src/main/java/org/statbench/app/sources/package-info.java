/**
 * Database sources in the GUI: Datasets > Connect to database… ({@link
 * org.statbench.app.sources.ConnectDialog} and its view-model), the password prompt, and {@link
 * org.statbench.app.sources.SourceSessions}, through which the table builder and cohorts compute a
 * source's figures on its server.
 */
package org.statbench.app.sources;
