package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import java.util.Map;

/** Flags functions with environment variables that are encrypted only with the AWS managed key. */
@RuleInfo(
    id = "LAMBDA-006",
    title = "Environment variables are encrypted with a customer-managed KMS key",
    severity = Severity.MEDIUM,
    controls = {Control.SECRET, Control.ENC},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class EnvironmentIsEncryptedWithCustomerKey implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      if (f.environment().isPresent() && f.environment().get().isEmpty()) {
        continue;
      }
      if (f.kmsKey().isPresent()) {
        out.pass(
            f, "The environment of " + f.id() + " is encrypted with " + f.kmsKey().get().display());
      } else if (f.kmsKey().isUnresolved() || f.environment().isUnresolved()) {
        out.unknown(
            f, f.kmsKey().origin(), "The KMS key of " + f.id() + " is " + f.kmsKey().describe());
      } else {
        out.fail(
            f,
            f.environment().origin(),
            "Function "
                + f.id()
                + " has "
                + f.environment().orElse(Map.of()).size()
                + " environment variable(s) but no KmsKeyArn: with the AWS managed key, anyone allowed"
                + " lambda:GetFunctionConfiguration sees them decrypted");
      }
    }
  }
}
