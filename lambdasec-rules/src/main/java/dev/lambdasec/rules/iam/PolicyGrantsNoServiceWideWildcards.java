package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Grant;
import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.catalog.ActionSet;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.Grants;
import java.util.List;

/**
 * Flags authored allow statements with an action pattern that covers every action of a service
 * ({@code s3:*}, {@code logs:*}, or any pattern the catalog shows to cover a whole service). A
 * pattern covering every action of every service is IAM-009's concern; {@code NotAction} is
 * IAM-008's.
 */
@RuleInfo(
    id = "IAM-002",
    title = "Policies grant no service-wide wildcard actions",
    severity = Severity.HIGH,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class PolicyGrantsNoServiceWideWildcards implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    ActionCatalog catalog = ctx.iam().catalog();
    for (Grants.Holder holder : Grants.authored(ctx)) {
      boolean failed = false;
      for (Grant g : holder.grants()) {
        if (!g.statement().isAllow()) {
          continue;
        }
        for (Value<String> action : g.statement().action().values()) {
          String pattern = action.known().orElse("");
          String service = wholeService(catalog, pattern);
          if (service != null) {
            failed = true;
            out.fail(
                holder.subject().part(g.label()),
                action.origin(),
                holder.describe()
                    + " allows "
                    + pattern
                    + ", every action of "
                    + service
                    + ", in "
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
            holder.describe() + " names its actions without service-wide wildcards");
      }
    }
  }

  /**
   * The service whose every action a wildcard pattern covers, or {@code null}; patterns covering
   * every service are not service-wide but total.
   */
  static @org.jspecify.annotations.Nullable String wholeService(
      ActionCatalog catalog, String pattern) {
    if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
      return null;
    }
    ActionSet expanded = catalog.expand(pattern);
    if (expanded.isEmpty() || expanded.isEverything()) {
      return null;
    }
    int colon = pattern.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String prefix = pattern.substring(0, colon);
    for (String service : catalog.services()) {
      if (dev.lambdasec.iam.Glob.action(prefix, service) == dev.lambdasec.iam.Match.NO) {
        continue;
      }
      List<ActionInfo> all = catalog.actionsOf(service);
      if (all.size() > 1 && all.stream().allMatch(expanded::contains)) {
        return service;
      }
    }
    return null;
  }
}
