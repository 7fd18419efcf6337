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
 * Flags regions of an account whose API activity no logging trail records: changes to functions,
 * roles and permissions there leave no audit trail beyond CloudTrail's 90-day event history.
 */
@RuleInfo(
    id = "ACCOUNT-001",
    title = "Region's API activity is recorded by a logging trail",
    severity = Severity.HIGH,
    controls = {Control.LOG, Control.AUDIT},
    sources = {SourceKind.AWS})
public final class RegionEventsAreRecordedByATrail implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (AccountRegion region : ctx.app().accountRegions()) {
      if (region.trails().isUnresolved()) {
        out.unknown(
            region,
            region.trails().origin(),
            "The trails of " + LiveFacts.where(region) + " are " + region.trails().describe());
        continue;
      }
      List<Trail> trails = LiveFacts.trails(ctx.app(), region);
      List<Trail> logging = trails.stream().filter(t -> t.logging().orElse(false)).toList();
      if (!logging.isEmpty()) {
        out.pass(
            region,
            "Trail " + logging.get(0).id() + " records API activity of " + LiveFacts.where(region));
      } else if (trails.stream().anyMatch(t -> t.logging().isUnresolved())) {
        out.unknown(
            region,
            region.trails().origin(),
            Unreadable.message(
                "Whether the trails of " + LiveFacts.where(region) + " are logging",
                trails.stream().map(Trail::logging).toArray(Value<?>[]::new)));
      } else {
        out.fail(
            region,
            region.trails().origin(),
            trails.isEmpty()
                ? "No trail records API activity of " + LiveFacts.where(region)
                : "The trails recording "
                    + LiveFacts.where(region)
                    + " are stopped ("
                    + String.join(", ", trails.stream().map(Trail::id).toList())
                    + ")");
      }
    }
  }
}
