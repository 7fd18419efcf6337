package dev.lambdasec.rules.cloudtrail;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Trail;

/** Flags trails whose log files are encrypted only with S3-managed keys. */
@RuleInfo(
    id = "CLOUDTRAIL-003",
    title = "Trail encrypts its logs with a KMS key",
    severity = Severity.MEDIUM,
    controls = {Control.LOG, Control.ENC},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class TrailIsEncryptedWithKms implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Trail trail : ctx.app().trails()) {
      if (trail.kmsKey().isUnresolved()) {
        out.unknown(
            trail,
            trail.kmsKey().origin(),
            "KMSKeyId of " + trail.id() + " is " + trail.kmsKey().describe());
      } else if (trail.kmsKey().isPresent()) {
        out.pass(
            trail,
            "Trail " + trail.id() + " encrypts its logs with " + trail.kmsKey().get().display());
      } else {
        out.fail(
            trail,
            trail.origin(),
            "Trail "
                + trail.id()
                + " has no KMSKeyId; anyone who can read the bucket can read the audit trail");
      }
    }
  }
}
