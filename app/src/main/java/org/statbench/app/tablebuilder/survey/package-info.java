/**
 * Survey estimation in the GUI: the "Survey design…" dialog of a dataset ({@link
 * org.statbench.app.tablebuilder.survey.SurveyDesignDialog} over {@link
 * org.statbench.app.tablebuilder.survey.SurveyDesignViewModel}), what the table builder shows of a
 * survey table ({@link org.statbench.app.tablebuilder.survey.SurveyDisplay}: the Show selector,
 * reliability flags with their reasons, the Gini line) and the flags every export carries ({@link
 * org.statbench.app.tablebuilder.survey.SurveyFlags}, shared with the command line).
 */
package org.statbench.app.tablebuilder.survey;
