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
 * Flags authored statements that allow actions creating or returning credentials ({@code
 * iam:CreateAccessKey}, {@code iam:UpdateLoginProfile}…) on every resource, unconditionally.
 */
@RuleInfo(
    id = "IAM-012",
    title = "Policies allow no credential-exposing actions on every resource",
    severity = Severity.HIGH,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class PolicyAllowsNoUnscopedCredentialAccess implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    UnscopedRisk.report(
        ctx, out, RiskyActions.Kind.CREDENTIALS_EXPOSURE, "create or return credentials");
  }
}
