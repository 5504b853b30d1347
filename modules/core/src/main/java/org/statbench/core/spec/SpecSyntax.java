package org.statbench.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.statbench.core.InputException;

/** Parsers for the command-line forms of derivations that name their variable: {@code V=...}. */
public final class SpecSyntax {
  private SpecSyntax() {}

  /**
   * Parses {@code --band V=LO-HI,LO-HI,...,LO+}.
   *
   * @return the variable and its bands
   * @throws InputException when the text is not in that form or two bands overlap (touching ends
   *     are allowed)
   */
  public static Map.Entry<String, Bands> band(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new InputException("Band '" + text + "' is not V=LO-HI,LO-HI,...,LO+");
    }
    String variable = text.substring(0, eq).trim();
    try {
      // a value in two bands would be counted in one of them silently: refuse, as the band
      // dialog of the table builder does
      return Map.entry(variable, Bands.parse(text.substring(eq + 1)).requireNoOverlap());
    } catch (InputException e) {
      throw new InputException("--band " + variable + ": " + e.getMessage());
    }
  }

  /**
   * Parses {@code --group V=NAME=code,code,...}.
   *
   * @return the variable and the group
   * @throws InputException when the text is not in that form
   */
  public static Map.Entry<String, CodeGroup> group(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new InputException("Group '" + text + "' is not V=NAME=code,code,...");
    }
    return Map.entry(text.substring(0, eq).trim(), CodeGroups.parseGroup(text.substring(eq + 1)));
  }

  /**
   * Parses {@code --date-group V=month|quarter|financial_year|year}.
   *
   * @return the variable and its grouping
   * @throws InputException when the text is not in that form
   */
  public static Map.Entry<String, DateGrouping> dateGroup(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new InputException("Date grouping '" + text + "' is not V=month|quarter|fy|year");
    }
    return Map.entry(
        text.substring(0, eq).trim(), new DateGrouping(DateUnit.parse(text.substring(eq + 1))));
  }

  /**
   * Parses {@code --rollup V=PARENT[,GRANDPARENT...]}: roll the variable up to another variable's
   * values, and those up to the next variable's, nearest level first (e.g. {@code
   * oa=la,region,country}). A {@code >} may separate the levels instead of a comma ({@code
   * oa=la>region}).
   *
   * @return the variable and its roll-up
   * @throws InputException when the text is not in that form
   */
  public static Map.Entry<String, RollUp> rollUp(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new InputException("Roll-up '" + text + "' is not V=PARENT[,GRANDPARENT...]");
    }
    List<String> parents = new ArrayList<>();
    for (String p : text.substring(eq + 1).split("[,>]", -1)) {
      if (p.isBlank()) {
        throw new InputException(
            "Roll-up '" + text + "' has an empty level: write V=PARENT[,GRANDPARENT...]");
      }
      parents.add(p.trim());
    }
    String variable = text.substring(0, eq).trim();
    if (parents.contains(variable)) {
      throw new InputException("Roll-up '" + text + "' lists '" + variable + "' as its own parent");
    }
    return Map.entry(variable, RollUp.toVariables(parents));
  }
}
