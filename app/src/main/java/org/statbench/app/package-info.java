/**
 * The application: one jar, {@link org.statbench.app.Main} opens the GUI with no arguments and runs
 * a headless sub-command ({@code cli}) otherwise. Sub-packages are features ({@code tablebuilder},
 * {@code chart}, {@code cohort}, {@code join}, {@code clearance}, ...) over the shared {@code
 * shell} (window, task runner, dialogs) and {@code workspace}; where each part of a new feature
 * goes is written in {@code docs/decisions/0010-application-layer.md}.
 */
package org.statbench.app;
