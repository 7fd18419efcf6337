package dev.lambdasec.rules.support;

import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.iam.ExpandedStatement;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.risk.RiskyActions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared verdicts of the rules about risky actions granted without resource scoping (data
 * exfiltration, credential exposure, permissions management, writes): one FAIL per statement that
 * grants such actions, naming them; PASS for holders that grant none; UNKNOWN when what they grant
 * cannot be read.
 */
public final class UnscopedRisk {

  private UnscopedRisk() {}

  /**
   * Reports every authored holder.
   *
   * @param noun what the actions do, for messages ("read data out", "expose credentials")
   */
  public static void report(RuleContext ctx, Results out, RiskyActions.Kind kind, String noun) {
    RiskyActions risky = ctx.iam().riskyActions();
    for (Grants.Holder holder : Grants.authored(ctx)) {
      if (holder.isEmpty()) {
        continue;
      }
      Map<ActionInfo, List<ExpandedStatement>> found = new LinkedHashMap<>();
      for (RiskyActions.Grant g : risky.unscoped(holder.permissions(), kind)) {
        found.put(g.action(), g.statements());
      }
      if (!found.isEmpty()) {
        Grants.byStatement(found)
            .forEach((statement, actions) ->
                out.fail(
                    holder.subject().part(statement.grant().label()),
                    statement.statement().resource().present()
                        ? statement.statement().resource().origin()
                        : statement.statement().origin(),
                    holder.describe()
                        + " allows "
                        + Grants.summary(actions.stream().map(ActionInfo::fullName).toList())
                        + " on "
                        + Grants.resources(statement.statement())
                        + " in "
                        + Grants.where(statement.grant())
                        + ": these actions "
                        + noun
                        + " and can be scoped to named resources"));
      } else if (holder.unreadableScope()) {
        Grants.unknown(
            out, holder, true, " has policies, actions or resources lambdasec cannot read");
      } else {
        out.pass(
            holder.subject(),
            holder.resource().origin(),
            holder.describe() + " grants no " + kind.label() + " actions without resource scoping");
      }
    }
  }
}
