package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.risk.RiskyActions;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.UnscopedRisk;

/**
 * Flags authored statements that allow permissions-management or resource-exposure actions (IAM
 * writes, resource policies, ACLs) on every resource, unconditionally.
 */
@RuleInfo(
    id = "IAM-013",
    title = "Policies allow no permissions-management actions on every resource",
    severity = Severity.HIGH,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class PolicyAllowsNoUnscopedPermissionsManagement implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    UnscopedRisk.report(
        ctx, out, RiskyActions.Kind.PERMISSIONS_MANAGEMENT, "change who may access resources");
  }
}
