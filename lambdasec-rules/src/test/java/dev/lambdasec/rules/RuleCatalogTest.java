package dev.lambdasec.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lambdasec.engine.LoadedRule;
import dev.lambdasec.engine.RuleCatalogDoc;
import dev.lambdasec.engine.RuleDescriptor;
import dev.lambdasec.engine.RuleSet;
import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.testkit.FixtureCase;
import dev.lambdasec.testkit.FixtureLoader;
import dev.lambdasec.testkit.Golden;
import dev.lambdasec.testkit.Paths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the rule set consistent: registry, ids, docs, fixtures, checklist and the generated
 * catalog.
 */
class RuleCatalogTest {

  private final RuleSet rules = RuleSet.of(BuiltInRules.all());

  @Test
  void everyRuleClassIsRegistered() {
    Set<String> registered =
        BuiltInRules.all().stream().map(r -> r.getClass().getName()).collect(Collectors.toSet());
    Set<String> found = new TreeSet<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lambdasec.rules")) {
      if (c.isAssignableTo(Rule.class) && !c.isInterface()) {
        found.add(c.getName());
      }
    }
    assertThat(found).isNotEmpty().isEqualTo(registered);
  }

  @Test
  void idsAreAllocatedInTheLedgerAndNeverReused() throws IOException {
    Map<String, String> ledger = new LinkedHashMap<>();
    Set<String> duplicates = new HashSet<>();
    for (String line : resource("rule-ids.txt").lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      if (ledger.put(f[0], f[1]) != null) {
        duplicates.add(f[0]);
      }
    }
    assertThat(duplicates).as("ids allocated twice").isEmpty();
    Set<String> active =
        ledger.entrySet().stream()
            .filter(e -> e.getValue().equals("active"))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    Set<String> used =
        rules.descriptors().stream().map(RuleDescriptor::id).collect(Collectors.toSet());
    assertThat(used).as("rules whose id is not active in rule-ids.txt").isSubsetOf(active);
    assertThat(active).as("active ids without a rule").isSubsetOf(used);
  }

  @Test
  void everyRuleIsDocumentedWithRemediationForEachSource() {
    List<String> problems = new ArrayList<>();
    for (RuleDescriptor r : rules.descriptors()) {
      String doc = r.doc();
      if (!doc.startsWith("# " + r.id() + " " + r.title() + "\n")) {
        problems.add(r.id() + ": doc must start with '# " + r.id() + " " + r.title() + "'");
      }
      for (String heading : List.of("## Rationale", "## Remediation", "## References")) {
        if (!doc.contains("\n" + heading + "\n")) {
          problems.add(r.id() + ": missing " + heading);
        }
      }
      for (SourceKind s : r.sources()) {
        if (!doc.contains("\n### " + s.title() + "\n")) {
          problems.add(r.id() + ": no remediation for " + s.title());
        }
      }
      if (!doc.substring(Math.max(0, doc.indexOf("## References"))).contains("](https://")) {
        problems.add(r.id() + ": references need at least one link");
      }
      if (r.title().startsWith("Ensure")) {
        problems.add(r.id() + ": titles state the secure condition, not 'Ensure'");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyClaimedSourceHasPassingAndFailingFixtures() {
    List<String> problems = new ArrayList<>();
    for (LoadedRule rule : rules.rules()) {
      List<FixtureCase> loaded =
          FixtureLoader.loadAll(rule.id(), RuleFixturesTest.FIXTURES.resolve(rule.id()));
      if (loaded.isEmpty()) {
        problems.add(rule.id() + ": no fixtures");
        continue;
      }
      for (SourceKind s : rule.descriptor().sources()) {
        boolean fails =
            loaded.stream().anyMatch(c -> c.source() == s && !c.expected(Status.FAIL).isEmpty());
        boolean passes =
            loaded.stream().anyMatch(c -> c.source() == s && !c.expected(Status.PASS).isEmpty());
        if (!fails || !passes) {
          problems.add(rule.id() + ": " + s + " needs a failing and a passing case");
        }
      }
      Set<SourceKind> unclaimed =
          loaded.stream().map(FixtureCase::source).collect(Collectors.toCollection(TreeSet::new));
      unclaimed.removeAll(rule.descriptor().sources());
      if (!unclaimed.isEmpty()) {
        problems.add(rule.id() + ": fixtures for sources it does not claim: " + unclaimed);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void controlsMatchTheChecklist() throws IOException {
    Path checklist = Paths.repositoryRoot().resolve("../shared/design/CHECKLIST.md").normalize();
    assumeTrue(Files.exists(checklist), "CHECKLIST.md is not next to the repository");
    Set<String> ids = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| ([A-Z]+) \\|").matcher(Files.readString(checklist));
    while (m.find()) {
      ids.add(m.group(1));
    }
    ids.remove("Control");
    Set<String> ours = new TreeSet<>();
    for (Control c : Control.values()) {
      ours.add(c.name());
    }
    assertThat(ours).isEqualTo(ids);
  }

  @Test
  void everyControlATemplateCanShowIsServed() {
    Set<Control> served = new HashSet<>();
    rules.descriptors().forEach(r -> served.addAll(r.controls()));
    // ISMS is the policy file and scan history, not something a template shows.
    Set<Control> expected = new HashSet<>(List.of(Control.values()));
    expected.remove(Control.ISMS);
    assertThat(served).containsAll(expected);
  }

  @Test
  void generatedCatalogIsFresh() throws IOException {
    Golden.assertMatches(
        Paths.repositoryRoot().resolve("docs/rules.md"), RuleCatalogDoc.markdown(rules));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = BuiltInRules.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
