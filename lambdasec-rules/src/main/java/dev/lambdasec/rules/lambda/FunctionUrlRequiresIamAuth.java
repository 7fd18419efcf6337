package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.SourceKind;

/** Flags function URLs that anyone on the internet can call without signing the request. */
@RuleInfo(
    id = "LAMBDA-001",
    title = "Function URL requires IAM authentication",
    severity = Severity.HIGH,
    controls = {Control.AUTH},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class FunctionUrlRequiresIamAuth implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (FunctionUrl url : ctx.app().functionUrls()) {
      String target = url.function().known().map(r -> r.display()).orElse("its function");
      if (url.authType().isUnresolved()) {
        out.unknown(
            url,
            url.authType().origin(),
            "The AuthType of " + url.id() + " is " + url.authType().describe());
      } else if ("AWS_IAM".equals(url.authType().orElse(""))) {
        out.pass(url, "Function URL " + url.id() + " of " + target + " requires AWS_IAM");
      } else {
        out.fail(
            url,
            url.authType().origin(),
            "Function URL "
                + url.id()
                + " of "
                + target
                + " has AuthType "
                + url.authType().orElse("unset")
                + ": anyone who knows the URL can invoke the function");
      }
    }
  }
}
