package dev.lambdasec.rules.drift;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.Drift;
import java.util.Optional;

/**
 * Flags live functions whose environment encryption differs from the template: a customer key
 * removed or swapped by hand changes who can read the variables.
 */
@RuleInfo(
    id = "DRIFT-003",
    title = "Environment encryption key matches the template",
    severity = Severity.MEDIUM,
    controls = {Control.ENC, Control.ISMS},
    sources = {SourceKind.AWS})
public final class EnvironmentKeyMatchesTemplate implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Drift.Pair p : Drift.pairs(ctx.app())) {
      Value<Ref> declared = p.template().kmsKey();
      Value<Ref> live = p.live().kmsKey();
      if (declared.isUnresolved()) {
        out.unknown(
            p.live(),
            declared.origin(),
            "The KMS key of " + p.templateLabel() + " is " + declared.describe());
        continue;
      }
      Optional<String> want = declared.known().map(Ref::literal);
      boolean differs =
          declared.isPresent() != live.isPresent()
              || (want.isPresent()
                  && want.get().startsWith("arn:")
                  && !want.equals(live.known().map(Ref::literal)));
      if (differs) {
        out.fail(
            p.live(),
            live.origin(),
            "Function "
                + p.live().id()
                + " encrypts its environment with "
                + live.known().map(Ref::display).orElse("the AWS managed key")
                + ", but its "
                + p.templateLabel()
                + " declares "
                + declared.known().map(Ref::display).orElse("the AWS managed key"));
      } else {
        out.pass(p.live(), "Function " + p.live().id() + " uses the key its template declares");
      }
    }
  }
}
