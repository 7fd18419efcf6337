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

/** Flags regions without an active IAM Access Analyzer for the account or organization. */
@RuleInfo(
    id = "ACCOUNT-008",
    title = "IAM Access Analyzer is active",
    severity = Severity.LOW,
    controls = {Control.AUDIT, Control.AUTH},
    sources = {SourceKind.AWS})
public final class AccessAnalyzerIsActive implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (AccountRegion region : ctx.app().accountRegions()) {
      ServiceVerdicts.judge(
          out,
          region,
          region.accessAnalyzer(),
          "IAM Access Analyzer",
          "functions, layers and roles shared outside the account are not reported as they appear");
    }
  }
}
