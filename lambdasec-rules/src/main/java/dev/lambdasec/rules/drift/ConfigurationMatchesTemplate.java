package dev.lambdasec.rules.drift;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.model.VpcConfig;
import dev.lambdasec.rules.support.Drift;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags live functions whose runtime, tracing or VPC attachment differs from the template: what
 * runs is not what was reviewed.
 */
@RuleInfo(
    id = "DRIFT-004",
    title = "Runtime, tracing and VPC attachment match the template",
    severity = Severity.MEDIUM,
    controls = {Control.DEPS, Control.NET, Control.ISMS},
    sources = {SourceKind.AWS})
public final class ConfigurationMatchesTemplate implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Drift.Pair p : Drift.pairs(ctx.app())) {
      LambdaFunction t = p.template();
      LambdaFunction l = p.live();
      List<String> differences = new ArrayList<>();
      compare("runtime", t.runtime(), l.runtime(), differences);
      compare("tracing", t.tracingMode(), l.tracingMode(), differences);
      compare("VPC attachment", attached(t.vpc()), attached(l.vpc()), differences);
      if (differences.isEmpty()) {
        out.pass(l, "Runtime, tracing and VPC attachment of " + l.id() + " match its template");
      } else {
        out.fail(
            l,
            l.origin(),
            "Function "
                + l.id()
                + " differs from its "
                + p.templateLabel()
                + ": "
                + String.join("; ", differences));
      }
    }
  }

  private static Value<String> attached(Value<VpcConfig> vpc) {
    return vpc.isUnresolved()
        ? Value.unresolved(vpc.origin(), "unresolved")
        : Value.set(
            vpc.known().filter(VpcConfig::attached).isPresent() ? "attached" : "none",
            vpc.origin());
  }

  private static void compare(
      String what, Value<String> template, Value<String> live, List<String> differences) {
    Optional<String> want = template.known();
    Optional<String> have = live.known();
    if (template.isUnresolved() || live.isUnresolved() || want.equals(have)) {
      return;
    }
    differences.add(
        what + " " + have.orElse("unset") + " live, " + want.orElse("unset") + " in the template");
  }
}
