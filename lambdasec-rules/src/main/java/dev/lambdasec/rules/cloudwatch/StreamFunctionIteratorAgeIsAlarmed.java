package dev.lambdasec.rules.cloudwatch;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.model.EventSourceMapping;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.FunctionAlarms;
import dev.lambdasec.rules.support.LiveFacts;
import java.util.Set;

/**
 * Flags live functions reading a stream (Kinesis, DynamoDB Streams, Kafka) whose iterator age no
 * alarm watches: a stuck consumer silently falls behind until records expire.
 */
@RuleInfo(
    id = "CLOUDWATCH-003",
    title = "Stream-reading function has an iterator age alarm with an action",
    severity = Severity.LOW,
    controls = {Control.LOG},
    sources = {SourceKind.AWS})
public final class StreamFunctionIteratorAgeIsAlarmed implements Rule {

  private static final Set<String> STREAMS = Set.of("kinesis", "dynamodb", "kafka");

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      if (!LiveFacts.isLive(ctx.app(), f) || !f.name().isPresent() || !readsStream(ctx, f)) {
        continue;
      }
      FunctionAlarms.judge(
          ctx,
          out,
          f,
          Subject.of(f),
          "function " + f.name().get(),
          "AWS/Lambda",
          "IteratorAge",
          "FunctionName",
          f.name().get(),
          "a consumer that falls behind loses records when the stream's retention expires");
    }
  }

  private static boolean readsStream(RuleContext ctx, LambdaFunction f) {
    for (EventSourceMapping m : ctx.app().eventSourceMappings()) {
      if (STREAMS.contains(m.sourceType().orElse(""))
          && ctx.app()
              .resolve(m.function(), LambdaFunction.class)
              .filter(t -> t == f)
              .isPresent()) {
        return true;
      }
    }
    return false;
  }
}
