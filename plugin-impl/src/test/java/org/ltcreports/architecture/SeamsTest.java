package org.ltcreports.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seams of architecture.md, checked on the compiled classes: measures know nothing of rendering
 * or the web, and renderers know nothing of SQL.
 */
class SeamsTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ltcreports");
  }

  @Test
  void measuresStatisticsAndDataQualityKnowNothingOfRenderingOrTheWeb() {
    noClasses()
        .that()
        .resideInAnyPackage("..measures..", "..stats..", "..quality..", "..casemanagement")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..render..",
            "..web..",
            "jakarta.servlet..",
            "net.sf.jasperreports..",
            "org.apache.poi..",
            "org.jdbi..",
            "java.sql..")
        .check(classes);
  }

  @Test
  void renderersKnowNothingOfSqlOrTheSourceDatabase() {
    noClasses()
        .that()
        .resideInAPackage("..render..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..", "..source..", "..web..")
        .check(classes);
  }

  @Test
  void thePublicContractsDependOnNothingOfTheImplementation() {
    noClasses()
        .that()
        .resideInAPackage("org.ltcreports.api..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("org.ltcreports.api..", "java..", "javax..", "jakarta.inject..")
        .check(classes);
  }
}
