package dev.lambdasec.rules.cloudtrail;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Trail;

/** Flags trails without log file integrity validation. */
@RuleInfo(
    id = "CLOUDTRAIL-002",
    title = "Trail validates its log files",
    severity = Severity.MEDIUM,
    controls = {Control.LOG, Control.AUDIT},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class TrailValidatesLogFiles implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Trail trail : ctx.app().trails()) {
      if (trail.logFileValidation().isUnresolved()) {
        out.unknown(
            trail,
            trail.logFileValidation().origin(),
            "EnableLogFileValidation of "
                + trail.id()
                + " is "
                + trail.logFileValidation().describe());
      } else if (trail.logFileValidation().orElse(false)) {
        out.pass(trail, "Trail " + trail.id() + " writes digest files to validate its logs");
      } else {
        out.fail(
            trail,
            trail.logFileValidation().origin(),
            "Trail "
                + trail.id()
                + " does not validate its log files, so tampering with the audit trail cannot be detected");
      }
    }
  }
}
