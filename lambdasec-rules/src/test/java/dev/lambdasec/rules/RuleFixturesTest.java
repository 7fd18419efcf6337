package dev.lambdasec.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdasec.engine.LoadedRule;
import dev.lambdasec.engine.RuleSet;
import dev.lambdasec.testkit.FixtureCase;
import dev.lambdasec.testkit.FixtureLoader;
import dev.lambdasec.testkit.FixtureRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule's {@code fixtures/<ID>/cases.yaml} through the real adapters and the rule alone,
 * and requires the exact PASS/FAIL/UNKNOWN sets. {@code -Drule=LAMBDA-001} runs one rule's cases.
 */
class RuleFixturesTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @TestFactory
  Stream<DynamicNode> everyRuleMeetsItsFixtures() {
    String only = System.getProperty("rule", "");
    List<LoadedRule> rules =
        RuleSet.of(BuiltInRules.all()).rules().stream()
            .filter(r -> only.isBlank() || only.startsWith("${") || r.id().equals(only))
            .toList();
    assertTrue(!rules.isEmpty(), "no rule matches -Drule=" + only);
    return rules.stream().map(RuleFixturesTest::container);
  }

  private static DynamicNode container(LoadedRule rule) {
    Path folder = FIXTURES.resolve(rule.id());
    List<FixtureCase> loaded = FixtureLoader.loadAll(rule.id(), folder);
    if (loaded.isEmpty()) {
      return DynamicTest.dynamicTest(
          rule.id() + " has fixtures",
          () -> {
            throw new AssertionError("no cases*.yaml in " + folder);
          });
    }
    return DynamicContainer.dynamicContainer(
        rule.id(),
        loaded.stream()
            .map(c ->
                DynamicTest.dynamicTest(
                    c.source() + ": " + c.name(), () -> FixtureRunner.check(c, rule))));
  }
}
