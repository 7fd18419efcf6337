package dev.lambdasec.rules.logs;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.LogGroup;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.rules.support.FunctionLogs;

/**
 * Flags log groups without a retention period, and functions whose log group the sources do not
 * declare (Lambda then creates it without retention or a customer-managed key).
 */
@RuleInfo(
    id = "LOGS-001",
    title = "Log group sets a retention period",
    severity = Severity.LOW,
    controls = {Control.LOG},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class LogGroupHasRetention implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (LogGroup group : ctx.app().logGroups()) {
      if (group.retentionDays().isUnresolved()) {
        out.unknown(
            group,
            group.retentionDays().origin(),
            "The retention of " + group.id() + " is " + group.retentionDays().describe());
      } else if (group.retentionDays().isPresent()) {
        out.pass(
            group,
            "Log group "
                + group.id()
                + " keeps events for "
                + group.retentionDays().get()
                + " days");
      } else {
        out.fail(
            group,
            group.origin(),
            "Log group " + group.id() + " has no RetentionInDays, so its events are kept forever");
      }
    }
    for (LambdaFunction f : ctx.app().functions()) {
      if (FunctionLogs.declaredLogGroup(ctx.app(), f).isEmpty()) {
        out.fail(
            f,
            f.origin(),
            "The sources declare no log group for "
                + f.id()
                + ", so Lambda creates "
                + FunctionLogs.logGroupName(ctx.app(), f)
                + " on first use with no retention and no customer-managed key");
      }
    }
  }
}
