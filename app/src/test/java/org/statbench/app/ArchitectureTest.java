package org.statbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** Keeps the layering of DESIGN.md and the application layer's MVVM split true. */
@AnalyzeClasses(packages = "org.statbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] ENGINE = {
    "org.statbench.core..",
    "org.statbench.store..",
    "org.statbench.tabulate..",
    "org.statbench.cohort..",
    "org.statbench.geo..",
    "org.statbench.disclosure..",
    "org.statbench.export..",
    "org.statbench.link..",
    "org.statbench.sampledata.."
  };

  @ArchTest
  static final ArchRule engineModulesDoNotUseGuiToolkits =
      noClasses()
          .that()
          .resideInAnyPackage(ENGINE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..");

  @ArchTest
  static final ArchRule nothingDependsOnTheApp =
      noClasses()
          .that()
          .resideInAnyPackage(ENGINE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.statbench.app..");

  @ArchTest
  static final ArchRule coreDependsOnNothingElse =
      noClasses()
          .that()
          .resideInAPackage("org.statbench.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.statbench.store..",
              "org.statbench.tabulate..",
              "org.statbench.cohort..",
              "org.statbench.geo..",
              "org.statbench.disclosure..",
              "org.statbench.export..",
              "org.statbench.link..");

  @ArchTest
  static final ArchRule linkDependsOnlyOnStoreAndCore =
      noClasses()
          .that()
          .resideInAPackage("org.statbench.link..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.statbench.tabulate..",
              "org.statbench.cohort..",
              "org.statbench.geo..",
              "org.statbench.disclosure..",
              "org.statbench.export..",
              "org.statbench.sampledata..")
          .because("DESIGN.md: link -> store -> core; a linked dataset is saved through the store");

  @ArchTest
  static final ArchRule nothingButTheAppUsesLink =
      noClasses()
          .that()
          .resideInAnyPackage(ENGINE)
          .and()
          .resideOutsideOfPackage("org.statbench.link..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.statbench.link..");

  @ArchTest
  static final ArchRule disclosureWorksOnTablesAlone =
      noClasses()
          .that()
          .resideInAPackage("org.statbench.disclosure..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.statbench.store..", "org.statbench.tabulate..", "java.sql..", "org.h2..");

  @ArchTest
  static final ArchRule onlyTheStoreTalksToH2 =
      noClasses()
          .that()
          .resideInAnyPackage(ENGINE)
          .and()
          .resideOutsideOfPackages("org.statbench.store..", "org.statbench.tabulate.sql..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.h2..");

  @ArchTest
  static final ArchRule viewModelsDoNotTouchTheSceneGraph =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx.scene..", "java.awt..", "javax.swing..")
          .because(
              "a view-model holds properties and commands a test drives without a toolkit;"
                  + " the view builds the nodes (STYLE.md)");

  @ArchTest
  static final ArchRule modulesHaveNoCycles =
      slices()
          .matching("org.statbench.(*)..")
          .should()
          .beFreeOfCycles()
          .because("modules depend one way, as DESIGN.md's arrows say");

  /**
   * The window's composition root: it names and assembles every feature, so it depends on them all
   * by design (a feature is added with one line in {@code Features}).
   */
  private static final java.util.Set<String> COMPOSITION_ROOT =
      java.util.Set.of(
          "org.statbench.app.shell.Features",
          "org.statbench.app.shell.MainView",
          "org.statbench.app.shell.MainViewModel",
          // the status bar shows each feature's state (e.g. a database source's connection)
          "org.statbench.app.shell.StatusBarView",
          "org.statbench.app.shell.StatBenchApp");

  /**
   * One slice per package (an app feature with its sub-packages), except that the shell's services
   * and the open workspace model they hand to every feature ({@code AppContext.workspace()}) form
   * one shared kernel.
   */
  private static final SliceAssignment PACKAGES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String p = c.getPackageName();
          if (!p.startsWith("org.statbench.")) {
            return SliceIdentifier.ignore();
          }
          if (p.startsWith("org.statbench.app.")) {
            // a feature's sub-packages (e.g. cohort.status, a mode of the Cohorts tab) are the
            // feature's own parts: one slice with it
            String[] parts = p.split("\\.");
            p = String.join(".", java.util.Arrays.copyOf(parts, Math.min(parts.length, 4)));
          }
          if (p.equals("org.statbench.app.workspace")) {
            p = "org.statbench.app.shell";
          }
          return SliceIdentifier.of(p);
        }

        @Override
        public String getDescription() {
          return "packages of org.statbench (app.shell with app.workspace as one kernel)";
        }
      };

  @ArchTest
  static final ArchRule packagesHaveNoCycles =
      slices()
          .assignedFrom(PACKAGES)
          .should()
          .beFreeOfCycles()
          .ignoreDependency(
              DescribedPredicate.describe(
                  "the composition root", c -> COMPOSITION_ROOT.contains(c.getName())),
              DescribedPredicate.alwaysTrue())
          .because(
              "a package that needs another is a layer above it, never beside it: features build"
                  + " on the shell and shared parts, never on each other in a circle");
}
