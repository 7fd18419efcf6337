package dev.lambdasec.rules.account;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.AccountRegion;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.LiveFacts;
import dev.lambdasec.rules.support.ServiceVerdicts;

/** Flags regions with functions where Amazon Inspector Lambda code scanning is off. */
@RuleInfo(
    id = "ACCOUNT-006",
    title = "Amazon Inspector scans Lambda code",
    severity = Severity.LOW,
    controls = {Control.AUDIT, Control.INPUT},
    sources = {SourceKind.AWS})
public final class InspectorScansLambdaCode implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (AccountRegion region : ctx.app().accountRegions()) {
      if (LiveFacts.functionsIn(ctx.app(), region).isEmpty()) {
        out.notApplicable(region, "No function runs in " + LiveFacts.where(region));
        continue;
      }
      ServiceVerdicts.judge(
          out,
          region,
          region.inspectorLambdaCode(),
          "Amazon Inspector Lambda code scanning",
          "injection flaws and leaked credentials in function code are not found");
    }
  }
}
