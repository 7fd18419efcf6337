package dev.lambdasec.rules.lambda;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.ServiceNotification;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.Unreadable;
import java.util.List;
import java.util.TreeSet;

/**
 * Flags functions invoked asynchronously (S3, SNS, EventBridge, schedules…) that have neither a
 * dead-letter queue nor an on-failure destination: events that fail every retry are dropped
 * silently.
 */
@RuleInfo(
    id = "LAMBDA-013",
    title = "Asynchronously invoked function keeps failed events",
    severity = Severity.LOW,
    controls = {Control.LOG},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class AsyncFunctionHasFailureDestination implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      List<ServiceNotification> triggers =
          ctx.app().notifications().stream()
              .filter(n ->
                  ctx.app()
                      .resolve(n.function(), LambdaFunction.class)
                      .filter(t -> t == f)
                      .isPresent())
              .toList();
      if (triggers.isEmpty()) {
        continue;
      }
      TreeSet<String> services =
          new TreeSet<>(triggers.stream().map(ServiceNotification::service).toList());
      if (f.deadLetterTarget().isPresent() || f.onFailureDestination().isPresent()) {
        out.pass(
            f,
            "Function "
                + f.id()
                + " keeps events that fail ("
                + String.join(", ", services)
                + " triggers)");
      } else if (f.deadLetterTarget().isUnresolved() || f.onFailureDestination().isUnresolved()) {
        out.unknown(
            f,
            f.origin(),
            Unreadable.message(
                "The failure destination of " + f.id(),
                f.deadLetterTarget(),
                f.onFailureDestination()));
      } else {
        out.fail(
            f,
            f.origin(),
            "Function "
                + f.id()
                + " is invoked asynchronously by "
                + String.join(", ", services)
                + " but has no dead-letter queue or on-failure destination: events that fail every retry are lost");
      }
    }
  }
}
