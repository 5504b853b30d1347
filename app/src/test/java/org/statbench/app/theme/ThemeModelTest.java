package org.statbench.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.workspace.WorkspacePreferences;

class ThemeModelTest {
  @TempDir Path home;

  @Test
  void startsLightWithNormalTextWhenNothingIsRemembered() {
    ThemeModel model = new ThemeModel(new WorkspacePreferences(home));
    assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
    assertThat(model.presenterProperty().get()).isFalse();
    assertThat(model.stylesheets()).isEmpty();
  }

  @Test
  void remembersThemeAndPresenterModeForTheNextStart() {
    ThemeModel model = new ThemeModel(new WorkspacePreferences(home));
    model.themeProperty().set(Theme.HIGH_CONTRAST);
    model.presenterProperty().set(true);

    ThemeModel next = new ThemeModel(new WorkspacePreferences(home));
    assertThat(next.themeProperty().get()).isEqualTo(Theme.HIGH_CONTRAST);
    assertThat(next.presenterProperty().get()).isTrue();
    assertThat(next.themeName()).isEqualTo("high-contrast");
  }

  @Test
  void addsThePresenterSheetAfterTheThemeSheet() {
    ThemeModel model = new ThemeModel(new WorkspacePreferences(home));
    model.themeProperty().set(Theme.DARK);
    model.presenterProperty().set(true);
    assertThat(model.stylesheets()).containsExactly("dark.css", "presenter.css");
  }

  @Test
  void cyclesThroughEveryThemeBackToLight() {
    ThemeModel model = new ThemeModel(new WorkspacePreferences(home));
    model.cycleTheme();
    assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);
    model.cycleTheme();
    assertThat(model.themeProperty().get()).isEqualTo(Theme.HIGH_CONTRAST);
    model.cycleTheme();
    assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
  }

  @Test
  void anUnknownRememberedThemeFallsBackToLight() throws Exception {
    Files.writeString(home.resolve("statbench.properties"), "view.theme=purple\n");
    assertThat(new ThemeModel(new WorkspacePreferences(home)).themeProperty().get())
        .isEqualTo(Theme.LIGHT);
  }

  @Test
  void everyThemeStylesheetExists() {
    for (Theme t : Theme.values()) {
      if (t.stylesheet() != null) {
        assertThat(ThemeStyler.url(t.stylesheet())).endsWith(t.stylesheet());
      }
    }
    assertThat(ThemeStyler.url("presenter.css")).endsWith("presenter.css");
  }
}
