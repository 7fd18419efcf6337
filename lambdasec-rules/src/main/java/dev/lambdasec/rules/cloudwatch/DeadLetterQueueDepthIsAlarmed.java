package dev.lambdasec.rules.cloudwatch;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.iam.Arn;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.FunctionAlarms;
import dev.lambdasec.rules.support.LiveFacts;
import java.util.List;
import java.util.Optional;

/**
 * Flags live functions whose dead-letter or on-failure queue no alarm watches: failed events pile
 * up there unseen until the queue's retention drops them.
 */
@RuleInfo(
    id = "CLOUDWATCH-005",
    title = "Failure queue of a function has a depth alarm with an action",
    severity = Severity.LOW,
    controls = {Control.LOG},
    sources = {SourceKind.AWS})
public final class DeadLetterQueueDepthIsAlarmed implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      if (!LiveFacts.isLive(ctx.app(), f)) {
        continue;
      }
      for (Value<Ref> target : List.of(f.deadLetterTarget(), f.onFailureDestination())) {
        Optional<Arn> queue =
            target
                .known()
                .map(Ref::literal)
                .flatMap(Arn::parse)
                .filter(a -> a.service().equals("sqs"));
        if (queue.isEmpty()) {
          continue;
        }
        String name = queue.get().resource();
        FunctionAlarms.judge(
            ctx,
            out,
            f,
            Subject.of(f).part(name),
            "queue " + name + " of " + f.id(),
            "AWS/SQS",
            "ApproximateNumberOfMessagesVisible",
            "QueueName",
            name,
            "events that failed every retry pile up unseen");
      }
    }
  }
}
