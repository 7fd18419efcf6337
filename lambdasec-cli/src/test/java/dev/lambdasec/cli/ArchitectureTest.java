package dev.lambdasec.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The module layering of ARCHITECTURE.md §2, checked on the compiled classes of every module. */
class ArchitectureTest {

  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lambdasec");

  @Test
  void modelDependsOnNothingButJava() {
    noClasses()
        .that()
        .resideInAPackage("dev.lambdasec.model..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("dev.lambdasec.model..", "java..", "org.jspecify..")
        .check(ALL);
  }

  @Test
  void rulesNeverSeeSourcesReportsOrTheCli() {
    noClasses()
        .that()
        .resideInAPackage("dev.lambdasec.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.lambdasec.source..",
            "dev.lambdasec.report..",
            "dev.lambdasec.cli..",
            "org.yaml..",
            "com.fasterxml..")
        .check(ALL);
  }

  @Test
  void sourcesDoNotDependOnRulesEngineOrReports() {
    noClasses()
        .that()
        .resideInAPackage("dev.lambdasec.source..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.lambdasec.rules..", "dev.lambdasec.engine..", "dev.lambdasec.report..")
        .check(ALL);
  }

  @Test
  void reportsDoNotDependOnSourcesOrRules() {
    noClasses()
        .that()
        .resideInAPackage("dev.lambdasec.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.lambdasec.source..", "dev.lambdasec.rules..")
        .check(ALL);
  }

  @Test
  void engineAndIamDoNotDependOnSourcesReportsOrCli() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.lambdasec.engine..", "dev.lambdasec.iam..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.lambdasec.source..",
            "dev.lambdasec.report..",
            "dev.lambdasec.cli..",
            "dev.lambdasec.rules..")
        .check(ALL);
  }

  @Test
  void onlyTheCliWritesToStandardStreams() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.lambdasec.cli..")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .check(ALL);
  }

  @Test
  void nobodyUsesJavaUtilLogging() {
    GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(ALL);
  }
}
