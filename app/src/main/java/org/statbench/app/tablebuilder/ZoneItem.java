package org.statbench.app.tablebuilder;

import org.statbench.core.data.VariableType;

/**
 * A field placed in a zone, as the zone shows it.
 *
 * @param variable the variable name
 * @param text what the chip says, e.g. {@code age: 16-24, 25-49, 50+} or {@code sex in F}
 * @param type the variable's type, or null when the dataset does not have it
 * @param modified whether it carries a derivation or a filter condition
 */
public record ZoneItem(String variable, String text, VariableType type, boolean modified) {}
