package org.statbench.app.shell;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Dialog;

/**
 * Every dialog goes through the {@link DialogService} (decision 0010): views lay a dialog out and
 * hand it to {@link DialogService#showCustomDialogAndWait}, which owns the window, style sheets and
 * modality and lets tests record which dialogs were shown. Only the service itself waits on a
 * dialog.
 */
@AnalyzeClasses(
    packages = "org.statbench.app",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DialogServiceArchitectureTest {
  private static final List<String> SERVICE =
      List.of(DialogService.class.getName(), FxDialogService.class.getName());

  @ArchTest
  static final ArchRule onlyTheDialogServiceWaitsOnADialog =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(SERVICE.get(0))
          .and()
          .doNotHaveFullyQualifiedName(SERVICE.get(1))
          .should()
          .callMethodWhere(
              target(name("showAndWait")).and(target(owner(assignableTo(Dialog.class)))))
          .because(
              "dialogs are shown through DialogService.showCustomDialogAndWait, so each has the"
                  + " main window as owner and its style sheets, and tests can replace the service");

  /** The same rule on the sources (lambdas and nested classes included), as `grep` would see it. */
  @org.junit.jupiter.api.Test
  void noSourceOutsideTheDialogServiceCallsShowAndWait() throws IOException {
    Path main = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      List<String> callers =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.endsWith("shell/DialogService.java"))
              .filter(f -> !f.endsWith("shell/FxDialogService.java"))
              .filter(f -> read(f).contains("showAndWait("))
              .map(f -> main.relativize(f).toString())
              .toList();
      assertThat(callers).isEmpty();
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
