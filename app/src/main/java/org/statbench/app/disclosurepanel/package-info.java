/**
 * The Disclosure panel beside the table and the one way a table leaves the workstation: {@link
 * org.statbench.app.disclosurepanel.DisclosurePanelViewModel} checks a table live, protects it on
 * request and admits it through the export gate; {@link
 * org.statbench.app.disclosurepanel.ReleaseActions} exports, copies, writes charts and reports or
 * offers a clearance request; {@link org.statbench.app.disclosurepanel.ReleasePath} joins the two
 * for every feature (protect-then-release for cohorts, joins and later features).
 */
package org.statbench.app.disclosurepanel;
