package dev.lambdasec.rules.iam;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Exposure;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SourceKind;
import java.util.Optional;

/** Flags roles that any AWS principal in any account can assume. */
@RuleInfo(
    id = "IAM-007",
    title = "Role trust policy is not open to every principal",
    severity = Severity.CRITICAL,
    controls = {Control.CRED, Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class TrustPolicyIsNotPublic implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Role role : ctx.app().roles()) {
      Optional<Policy> trust = ctx.iam().trustPolicy(role);
      if (trust.isEmpty()) {
        if (role.trustPolicy().isUnresolved()) {
          out.unknown(
              role,
              role.trustPolicy().origin(),
              "The trust policy of " + role.id() + " cannot be read");
        }
        continue;
      }
      boolean failed = false;
      boolean unknown = !trust.get().isResolved();
      for (Statement s : trust.get().statements()) {
        if (!s.isAllow()) {
          continue;
        }
        Exposure e = Exposure.of(s);
        if (e.isPublic() && !e.unresolved()) {
          failed = true;
          out.fail(
              role,
              s.origin(),
              "Role "
                  + role.id()
                  + " can be assumed by any AWS principal: statement "
                  + s.label()
                  + " allows "
                  + (s.notPrincipal() != null ? "Allow with NotPrincipal" : "Principal *")
                  + " without a condition that narrows the caller to an account or organization");
        } else if (Exposure.mayBeAnyone(s)) {
          unknown = true;
        }
      }
      if (failed) {
        continue;
      }
      if (unknown) {
        out.unknown(
            role,
            role.trustPolicy().origin(),
            "The trust policy of " + role.id() + " has values lambdasec cannot resolve");
      } else {
        out.pass(
            role, "The trust policy of " + role.id() + " names the principals that may assume it");
      }
    }
  }
}
