package dev.lambdasec.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleInfo;
import org.junit.jupiter.api.Test;

/**
 * Rules see only the model: no parsers, files, network or SDK, and a rule is a final annotated
 * class.
 */
class RulesArchitectureTest {

  private final JavaClasses rules =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lambdasec.rules");

  @Test
  void rulesAreFinalAnnotatedRuleClasses() {
    classes()
        .that()
        .resideInAnyPackage("dev.lambdasec.rules.(*)..")
        .and()
        .resideOutsideOfPackage("dev.lambdasec.rules.support..")
        .and()
        .areTopLevelClasses()
        .and()
        .areNotAnnotations()
        .and()
        .doNotHaveSimpleName("package-info")
        .should()
        .implement(Rule.class)
        .andShould()
        .beAnnotatedWith(RuleInfo.class)
        .andShould()
        .haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
        .check(rules);
  }

  @Test
  void rulesDependOnlyOnModelIamEngineApiAndJava() {
    classes()
        .that()
        .resideInAPackage("dev.lambdasec.rules..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.lambdasec.rules..",
            "dev.lambdasec.model..",
            "dev.lambdasec.iam..",
            "dev.lambdasec.engine.api..",
            "dev.lambdasec.secrets..",
            "java.lang..",
            "java.util..",
            "java.time..",
            "org.jspecify..")
        .check(rules);
  }

  @Test
  void rulesDoNoInputOrOutput() {
    noClasses()
        .that()
        .resideInAPackage("dev.lambdasec.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "software.amazon..")
        .check(rules);
  }
}
