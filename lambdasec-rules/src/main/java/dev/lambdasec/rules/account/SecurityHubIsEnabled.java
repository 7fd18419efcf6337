package dev.lambdasec.rules.account;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.AccountRegion;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.ServiceVerdicts;

/** Flags regions where Security Hub is not enabled. */
@RuleInfo(
    id = "ACCOUNT-004",
    title = "Security Hub is enabled",
    severity = Severity.MEDIUM,
    controls = {Control.AUDIT},
    sources = {SourceKind.AWS})
public final class SecurityHubIsEnabled implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (AccountRegion region : ctx.app().accountRegions()) {
      ServiceVerdicts.judge(
          out,
          region,
          region.securityHub(),
          "Security Hub",
          "no continuous checks of Lambda controls and no place to gather findings");
    }
  }
}
