package dev.lambdasec.rules.logs;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LogGroup;
import dev.lambdasec.model.SourceKind;

/** Flags declared log groups encrypted only with the CloudWatch Logs service key. */
@RuleInfo(
    id = "LOGS-002",
    title = "Log group is encrypted with a customer-managed KMS key",
    severity = Severity.LOW,
    controls = {Control.LOG, Control.ENC},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class LogGroupIsEncryptedWithCustomerKey implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LogGroup group : ctx.app().logGroups()) {
      if (group.kmsKey().isUnresolved()) {
        out.unknown(
            group,
            group.kmsKey().origin(),
            "The KMS key of " + group.id() + " is " + group.kmsKey().describe());
      } else if (group.kmsKey().isPresent()) {
        out.pass(
            group,
            "Log group " + group.id() + " is encrypted with " + group.kmsKey().get().display());
      } else {
        out.fail(
            group,
            group.origin(),
            "Log group "
                + group.id()
                + " has no KmsKeyId; function logs often carry request data and should be under a key you control");
      }
    }
  }
}
