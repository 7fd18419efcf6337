package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.iam.Arn;
import dev.lambdasec.iam.Exposure;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Layer;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.SourceKind;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Flags function and layer permissions that grant another AWS account: an account id or principal
 * ARN of another account as the principal, or a source account condition naming one. The
 * application's own account is written {@code ${AWS::AccountId}} in templates and appears in the
 * ARN of a deployed function or layer; other literal account ids count as other accounts unless
 * they are listed as trusted ({@code --trusted-account}). Public statements are LAMBDA-003's
 * concern and are not judged here.
 */
@RuleInfo(
    id = "LAMBDA-017",
    title = "Function and layer permissions grant no untrusted account",
    severity = Severity.MEDIUM,
    controls = {Control.AUTH},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.TERRAFORM,
      SourceKind.AWS
    })
public final class ResourcePolicyGrantsOnlyKnownAccounts implements Rule {

  /**
   * The account of the function or layer the permission is attached to, when its ARN is literal (a
   * deployed resource): a grant to it is the account trusting itself.
   */
  private static Optional<String> ownAccount(RuleContext ctx, Permission permission) {
    Optional<String> arn =
        ctx.app()
            .resolve(permission.target(), Resource.class)
            .flatMap(t ->
                switch (t) {
                  case LambdaFunction f -> f.arn().known();
                  case Layer l -> l.arn().known();
                  default -> Optional.<String>empty();
                });
    return arn.flatMap(Arn::literalAccount);
  }

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Permission permission : ctx.app().permissions()) {
      Set<String> trusted = new HashSet<>(ctx.settings().trustedAccounts());
      ownAccount(ctx, permission).ifPresent(trusted::add);
      Policy policy = ctx.iam().policy(permission.policy());
      String target = permission.target().known().map(r -> r.display()).orElse("its target");
      if (!policy.isResolved()) {
        out.unknown(
            permission, policy.origin(), "The permission " + permission.id() + " cannot be read");
        continue;
      }
      Set<String> others = new LinkedHashSet<>();
      boolean unresolved = false;
      boolean judged = false;
      Statement offending = null;
      for (Statement s : policy.statements()) {
        if (!s.isAllow()) {
          continue;
        }
        Exposure e = Exposure.of(s);
        if (e.isPublic()) {
          continue;
        }
        judged = true;
        unresolved |= e.unresolved();
        Set<String> found = e.otherAccounts(trusted);
        if (!found.isEmpty()) {
          others.addAll(found);
          offending = offending == null ? s : offending;
        }
      }
      if (offending != null) {
        out.fail(
            permission,
            offending.principal() != null ? offending.principal().origin() : offending.origin(),
            "Permission "
                + permission.id()
                + " on "
                + target
                + " grants account(s) "
                + String.join(", ", others)
                + ", which are not listed as trusted");
      } else if (unresolved) {
        out.unknown(
            permission,
            permission.origin(),
            "The principal or conditions of " + permission.id() + " cannot be resolved");
      } else if (judged) {
        out.pass(
            permission,
            "Permission " + permission.id() + " on " + target + " grants no other account");
      }
    }
  }
}
