package dev.lambdasec.rules.cloudtrail;

import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Results;
import dev.lambdasec.engine.api.Rule;
import dev.lambdasec.engine.api.RuleContext;
import dev.lambdasec.engine.api.RuleInfo;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.Trail;

/** Flags trails that record only the region they are created in. */
@RuleInfo(
    id = "CLOUDTRAIL-001",
    title = "Trail records every region",
    severity = Severity.MEDIUM,
    controls = {Control.LOG, Control.AUDIT},
    sources = {
      SourceKind.CLOUDFORMATION,
      SourceKind.SAM,
      SourceKind.SERVERLESS,
      SourceKind.AWS,
      SourceKind.TERRAFORM
    })
public final class TrailCoversAllRegions implements Rule {

  @Override
  public void evaluate(RuleContext ctx, Results out) {
    for (Trail trail : ctx.app().trails()) {
      if (trail.multiRegion().isUnresolved()) {
        out.unknown(
            trail,
            trail.multiRegion().origin(),
            "IsMultiRegionTrail of " + trail.id() + " is " + trail.multiRegion().describe());
      } else if (trail.multiRegion().orElse(false)) {
        out.pass(trail, "Trail " + trail.id() + " records every region");
      } else {
        out.fail(
            trail,
            trail.multiRegion().origin(),
            "Trail "
                + trail.id()
                + " records only its home region; activity elsewhere goes unrecorded");
      }
    }
  }
}
