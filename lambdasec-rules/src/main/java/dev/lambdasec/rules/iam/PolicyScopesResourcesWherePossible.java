package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Grant;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Grants;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags authored allow statements with {@code Resource: "*"} for actions that IAM can scope to
 * specific resources (the action catalog knows which actions support resource-level permissions).
 */
@RuleInfo(
    id = "IAM-003",
    title = "Policies scope resources for actions that support it",
    severity = Severity.MEDIUM,
    controls = {Control.LP},
    sources = {SourceKind.CLOUDFORMATION, SourceKind.SAM, SourceKind.TERRAFORM})
public final class PolicyScopesResourcesWherePossible implements Rule {

  private static final int SHOWN = 5;

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Grants.Holder holder : Grants.authored(ctx)) {
      boolean failed = false;
      for (Grant g : holder.grants()) {
        Statement s = g.statement();
        if (!s.isAllow() || !s.appliesToAllResources() || !s.conditions().isEmpty()) {
          continue;
        }
        Set<String> scopable = new TreeSet<>();
        for (String pattern : s.action().known()) {
          for (ActionInfo a : ctx.iam().catalog().expand(pattern)) {
            if (a.supportsResourceScoping()) {
              scopable.add(a.fullName());
            }
          }
        }
        if (!scopable.isEmpty()) {
          failed = true;
          out.fail(
              holder.subject().part(g.label()),
              s.resource().origin(),
              Grants.describe(holder.resource())
                  + " grants "
                  + summary(scopable)
                  + " on every resource in "
                  + g.policy().name()
                  + " (statement "
                  + s.label()
                  + "), although these actions can name specific resources");
        }
      }
      if (!failed && !holder.grants().isEmpty()) {
        out.pass(
            holder.subject(),
            holder.resource().origin(),
            Grants.describe(holder.resource())
                + " scopes every resource-scopable action to specific resources");
      }
    }
  }

  private static String summary(Set<String> actions) {
    String shown = String.join(", ", actions.stream().limit(SHOWN).toList());
    return actions.size() > SHOWN ? shown + " and " + (actions.size() - SHOWN) + " more" : shown;
  }
}
