package dev.lambdasec.rules.cloudwatch;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.FunctionAlarms;

/** Flags live functions whose throttling no alarm reports to anyone. */
@RuleInfo(
    id = "CLOUDWATCH-002",
    title = "Function throttling raises an alarm with an action",
    severity = Severity.LOW,
    controls = {Control.LOG},
    sources = {SourceKind.AWS})
public final class FunctionThrottlesAreAlarmed implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    FunctionAlarms.judgeEveryFunction(
        ctx,
        out,
        "Throttles",
        "a flood of requests (or a concurrency-exhaustion attack) that drops invocations goes unnoticed");
  }
}
