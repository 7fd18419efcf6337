package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Grant;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.Grants;

/**
 * Flags authored allow statements with an action that covers every action of every service ({@code
 * "*"}, {@code "*:*"}), whatever the resource: on {@code "*"} that is full administrative access
 * (IAM-001), on named resources it is still every present and future action on them.
 */
@RuleInfo(
    id = "IAM-009",
    title = "Policies grant no all-action wildcard",
    severity = Severity.HIGH,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class PolicyGrantsNoWildcardAction implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Grants.Holder holder : Grants.authored(ctx)) {
      boolean failed = false;
      for (Grant g : holder.grants()) {
        if (!g.statement().isAllow()) {
          continue;
        }
        for (Value<String> action : g.statement().action().values()) {
          String pattern = action.known().orElse("");
          if (!pattern.isEmpty() && ctx.iam().catalog().expand(pattern).isEverything()) {
            failed = true;
            out.fail(
                holder.subject().part(g.label()),
                action.origin(),
                holder.describe()
                    + " allows "
                    + pattern
                    + " (every action of every service) on "
                    + Grants.resources(g.statement())
                    + " in "
                    + Grants.where(g));
            break;
          }
        }
      }
      if (failed || holder.isEmpty()) {
        continue;
      }
      if (holder.unreadableActions()) {
        Grants.unknown(out, holder, false, " has policies or actions lambdasec cannot read");
      } else {
        out.pass(
            holder.subject(),
            holder.resource().origin(),
            holder.describe() + " grants no all-action wildcard");
      }
    }
  }
}
