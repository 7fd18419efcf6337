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
import dev.lambdasec.rules.support.Unreadable;

/**
 * Flags resource-policy statements on functions and layers that let anyone in, once the conditions
 * that narrow the caller (source account or ARN, organization, VPC endpoint, event-source token)
 * are counted.
 */
@RuleInfo(
    id = "LAMBDA-003",
    title = "Function and layer resource policies are not public",
    severity = Severity.CRITICAL,
    controls = {Control.AUTH},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class ResourcePolicyIsNotPublic implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Permission permission : ctx.app().permissions()) {
      Policy policy = ctx.iam().policy(permission.policy());
      String target = permission.target().known().map(r -> r.display()).orElse("its target");
      if (!policy.isResolved()) {
        out.unknown(
            permission,
            policy.origin(),
            Unreadable.message("The permission " + permission.id(), policy.unresolvedReason()));
        continue;
      }
      boolean failed = false;
      boolean unknown = false;
      for (Statement s : policy.statements()) {
        if (!s.isAllow()) {
          continue;
        }
        Exposure e = Exposure.of(s);
        if (e.isPublic() && !e.unresolved()) {
          failed = true;
          out.fail(
              permission,
              s.principal() != null ? s.principal().origin() : s.origin(),
              "Permission "
                  + permission.id()
                  + " lets anyone "
                  + String.join(", ", s.action().known())
                  + " on "
                  + target
                  + ": the principal is * and no condition narrows the caller");
        } else if (Exposure.mayBeAnyone(s)) {
          unknown = true;
        }
      }
      if (failed) {
        continue;
      }
      if (unknown) {
        out.unknown(
            permission,
            permission.origin(),
            "The principal or conditions of " + permission.id() + " cannot be resolved");
      } else {
        out.pass(permission, "Permission " + permission.id() + " on " + target + " is not public");
      }
    }
  }
}
