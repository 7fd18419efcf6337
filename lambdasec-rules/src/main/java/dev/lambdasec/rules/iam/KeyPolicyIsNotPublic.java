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
import dev.lambdasec.model.KmsKey;
import dev.lambdasec.model.SourceKind;

/**
 * Flags KMS key policies with an Allow statement open to every principal ({@code "*"}, {@code
 * {"AWS": "*"}}) that no condition narrows to an account, organization or network ({@code
 * kms:CallerAccount}, {@code aws:PrincipalOrgID}, {@code aws:SourceVpce}…): anyone could then use
 * or manage the key that protects the functions' environment variables and logs.
 */
@RuleInfo(
    id = "IAM-019",
    title = "KMS key policies are not public",
    severity = Severity.CRITICAL,
    controls = {Control.ENC, Control.LP},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class KeyPolicyIsNotPublic implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (KmsKey key : ctx.app().kmsKeys()) {
      if (key.keyPolicy().isAbsent()) {
        continue;
      }
      Policy policy = key.keyPolicy().known().map(ctx.iam()::policy).orElse(null);
      if (policy == null || !policy.isResolved()) {
        out.unknown(
            key, key.keyPolicy().origin(), "The key policy of " + key.id() + " cannot be read");
        continue;
      }
      Statement open = null;
      boolean unresolved = false;
      for (Statement s : policy.statements()) {
        if (!s.isAllow()) {
          continue;
        }
        Exposure e = Exposure.of(s);
        if (e.isPublic() && !e.unresolved()) {
          open = s;
          break;
        }
        unresolved |= Exposure.mayBeAnyone(s);
      }
      if (open != null) {
        out.fail(
            key,
            open.principal() != null ? open.principal().origin() : open.origin(),
            "The key policy of "
                + key.id()
                + " lets any principal "
                + String.join(", ", open.action().known())
                + " (statement "
                + open.label()
                + ") without a condition that narrows the caller to an account or organization");
      } else if (unresolved) {
        out.unknown(
            key,
            key.keyPolicy().origin(),
            "The key policy of " + key.id() + " has values lambdasec cannot resolve");
      } else {
        out.pass(key, "The key policy of " + key.id() + " names who may use the key");
      }
    }
  }
}
