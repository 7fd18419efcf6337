package dev.lambdasec.rules.cloudwatch;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.FunctionAlarms;
import dev.lambdasec.rules.support.LiveFacts;

/** Flags live functions whose errors no alarm reports to anyone. */
@RuleInfo(
    id = "CLOUDWATCH-001",
    title = "Function errors raise an alarm with an action",
    severity = Severity.LOW,
    controls = {Control.LOG},
    sources = {SourceKind.AWS})
public final class FunctionErrorsAreAlarmed implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LambdaFunction f : ctx.app().functions()) {
      if (LiveFacts.isLive(ctx.app(), f) && f.name().isPresent()) {
        FunctionAlarms.judge(
            ctx,
            out,
            f,
            Subject.of(f),
            "function " + f.name().get(),
            "AWS/Lambda",
            "Errors",
            "FunctionName",
            f.name().get(),
            "failures (including those an attacker provokes) go unnoticed");
      }
    }
  }
}
