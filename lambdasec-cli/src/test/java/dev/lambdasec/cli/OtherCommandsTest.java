package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

class OtherCommandsTest {

  @Test
  void listsEveryRule() {
    Cli cli = Cli.run("rules", "list");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("LAMBDA-001").contains(BuiltInRules.all().size() + " rules");
  }

  @Test
  void showsARulesDocumentation() {
    Cli cli = Cli.run("rules", "show", "lambda-005");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("## Rationale").contains("## Remediation").contains("SECRET");
    assertThat(Cli.run("rules", "show", "NOPE-001").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void showsTheChecklistWithServingRules() {
    Cli cli = Cli.run("checklist");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("LP").contains("IAM-001").contains("AUDIT");
  }

  @Test
  void helpAndVersion() {
    assertThat(Cli.run("--help").out()).contains("scan").contains("Exit codes");
    assertThat(Cli.run("scan", "--help").out())
        .contains("--fail-on")
        .contains("console, json, sarif");
    assertThat(Cli.run("--version").out()).startsWith("lambdasec ");
  }
}
