package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;

/** Flags functions without active X-Ray tracing. */
@RuleInfo(
    id = "LAMBDA-011",
    title = "Function has active tracing",
    severity = Severity.LOW,
    controls = {Control.LOG},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class FunctionHasActiveTracing implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      if (f.tracingMode().isUnresolved()) {
        out.unknown(
            f,
            f.tracingMode().origin(),
            "The tracing mode of " + f.id() + " is " + f.tracingMode().describe());
      } else if ("Active".equals(f.tracingMode().orElse(""))) {
        out.pass(f, "Function " + f.id() + " traces requests actively");
      } else {
        out.fail(
            f,
            f.tracingMode().origin(),
            "Function "
                + f.id()
                + " has tracing "
                + f.tracingMode().orElse("PassThrough")
                + ", so its requests are not traced end to end");
      }
    }
  }
}
