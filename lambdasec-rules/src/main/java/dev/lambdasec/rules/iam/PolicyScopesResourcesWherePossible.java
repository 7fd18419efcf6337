package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.ExpandedStatement;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.catalog.ActionSet;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Grants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags authored allow statements with {@code Resource: "*"} for actions that IAM can scope to
 * specific resources (the action catalog knows which actions support resource-level permissions),
 * once explicit denies of the same holder are taken into account. Statements with conditions are
 * not flagged: a condition may narrow the resources.
 */
@RuleInfo(
    id = "IAM-003",
    title = "Policies scope resources for actions that support it",
    severity = Severity.MEDIUM,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class PolicyScopesResourcesWherePossible implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    ActionCatalog catalog = ctx.iam().catalog();
    ActionSet scopable = catalog.matching(ActionInfo::supportsResourceScoping);
    for (Grants.Holder holder : Grants.authored(ctx)) {
      if (holder.isEmpty()) {
        continue;
      }
      ActionSet broad = holder.permissions().onEveryResource(false).intersect(scopable);
      Map<ActionInfo, List<ExpandedStatement>> found = new LinkedHashMap<>();
      for (ActionInfo a : catalog.actions(broad).toList()) {
        List<ExpandedStatement> by =
            holder.permissions().grantsOf(a).stream()
                .filter(g -> g.scope().everything() && g.unconditional())
                .toList();
        if (!by.isEmpty()) {
          found.put(a, by);
        }
      }
      if (!found.isEmpty()) {
        Grants.byStatement(found)
            .forEach((s, actions) ->
                out.fail(
                    holder.subject().part(s.grant().label()),
                    s.statement().resource().origin(),
                    holder.describe()
                        + " grants "
                        + Grants.summary(actions.stream().map(ActionInfo::fullName).toList())
                        + " on every resource in "
                        + Grants.where(s.grant())
                        + ", although these actions can name specific resources"));
      } else if (holder.unreadableScope()) {
        Grants.unknown(
            out, holder, true, " has policies, actions or resources lambdasec cannot read");
      } else {
        out.pass(
            holder.subject(),
            holder.resource().origin(),
            holder.describe() + " scopes every resource-scopable action to specific resources");
      }
    }
  }
}
