/**
 * Themes (light, dark, high contrast) and presenter mode: {@link
 * org.statbench.app.theme.ThemeModel} remembers the choice, {@link
 * org.statbench.app.theme.ThemeStyler} applies the stylesheets to every window, {@link
 * org.statbench.app.theme.ThemeMenu} offers it in the View menu.
 */
package org.statbench.app.theme;
