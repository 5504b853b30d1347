package org.statbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layering of DESIGN.md true. */
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
}
