/**
 * The Clearance queue tab: the statistician's list of export requests, each request's table with
 * its failing cells, rules and protection, and the approve / reject commands, each recorded in the
 * audit log through the export module's clearance book.
 */
package org.statbench.app.clearance;
