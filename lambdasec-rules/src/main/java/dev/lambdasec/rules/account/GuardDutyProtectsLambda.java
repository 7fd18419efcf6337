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

/** Flags regions with functions where GuardDuty Lambda Protection is off (or GuardDuty itself). */
@RuleInfo(
    id = "ACCOUNT-007",
    title = "GuardDuty Lambda Protection is enabled",
    severity = Severity.MEDIUM,
    controls = {Control.AUDIT, Control.LOG},
    sources = {SourceKind.AWS})
public final class GuardDutyProtectsLambda implements Rule {

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
          region.guardDutyLambda(),
          "GuardDuty Lambda Protection",
          "network activity of compromised functions (crypto mining, command and control) goes unnoticed");
    }
  }
}
