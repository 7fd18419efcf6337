package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Grant;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Grants;

/** Flags authored allow statements written with NotAction or NotResource. */
@RuleInfo(
    id = "IAM-008",
    title = "Policies do not allow by exclusion (NotAction or NotResource)",
    severity = Severity.HIGH,
    controls = {Control.LP},
    sources = {SourceKind.CLOUDFORMATION, SourceKind.SAM, SourceKind.TERRAFORM})
public final class PolicyDoesNotAllowByExclusion implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Grants.Holder holder : Grants.authored(ctx)) {
      boolean failed = false;
      for (Grant g : holder.grants()) {
        Statement s = g.statement();
        if (!s.isAllow() || !(s.notAction().present() || s.notResource().present())) {
          continue;
        }
        failed = true;
        boolean byAction = s.notAction().present();
        out.fail(
            holder.subject().part(g.label()),
            byAction ? s.notAction().origin() : s.notResource().origin(),
            Grants.describe(holder.resource())
                + " allows "
                + (byAction
                    ? "every action except " + String.join(", ", s.notAction().known())
                    : "on every resource except " + String.join(", ", s.notResource().known()))
                + " in "
                + g.policy().name()
                + " (statement "
                + s.label()
                + "); new actions and resources are granted as AWS adds them");
      }
      if (!failed && !holder.grants().isEmpty()) {
        out.pass(
            holder.subject(),
            holder.resource().origin(),
            Grants.describe(holder.resource()) + " allows only what it names");
      }
    }
  }
}
