package org.statbench.app.release;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * DESIGN.md principle 2, "nothing leaves unchecked", as rules on the byte code: only the export
 * module writes spreadsheets and released tables, only the export module and the one GUI adapter
 * ({@link FxReleaseAdapter}) touch the clipboard or encode images, and only the gate creates the
 * {@code Release} that holds the writers.
 */
@AnalyzeClasses(packages = "org.statbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ExportGateArchitectureTest {
  private static final String EXPORT = "org.statbench.export..";
  private static final String ADAPTER = "org.statbench.app.release.FxReleaseAdapter";

  @ArchTest
  static final ArchRule onlyTheExportModuleWritesSpreadsheets =
      noClasses()
          .that()
          .resideOutsideOfPackage(EXPORT)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.poi..")
          .because("an XLSX file with table content may only come out of the export gate");

  @ArchTest
  static final ArchRule onlyTheGateAdapterTouchesTheClipboard =
      noClasses()
          .that()
          .resideOutsideOfPackage(EXPORT)
          .and()
          .doNotHaveFullyQualifiedName(ADAPTER)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.awt.datatransfer..")
          .orShould()
          .callMethod("javafx.scene.input.Clipboard", "getSystemClipboard")
          .orShould()
          .callMethod("java.awt.Toolkit", "getSystemClipboard")
          // ClipboardContent itself is allowed: drag and drop of field names uses it.
          .because("clipboard copies of tables go through the export gate");

  @ArchTest
  static final ArchRule onlyTheGateAdapterEncodesImages =
      noClasses()
          .that()
          .resideOutsideOfPackage(EXPORT)
          .and()
          .doNotHaveFullyQualifiedName(ADAPTER)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javax.imageio..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("javafx.embed.swing.SwingFXUtils")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.jfree.chart.ChartUtils")
          .because("chart images are written through the export gate");

  @ArchTest
  static final ArchRule onlyTheGateCreatesReleases =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.statbench.export.ExportGate")
          .and()
          .doNotHaveFullyQualifiedName("org.statbench.export.Release")
          .should()
          .callConstructor(
              "org.statbench.export.Release",
              "org.statbench.export.ExportGate",
              "org.statbench.export.Publication")
          .because("a Release (the writers) exists only for a table the gate admitted");
}
