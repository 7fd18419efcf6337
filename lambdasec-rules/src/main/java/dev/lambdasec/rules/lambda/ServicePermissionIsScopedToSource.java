package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Exposure;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.SourceKind;
import java.util.List;

/**
 * Flags permissions that let an AWS service invoke a function on behalf of any of its customers:
 * without a source ARN or account, another account's bucket, topic or API can trigger the function
 * (confused deputy).
 */
@RuleInfo(
    id = "LAMBDA-004",
    title = "Service permissions are scoped to a source ARN or account",
    severity = Severity.MEDIUM,
    controls = {Control.AUTH},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class ServicePermissionIsScopedToSource implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Permission permission : ctx.app().permissions()) {
      Policy policy = ctx.iam().policy(permission.policy());
      for (Statement s : policy.statements()) {
        if (!s.isAllow() || Exposure.of(s).audience() != Exposure.Audience.SERVICE) {
          continue;
        }
        List<String> services = s.principal() != null ? s.principal().services() : List.of();
        String who = String.join(", ", services);
        if (!Exposure.sourceConditions(s).isEmpty()) {
          out.pass(permission, "Permission " + permission.id() + " scopes " + who + " to a source");
        } else if (Exposure.sourceConditionsUnresolved(s)) {
          out.unknown(
              permission,
              s.origin(),
              "The source condition of " + permission.id() + " cannot be resolved");
        } else {
          out.fail(
              permission,
              s.principal() != null ? s.principal().origin() : s.origin(),
              "Permission "
                  + permission.id()
                  + " lets "
                  + who
                  + " invoke the function for any source: set SourceArn or SourceAccount");
        }
      }
    }
  }
}
