package dev.lambdasec.rules.cloudwatch;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.Alarm;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.Unreadable;

/** Flags alarms on Lambda or SQS metrics whose actions are disabled or missing. */
@RuleInfo(
    id = "CLOUDWATCH-004",
    title = "Alarm on a Lambda or queue metric notifies someone",
    severity = Severity.LOW,
    controls = {Control.LOG},
    sources = {SourceKind.AWS})
public final class LambdaAlarmHasActions implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Alarm a : ctx.app().alarms()) {
      if (a.actionsEnabled().isUnresolved()) {
        out.unknown(
            a,
            a.actionsEnabled().origin(),
            Unreadable.message("ActionsEnabled of " + a.id(), a.actionsEnabled()));
      } else if (!a.actionsEnabled().orElse(true)) {
        out.fail(
            a,
            a.actionsEnabled().origin(),
            "Alarm "
                + a.id()
                + " has its actions disabled: it changes state without telling anyone");
      } else if (a.alarmActions().stream().noneMatch(Value::isPresent)) {
        out.fail(
            a,
            a.origin(),
            "Alarm " + a.id() + " has no alarm action: it changes state without telling anyone");
      } else {
        out.pass(
            a, "Alarm " + a.id() + " runs " + a.alarmActions().size() + " action(s) when it fires");
      }
    }
  }
}
