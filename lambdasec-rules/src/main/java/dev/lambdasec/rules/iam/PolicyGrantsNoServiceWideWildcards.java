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
 * Flags authored allow statements whose actions are {@code *} or a whole service ({@code s3:*}).
 */
@RuleInfo(
    id = "IAM-002",
    title = "Policies grant no service-wide wildcard actions",
    severity = Severity.HIGH,
    controls = {Control.LP},
    sources = {SourceKind.CLOUDFORMATION, SourceKind.SAM, SourceKind.TERRAFORM})
public final class PolicyGrantsNoServiceWideWildcards implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Grants.Holder holder : Grants.authored(ctx)) {
      boolean failed = false;
      for (Grant g : holder.grants()) {
        if (!g.statement().isAllow()) {
          continue;
        }
        for (Value<String> action : g.statement().action().values()) {
          String a = action.orElse("");
          if (isServiceWide(a)) {
            failed = true;
            out.fail(
                holder.subject().part(g.label()),
                action.origin(),
                Grants.describe(holder.resource())
                    + " allows "
                    + a
                    + " in "
                    + g.policy().name()
                    + " (statement "
                    + g.statement().label()
                    + ")");
            break;
          }
        }
      }
      if (!failed && !holder.grants().isEmpty()) {
        out.pass(
            holder.subject(),
            holder.resource().origin(),
            Grants.describe(holder.resource())
                + " names its actions without service-wide wildcards");
      }
    }
  }

  /** {@code *}, {@code *:*} or {@code service:*}. */
  static boolean isServiceWide(String action) {
    int colon = action.indexOf(':');
    return action.equals("*") || (colon > 0 && action.substring(colon + 1).equals("*"));
  }
}
