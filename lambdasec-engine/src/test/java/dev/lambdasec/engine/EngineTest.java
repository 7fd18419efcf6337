package dev.lambdasec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.RuleSettings;
import dev.lambdasec.engine.api.RuntimeCatalog;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Suppression;
import dev.lambdasec.model.Value;
import dev.lambdasec.secrets.SecretDetector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {

  /** Fails every function without tracing, passes the others; a test rule with a doc beside it. */
  @RuleInfo(
      id = "TEST-001",
      title = "Function has active tracing (test)",
      severity = Severity.LOW,
      controls = {Control.LOG},
      sources = {SourceKind.CLOUDFORMATION})
  public static final class TracingRule implements Rule {
    @Override
    public void evaluate(RuleContext ctx, Results out) {
      for (LambdaFunction f : ctx.app().functions()) {
        if ("Active".equals(f.tracingMode().orElse(""))) {
          out.pass(f, f.id() + " traces");
        } else {
          out.fail(f, f.tracingMode().origin(), f.id() + " does not trace");
        }
      }
    }
  }

  @RuleInfo(
      id = "TEST-002",
      title = "Rule that breaks (test)",
      severity = Severity.HIGH,
      controls = {Control.AUTH},
      sources = {SourceKind.CLOUDFORMATION})
  public static final class BrokenRule implements Rule {
    @Override
    public void evaluate(RuleContext ctx, Results out) {
      throw new IllegalStateException("secret-value-that-must-not-leak");
    }
  }

  private static LambdaFunction function(String id, String tracing, String scope) {
    Origin o = Origin.at(scope, 3, 5);
    return LambdaFunction.builder(Meta.of(scope, id, "AWS::Lambda::Function", o))
        .tracingMode(Value.set(tracing, o))
        .build();
  }

  private static Report run(Application app, Rule... rules) {
    return new Engine(
            RuleSet.of(List.of(rules)),
            new RuntimeCatalog(Map.of(), "none"),
            SecretDetector.bundled(),
            Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC),
            RuleSettings.defaults())
        .run(app, List.of(), new Report.ToolInfo("lambdasec", "test", ""));
  }

  @Test
  void reportsFailuresFirstAndFillsTheChecklist() {
    Application app =
        Application.builder()
            .add(function("Traced", "Active", "a.yaml"))
            .add(function("Untraced", "PassThrough", "a.yaml"))
            .build();
    Report report = run(app, new TracingRule());
    assertThat(report.findings())
        .extracting(Finding::status)
        .containsExactly(Status.FAIL, Status.PASS);
    ChecklistEntry log =
        report.checklist().stream()
            .filter(e -> e.control() == Control.LOG)
            .findFirst()
            .orElseThrow();
    assertThat(log.status()).isEqualTo(ChecklistStatus.NOT_MET);
    assertThat(log.failed()).isEqualTo(1);
    assertThat(log.passed()).isEqualTo(1);
    assertThat(report.checklist().stream().filter(e -> e.control() == Control.AUTH))
        .extracting(ChecklistEntry::status)
        .containsExactly(ChecklistStatus.NOT_APPLICABLE);
    assertThat(report.count("functions")).isEqualTo(2);
  }

  @Test
  void aSuppressionWithAReasonAcceptsTheFailureWithoutHidingIt() {
    Application app =
        Application.builder()
            .add(function("Untraced", "PassThrough", "a.yaml"))
            .add(function("Other", "PassThrough", "a.yaml"))
            .add(function("Unreasoned", "PassThrough", "a.yaml"))
            .suppression(
                new Suppression(
                    "test-001",
                    new ResourceKey("a.yaml", "Untraced"),
                    "tracing is done by the sidecar",
                    Origin.at("a.yaml", 2, 1)))
            .suppression(
                new Suppression(
                    "TEST-001",
                    new ResourceKey("a.yaml", "Unreasoned"),
                    " ",
                    Origin.at("a.yaml", 9, 1)))
            .build();
    Report report = run(app, new TracingRule());
    Finding accepted =
        report.findings().stream()
            .filter(f -> f.subject().id().equals("Untraced"))
            .findFirst()
            .orElseThrow();
    assertThat(accepted.status()).isEqualTo(Status.FAIL);
    assertThat(accepted.isSuppressed()).isTrue();
    assertThat(accepted.isActiveFailure()).isFalse();
    assertThat(report.findings().stream().filter(Finding::isActiveFailure))
        .extracting(f -> f.subject().id())
        .containsExactlyInAnyOrder("Other", "Unreasoned");
    ChecklistEntry log =
        report.checklist().stream()
            .filter(e -> e.control() == Control.LOG)
            .findFirst()
            .orElseThrow();
    assertThat(log.failed()).isEqualTo(2);
    assertThat(log.suppressed()).isEqualTo(1);
  }

  @Test
  void aRuleThatThrowsIsARuleErrorNamingOnlyTheExceptionType() {
    Application app = Application.builder().add(function("Fn", "Active", "a.yaml")).build();
    Report report = run(app, new TracingRule(), new BrokenRule());
    assertThat(report.ruleErrors()).hasSize(1);
    assertThat(report.ruleErrors().get(0).ruleId()).isEqualTo("TEST-002");
    assertThat(report.ruleErrors().get(0).message())
        .contains("IllegalStateException")
        .doesNotContain("secret-value");
    assertThat(report.findings()).hasSize(1);
  }

  @Test
  void fingerprintsIgnorePositionsButNotScopeOrPart() {
    Report first =
        run(
            Application.builder().add(function("Fn", "PassThrough", "a.yaml")).build(),
            new TracingRule());
    LambdaFunction moved =
        LambdaFunction.builder(
                Meta.of("a.yaml", "Fn", "AWS::Lambda::Function", Origin.at("a.yaml", 40, 1)))
            .tracingMode(Value.set("PassThrough", Origin.at("a.yaml", 44, 7)))
            .build();
    Report second = run(Application.builder().add(moved).build(), new TracingRule());
    Report elsewhere =
        run(
            Application.builder().add(function("Fn", "PassThrough", "b.yaml")).build(),
            new TracingRule());
    assertThat(second.findings().get(0).fingerprint())
        .isEqualTo(first.findings().get(0).fingerprint());
    assertThat(elsewhere.findings().get(0).fingerprint())
        .isNotEqualTo(first.findings().get(0).fingerprint());
  }

  @Test
  void ruleSetsRefuseRulesWithoutMetadataOrDocs() {
    Rule anonymous = (ctx, out) -> {};
    assertThatThrownBy(() -> RuleSet.of(List.of(anonymous))).hasMessageContaining("@RuleInfo");
    assertThat(RuleSet.of(List.of(new TracingRule())).find("test-001")).isPresent();
    assertThat(
            RuleSet.of(List.of(new TracingRule(), new BrokenRule()))
                .select(List.of("TEST-00"), List.of("TEST-002"))
                .rules())
        .extracting(LoadedRule::id)
        .containsExactly("TEST-001");
    assertThatThrownBy(
            () -> RuleSet.of(List.of(new TracingRule())).select(List.of("NOPE"), List.of()))
        .hasMessageContaining("no rule matches");
  }
}
