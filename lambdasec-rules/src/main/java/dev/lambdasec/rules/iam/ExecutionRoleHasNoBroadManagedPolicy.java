package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.engine.api.Verdict;
import dev.lambdasec.iam.AwsManagedPolicies;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.ExecutionRoles;
import java.util.Map;
import java.util.Optional;

/**
 * Flags execution roles with an AWS managed policy that grants far more than a function needs,
 * graded by the policy's risk tier in the bundled managed-policy analysis.
 */
@RuleInfo(
    id = "IAM-006",
    title = "Execution role has no broad AWS managed policy",
    severity = Severity.HIGH,
    controls = {Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class ExecutionRoleHasNoBroadManagedPolicy implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    AwsManagedPolicies managed = ctx.iam().awsManagedPolicies();
    for (Role role : ExecutionRoles.all(ctx)) {
      boolean failed = false;
      for (Value<Ref> attachment : role.managedPolicies()) {
        String arn = attachment.known().map(Ref::literal).orElse(null);
        if (arn == null) {
          continue;
        }
        Optional<AwsManagedPolicies.Risk> risk = managed.risk(arn);
        if (risk.isPresent()) {
          failed = true;
          AwsManagedPolicies.Risk r = risk.get();
          out.add(
              new Verdict(
                      Status.FAIL,
                      Subject.of(role).part(r.name()),
                      attachment.origin(),
                      "Execution role "
                          + role.id()
                          + " has the AWS managed policy "
                          + r.name()
                          + " ("
                          + r.tier()
                          + "): "
                          + r.reason(),
                      null,
                      Map.of("policyArn", r.arn(), "tier", r.tier()))
                  .withSeverity(severity(r.tier())));
        }
      }
      if (!failed) {
        out.pass(role, "Execution role " + role.id() + " has no broad AWS managed policy");
      }
    }
  }

  private static Severity severity(String tier) {
    return switch (tier) {
      case "critical" -> Severity.CRITICAL;
      case "high" -> Severity.HIGH;
      default -> Severity.MEDIUM;
    };
  }
}
