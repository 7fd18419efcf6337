package dev.lambdasec.rules.kms;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.KmsKey;
import dev.lambdasec.model.SourceKind;

/** Flags customer-managed KMS keys without automatic rotation. */
@RuleInfo(
    id = "KMS-001",
    title = "KMS key rotates automatically",
    severity = Severity.LOW,
    controls = {Control.ENC},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class KeyRotationIsEnabled implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (KmsKey key : ctx.app().kmsKeys()) {
      if (key.rotationEnabled().isUnresolved()) {
        out.unknown(
            key,
            key.rotationEnabled().origin(),
            "EnableKeyRotation of " + key.id() + " is " + key.rotationEnabled().describe());
      } else if (key.rotationEnabled().orElse(false)) {
        out.pass(key, "KMS key " + key.id() + " rotates automatically");
      } else {
        out.fail(
            key,
            key.rotationEnabled().origin(),
            "KMS key " + key.id() + " does not rotate; set EnableKeyRotation");
      }
    }
  }
}
