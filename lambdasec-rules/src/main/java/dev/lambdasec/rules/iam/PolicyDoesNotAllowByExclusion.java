package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.ExpandedStatement;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Grants;

/**
 * Flags authored allow statements written with NotAction or NotResource, naming how many actions
 * the exclusion grants today (from the action catalog).
 */
@RuleInfo(
    id = "IAM-008",
    title = "Policies do not allow by exclusion (NotAction or NotResource)",
    severity = Severity.HIGH,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class PolicyDoesNotAllowByExclusion implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Grants.Holder holder : Grants.authored(ctx)) {
      boolean failed = false;
      for (ExpandedStatement e : holder.permissions().allows()) {
        Statement s = e.statement();
        if (!(s.notAction().present() || s.notResource().present())) {
          continue;
        }
        failed = true;
        boolean byAction = s.notAction().present() && !s.action().present();
        out.fail(
            holder.subject().part(e.grant().label()),
            byAction ? s.notAction().origin() : s.notResource().origin(),
            holder.describe()
                + " allows "
                + (byAction
                    ? "every action except "
                        + Grants.summary(s.notAction().known())
                        + " ("
                        + e.actions().size()
                        + " actions today)"
                    : "on every resource except " + Grants.summary(s.notResource().known()))
                + " in "
                + Grants.where(e.grant())
                + "; new actions and resources are granted as AWS adds them");
      }
      if (failed || holder.isEmpty()) {
        continue;
      }
      if (holder.unreadableActions()) {
        Grants.unknown(out, holder, false, " has policies lambdasec cannot read");
      } else {
        out.pass(
            holder.subject(),
            holder.resource().origin(),
            holder.describe() + " allows only what it names");
      }
    }
  }
}
