/**
 * Record-level outputs in the GUI: asking for a record-level clearance and releasing a working file
 * under one, through the same path as {@code clearance request-records|release-records}.
 */
package org.statbench.app.recordrelease;
