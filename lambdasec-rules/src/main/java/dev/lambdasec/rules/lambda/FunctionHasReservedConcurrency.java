package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;

/**
 * Flags functions without reserved concurrency: one flooded function can exhaust the account's
 * concurrency and run up cost.
 */
@RuleInfo(
    id = "LAMBDA-015",
    title = "Function limits its concurrency",
    severity = Severity.LOW,
    controls = {Control.AUTH},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class FunctionHasReservedConcurrency implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      if (f.reservedConcurrency().isUnresolved()) {
        out.unknown(
            f,
            f.reservedConcurrency().origin(),
            "The reserved concurrency of " + f.id() + " is " + f.reservedConcurrency().describe());
      } else if (f.reservedConcurrency().isPresent()) {
        out.pass(
            f,
            "Function "
                + f.id()
                + " reserves "
                + f.reservedConcurrency().get()
                + " concurrent executions");
      } else {
        out.fail(
            f,
            f.origin(),
            "Function "
                + f.id()
                + " sets no reserved concurrency, so a flood of requests can use the account's whole concurrency");
      }
    }
  }
}
