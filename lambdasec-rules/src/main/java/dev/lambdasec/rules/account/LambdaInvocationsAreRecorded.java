package dev.lambdasec.rules.account;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.AccountRegion;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Trail;
import dev.lambdasec.model.Value;
import dev.lambdasec.rules.support.LiveFacts;
import dev.lambdasec.rules.support.Unreadable;
import java.util.List;

/**
 * Flags regions with functions where no logging trail records Lambda {@code Invoke} data events:
 * who invoked which function, from where, stays unknown after an incident.
 */
@RuleInfo(
    id = "ACCOUNT-002",
    title = "Lambda invocations are recorded as CloudTrail data events",
    severity = Severity.LOW,
    controls = {Control.LOG, Control.AUDIT},
    sources = {SourceKind.AWS})
public final class LambdaInvocationsAreRecorded implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (AccountRegion region : ctx.app().accountRegions()) {
      if (LiveFacts.functionsIn(ctx.app(), region).isEmpty()) {
        out.notApplicable(region, "No function runs in " + LiveFacts.where(region));
        continue;
      }
      if (region.trails().isUnresolved()) {
        out.unknown(
            region,
            region.trails().origin(),
            "The trails of " + LiveFacts.where(region) + " are " + region.trails().describe());
        continue;
      }
      List<Trail> logging =
          LiveFacts.trails(ctx.app(), region).stream()
              .filter(t -> t.logging().orElse(false))
              .toList();
      List<Trail> recording =
          logging.stream().filter(t -> t.lambdaDataEvents().orElse(false)).toList();
      if (!recording.isEmpty()) {
        out.pass(
            region,
            "Trail "
                + recording.get(0).id()
                + " records every Lambda invocation in "
                + LiveFacts.where(region));
      } else if (logging.stream().anyMatch(t -> t.lambdaDataEvents().isUnresolved())) {
        out.unknown(
            region,
            region.trails().origin(),
            Unreadable.message(
                "The event selectors of the trails of " + LiveFacts.where(region),
                logging.stream().map(Trail::lambdaDataEvents).toArray(Value<?>[]::new)));
      } else {
        out.fail(
            region,
            region.trails().origin(),
            "No logging trail records Lambda Invoke data events in "
                + LiveFacts.where(region)
                + ": who invoked a function stays unknown");
      }
    }
  }
}
