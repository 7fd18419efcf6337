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

/**
 * Flags regions where AWS Config does not record Lambda function configuration (no recorder,
 * recorder stopped, or Lambda excluded).
 */
@RuleInfo(
    id = "ACCOUNT-003",
    title = "AWS Config records Lambda functions",
    severity = Severity.MEDIUM,
    controls = {Control.AUDIT},
    sources = {SourceKind.AWS})
public final class ConfigRecordsLambdaFunctions implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (AccountRegion region : ctx.app().accountRegions()) {
      ServiceVerdicts.judge(
          out,
          region,
          region.configRecording().isUnresolved() || !region.configRecording().orElse(false)
              ? region.configRecording()
              : region.configRecordsLambda(),
          "AWS Config recording of Lambda functions",
          "configuration changes of functions are not recorded for review");
    }
  }
}
